import re

from lint.finding import Edit
from lint.registry import register
from lint.rule import Option, Rule

from rules.markup._inline import leaf_blocks

# `Label: Label:` and `**Label:** Label:`: up to eight words before a colon, written again at once
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
REPEATED = re.compile(r"(?P<first>(?P<stars>\*\*)?(?P<label>[^\W\d_][^:\n*`|]{1,80}?)\s*:(?P=stars)?)"
                      r"(?P<gap>\s*)(?P<again>(?:\*\*)?(?P=label)\s*:(?:\*\*)?)", re.IGNORECASE)


@register
class RepeatedLabel(Rule):
    """
    What it does
        Reports a label written twice around its colon: `Saapuvan palvelimen portti:
        Saapuvan palvelimen portti: 995`. Case and bold do not matter
        (`**Port:** port: 993`). words/repeated-word compares words in a run and stops at
        punctuation, so it does not see these.

    Why is this bad?
        The reader sees the label twice and wonders whether a value was lost between them.
        It usually comes from a translation memory that inserted the label in front of an
        already translated one.

    Fix
        Removes the second label (unsafe: it changes words).

    Example
        (how_to_configure_android_51/guide.fi-fi.md)
        Saapuvan palvelimen portti: Saapuvan palvelimen portti: 995 ou 110

    Use instead
        Saapuvan palvelimen portti: 995 tai 110
    """

    id = "words/repeated-label"
    severity = "warning"
    summary = "a label written twice around its colon"
    tags = ("words")
    fix = "unsafe"
    options = {"max_words": Option(8, "longest label, in words, compared for a repeat", minimum=1)}

    def check(self, doc, ctx):
        most = ctx.option("max_words")
        # whole lines, not text nodes: bold splits `**Port:** port:` into two nodes. A label
        # written twice needs two colons: only such lines are looked for in the blocks
        rich = [number for number, line in enumerate(doc.lines, 1) if line.count(":") >= 2]
        if not rich:
            return
        covered = {n for block in leaf_blocks(doc) for n in range(block.line, block.end_line + 1)}
        for number in rich:
            if number not in covered:
                continue
            line = doc.lines[number - 1]
            if "`" in line:
                line = CODE_SPAN.sub(lambda m: "\0" * len(m.group()), line)
            if not _may_repeat(line):
                continue
            for m in REPEATED.finditer(line):
                label = m.group("label").strip()
                if len(label.split()) > most or len(label) < 3:
                    continue
                start, end = m.start("again") + 1, m.end("again") + 1
                rest = line[m.end("again"):]
                trailing = len(rest) - len(rest.lstrip(" "))
                ctx.report(number, start, f"label '{label}:' is written twice", end_column=end,
                           edits=[Edit(number, m.start("gap") + 1, number, end + trailing,
                                       " " if trailing or m.group("gap") else "")])


SAME = re.compile(r"([^\n]+)\n\1\Z", re.IGNORECASE)  # "a\nb": a and b equal as REPEATED compares labels


def _may_repeat(line: str) -> bool:
    """Whether the text between two colons in a row, stripped of bold and spaces, also ends
    the text before the first: what every REPEATED match has. REPEATED tries each position of
    the line with each label length up to 80, so it runs only on the few lines that pass."""
    parts = line.split(":")
    for before, between in zip(parts, parts[1:-1]):
        label = between.strip().lstrip("*").lstrip().lstrip("*")
        tail = before.rstrip()[-len(label):] if label else ""
        if tail and len(tail) == len(label) and SAME.match(f"{tail}\n{label}"):
            return True
    return False
