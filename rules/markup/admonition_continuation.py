import re

from lint.finding import Edit
from lint.registry import register
from lint.rule import Rule

QUOTE_PREFIX = re.compile(r"^[ \t]{0,3}>[ \t]?")
# a line that starts a block of its own does not continue a paragraph: not a lost `>`
OWN_BLOCK = re.compile(r"^[ \t]*(?:#{1,6}(?:\s|$)|[-*+]\s|\d{1,9}[.)]\s|```|~~~|\||<|!\[)")


@register
class AdmonitionContinuation(Rule):
    """
    What it does
        Reports lines of an admonition (`> [!primary]`, `> [!warning]`...) that lost their
        `>`: text between the admonition's lines and a `>` line that resumes it, text right
        after an admonition that has nothing but its marker, and lines inside the box held
        there only by lazy continuation.

    Why is this bad?
        A line without `>` after a `>` line ends the block quote: the text falls out of the
        box and shows as an ordinary paragraph, the box is left empty or cut in two, and the
        `>` that follows opens a second, empty box.

    Fix
        Puts the admonition's `> ` back at the start of each line (safe).

    Example
        (network_ipaliasing/guide.en-gb.md)
        > [!primary]
        >
        Note that the names of the network interfaces in our examples may differ from your own.
        >

    Use instead
        > [!primary]
        >
        > Note that the names of the network interfaces in our examples may differ from your own.
        >
    """

    id = "markup/admonition-continuation"
    severity = "warning"
    summary = "admonition lines that lost their '>' and fall out of the box"
    tags = ("markup", "rendering")
    fix = "safe"

    def check(self, doc, ctx):
        for node in doc.walk("block_quote"):
            if not node.attrs.get("admonition") or node.inside("block_quote", "list_item"):
                continue
            first = doc.line(node.line)
            prefix = first[:QUOTE_PREFIX.match(first).end()] if QUOTE_PREFIX.match(first) else "> "
            if not prefix.endswith(" "):
                prefix += " "
            lost = [n for n in range(node.line + 1, node.end_line + 1)
                    if doc.line(n).strip() and not QUOTE_PREFIX.match(doc.line(n))]
            run, number = [], node.end_line + 1
            while number <= len(doc.lines) and doc.line(number).strip() and not QUOTE_PREFIX.match(doc.line(number)):
                run.append(number)
                number += 1
            marker_only = not any(c.type == "text" and not c.attrs.get("role") and c.text.strip()
                                  for c in node.walk())
            resumes = number <= len(doc.lines) and QUOTE_PREFIX.match(doc.line(number)) is not None
            if run and (marker_only or resumes) and not OWN_BLOCK.match(doc.line(run[0])):
                lost.extend(run)
            for n in lost:
                column = len(doc.line(n)) - len(doc.line(n).lstrip(" \t")) + 1
                ctx.report(n, column, f"line of the [!{node.attrs['admonition']}] box that starts at line "
                           f"{node.line} has lost its '>': it falls out of the box",
                           end_column=len(doc.line(n)) + 1, edits=[Edit(n, 1, n, column, prefix)])
