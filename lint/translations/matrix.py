"""``guidelint translations PATH``: the state of every translation at a glance.

One row per guide folder, one column per locale. A cell is ``missing`` (no file),
``source`` (the folder's source), ``no source`` (a translation with nothing to compare
with), ``retired`` (deprecated or hidden here while the source is live), ``outdated`` / ``structure`` (content drift / structure parted, with the finding
counts), the counts of findings by severity, or ``ok``. ``--format json`` lists every cell
with its findings; ``--format html`` writes one self-contained page, colour-coded, where each
cell links to its findings shown with the target's and the source's lines side by side.
"""
from __future__ import annotations

import html
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field

from ..document import locale_from_path
from .compare import FAMILY, verdict_of
from .pairing import pair

LINE_REF = re.compile(r"source line (\d+)")
_STATE_NAMES = {"findings": "with findings", "no-source": "without source", "structure": "structure parted"}


@dataclass
class Cell:
    locale: str
    path: str | None = None
    state: str = "missing"  # missing source no-source retired structure outdated findings ok unreadable
    counts: dict = field(default_factory=dict)
    findings: list = field(default_factory=list)
    source: str | None = None

    def label(self) -> str:
        counts = " ".join(f"{self.counts[s]}{s[0].upper()}" for s in ("error", "warning", "info")
                          if self.counts.get(s))
        if self.state == "missing":
            return "-"
        if self.state == "source":
            return "source"
        if self.state == "no-source":
            return "no source"
        if self.state == "unreadable":
            return "unreadable"
        if self.state == "retired":
            return f"retired {counts}".strip()
        if self.state in ("outdated", "structure"):
            return f"{self.state} {counts}".strip()
        return counts or "ok"


@dataclass
class Row:
    folder: str
    source_locale: str | None
    cells: dict


def scan(paths, config=None):
    """Rows for every guide folder under ``paths``; each translation checked once."""
    from ..runner import ConfigResolver, Services, check_file, collect_files

    resolver = ConfigResolver(config)
    files, _ = collect_files(list(paths), config)
    services = Services()
    folders: dict[str, dict[str, str]] = {}
    effective_of = {}
    for path in sorted(files, key=lambda p: (os.path.dirname(p), p)):
        effective = resolver.effective_for(path)
        locale = effective.locale or locale_from_path(path, effective.locale_pattern)
        if not locale:
            continue
        folders.setdefault(os.path.dirname(path), {})[locale] = path
        effective_of[path] = effective
    locales: set[str] = set()
    rows = []
    for folder in sorted(folders):
        cells = {}
        source_locale = None
        for locale, path in sorted(folders[folder].items()):
            locales.add(locale)
            effective = effective_of[path]
            effective.rules = [r for r in effective.rules if r.startswith(FAMILY)]
            pairing = pair(path, effective.source_locales, effective.locale_pattern, locale)
            cell = Cell(locale, path, source=pairing.source)
            if pairing.is_source:
                cell.state, source_locale = "source", locale
                cells[locale] = cell
                continue
            if pairing.source:
                source_locale = source_locale or pairing.source_locale
            result = check_file(path, effective, services)
            cell.findings = result.findings
            cell.counts = dict(Counter(f.severity for f in result.findings))
            rules = {f.rule for f in result.findings}
            if result.unreadable:
                cell.state = "unreadable"
            elif "translation/missing-source" in rules and not pairing.source:
                cell.state = "no-source"
            elif any(f.rule == "translation/frontmatter-mismatch" and "here but live in the source" in f.message
                     for f in result.findings):
                cell.state = "retired"  # deprecated or hidden here, live in the source
            else:
                verdict = verdict_of(result.findings)
                cell.state = {"structure_changed": "structure", "outdated": "outdated"}.get(
                    verdict, "findings" if result.findings else "ok")
            cells[locale] = cell
        rows.append(Row(folder, source_locale, cells))
    order = _locale_order(locales, config, resolver, rows)
    for row in rows:
        for locale in order:
            row.cells.setdefault(locale, Cell(locale))
    return rows, order


def _locale_order(locales, config, resolver, rows) -> list[str]:
    first = []
    if rows:
        any_path = next((c.path for r in rows for c in r.cells.values() if c.path), None)
        if any_path:
            first = [l for l in resolver.effective_for(any_path).source_locales if l in locales]
    return first + sorted(l for l in locales if l not in first)


