"""Checking one file: read and parse it within its time budget, run the enabled rules,
apply the suppression comments, and return its findings in a stable order."""
from __future__ import annotations

import dataclasses
import os
import traceback
from dataclasses import dataclass, field
from typing import Iterator

from . import registry, suppress
from .budget import TooComplex, seconds_for, time_budget
from .config import ConfigResolver, FileConfig
from .document import PARSED_GUIDE, Document, locale_from_path
from .finding import Finding
from .internal import NOTES, RULE_ERROR, TOO_COMPLEX, UNREADABLE
from .memo import RunMemo
from .rule import Context
from .source import UndecodableFile, decode


@dataclass
class FileResult:
    """What checking one file gave: its findings, and whether it could be read, was fixed or
    came from the cache."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False
    fixed: int = 0  # findings whose fixes --fix applied (or --diff would apply)
    diff: str = ""  # unified diff of the fixes, with --diff
    cached: bool = False
    #: changed-lines mode: the lines the change touched (moved by --fix), which findings are
    #: reported on; None reports every line
    changed: "object | None" = None
    #: the cache entry written for it (key, body), carried back from a worker process
    cache_entry: "tuple[str, bytes] | None" = None
    answers: "dict | None" = None  # spelling answers learnt checking it (lint.answers), for the parent
    #: a cache hit's findings as stored (a lint.cache.Stored), in place of ``findings``, when
    #: the run was asked to keep them so (RunOptions.keep_stored)
    stored: "object | None" = None


def engine_finding(path: str, check, message: str, line: int = 1, column: int = 1) -> Finding:
    """A finding of the engine itself (:mod:`lint.internal`: unreadable, too complex, a rule
    that failed) at ``line``:``column`` of ``path``."""
    return Finding(path, line, column, line, column + 1, check.id, check.severity, message)


def read_document(path: str, effective: FileConfig, data: bytes | None = None,
                  memo: RunMemo | None = None) -> Document | FileResult:
    """The parsed document of ``path`` (read unless ``data`` is given), or a FileResult saying
    why it cannot be read; with a ``memo``, a guide parsed earlier as a sibling is reused."""
    try:
        if data is None:
            with open(path, "rb") as f:
                data = f.read()
    except OSError as e:
        result = FileResult(path, unreadable=True)
        result.findings.append(engine_finding(path, UNREADABLE, f"cannot read: {e.strerror or e}"))
        return result
    locale = effective.locale or locale_from_path(path, effective.locale_pattern)
    try:
        if memo is None:
            return Document.from_bytes(data, path, locale)
        return shared_document(path, decode(data), locale, effective, memo)
    except UndecodableFile as e:
        result = FileResult(path, unreadable=True)
        result.findings.append(engine_finding(path, UNREADABLE, e.message, e.line, e.column))
        return result


def shared_document(path: str, source, locale: str | None, effective: FileConfig,
                     memo: RunMemo) -> Document:
    """Parse ``path`` once per folder: a translation checked earlier may already have parsed
    it as its source, and translations checked later will want it as theirs. The text is
    compared, not assumed: the file may have changed since (a --fix of an earlier file)."""
    key = (PARSED_GUIDE, os.path.abspath(path))
    parsed = memo.peek(key)
    if parsed is not None and parsed.source == source:
        return parsed.renamed(path=path, locale=locale)
    doc = Document.from_source(source, path, locale)
    if parsed is None and reads_siblings(effective):
        as_sibling = doc.renamed(locale=locale_from_path(path, effective.locale_pattern))
        memo.get(key, lambda: as_sibling, scope="folder")
    return doc


def check_document(doc: Document, effective: FileConfig, memo: RunMemo) -> list[Finding]:
    """The findings of the rules ``effective`` enables on ``doc``, suppressed ones left out,
    sorted; a rule that raises gives an ``internal/rule-error`` finding instead of stopping."""
    rules = registry.load()
    findings: list[Finding] = []
    enabled = effective.rules
    if effective.settings.get("skip_deprecated") and doc.frontmatter.data.get("deprecated") is True:
        enabled = [r for r in enabled if r == "frontmatter/deprecated"]
    for rule_id in enabled:
        rule = rules[rule_id]()
        ctx = Context(rule, doc, effective.options[rule_id], memo, effective.severities[rule_id],
                      effective)
        try:
            rule.check(doc, ctx)
        except RecursionError:
            findings.append(engine_finding(doc.path, RULE_ERROR, f"{rule_id}: document nested too deeply"))
            continue
        except Exception as e:  # noqa: BLE001 - one broken rule must not stop the others
            if memo.debug:
                traceback.print_exc()
            findings.append(engine_finding(doc.path, RULE_ERROR, f"{rule_id} failed: {type(e).__name__}: {e}"))
            continue
        findings.extend(ctx.findings)
    findings = _one_note_each(drop_superseded(findings, rules))
    sup = suppress.parse(doc.lines, doc.code_lines, set(rules))
    findings = [f for f in findings if not sup.covers(f.rule, f.line)]
    findings.sort(key=Finding.sort_key)
    return findings


def drop_superseded(findings: list[Finding], rules: dict) -> list[Finding]:
    """One defect, one finding: drop a finding when a finding of a rule that ``supersedes``
    its rule covers the same place (their spans overlap, or start at the same point).

    Done before suppressions, so a ``disable`` comment for the owner's finding silences the
    defect, not just its first report."""
    owners: dict[str, list[tuple[Finding, str]]] = {}
    for f in findings:
        owner = rules.get(f.rule)
        for victim in getattr(owner, "supersedes", ()):
            owners.setdefault(victim, []).append((f, getattr(owner, "supersede_scope", "span")))
    if not owners:
        return findings
    return [f for f in findings if not any(_same_place(o, f, scope) for o, scope in owners.get(f.rule, ()))]


def _same_place(a: Finding, b: Finding, scope: str = "span") -> bool:
    if scope == "line":
        return a.line <= b.line <= a.end_line
    start_a, end_a = (a.line, a.column), (a.end_line, a.end_column)
    start_b, end_b = (b.line, b.column), (b.end_line, b.end_column)
    return start_a == start_b or (start_a < end_b and start_b < end_a)


def _one_note_each(findings: list[Finding]) -> list[Finding]:
    """Several rules ask for the same missing dictionary: one note per file says it."""
    if not any(f.rule in NOTES for f in findings):
        return findings
    seen, kept = set(), []
    for f in findings:
        if f.rule in NOTES:
            if (f.rule, f.message) in seen:
                continue
            seen.add((f.rule, f.message))
        kept.append(f)
    return kept


def parse_and_check(path: str, effective: FileConfig, memo: RunMemo, data: bytes | None = None,
                    display: str | None = None) -> tuple[Document, list[Finding]] | FileResult:
    """Read, parse and check one file within its time budget (:mod:`lint.budget`): the
    document and its findings, or a FileResult saying why it could not be checked."""
    shown = display or path
    try:
        with time_budget(seconds_for(effective.settings)):
            doc = read_document(path, effective, data, memo)
            if isinstance(doc, FileResult):
                for f in doc.findings:
                    f.path = shown
                doc.path = shown
                return doc
            doc.path = shown
            return doc, check_document(doc, effective, memo)
    except TooComplex as e:
        return FileResult(shown, [engine_finding(shown, TOO_COMPLEX, str(e))])
    except RecursionError:
        return FileResult(shown, [engine_finding(shown, TOO_COMPLEX, "document nested too deeply")])


def check_file(path: str, effective: FileConfig, memo: RunMemo, display: str | None = None,
               data: bytes | None = None) -> FileResult:
    """Read ``path`` (or take ``data``), parse and check it: its FileResult."""
    checked = parse_and_check(path, effective, memo, data, display)
    if isinstance(checked, FileResult):
        return checked
    doc, findings = checked
    return FileResult(doc.path, findings)


def iter_results(files: list[str], resolver: ConfigResolver, memo: RunMemo) -> Iterator[FileResult]:
    """:func:`check_file` of each file in turn, with its own configuration."""
    for path in files:
        yield check_file(path, resolver.effective_for(path), memo)


def reads_siblings(effective: FileConfig) -> bool:
    rules = registry.load()
    return any(getattr(rules.get(r), "cross_file", False) for r in effective.rules)
