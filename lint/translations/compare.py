"""The translation checks on two files named explicitly (``guidelint compare SOURCE TARGET``).

Whatever the layout (``content/en/docs/x.md`` against ``content/ko/docs/x.md``), the target
is checked by every enabled ``translation/`` rule against the given source, and the run ends
with a one-word verdict for scripts: ``retired`` (the translation is deprecated or hidden,
its source live: its content is not compared), ``structure_changed`` (the structures part),
``outdated`` (content drift), or ``up_to_date`` (QA findings of single slips may remain).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..document import PARSED_GUIDE, Document, locale_from_path
from ..finding import Finding

FAMILY = "translation/"
VERDICTS = ("up_to_date", "outdated", "structure_changed", "retired")
NOT_IN_COMPARE = {"translation/missing-source"}  # the source is given


@dataclass
class Comparison:
    source: str
    target: str
    findings: list[Finding]
    verdict: str
    unreadable: bool = False
    differences: list[dict] = field(default_factory=list)  # every difference, for the JSON report


def verdict_of(findings) -> str:
    rules = {f.rule for f in findings}
    if "translation/structure-mismatch" in rules:
        return "structure_changed"
    if "translation/outdated" in rules:
        return "outdated"
    return "up_to_date"


def translation_rules(effective) -> list[str]:
    return [r for r in effective.rules if r.startswith(FAMILY) and r not in NOT_IN_COMPARE]


def _read(path: str, locale: str | None, pattern: str) -> Document:
    with open(path, "rb") as f:
        data = f.read()
    return Document.from_bytes(data, path, locale or locale_from_path(path, pattern))


def compare(source: str, target: str, config=None, source_locale: str | None = None,
            target_locale: str | None = None, services=None) -> Comparison:
    """Check ``target`` against ``source``; raises OSError / UndecodableFile when unreadable."""
    from ..runner import ConfigResolver, Services, check_document

    resolver = ConfigResolver(config)
    effective = resolver.effective_for(target)
    effective.rules = translation_rules(effective)
    services = services or Services()
    pattern = effective.locale_pattern
    source_doc = _read(source, source_locale or _guess_locale(source, target, 0), pattern)
    target_doc = _read(target, target_locale or effective.locale or _guess_locale(source, target, 1), pattern)
    # the pair the rules build: this source for this target, whatever the folder says
    services.get(("translation-explicit-source", os.path.abspath(target)), lambda: source)
    services.get((PARSED_GUIDE, os.path.abspath(source)), lambda: source_doc)
    findings = check_document(target_doc, effective, services)
    from .align import retired

    state = "retired" if retired(source_doc, target_doc) else verdict_of(findings)
    return Comparison(source, target, findings, state, differences=_differences(source_doc, target_doc, effective)
                      if state != "retired" else [])


def _differences(source_doc, target_doc, effective) -> list[dict]:
    """The differences behind the verdict, which the one-line findings only summarise."""
    from .align import make_pair
    from .diff import drift

    return [{"kind": d.kind, "line": d.line, "source_line": d.source_line, "detail": d.detail,
             "qa_slip": d.slip} for d in drift(make_pair(source_doc, target_doc), effective)]


def _guess_locale(source: str, target: str, which: int) -> str | None:
    """``content/en/docs/x.md`` vs ``content/ko/docs/x.md``: the path segment where they differ."""
    a, b = source.replace("\\", "/").split("/"), target.replace("\\", "/").split("/")
    if len(a) != len(b):
        return None
    diffs = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diffs) == 1:
        value = diffs[0][which].lower()
        import re

        if re.fullmatch(r"[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?", value):
            return value.replace("_", "-")
    return None
