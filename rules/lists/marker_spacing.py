import re

from lint.finding import Edit
from lint.registry import register
from lint.rule import Rule

QUOTE = re.compile(r"^(?:[ ]{0,3}>[ ]?)*")
ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-+*]|\d{1,9}[.)])(?P<space>[ \t]+)\S")
EMPTY_ITEM = re.compile(r"^(?P<indent>[ ]{0,3})(?P<marker>[-+*]|\d{1,9}[.)])[ \t]*$")
# a marker glued to the text: `-Vastaus:`, `-[Windows Phone](...)`, `-**Bold**`, `1.Vardas:`, `2)Name`
GLUED = re.compile(r"^(?P<indent>[ ]{0,3})(?P<marker>-|\+|\d{1,3}[.)])"
                   r"(?=(?P<next>[^\W\d_]{2}|[^\W\d_](?![A-Za-z])|\[[^\]\s]|\*\*\w|`\w))")
# `-rf`, `-A`, `-v` and `--option` lines of command-line docs are options, not items
OPTION = re.compile(r"^-(?:[A-Za-z]{1,2}|[a-z]+(?:-[a-z]+)+)(?:$|[\s=,:])")
DOT_BULLET = re.compile(r"^(?P<indent>[ ]{0,3})\.[ \t]+[^\W\d_]")
LOST_MARKER = re.compile(r"^ (?=[^\W\d_])")
MAX_GAP = 2  # blank lines between a glued line and the list item that gives it a list context
# what the four line patterns above can start with, after the indent: most lines start otherwise
MARKER_STARTS = frozenset("-+*.0123456789")


def _split(line: str) -> tuple[int, str, int]:
    """(quote depth, content after the quote markers, column of the content, 0-based)."""
    if not line.startswith((" ", ">")):
        return 0, line, 0  # most lines: no quote marker can start them
    m = QUOTE.match(line)
    return m.group().count(">"), line[m.end():], m.end()


