import re
import sys
from functools import lru_cache
from itertools import count
from operator import itemgetter
from pathlib import Path

from lint import dictionaries
from lint.data import load_yaml
from lint.finding import Edit
from lint.registry import register
from lint.rule import Rule

BLOCKS = ("paragraph", "heading", "table_cell")
CONTAINERS = ("link",)  # a bold label and the text after it are not one run


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_yaml(Path(__file__).with_suffix(".yaml")) or {}


def _allowed() -> dict:
    return _data().get("allowed", {})


def _after_comma() -> dict:
    return _data().get("allowed_after_comma", {})


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
                words = dictionaries.node_words(child, products)
                text = child.text
                for word in words:
                    if word.kind == "digits":
                        flush()
                        continue
                    start = word.start
                    if previous is not None:
                        # only whitespace, and some ("".isspace() is False), since the last word
                        last, end = previous
                        if not (text[end:start] if last is child else last.text[end:] + text[:start]).isspace():
                            flush()
                    current.append(word)
                    previous = (child, start + len(word.text))
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
    visit = None  # it calls itself: a cycle the collector would have to find, per text block
    return runs


def _may_repeat(block, products) -> bool:
    """Whether the words ``_runs`` reads in the block, in order, have a word equal to the one
    before it, or n words in a row equal to the n before them (n up to 5), ignoring case:
    what every repeat ``_check_run`` finds needs, as a run is a stretch of those words.
    Told in C, so only the few blocks that pass read their runs word by word."""
    lower = _read_lower(block, products, [])
    return len(set(lower)) != len(lower) and _near_repeat(lower)


def _read_lower(node, products, out: list) -> list:
    """The lowercase words ``_runs`` reads in a node, in order: its texts', a link's in its place.
    Read from each text's words kept by text (``text_entries``): no Word is made."""
    for child in node.children:
        kind = child.type
        if kind == "text":
            if child.exact and not child.attrs.get("role"):
                out += map(str.lower, map(_PIECE, dictionaries.text_entries(child.text, products)))
        elif kind in CONTAINERS:
            _read_lower(child, products, out)
    return out


def _near_repeat(lower) -> bool:
    """A word equal to the one before it, or n words in a row equal to the n before them
    (2 <= n <= 5), in words of which one is there twice: what a repeat needs. Told in C by
    one regex over a string with one character per word (a number per distinct word)."""
    if len(lower) > sys.maxunicode:
        return True  # more words than characters: the runs tell
    first: dict = {}
    return _REPEATED.search("".join(map(chr, map(first.setdefault, lower, count())))) is not None


_REPEATED = re.compile(r"(.{1,5})\1", re.S)  # n <= 5 characters (words) and the same n again


_PIECE = itemgetter(1)  # the word of an entry of dictionaries.text_entries
# whether a block's one text may hold a repeat, by text (as `_may_repeat` tells), for the
# product names it was read with; bounded by the characters kept
_LONE: list = [None, {}, 0]
LONE_KEPT = 1_000_000


def _name_then_noun(first, second) -> bool:
    """`Web Cloud Databases databases`: a capitalised name followed by the common noun.
    A capital at the start of a sentence marks no name: "It it is" is a repetition."""
    a, b = first.text, second.text
    if not (a[:1].isupper() and a[1:].islower() and b.islower()):
        return False
    before = first.node.text[:first.start].rstrip()
    return bool(before) and before[-1] not in ".!?:"


