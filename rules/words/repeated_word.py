from functools import lru_cache
from pathlib import Path

import yaml

from lint import dictionaries
from lint.finding import Edit
from lint.registry import register
from lint.rule import Rule

BLOCKS = ("paragraph", "heading", "table_cell")
CONTAINERS = ("link",)  # a bold label and the text after it are not one run


@lru_cache(maxsize=1)
def _allowed() -> dict:
    with open(Path(__file__).with_suffix(".yaml"), encoding="utf-8") as f:
        return (yaml.safe_load(f) or {}).get("allowed", {})


def _runs(block, products):
    """Lists of words that follow each other with nothing but spaces between them.

    A run ends at a line break, code, an image, raw HTML, an attribute list, a number,
    and anything that is not a space between two words (punctuation, a URL).
    """
    runs, current = [], []
    previous = None  # (node, end offset) of the last word

    def flush():
        nonlocal current, previous
        if len(current) > 1:
            runs.append(current)
        current, previous = [], None

    def visit(node):
        nonlocal previous
        for child in node.children:
            if child.type in CONTAINERS:
                visit(child)
            elif child.type == "text" and not child.attrs.get("role") and child.exact:
                words = list(dictionaries.node_words(child, products))
                for word in words:
                    if word.kind == "digits":
                        flush()
                        continue
                    if previous is not None and not _spaced(previous, word):
                        flush()
                    current.append(word)
                    previous = (child, word.end)
                if previous is not None and previous[0] is not child:
                    # a text node without words (punctuation only) separates runs
                    if child.text.strip():
                        flush()
                elif not words and child.text.strip():
                    flush()
            else:
                flush()

    visit(block)
    flush()
    return runs


def _name_then_noun(first: str, second: str) -> bool:
    """`Web Cloud Databases databases`: a capitalised name followed by the common noun."""
    return first[:1].isupper() and first[1:].islower() and second.islower()


def _spaced(previous, word) -> bool:
    """Only whitespace, and some, between the previous word and this one."""
    node, end = previous
    if node is word.node:
        gap = node.text[end:word.start]
    else:
        gap = node.text[end:] + word.node.text[:word.start]
    return bool(gap) and not gap.strip()


@register
class RepeatedWord(Rule):
    """
    What it does
        Reports a word written twice in a row, ignoring case ("the the", "olevaa olevaa",
        "espaço [Espaço Cliente]"), and a repeated pair of words ("of the of the"), in
        prose outside code.

    Why is this bad?
        A repeated word is left behind when a sentence is edited or a translation is
        pasted over another; readers stumble on it and it looks careless. Words are only
        compared when nothing but spaces separates them on one line of one paragraph,
        heading or table cell (a link's text counts, a bold label does not), so separate
        list items, table cells, lines, numbers, "label: label" lines and
        "**Label** label ..." definitions are never compared. A repeated pair must match
        exactly ("Click Connect to connect to" is a button label followed by prose). Grammatical doubles of each language
        ("nous nous", "die die", "dat dat", "had had") are in the rule's YAML allow list.

    Example
        Not using the the same password for several accounts.

    Use instead
        Not using the same password for several accounts.
    """

    id = "words/repeated-word"
    severity = "warning"
    summary = "the same word written twice in a row"
    tags = ("words", "fixable")
    fix = "unsafe"

    def check(self, doc, ctx):
        allowed = set(_allowed().get("all", [])) | set(_allowed().get(doc.language or "", []))
        products = dictionaries.product_names(ctx)
        for block in doc.walk(*BLOCKS):
            for run in _runs(block, products):
                self._check_run(run, allowed, ctx)

    def _check_run(self, run, allowed, ctx):
        lower = [w.text.lower() for w in run]
        i = 1
        while i < len(run):
            if (lower[i] == lower[i - 1] and lower[i] not in allowed
                    and not _name_then_noun(run[i - 1].text, run[i].text)):
                first, second = run[i - 1], run[i]
                edits = []
                if first.node is second.node:
                    edits = [Edit(first.line, first.column + len(first.text), second.line,
                                  second.end_column, "")]
                ctx.report(second.line, second.column, f"'{second.text}' repeats the word before it",
                           end_column=second.end_column, edits=edits)
                i += 1
                continue
            if (i >= 3 and run[i].text == run[i - 2].text and run[i - 1].text == run[i - 3].text
                    and lower[i] != lower[i - 1]):
                a, b = run[i - 1], run[i]
                edits = []
                if run[i - 2].node is b.node:
                    edits = [Edit(run[i - 2].line, run[i - 2].end_column, b.line, b.end_column, "")]
                ctx.report(a.line, a.column,
                           f"'{a.text} {b.text}' repeats the two words before it",
                           end_column=b.end_column if a.line == b.line else None, edits=edits)
            i += 1
