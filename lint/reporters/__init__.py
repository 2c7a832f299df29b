"""Output formats. Each module turns a :class:`~lint.reporters.Report` into text."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..finding import SEVERITIES, Finding


@dataclass
class Report:
    findings: list[Finding]
    files: int
    extra_summary: dict = field(default_factory=dict)

    def summary(self) -> dict:
        counts = Counter(f.severity for f in self.findings)
        return {"files": self.files, "findings": len(self.findings),
                "by_severity": {s: counts.get(s, 0) for s in reversed(SEVERITIES)},
                **self.extra_summary}


def render(report: Report, fmt: str, **kw) -> str:
    from . import github, json_format, sarif, text

    formats = {"text": text.render, "json": json_format.render, "sarif": sarif.render,
               "github": github.render}
    return formats[fmt](report, **kw)


FORMATS = ("text", "json", "sarif", "github")