@register
class MarkerSpacing(Rule):
    """
    What it does
        Reports lines that were meant to be list items but will not render as one:

        - a marker glued to its text (`-Vastaus: ...`, `-[Windows Phone](...)`, `1.Vardas:`)
          on a line next to real list items or next to other such lines, with a safe fix that
          inserts one space;
        - `. ` used as a bullet on two or more lines in a row (`. Drafts: Luonnokset`);
        - a marker whose text went to the next line (`- ` alone, then `Text` not indented):
          CommonMark renders an empty bullet and the text as a paragraph after the list, or,
          right after a paragraph, reads the `-` as a heading underline;
        - the first line before a list that lost its marker while the items after it kept
          theirs (` Sie sind Administrator ...` followed by `- Sie können ...`).

        The spacing CommonMark allows after a marker (`1.  Text`, up to four spaces) is not a
        defect. Command-line options (`-A`, `-rf`, `--dport`), negative numbers (`-1`),
        decimals and dates (`1.5`, `18.4.2018`), emphasis (`*text*`, `**bold**`), thematic
        breaks (`---`), headings (`## 2.Vaihe`), code, tables, HTML and escaped markers
        (`1\\. Text`, `\\- Port 21`) are not reported.

    Why is this bad?
        Without the space the line is plain text: it runs into the paragraph or list item
        before it, and the reader sees `-Kieli: ...` glued to the previous item instead of a
        bullet of its own.

    Example
        - Nimi: postituslistasi nimi
        -Kieli: valitse postituslistasi kieli

    Use instead
        - Nimi: postituslistasi nimi
        - Kieli: valitse postituslistasi kieli
    """

    id = "lists/marker-spacing"
    severity = "warning"
    summary = "list line that will not render as an item (marker glued to the text, or lost)"
    tags = ("lists", "rendering")
    fix = "safe"

    def check(self, doc, ctx):
        skip = set(doc.code_lines)
        for kind in ("block_html", "table", "heading", "thematic_break"):  # each type's list, unfiltered
            for node in doc.walk(kind):
                skip.update(range(node.line, node.end_line + 1))
        first = doc.body_first_line
        body = doc.lines[first - 1:]
        kinds, lost = {}, []
        for index, text in enumerate(body):
            # most lines neither start with a marker nor lost one: they are looked at no further
            content = _split(text)[1] if text[:1] in (" ", ">") else text
            if content.lstrip(" \t")[:1] not in MARKER_STARTS:
                if content[:1] == " " and LOST_MARKER.match(content) and index + first not in skip:
                    lost.append(index)
                continue
            n = index + first
            if n in skip:
                continue
            if ITEM.match(content):
                kinds[n] = "item"
            elif EMPTY_ITEM.match(content):
                kinds[n] = "empty"
            elif GLUED.match(content) and not OPTION.match(content):
                kinds[n] = "glued"
            elif DOT_BULLET.match(content):
                kinds[n] = "dot"

        def line(index: int) -> tuple[int, int, str, int]:
            """(number, quote depth, content, column) of the body's line ``index``."""
            return (index + first, *_split(body[index]))

        def neighbour(index: int, step: int, depth: int):
            """The nearest non-blank line above (step -1) or below (+1) in the same quote depth."""
            gap, i = 0, index + step
            while 0 <= i < len(body):
                n, d, content, _ = line(i)
                if d != depth:
                    return None
                if content.strip():
                    return n
                gap += 1
                if gap > MAX_GAP:
                    return None
                i += step
            return None

        # the lines that may be reported, in line order: one finding at most per line
        for index in sorted([n - first for n, kind in kinds.items() if kind != "item"] + lost):
            n, depth, content, col = line(index)
            kind = kinds.get(n)
            if kind == "glued":
                near = [neighbour(index, -1, depth), neighbour(index, 1, depth)]
                if not any(kinds.get(m) in ("item", "glued") for m in near if m):
                    continue
                m = GLUED.match(content)
                at = col + m.end("marker")  # 0-based column of the first text character
                marker = m.group("marker")
                ctx.report(n, col + m.start("marker") + 1,
                           f"no space after the list marker '{marker}': the line will not render as a list item",
                           end_column=at + 1, edits=[Edit(n, at + 1, n, at + 1, " ")])
            elif kind == "dot":
                above, below = n - 1 if index else None, n + 1 if index + 1 < len(body) else None
                if kinds.get(above) != "dot" and kinds.get(below) != "dot":
                    continue
                m = DOT_BULLET.match(content)
                start = col + m.end("indent")
                ctx.report(n, start + 1, "'. ' is not a list marker: the line runs into the paragraph above; use '- '",
                           end_column=start + 2, edits=[Edit(n, start + 1, n, start + 2, "-")])
            elif kind == "empty":
                following = line(index + 1) if index + 1 < len(body) else None
                # (a genuine one-dash setext underline, `Title` then `-`, is followed by a blank line)
                if not following or following[1] != depth or not following[2].strip() \
                        or following[0] in skip or following[2][:1].isspace() or following[0] in kinds:
                    continue
                m = EMPTY_ITEM.match(content)
                start = col + m.end("indent")
                ctx.report(n, start + 1,
                           "empty list item: its text on the next line is not indented under it, so it renders "
                           "outside the item (CommonMark: an empty bullet, or a heading underline after a paragraph); "
                           "put the text after the marker",
                           end_column=start + 1 + len(m.group("marker")))
            elif kind is None:  # a line that starts like a lost marker's
                below = line(index + 1) if index + 1 < len(body) else None
                above = line(index - 1) if index else None
                if not below or below[1] != depth or kinds.get(below[0]) != "item":
                    continue
                if ITEM.match(below[2]).group("indent"):
                    continue
                if above and above[2].strip() and above[0] not in skip:
                    continue
                if content.rstrip().endswith(":"):
                    continue  # an introduction to the list, not an item
                ctx.report(n, col + 1, "this line lost its list marker while the items after it kept theirs",
                           end_column=col + 2)
