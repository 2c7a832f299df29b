"""What a rule reports: a position, a message and, optionally, the fix: its edits and whether
``--fix`` may apply them on its own (ruff's applicability)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

SEVERITIES = ("info", "warning", "error")

#: a fix ``--fix`` applies: it changes spacing or markup, never what a reader reads
SAFE = "safe"
#: a fix that changes words (a spelling suggestion, a port label): needs ``--unsafe-fixes``
UNSAFE = "unsafe"
APPLICABILITIES = (SAFE, UNSAFE)


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


class Fix(NamedTuple):
    """A finding's fix: edits applied together or not at all, and their applicability."""

    edits: tuple[Edit, ...]
    applicability: str  # SAFE or UNSAFE

    def applies(self, unsafe: bool = False) -> bool:
        """True if ``--fix`` (with ``--unsafe-fixes`` when ``unsafe``) applies it."""
        return self.applicability == SAFE or (unsafe and self.applicability == UNSAFE)


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
    #: whether ``edits`` are SAFE or UNSAFE to apply, decided by the rule for this finding
    applicability: str = SAFE
    source_line: str = field(default="", compare=False)  # the offending line, for carets and fingerprints

    @property
    def fix(self) -> Fix | None:
        """The fix this finding carries, None when it has no edits."""
        return Fix(self.edits, self.applicability) if self.edits else None

    @property
    def fixable(self) -> bool:
        """True when plain ``--fix`` repairs it (what ``[*]`` and "N fixable" count)."""
        return bool(self.edits) and self.applicability == SAFE

    @property
    def unsafe_fixable(self) -> bool:
        """True when only ``--fix --unsafe-fixes`` repairs it."""
        return bool(self.edits) and self.applicability == UNSAFE

    def sort_key(self):
        return (self.path, self.line, self.column, self.rule, self.message)

    def to_dict(self) -> dict:
        return {
            "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column,
            "rule": self.rule, "severity": self.severity, "message": self.message,
            "fixable": self.fixable,
            "fix": {"applicability": self.applicability} if self.edits else None,
        }
