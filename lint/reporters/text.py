"""``--format text``: ``path:line:col: severity rule message``, the line, and a caret."""
from __future__ import annotations

from ..finding import SAFE
from .chunked import Chunked

COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


# A longer line is shown as a window around the column, as rustc and ruff do: a minified or
# generated line of a megabyte, printed once per finding on it, would make the report
# quadratic in the line's length.
WINDOW = 120
BEFORE = 40  # characters kept to the left of the column, for context
ELLIPSIS = "…"


def _window(source: str, column: int) -> tuple[str, int]:
    """The part of ``source`` to show and the column of the finding within it."""
    if len(source) <= WINDOW:
        return source, column
    start = max(0, min(column - 1 - BEFORE, len(source) - WINDOW))
    end = start + WINDOW
    shown = source[start:end]
    if start:
        shown = ELLIPSIS + shown
    if end < len(source):
        shown += ELLIPSIS
    return shown, column - start + (1 if start else 0)


_last_line: list = [None, ""]


def _stripped(source_line: str) -> str:
    # findings on one line share its object: strip a megabyte line once, not per finding
    if source_line is not _last_line[0]:
        _last_line[:] = source_line, source_line.rstrip("\r\n")
    return _last_line[1]


def _caret_line(source: str, column: int, end_column: int, single_line: bool) -> str:
    # keep tabs so the caret lines up under the same character in a terminal
    pad = "".join("\t" if c == "\t" else " " for c in source[:column - 1])
    width = max(1, (end_column - column) if single_line else 1)
    width = min(width, max(1, len(source) - column + 1))
    return pad + "^" + "~" * (width - 1)


def write(report, out, colour: bool = False, **_) -> None:
    lines = Chunked(out)
    for f in report:
        sev = f"{COLOURS[f.severity]}{f.severity}{RESET}" if colour else f.severity
        loc = f"{f.path}:{f.line}:{f.column}:"
        if colour:
            loc = BOLD + loc + RESET
        fix = (" [*]" if f.applicability == SAFE else " [unsafe fix]") if f.edits else ""
        lines.add(f"{loc} {sev} {f.rule} {f.message}{fix}\n")
        if f.source_line:
            src, column = _window(_stripped(f.source_line), f.column)
            caret = _caret_line(src, column, column + f.end_column - f.column, f.end_line == f.line)
            lines.add(f"    {src}\n    {COLOURS[f.severity] + caret + RESET if colour else caret}\n")
    s = report.summary()
    by = s["by_severity"]
    parts = [f"{by[k]} {k}{'s' if by[k] != 1 and k != 'info' else ''}" for k in ("error", "warning", "info")]
    summary = f"{s['findings']} finding{'s' if s['findings'] != 1 else ''} ({', '.join(parts)}) in {s['files']} file{'s' if s['files'] != 1 else ''}"
    extra = dict(report.extra_summary)
    fixing = "fixed" in extra  # after --fix: what it did, then what only --unsafe-fixes would do
    if fixing:
        summary += f"; {extra.pop('fixed')} fixed"
    if report.fixable:
        summary += f"; {report.fixable} fixable with --fix"
    if report.unsafe_fixable:
        if fixing:
            summary += f"; {report.unsafe_fixable} left for --unsafe-fixes"
        else:
            more = " more" if report.fixable else " fixable"
            summary += f"; {report.unsafe_fixable}{more} with --fix --unsafe-fixes"
    for key, value in extra.items():
        words = key.replace("_", " ")
        summary += f"; {value} {words.replace('findings', 'finding') if value == 1 else words}"
    lines.add((DIM + summary + RESET if colour else summary) + "\n")
    lines.flush()
