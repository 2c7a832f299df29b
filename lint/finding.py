"""What a rule reports: a position, a message and, optionally, the edits that fix it."""
from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Edit:
    """Replace the text from (line, column) up to, not including, (end_line, end_column)."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str


@dataclass
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
