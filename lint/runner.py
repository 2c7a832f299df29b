"""Run the enabled rules over documents and collect their findings in a stable order."""
from __future__ import annotations

import os
import traceback
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from . import registry, suppress
from .config import Config, Effective, discover
from .document import Document, locale_from_path
from .finding import Finding
from .internal import RULE_ERROR, UNREADABLE
from .rule import Context
from .source import UndecodableFile

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".guidelint_cache", ".venv", "venv", "__pycache__"}


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False


class Services:
    """Per-process state rules share across files: loaded dictionaries, sibling guides."""

    def __init__(self, debug: bool = False):
        self.debug = debug
        self._cache: dict = {}

    def get(self, key, factory):
        if key not in self._cache:
            self._cache[key] = factory()
        return self._cache[key]


def collect_files(paths: Iterable[str], config: Config | None = None) -> tuple[list[str], list[FileResult]]:
    """Expand directories to their Markdown files; report paths that do not exist."""
    files, missing = [], []
    for path in paths:
        if os.path.isdir(path):
            found = []
            for folder, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                found.extend(os.path.join(folder, n) for n in names if n.lower().endswith(".md"))
            files.extend(sorted(found))
        elif os.path.exists(path) or os.path.islink(path):
            files.append(path)
        else:
            result = FileResult(path, unreadable=True)
            result.findings.append(_engine_finding(path, UNREADABLE, "no such file or directory"))
            missing.append(result)
    if config is not None:
        files = [f for f in files if not config.excluded(f)]
    return files, missing


def _engine_finding(path: str, check, message: str, line: int = 1, column: int = 1) -> Finding:
    return Finding(path, line, column, line, column + 1, check.id, check.severity, message)


def read_document(path: str, effective: Effective, data: bytes | None = None) -> Document | FileResult:
    try:
        if data is None:
            with open(path, "rb") as f:
                data = f.read()
    except OSError as e:
        result = FileResult(path, unreadable=True)
        result.findings.append(_engine_finding(path, UNREADABLE, f"cannot read: {e.strerror or e}"))
        return result
    locale = effective.locale or locale_from_path(path, effective.locale_pattern)
    try:
        return Document.from_bytes(data, path, locale)
    except UndecodableFile as e:
        result = FileResult(path, unreadable=True)
        result.findings.append(_engine_finding(path, UNREADABLE, e.message, e.line, e.column))
        return result


def check_document(doc: Document, effective: Effective, services: Services) -> list[Finding]:
    rules = registry.load()
    findings: list[Finding] = []
    enabled = effective.rules
    if effective.settings.get("skip_deprecated") and doc.frontmatter.data.get("deprecated") is True:
        enabled = [r for r in enabled if r == "frontmatter/deprecated"]
    for rule_id in enabled:
        rule = rules[rule_id]()
        ctx = Context(rule, doc, effective.options[rule_id], services, effective.severities[rule_id],
                      effective)
        try:
            rule.check(doc, ctx)
        except RecursionError:
            findings.append(_engine_finding(doc.path, RULE_ERROR, f"{rule_id}: document nested too deeply"))
            continue
        except Exception as e:  # noqa: BLE001 - one broken rule must not stop the others
            if services.debug:
                traceback.print_exc()
            findings.append(_engine_finding(doc.path, RULE_ERROR, f"{rule_id} failed: {type(e).__name__}: {e}"))
            continue
        findings.extend(ctx.findings)
    sup = suppress.parse(doc.lines, doc.code_lines, set(rules))
    findings = [f for f in findings if not sup.covers(f.rule, f.line)]
    findings.sort(key=Finding.sort_key)
    return findings


def check_file(path: str, effective: Effective, services: Services, display: str | None = None,
               data: bytes | None = None) -> FileResult:
    doc = read_document(path, effective, data)
    if isinstance(doc, FileResult):
        if display:
            for f in doc.findings:
                f.path = display
        return doc
    if display:
        doc.path = display
    try:
        return FileResult(doc.path, check_document(doc, effective, services))
    except RecursionError:
        return FileResult(doc.path, [_engine_finding(doc.path, RULE_ERROR, "document nested too deeply")])


class ConfigResolver:
    """Find each file's configuration: an explicit one, or the nearest above the file."""

    def __init__(self, explicit: Config | None = None, cli_overrides: dict | None = None):
        self.explicit = explicit
        self.cache: dict = {}
        self.overrides = cli_overrides or {}

    def config_for(self, path: str) -> Config:
        config = self.explicit or discover(path, self.cache) or Config()
        return config

    def effective_for(self, path: str) -> Effective:
        effective = self.config_for(path).for_path(path)
        rules = registry.load()
        if self.overrides.get("select"):
            effective.rules = sorted(_expand(self.overrides["select"], rules))
        if self.overrides.get("ignore"):
            drop = set(_expand(self.overrides["ignore"], rules))
            effective.rules = [r for r in effective.rules if r not in drop]
        return effective


def _expand(items, rules):
    from .config import _expand as expand

    return expand(items, rules)


def iter_results(files: list[str], resolver: ConfigResolver, services: Services) -> Iterator[FileResult]:
    for path in files:
        yield check_file(path, resolver.effective_for(path), services)
