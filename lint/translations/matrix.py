"""The state of every translation, for a translation manager: the model of ``guidelint translations``.

One row per guide folder, one column per locale. Each cell has a state named in plain words
and the action it calls for (:data:`STATES`): the folder's ``source`` (or ``source retired``
when it is deprecated or hidden), ``up to date``, ``outdated`` / ``sections differ`` (update
it), ``missing`` / ``empty`` (translate it: only where the configuration's
``expected_locales`` expects the locale), ``retired`` (deprecated or hidden here while the
source is live: remove it), ``no source`` and ``unreadable``. A cell no one expects and no
file fills is ``not planned``. Per locale the model counts the states and the completeness
(up to date among the expected guides); per folder it says what to do next.

The renderings (:mod:`.matrix_render`) are pure functions of this model.
"""
from __future__ import annotations

import fnmatch
import os
from collections import Counter
from dataclasses import dataclass, field

from ..document import locale_from_path
from ..frontmatter import parse as parse_frontmatter
from ..source import UndecodableFile, decode
from .compare import FAMILY, verdict_of
from .pairing import pair


@dataclass(frozen=True)
class State:
    label: str          # what the cell says
    action: str         # what it calls for, "" when nothing
    group: str          # the per-locale total it counts in
    meaning: str        # one sentence for the legend and the cell's tooltip


STATES: dict[str, State] = {
    "source": State("source", "", "source", "the folder's source guide"),
    "up-to-date": State("up to date", "", "up to date", "says what the source says"),
    "outdated": State("outdated", "update", "outdated", "the source changed: content differs"),
    "sections-differ": State("sections differ", "update", "outdated",
                             "sections were added, removed or moved on one side"),
    "missing": State("missing", "translate", "missing", "expected in this locale (expected_locales), no file"),
    "empty": State("empty", "translate", "missing", "the file is there but has no text"),
    "retired": State("retired", "remove", "retired", "deprecated or hidden here while the source is live"),
    "still-live": State("still live", "retire", "retired", "live here while the source is deprecated or hidden"),
    "retired-with-source": State("retired", "", "withdrawn", "deprecated or hidden, like its source"),
    "source-retired": State("source retired", "", "withdrawn", "the source is deprecated or hidden"),
    "no-source": State("no source", "find source", "other", "a translation with nothing to compare with"),
    "unreadable": State("unreadable", "repair", "other", "the file cannot be read as text"),
    "not-planned": State("", "", "not planned", "not expected in this locale, and no file"),
}
#: the per-locale totals, in reading order ("withdrawn": a guide retired with its source,
#: nothing to do, and "not planned" are not shown)
GROUPS = ("up to date", "outdated", "missing", "retired", "other")
#: the order actions are listed in a folder's next step
ACTIONS = ("translate", "update", "remove", "retire", "find source", "repair")
#: the groups a locale is expected to have live (the denominator of its completeness)
EXPECTED_GROUPS = ("source", "up to date", "outdated", "missing", "other")


@dataclass
class Cell:
    locale: str
    state: str = "not-planned"
    path: str | None = None
    source: str | None = None
    expected: bool = False
    findings: list = field(default_factory=list)

    @property
    def counts(self) -> dict:
        found = Counter(f.severity for f in self.findings)
        return {s: found.get(s, 0) for s in ("error", "warning", "info")}

    @property
    def label(self) -> str:
        return STATES[self.state].label

    @property
    def action(self) -> str:
        return STATES[self.state].action


@dataclass
class Row:
    folder: str
    source_locale: str | None
    cells: dict  # locale -> Cell

    def next_steps(self, order) -> list[tuple[str, list[str]]]:
        """(action, locales) in :data:`ACTIONS` order: what this folder needs next."""
        wanted: dict[str, list[str]] = {}
        for locale in order:
            action = self.cells[locale].action
            if action:
                wanted.setdefault(action, []).append(locale)
        return [(a, wanted[a]) for a in ACTIONS if a in wanted]


@dataclass
class LocaleTotals:
    locale: str
    counts: dict  # group -> number of guides
    expected: int  # guides this locale should have live (EXPECTED_GROUPS)

    @property
    def completeness(self) -> float | None:
        """Share of the expected guides that are up to date, sources included (None when none is)."""
        done = self.counts.get("up to date", 0) + self.counts.get("source", 0)
        return done / self.expected if self.expected else None


@dataclass
class Matrix:
    rows: list[Row]
    locales: list[str]
    expectations: bool  # the configuration says which locales each folder expects

    def totals(self) -> list[LocaleTotals]:
        out = []
        for locale in self.locales:
            counts = Counter(STATES[row.cells[locale].state].group for row in self.rows)
            expected = sum(counts.get(g, 0) for g in EXPECTED_GROUPS)
            out.append(LocaleTotals(locale, dict(counts), expected))
        return out

    def overall(self) -> dict:
        """Every cell counted by group, and the share of the expected translations (sources
        apart) that are up to date."""
        counts = Counter(STATES[c.state].group for r in self.rows for c in r.cells.values())
        expected = sum(counts.get(g, 0) for g in EXPECTED_GROUPS if g != "source")
        return {"folders": len(self.rows), "locales": len(self.locales),
                "files": sum(1 for r in self.rows for c in r.cells.values() if c.path),
                "counts": {g: counts.get(g, 0) for g in ("source",) + GROUPS + ("withdrawn", "not planned")},
                "completeness": counts.get("up to date", 0) / expected if expected else None}


# expected locales -----------------------------------------------------------------------

