"""Pipe-table rows read from the raw lines, for tables mistune did and did not recognise.

A guide's table often lacks its delimiter row, and mistune then reads its rows as a
paragraph: the table rules and the port reader find such rows in ``doc.lines`` with these
functions, so both split a row into cells the same way.
"""
from __future__ import annotations

import re

CONTAINER_PREFIX = re.compile(r"^(?:[ \t]*>)*[ \t]*")
DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")
_PIPE_TOKENS = re.compile(r"\\.|`+|\|", re.S)


def strip_prefix(line: str) -> tuple[int, str]:
    """Remove block quote markers and indentation; return (characters removed, rest)."""
    m = CONTAINER_PREFIX.match(line)
    return m.end(), line[m.end():]


def cells(row: str) -> list[tuple[int, str]]:
    """(offset in ``row``, text) of each cell of a pipe row, trailing spaces of the row aside.

    A pipe escaped with a backslash or inside a code span does not split. The outer pipes
    are optional, as in GitHub's tables: a blank part before the first pipe or after the
    last one is no cell."""
    text = row.rstrip()
    if "\\" in text or "`" in text:
        out, start = [], 0
        for pipe in _pipes_outside_code(text):
            out.append((start, text[start:pipe]))
            start = pipe + 1
        out.append((start, text[start:]))
    else:  # most rows: nothing can hide a pipe
        out, start = [], 0
        for part in text.split("|"):
            out.append((start, part))
            start += len(part) + 1
    if len(out) == 1:
        return out if text.strip() else []
    if not out[0][1].strip():
        del out[0]
    if not out[-1][1]:
        del out[-1]
    return out


def _pipes_outside_code(text: str) -> list[int]:
    """Offsets of the pipes that are neither escaped nor inside a code span."""
    # read token by token (an escape, a run of backticks, a pipe), the rest skipped in C: a
    # backtick run opens a code span that only a run of the same length closes
    pipes, in_code = [], 0
    for m in _PIPE_TOKENS.finditer(text):
        token = m.group()
        if token == "|":
            if not in_code:
                pipes.append(m.start())
        elif token[0] == "`":
            run = len(token)
            in_code = 0 if in_code == run else (run if not in_code else in_code)
    return pipes


def split_cells(row: str) -> list[str]:
    """The texts of :func:`cells`."""
    return [text for _, text in cells(row)]


def looks_like_row(line: str) -> bool:
    """A line that starts with a pipe (inside its block quotes) and has two cells or more."""
    if "|" not in line:
        return False  # most lines: no need to strip their prefix
    _, rest = strip_prefix(line)
    return rest.startswith("|") and len(cells(rest)) >= 2


def is_delimiter_row(line: str) -> bool:
    """``|---|:-:|``: every cell is dashes with optional alignment colons."""
    _, rest = strip_prefix(line)
    found = cells(rest)
    return bool(found) and all(DELIMITER_CELL.fullmatch(text) for _, text in found)


def pipe_row_runs(doc):
    """(first, last) line numbers of each run of two or more consecutive pipe rows outside code."""
    return iter(doc.memo(_pipe_row_runs))  # the table rules each ask


def _pipe_row_runs(doc) -> list[tuple[int, int]]:
    runs = []
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
            runs.append((number, last))
        number = last + 1
    return runs