def _relative(folder: str, bases) -> str:
    for base in bases:
        try:
            rel = os.path.relpath(folder, base)
        except ValueError:
            continue
        if rel == ".":
            return os.path.basename(os.path.abspath(folder))
        if not rel.startswith(".."):
            return rel.replace(os.sep, "/")
    return folder


def short_names(rows, bases) -> tuple[str, list[str]]:
    """The folders' common prefix, and each folder without it (the matrix is read by its rows)."""
    names = [_relative(r.folder, bases) for r in rows]
    if len(names) < 2:
        return "", names
    prefix = os.path.commonpath(names).replace(os.sep, "/") if all(n != "." for n in names) else ""
    if not prefix or any(n == prefix for n in names):
        return "", names
    return prefix + "/", [n[len(prefix) + 1:] for n in names]


def summary(rows, order) -> dict:
    states = Counter(c.state for r in rows for c in r.cells.values())
    return {"folders": len(rows), "locales": len(order), "files": sum(1 for r in rows for c in r.cells.values()
                                                                        if c.path),
            "cells": {_STATE_NAMES.get(k, k): v for k, v in sorted(states.items())}}


# text -------------------------------------------------------------------------------------

COLOURS = {"missing": "\033[2m", "source": "\033[34m", "no-source": "\033[35m", "structure": "\033[31m",
           "outdated": "\033[33m", "findings": "\033[36m", "ok": "\033[32m", "unreadable": "\033[31m", "retired": "\033[2m"}


def render_text(rows, order, bases, colour=False) -> str:
    prefix, names = short_names(rows, bases)
    width = max([len(prefix or "folder")] + [len(n) for n in names])
    widths = {l: max(len(l), *(len(r.cells[l].label()) for r in rows)) if rows else len(l) for l in order}
    lines = ["  ".join([(prefix or "folder").ljust(width)] + [l.ljust(widths[l]) for l in order]).rstrip()]
    for name, row in zip(names, rows):
        parts = [name.ljust(width)]
        for l in order:
            cell = row.cells[l]
            text = cell.label().ljust(widths[l])
            parts.append(COLOURS[cell.state] + text + "\033[0m" if colour else text)
        lines.append("  ".join(parts).rstrip())
    s = summary(rows, order)
    lines.append(f"{s['folders']} folders, {s['locales']} locales, {s['files']} files: "
                 + ", ".join(f"{v} {k}" for k, v in s["cells"].items()))
    return "\n".join(lines) + "\n"


# json -------------------------------------------------------------------------------------

def render_json(rows, order, bases) -> str:
    data = {"version": 1, "locales": order, "rows": [], "summary": summary(rows, order)}
    for row in rows:
        cells = {}
        for l in order:
            c = row.cells[l]
            cells[l] = {"state": c.state, "label": c.label(), "path": c.path, "source": c.source,
                        "counts": {s: c.counts.get(s, 0) for s in ("error", "warning", "info")},
                        "findings": [f.to_dict() for f in c.findings]}
        data["rows"].append({"folder": _relative(row.folder, bases), "source_locale": row.source_locale,
                             "cells": cells})
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# html -------------------------------------------------------------------------------------

CSS = """
body{font:14px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#1d2330;background:#fff}
h1{font-size:20px;margin:0 0 4px} p.sum{color:#555;margin:0 0 16px}
table.m{border-collapse:collapse;font-size:11px} table.m th,table.m td{border:1px solid #d6dae1;padding:3px 5px;white-space:nowrap}
table.m th{background:#f3f5f8;position:sticky;top:0} table.m td.f{font-family:ui-monospace,Menlo,Consolas,monospace;text-align:left}
table.m td a{color:inherit;text-decoration:none;display:block}
.missing{background:#f7f7f7;color:#aaa;text-align:center}.source{background:#dce8fb;color:#1b4b91}
.no-source{background:#efe1f7;color:#6a2c8c}.structure{background:#f9d3d0;color:#8c1d13;font-weight:600}
.outdated{background:#fde7c2;color:#7a4b00;font-weight:600}.findings{background:#fff6cf;color:#5e5200}
.ok{background:#d9f2dc;color:#1c6b2b}.unreadable{background:#f9d3d0}.retired{background:#e4e4e4;color:#555;font-style:italic}
.legend span{display:inline-block;padding:2px 8px;margin-right:6px;border:1px solid #d6dae1;font-size:12px}
section.d{margin-top:28px;border-top:2px solid #d6dae1;padding-top:8px} section.d h2{font-size:15px;margin:6px 0}
table.s{border-collapse:collapse;width:100%;table-layout:fixed;font-size:12px;margin-bottom:10px}
table.s td,table.s th{border:1px solid #e1e4ea;padding:3px 6px;vertical-align:top;word-wrap:break-word}
table.s th{background:#f3f5f8;text-align:left} table.s td.n{width:44px;text-align:right;color:#777;font-family:ui-monospace,monospace}
table.s td.c{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap}
.msg{margin:10px 0 2px} .sev{display:inline-block;padding:0 6px;border-radius:3px;font-size:11px;color:#fff}
.sev.error{background:#c0392b}.sev.warning{background:#d68910}.sev.info{background:#2e86c1} code{font-size:12px}
a.top{font-size:12px}
"""


