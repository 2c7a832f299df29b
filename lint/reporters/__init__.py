"""Output formats. Each module writes a :class:`~lint.reporters.Report` to a text stream."""
from __future__ import annotations

import io
from collections import Counter
from typing import Iterable, Iterator, TextIO

from ..cache import Stored
from ..finding import SAFE, SEVERITIES, UNSAFE, Finding
from .chunked import Chunked  # noqa: F401 - where reporters of other packages find it


class Report:
    """Findings on their way to a reporter, and the summary of those that went by.

    The findings may be a stream: the CLI's is, so that a run over 10,000 guides never holds
    all their findings at once. Reporters iterate the report itself, which counts what passes;
    the summary is complete once they have written every finding, which is where every
    format puts it. ``extra_summary`` may be filled while the stream runs (what a baseline
    absorbed and what ``--fix`` changed are known only at its end)."""

    def __init__(self, findings: Iterable[Finding], files: int, extra_summary: dict | None = None):
        self.findings = findings
        self.files = files
        self.extra_summary = {} if extra_summary is None else extra_summary
        self._counts: Counter | None = None
        self._fixes: Counter | None = None

    def __iter__(self) -> Iterator[Finding]:
        for part in self.parts():
            if type(part) is Stored:
                yield from part.findings()
            else:
                yield part

    def parts(self) -> Iterator["Finding | Stored"]:
        """The findings, except that a cache hit's may come as one :class:`~lint.cache.Stored`
        (for a reporter that writes them as stored); counted as they pass, like ``__iter__``."""
        counts, fixes = Counter(), Counter()
        for f in self.findings:
            if type(f) is Stored:
                f.tally(counts, fixes)
            else:
                counts[f.severity] += 1
                if f.edits:
                    fixes[f.applicability] += 1
            yield f
        self._counts, self._fixes = counts, fixes

    def _tally(self) -> tuple[Counter, Counter]:
        if self._counts is None:  # a list that no reporter has iterated yet: count it
            self.findings = list(self)
        return self._counts, self._fixes

    @property
    def fixable(self) -> int:
        """Findings plain ``--fix`` repairs."""
        return self._tally()[1][SAFE]

    @property
    def unsafe_fixable(self) -> int:
        """Findings whose fix needs ``--unsafe-fixes``."""
        return self._tally()[1][UNSAFE]

    def summary(self) -> dict:
        counts, fixes = self._tally()
        return {"files": self.files, "findings": sum(counts.values()),
                "by_severity": {s: counts.get(s, 0) for s in reversed(SEVERITIES)},
                "fixable": {SAFE: fixes[SAFE], UNSAFE: fixes[UNSAFE]},
                **self.extra_summary}


def _writers():
    from . import github, json_format, sarif, text

    return {"text": text.write, "json": json_format.write, "sarif": sarif.write, "github": github.write}


def write(report: Report, fmt: str, out: TextIO, **kw) -> None:
    _writers()[fmt](report, out, **kw)


def render(report: Report, fmt: str, **kw) -> str:
    out = io.StringIO()
    write(report, fmt, out, **kw)
    return out.getvalue()


FORMATS = ("text", "json", "sarif", "github")
