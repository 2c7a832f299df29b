import re
from bisect import bisect_left

from lint.finding import Edit
from lint.registry import register
from lint.rule import Rule
from lint.pipe_rows import pipe_row_runs, strip_prefix

RUN = re.compile(r"(?<=\S)( {2,})(?=\S)")
INLINE_BLOCKS = ("paragraph", "heading", "table_cell")
OPAQUE = ("codespan", "inline_html")  # their inner spacing is content, not prose


@register
class DoubleSpace(Rule):
    """
    What it does
        Reports two or more spaces between words of prose, including next to bold text,
        links and code spans (``en  **POP**``).

    Why is this bad?
        Doubled spaces are left behind by edits, old converters and translation tools;
        they often mark a lost word or separator, and show in diffs and in some renderers.
        Indentation, block quote and list markers with their allowed spacing
        (``1.  Text``), the padding that aligns table columns, a hard line break (two
        spaces at the end of a line) and the inside of code spans are not reported.

        Rows of a pipe table that Markdown did not make a table (it lost its delimiter row,
        so it renders as a paragraph) keep their padding unreported too: the defect is the
        table's, reported once by ``tables/missing-delimiter``, not once per padded cell.
        Two spaces between words inside such a cell are still reported, as in a table.

    Example
        Portit 995 ja 465 vastaavat  aktivoitua SSL-suojausta.

    Use instead
        Portit 995 ja 465 vastaavat aktivoitua SSL-suojausta.
    """

    id = "whitespace/double-space"
    severity = "warning"
    summary = "two or more spaces inside prose"
    tags = ("whitespace",)
    fix = "safe"

    def check(self, doc, ctx):
        table_rows = None
        for block in doc.walk(*INLINE_BLOCKS):
            if block.type == "paragraph" and block.inside("table_cell"):
                continue
            if not _has_two_spaces(doc, block):
                continue  # most blocks: no need to walk their inline nodes
            for line, text in _prose_lines(doc, block):
                in_row = False
                if block.type == "paragraph" and strip_prefix(text)[1].startswith("|"):
                    if table_rows is None:
                        table_rows = {n for first, last in pipe_row_runs(doc) for n in range(first, last + 1)}
                    in_row = line in table_rows
                for m in RUN.finditer(text):
                    if in_row and (text[m.start(1) - 1] == "|" or text[m.end(1):m.end(1) + 1] == "|"):
                        continue  # a cell's padding in a table Markdown did not recognise
                    column, end = m.start(1) + 1, m.end(1) + 1
                    ctx.report(line, column, f"{len(m.group(1))} spaces between words",
                               end_column=end, edits=[Edit(line, column, line, end, " ")])


def _has_two_spaces(doc, block) -> bool:
    """A run needs two spaces in the source, on one of the block's own lines."""
    found = doc.memo(_two_space_lines)
    i = bisect_left(found, block.line)
    return i < len(found) and found[i] <= block.end_line


def _two_space_lines(doc) -> list[int]:
    # the lines are searched once, not once per block (a list's blocks share its lines)
    return [n for n, line in enumerate(doc.lines, 1) if "  " in line]


def _prose_lines(doc, block):
    """Each line of the block as written, with everything outside its inline content and
    inside code spans, raw HTML and link destinations hidden."""
    spans: dict[int, list[int]] = {}
    masks: list[tuple[int, int, int]] = []
    for node in block.walk():
        if node is block or node.line != node.end_line:
            continue
        lo_hi = spans.setdefault(node.line, [node.column, node.end_column])
        lo_hi[0], lo_hi[1] = min(lo_hi[0], node.column), max(lo_hi[1], node.end_column)
        if node.type in OPAQUE:
            masks.append((node.line, node.column, node.end_column))
        elif node.type in ("link", "image") and "dest_column" in node.attrs:
            masks.append((node.line, node.attrs["dest_column"], node.end_column))
    for line, (lo, hi) in sorted(spans.items()):
        source = doc.line(line)
        chars = [" "] * (lo - 1) + list(source[lo - 1:hi - 1])
        for mask_line, start, stop in masks:
            if mask_line == line:
                for i in range(start - 1, min(stop - 1, len(chars))):
                    chars[i] = "x"
        yield line, "".join(chars)
