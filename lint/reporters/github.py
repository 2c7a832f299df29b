"""``--format github``: GitHub Actions workflow commands, one annotation per finding."""
from __future__ import annotations

from .chunked import Chunked

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def write(report, out, **_) -> None:
    lines = Chunked(out)
    for f in report:
        props = (f"file={_escape_property(f.path)},line={f.line},col={f.column},"
                 f"endLine={f.end_line},endColumn={f.end_column},title={_escape_property(f.rule)}")
        lines.add(f"::{LEVEL[f.severity]} {props}::{_escape_data(f.message)}\n")
    lines.flush()
