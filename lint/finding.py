"""What a rule reports: a position, a message and, optionally, the edits that fix it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


class Edit(NamedTuple):
    """Replace the text from (line, column) up to, not including, (end_line, end_column).

    A named tuple rather than a frozen dataclass: a warm re-run rebuilds tens of thousands of
    edits from the cache, and a frozen dataclass pays a guarded setattr per field."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str


@dataclass(slots=True)  # a large run holds many at once; slots halve their size
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    edits: tuple[Edit, ...] = ()
    fix_safe: bool = True
    source_line: str = field(default="", compare=False)  # the offending line, for carets and fingerprints

    @property
    def fixable(self) -> bool:
        return bool(self.edits)

    def sort_key(self):
        return (self.path, self.line, self.column, self.rule, self.message)

    def to_dict(self) -> dict:
        return {
            "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column,
            "rule": self.rule, "severity": self.severity, "message": self.message,
            "fixable": self.fixable,
        }
