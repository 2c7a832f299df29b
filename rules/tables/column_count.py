from lint.pipe_rows import is_delimiter_row, pipe_row_runs, split_cells, strip_prefix
from lint.registry import register
from lint.rule import Option, Rule


@register
class ColumnCount(Rule):
    """
    What it does
        Reports a table row with a different number of cells than the table's header, also
        in rows that lack their delimiter row (tables/missing-delimiter reports those; they
        render as a table once it is added).

    Why is this bad?
        Renderers drop the extra cells or pad the missing ones, and some (mistune among
        them) refuse the whole table and show it as text: a value silently moves to the
        wrong column or disappears. Usually a pipe was lost or added in translation.

    Options
        report_short_rows: also report rows with fewer cells than the header. Off by
        default: GFM renderers pad a short row with empty cells, and guides leave trailing
        cells out on purpose (a menu table with an empty last column). Extra cells are
        always reported: their content is dropped from the page.

    Example
        |Ports|SSL enabled|SSL disabled|
        |---|---|---|
        |Incoming|993|143|
        |Outgoing|465|5|87|

    Use instead
        |Ports|SSL enabled|SSL disabled|
        |---|---|---|
        |Incoming|993|143|
        |Outgoing|465|587|
    """

    id = "tables/column-count"
    severity = "error"
    summary = "table row has a different number of cells than the header"
    tags = ("tables", "rendering")
    options = {"report_short_rows": Option(False, "also report rows with fewer cells than the header")}

    def check(self, doc, ctx):
        for first, last in pipe_row_runs(doc):
            # rows without a delimiter row are counted too: they become a table once
            # tables/missing-delimiter's fix adds one, and their extra cells are lost then
            header = doc.line(first)
            expected = len(split_cells(strip_prefix(header)[1]))
            rows = []
            for number in range(first + 1, last + 1):
                line = doc.line(number)
                if is_delimiter_row(line) or not line.strip():
                    continue
                width, rest = strip_prefix(line)
                rows.append((number, width, len(split_cells(rest)), line))
            wider = [r for r in rows if r[2] > expected]
            if not is_delimiter_row(doc.line(first + 1)) and len(wider) > 1 and 2 * len(wider) >= len(rows):
                # most rows are wider than the first: the first row is the odd one out
                counts = sorted({r[2] for r in wider})
                ctx.report(first, strip_prefix(header)[0] + 1,
                           f"first row has {expected} cell{'s' if expected != 1 else ''} but {len(wider)} of the "
                           f"{len(rows)} rows below have {' or '.join(map(str, counts))}: with a delimiter row "
                           "under it, their last cells are dropped", end_column=len(header) + 1)
                continue
            for number, width, found, line in rows:
                if found > expected or (found < expected and ctx.option("report_short_rows")):
                    ctx.report(number, width + 1,
                               f"row has {found} cell{'s' if found != 1 else ''}, the header has {expected}",
                               end_column=len(line) + 1)