def expected_locales(setting, folder: str, locales) -> set[str] | None:
    """The locales ``folder`` is expected to have, by the ``expected_locales`` setting, or None
    when the setting says nothing about it.

    The setting is a list of locales (every folder), or a mapping of folder globs (relative to
    the configuration's folder; ``*`` crosses folders) to lists; the first glob that matches
    wins. A locale may be a glob too (``en-*``): it expands to the locales of the run."""
    if not setting:
        return None
    if isinstance(setting, dict):
        for glob, wanted in setting.items():
            if fnmatch.fnmatchcase(folder, glob.rstrip("/")):
                break
        else:
            return None
    else:
        wanted = setting
    out = set()
    for pattern in wanted or ():
        pattern = str(pattern).lower()
        out.update(l for l in locales if fnmatch.fnmatchcase(l, pattern))
        if not any(c in pattern for c in "*?["):
            out.add(pattern)
    return out


# scanning --------------------------------------------------------------------------------

def _front_and_body(path: str):
    """(front matter data, has body text), or None when the file cannot be read as text."""
    try:
        with open(path, "rb") as f:
            source = decode(f.read())
    except (OSError, UndecodableFile):
        return None
    front = parse_frontmatter(source.lines)
    start = (front.end_line or len(source.lines)) if front.present else 0
    return front.data, any(line.strip() for line in source.lines[start:])


def _is_retired(front) -> bool:
    return isinstance(front, dict) and any(front.get(k) is True for k in ("deprecated", "hidden"))


def scan(paths, config=None) -> Matrix:
    """The matrix of every guide folder under ``paths``; each translation is checked once,
    with the ``translation/`` rules only."""
    from ..runner import ConfigResolver, RunMemo, check_file, collect_files

    resolver = ConfigResolver(config)
    files, _ = collect_files(list(paths), resolver)
    memo = RunMemo()
    folders: dict[str, dict[str, str]] = {}
    effective_of = {}
    for path in sorted(files, key=lambda p: (os.path.dirname(p), p)):
        effective = resolver.effective_for(path)
        locale = effective.locale or locale_from_path(path, effective.locale_pattern)
        if not locale:
            continue
        folders.setdefault(os.path.dirname(path), {})[locale] = path
        effective_of[path] = effective
    locales = sorted({l for found in folders.values() for l in found})
    rows, expectations, pending = [], False, []
    for folder in sorted(folders):
        found = folders[folder]
        cells: dict[str, Cell] = {}
        first = found[next(iter(found))]
        folder_config = resolver.config_for(first)
        setting = folder_config.data.get("expected_locales")
        expectations = expectations or bool(setting)
        expected = expected_locales(setting, folder_config.relative(folder), locales)
        source_locale, source_front = None, None
        pairings = {}
        for locale, path in sorted(found.items()):
            effective = effective_of[path]
            pairings[locale] = pair(path, effective.source_locales, effective.locale_pattern, locale)
            if pairings[locale].is_source:
                source_locale = locale
        if source_locale is None:
            source_locale = next((p.source_locale for p in pairings.values() if p.source_locale), None)
        if source_locale in found:
            read = _front_and_body(found[source_locale])
            source_front = read[0] if read else None
        source_retired = source_front is not None and _is_retired(source_front)
        for locale, path in sorted(found.items()):
            pairing = pairings[locale]
            cell = cells[locale] = Cell(locale, path=path, source=pairing.source)
            read = _front_and_body(path)
            if read is None:
                cell.state = "unreadable"
                continue
            front, has_body = read
            if pairing.is_source:
                cell.state = "source-retired" if source_retired else "source"
                continue
            if _is_retired(front):
                cell.state = "retired-with-source" if source_retired else "retired"
                continue
            if source_retired:
                cell.state = "still-live"
                continue
            if not has_body:
                cell.state = "empty"
                continue
            effective = effective_of[path]
            effective.rules = [r for r in effective.rules if r.startswith(FAMILY)]
            result = check_file(path, effective, memo)
            cell.findings = result.findings
            if result.unreadable:
                cell.state = "unreadable"
            elif not pairing.source:
                cell.state = "no-source"
            else:
                cell.state = {"structure_changed": "sections-differ", "outdated": "outdated"}.get(
                    verdict_of(result.findings), "up-to-date")
        rows.append(Row(folder, source_locale, cells))
        pending.append((expected, source_retired))
    # a locale the configuration expects gets its column even where no file has it yet
    columns = set(locales).union(*(e for e, _ in pending if e))
    order = _locale_order(columns, resolver, rows)
    for row, (expected, source_retired) in zip(rows, pending):
        for locale in order:
            cell = row.cells.setdefault(locale, Cell(locale))
            cell.expected = cell.path is not None if expected is None else (
                locale in expected or locale == row.source_locale)
            if cell.path is None and cell.expected and not source_retired:
                cell.state = "missing"  # a retired guide is not translated any more
        row.cells = {locale: row.cells[locale] for locale in order}
    return Matrix(rows, order, expectations)


def _locale_order(locales, resolver, rows) -> list[str]:
    """The source locales first (as configured), then the others alphabetically."""
    first: list[str] = []
    any_path = next((c.path for r in rows for c in r.cells.values() if c.path), None)
    if any_path:
        first = [l for l in resolver.effective_for(any_path).source_locales if l in locales]
    return first + sorted(l for l in locales if l not in first)


# folder names ----------------------------------------------------------------------------

def relative_folder(folder: str, bases) -> str:
    for base in bases:
        try:
            rel = os.path.relpath(folder, base)
        except ValueError:
            continue
        if rel == ".":
            return os.path.basename(os.path.abspath(folder))
        if not rel.startswith(".."):
            return rel.replace(os.sep, "/")
    return folder.replace(os.sep, "/")
