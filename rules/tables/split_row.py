import re

from lint.finding import Edit
from lint.pipe_rows import looks_like_row, split_cells, strip_prefix
from lint.registry import register
from lint.rule import Rule

CLOSED = re.compile(r"(?<!\\)\|\s*$")


def _closed_row(line: str) -> bool:
    return looks_like_row(line) and CLOSED.search(line) is not None


@register
class SplitRow(Rule):
    """
    What it does
        Reports a pipe-table row broken over two lines: a row that opens with `|` but does
        not end with one, followed by a line that ends with the row's closing `|` (or is
        only that `|`), in a table whose other rows end with `|`.

    Why is this bad?
        A table row is one line. The first half becomes a row with its last cell cut, the
        second half a paragraph (or an empty row) that breaks the table in two, so the rows
        below it render as text.

    Fix
        Joins the two lines (safe).

    Example
        (ssh_on_webhosting/guide.fi-fi.md)
        | ll arg | long list | Näyttää yksityiskohtaisia tietoja tiedostosta arg.
        |

    Use instead
        | ll arg | long list | Näyttää yksityiskohtaisia tietoja tiedostosta arg. |
    """

    id = "tables/split-row"
    severity = "error"
    summary = "a table row broken over two lines"
    tags = ("tables", "rendering")
    fix = "safe"

    def check(self, doc, ctx):
        skip, lines = doc.code_lines, doc.lines
        for number in range(doc.body_first_line, len(lines)):
            line = lines[number - 1]
            if number in skip or number + 1 in skip or "|" not in line:
                continue
            width, rest = strip_prefix(line)
            if not rest.startswith("|") or CLOSED.search(rest) or len(split_cells(rest)) < 2:
                continue
            tail = lines[number]
            tail_width, tail_rest = strip_prefix(tail)
            if tail_rest.startswith("|") and tail_rest.strip() != "|" or not CLOSED.search(tail_rest):
                continue
            if not self._table_closes_rows(doc, number):
                continue
            kept = line.rstrip()
            ctx.report(number, len(kept) + 1,
                       f"this row goes on on line {number + 1}: a table row must be one line",
                       end_line=number + 1, end_column=len(tail.rstrip()) + 1,
                       edits=[Edit(number, len(kept) + 1, number + 1, tail_width + 1, " ")])

    @staticmethod
    def _table_closes_rows(doc, number: int) -> bool:
        """A row above or below (blank lines between allowed) is a row that ends with `|`."""
        for step, start in ((-1, number - 1), (1, number + 2)):
            n = start
            while 0 < n <= len(doc.lines) and not doc.line(n).strip():
                n += step
            if 0 < n <= len(doc.lines) and n not in doc.code_lines and _closed_row(doc.line(n)):
                return True
        return False