def _lines(path, cache):
    if path not in cache:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                cache[path] = f.read().splitlines()
        except OSError:
            cache[path] = []
    return cache[path]


def render_html(rows, order, bases) -> str:
    esc = html.escape
    s = summary(rows, order)
    out = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
           "<title>Translations</title><style>", CSS, "</style></head><body>",
           "<h1 id='top'>Translations</h1>",
           f"<p class='sum'>{s['folders']} guide folders, {s['locales']} locales, {s['files']} files: "
           + esc(", ".join(f"{v} {k}" for k, v in s["cells"].items())) + "</p>",
           "<p class='legend'>" + "".join(f"<span class='{k}'>{esc(v)}</span>" for k, v in (
               ("source", "source"), ("ok", "ok"), ("findings", "findings (E/W/I)"),
               ("outdated", "outdated"), ("structure", "structure parted"), ("no-source", "no source"),
               ("retired", "retired (deprecated/hidden here only)"),
               ("missing", "- missing"))) + "</p>",
           f"<table class='m'><thead><tr><th>{esc(short_names(rows, bases)[0] or 'folder')}</th>"
           + "".join(f"<th>{esc(l)}</th>" for l in order) + "</tr></thead><tbody>"]
    details = []
    cache: dict = {}
    names = short_names(rows, bases)[1]
    for n, row in enumerate(rows):
        name = names[n]
        out.append(f"<tr><td class='f'>{esc(name)}</td>")
        for l in order:
            cell = row.cells[l]
            label = esc(cell.label())
            if cell.findings:
                anchor = f"c{n}-{l}"
                out.append(f"<td class='{cell.state}'><a href='#{anchor}' title='{len(cell.findings)} finding(s)'>"
                           f"{label}</a></td>")
                details.append(_details(anchor, name, cell, cache))
            else:
                out.append(f"<td class='{cell.state}'>{label}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    out.extend(details)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _details(anchor, name, cell, cache) -> str:
    esc = html.escape
    target = _lines(cell.path, cache)
    source = _lines(cell.source, cache) if cell.source else []
    parts = [f"<section class='d' id='{anchor}'><h2>{esc(name)} · {esc(cell.locale)} "
             f"<small>({esc(os.path.basename(cell.path))} against "
             f"{esc(os.path.basename(cell.source)) if cell.source else 'no source'})</small></h2>"
             "<a class='top' href='#top'>back to the matrix</a>"]
    for f in cell.findings:
        parts.append(f"<div class='msg'><span class='sev {f.severity}'>{f.severity}</span> "
                     f"<code>{esc(f.rule)}</code> {esc(f.message)}</div>")
        m = LINE_REF.search(f.message)
        s_line = int(m.group(1)) if m else None
        t_text = target[f.line - 1] if 0 < f.line <= len(target) else ""
        s_text = source[s_line - 1] if s_line and 0 < s_line <= len(source) else ""
        parts.append("<table class='s'><colgroup><col style='width:48px'><col><col style='width:48px'><col>"
                     "</colgroup><tr><th colspan='2'>translation</th><th colspan='2'>source</th></tr>"
                     f"<tr><td class='n'>{f.line}</td><td class='c'>{esc(t_text)}</td>"
                     f"<td class='n'>{s_line or ''}</td><td class='c'>{esc(s_text)}</td></tr></table>")
    parts.append("</section>")
    return "\n".join(parts)
