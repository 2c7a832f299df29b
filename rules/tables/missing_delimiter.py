import re

from lint.finding import SAFE, UNSAFE, Edit
from lint.pipe_rows import is_delimiter_row, pipe_row_runs, split_cells, strip_prefix
from lint.registry import register
from lint.rule import Rule


@register
class MissingDelimiter(Rule):
    """
    What it does
        Reports consecutive lines that look like the rows of a pipe table but have no
        delimiter row (``|---|---|``) under the first one. The padding of such rows is not
        reported again, cell by cell, by ``whitespace/double-space``: one table, one finding.

    Why is this bad?
        Without the delimiter row Markdown does not make a table: the page shows the rows
        as one paragraph of text with pipes in it. Translators often drop the row because
        it carries no words to translate.

    Fix
        Inserts a delimiter row with as many cells as the first row. Safe when the first row
        reads as a header; unsafe (``--unsafe-fixes``) when it holds a number, so looks like
        data that would become a bold header (its header may have been lost too), or when a
        later row has more cells than it, which the table would then drop.

    Example
        |Portti|SSL aktivoitu|SSL deaktivoitu|
        |Saapuva|995|110|

    Use instead
        |Portti|SSL aktivoitu|SSL deaktivoitu|
        |---|---|---|
        |Saapuva|995|110|
    """

    id = "tables/missing-delimiter"
    severity = "error"
    summary = "pipe table rows without a delimiter row render as text"
    tags = ("tables", "rendering")
    fix = "safe"

    def check(self, doc, ctx):
        for first, last in pipe_row_runs(doc):
            if not is_delimiter_row(doc.line(first + 1)):
                self.report(doc, ctx, first, last)

    def report(self, doc, ctx, first, last):
        header = doc.line(first)
        width, rest = strip_prefix(header)
        prefix = header[:width]
        delimiter = prefix + "|" + "---|" * len(split_cells(rest))
        ending = doc.source.endings[first - 1] or doc.source.dominant_ending
        end = len(header) + 1
        doubt = _header_doubt(doc, first, last, split_cells(rest))
        ctx.report(first, width + 1,
                   f"{last - first + 1} table rows (lines {first}-{last}) have no delimiter row "
                   "and render as plain text" + (f"; {doubt}: check the header" if doubt else ""),
                   end_line=first, end_column=end,
                   edits=[Edit(first, end, first, end, ending + delimiter)],
                   applicability=UNSAFE if doubt else SAFE)


NUMBER = re.compile(r"[\d.,:/ -]*\d[\d.,:/ -]*")


def _header_doubt(doc, first: int, last: int, cells: list[str]) -> str:
    """Why making the first row the header may be wrong, or "" when it reads as one."""
    if any(NUMBER.fullmatch(cell.strip()) for cell in cells):
        return "the first row holds a number, so it looks like data"
    widest = max(len(split_cells(strip_prefix(doc.line(n))[1])) for n in range(first, last + 1))
    if widest > len(cells):
        return f"a later row has {widest} cells, the first {len(cells)}, and the table would drop the rest"
    return ""
