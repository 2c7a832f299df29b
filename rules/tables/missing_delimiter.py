from lint.finding import Edit
from lint.pipe_rows import is_delimiter_row, pipe_row_runs, split_cells, strip_prefix
from lint.registry import register
from lint.rule import Rule


@register
class MissingDelimiter(Rule):
    """
    What it does
        Reports consecutive lines that look like the rows of a pipe table but have no
        delimiter row (``|---|---|``) under the first one.

    Why is this bad?
        Without the delimiter row Markdown does not make a table: the page shows the rows
        as one paragraph of text with pipes in it. Translators often drop the row because
        it carries no words to translate.

    Fix
        Inserts a delimiter row with as many cells as the header (safe).

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
    tags = ("tables", "rendering", "fixable")
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
        ctx.report(first, width + 1,
                   f"{last - first + 1} table rows (lines {first}-{last}) have no delimiter row "
                   "and render as plain text",
                   end_line=first, end_column=end,
                   edits=[Edit(first, end, first, end, ending + delimiter)])