@register
class RepeatedWord(Rule):
    """
    What it does
        Reports a word written twice in a row, ignoring case ("the the", "olevaa olevaa",
        "espaço [Espaço Cliente]"), and a repeated phrase of up to five words ("of the of
        the", "section of your Web Cloud section of your"), in prose outside code.

    Why is this bad?
        A repeated word is left behind when a sentence is edited or a translation is
        pasted over another; readers stumble on it and it looks careless. Words are only
        compared when nothing but spaces separates them on one line of one paragraph,
        heading or table cell (a link's text counts, a bold label does not), so separate
        list items, table cells, lines, numbers, "label: label" lines and
        "**Label** label ..." definitions are never compared. A repeated phrase must match
        exactly ("Click Connect to connect to" is a button label followed by prose).
        German articles that double as relative pronouns ("die die") are allowed only
        right after a comma, where a relative clause starts. Grammatical doubles of each language
        ("nous nous", "die die", "dat dat", "had had") are in the rule's YAML allow list.

    Example
        Not using the the same password for several accounts.

    Use instead
        Not using the same password for several accounts.
    """

    id = "words/repeated-word"
    severity = "warning"
    summary = "the same word written twice in a row"
    tags = ("words",)
    fix = "unsafe"

    def check(self, doc, ctx):
        data = _allowed()
        allowed = set(data.get("all", [])) | set(data.get(doc.language or "", []))
        after_comma = set(_after_comma().get(doc.language or "", []))
        products = dictionaries.product_names(ctx)
        text_entries, lower_case = dictionaries.text_entries, str.lower
        if _LONE[0] is not products:
            _LONE[:] = [products, {}, 0]
        lone = _LONE[1]
        for block in doc.walk(*BLOCKS):
            children = block.children
            if len(children) == 1 and children[0].type == "text":
                # most blocks (cells, headings, plain paragraphs): one text, read here in place,
                # and judged once per text (guides repeat cells, headings and paragraphs)
                child = children[0]
                if not child.exact or child.attrs.get("role"):
                    continue  # no word is read
                text = child.text
                near = lone.get(text)
                if near is None:
                    lower = list(map(lower_case, map(_PIECE, text_entries(text, products))))
                    near = lone[text] = len(set(lower)) != len(lower) and _near_repeat(lower)
                    _LONE[2] += len(text)
                    if _LONE[2] > LONE_KEPT:
                        lone.clear()
                        _LONE[2] = 0
                if not near:
                    continue  # most texts: no word twice
            elif not _may_repeat(block, products):
                continue  # most blocks: no word is near another equal to it
            for run in _runs(block, products):
                self._check_run(run, allowed, after_comma, ctx)

    def _check_run(self, run, allowed, after_comma, ctx):
        lower = [w.text.lower() for w in run]
        if len(set(lower)) == len(lower):
            return  # every repeat ends on a word seen before in the run: most runs have none
        i = 1
        while i < len(run):
            n = _repeat_length(run, lower, i)
            if n == 1:
                first, second = run[i - 1], run[i]
                word = lower[i]
                if (word in allowed or (word in after_comma and _after_a_comma(first))
                        or _name_then_noun(first, second)):
                    n = 0
            if n:
                first, last = run[i - n + 1], run[i]
                before = run[i - n]  # last word of the first occurrence
                edits = []
                if before.node is last.node:
                    edits = [Edit(before.line, before.end_column, last.line, last.end_column, "")]
                if n == 1:
                    message = f"'{last.text}' repeats the word before it"
                else:
                    phrase = " ".join(w.text for w in run[i - n + 1:i + 1])
                    message = f"'{phrase}' repeats the {n} words before it"
                ctx.report(first.line, first.column, message,
                           end_column=last.end_column if first.line == last.line else None,
                           edits=edits)
                i += n
                continue
            i += 1


def _repeat_length(run, lower, i, longest=5) -> int:
    """n when the n words ending at i repeat the n words before them (single words ignoring
    case, longer phrases exactly), else 0. The longest repeat wins."""
    for n in range(min(longest, (i + 1) // 2), 0, -1):
        if lower[i] != lower[i - n]:  # both halves end with the same word: a cheap test first
            continue
        if n == 1:
            return 1
        if all(run[i - k].text == run[i - n - k].text for k in range(n)) and \
                len({lower[i - k] for k in range(n)}) > 1:
            return n
    return 0


def _after_a_comma(word) -> bool:
    before = word.node.text[:word.start].rstrip()
    return before.endswith(",")
