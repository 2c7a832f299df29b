"""Reading pipe-table rows from raw lines, for tables mistune did and did not recognise."""
from __future__ import annotations

import re

CONTAINER_PREFIX = re.compile(r"^(?:[ \t]*>)*[ \t]*")
DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")


def strip_prefix(line: str) -> tuple[int, str]:
    """Remove block quote markers and indentation; return (columns removed, rest)."""
    m = CONTAINER_PREFIX.match(line)
    return m.end(), line[m.end():]


def split_cells(row: str) -> list[str]:
    """Cells of a pipe row: pipes escaped with a backslash or inside code spans do not split."""
    text = row.strip()
    if "\\" in text or "`" in text:
        cells = _split_escaped(text)
    else:
        cells = text.split("|")  # most rows: nothing can hide a pipe
    if text.startswith("|"):
        cells = cells[1:]
    if text.endswith("|") and not text.endswith("\\|") and cells:
        cells = cells[:-1]
    return cells


def _split_escaped(text: str) -> list[str]:
    """Split at the pipes that are neither escaped nor inside a code span."""
    cells, current, in_code, i = [], [], 0, 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            current.append(text[i:i + 2])
            i += 2
            continue
        if c == "`":
            run = len(text[i:]) - len(text[i:].lstrip("`"))
            in_code = 0 if in_code == run else (run if not in_code else in_code)
            current.append("`" * run)
            i += run
            continue
        if c == "|" and not in_code:
            cells.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    cells.append("".join(current))
    return cells


def looks_like_row(line: str) -> bool:
    _, rest = strip_prefix(line)
    rest = rest.rstrip()
    return rest.startswith("|") and len(split_cells(rest)) >= 2


def is_delimiter_row(line: str) -> bool:
    _, rest = strip_prefix(line)
    cells = split_cells(rest)
    return bool(cells) and all(DELIMITER_CELL.fullmatch(c) for c in cells)


def pipe_row_runs(doc):
    """(first, last) line numbers of each run of two or more consecutive pipe rows outside code."""
    lines, skip = doc.lines, doc.code_lines
    number = doc.body_first_line
    while number <= len(lines):
        if number in skip or not looks_like_row(lines[number - 1]):
            number += 1
            continue
        last = number
        while last + 1 <= len(lines) and last + 1 not in skip and looks_like_row(lines[last]):
            last += 1
        if last > number:
            yield number, last
        number = last + 1
