"""The matrix of :mod:`.matrix` as text, JSON and one self-contained HTML page.

Each renderer is a pure function of the model. The HTML page works offline and without
JavaScript: its header row, its per-locale totals and its folder column stay in view while
the page scrolls (CSS ``position: sticky``), and a checkbox hides the folders with nothing
to do (CSS only). Each cell with findings links to them, shown with the translation's and
the source's lines side by side.
"""
from __future__ import annotations

import html
import json
import os
import re

from .matrix import GROUPS, STATES, Matrix, Row, relative_folder

LINE_REF = re.compile(r"source line (\d+)")


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.0f}%"


def _next_step(row: Row, order, fit: int | None = None) -> str:
    """``update de-de, en-gb · remove fi-fi``; counts instead of locales (``update 2 · remove
    1``) when that is longer than ``fit`` characters."""
    steps = row.next_steps(order)
    named = " · ".join(f"{action} {', '.join(locales)}" for action, locales in steps)
    if fit is None or len(named) <= fit:
        return named
    return " · ".join(f"{action} {len(locales)}" for action, locales in steps)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _summary_line(matrix: Matrix) -> str:
    s = matrix.overall()
    c = s["counts"]
    expected = c["up to date"] + c["outdated"] + c["missing"] + c["other"]
    line = (f"{_count(s['folders'], 'folder')}, {_count(s['locales'], 'locale')}, "
            f"{_count(s['files'], 'file')}: "
            f"{c['up to date']} of {expected} expected translations up to date")
    if s["completeness"] is not None:
        line += f" ({_percent(s['completeness'])})"
    line += (f"; {c['outdated']} outdated, {c['missing']} missing, {c['retired']} retired, "
             f"{c['other']} other (no source, unreadable)")
    if c["withdrawn"]:
        line += f"; {c['withdrawn']} withdrawn with their source"
    return line


# text ------------------------------------------------------------------------------------

COLOURS = {"source": "\033[34m", "up-to-date": "\033[32m", "outdated": "\033[33m", "sections-differ": "\033[33m",
           "missing": "\033[31m", "empty": "\033[31m", "retired": "\033[35m", "still-live": "\033[35m",
           "retired-with-source": "\033[2m", "source-retired": "\033[2m", "no-source": "\033[36m",
           "unreadable": "\033[31m", "not-planned": "\033[2m"}


def render_text(matrix: Matrix, bases, colour: bool = False) -> str:
    order = matrix.locales
    names = [relative_folder(r.folder, bases) for r in matrix.rows]
    totals = matrix.totals()
    side = ["folder"] + names + list(GROUPS) + ["complete"]
    width = max(len(n) for n in side)

    def text_of(cell):
        return cell.label or "."

    column = {l: max([len(l), 4] + [len(text_of(r.cells[l])) for r in matrix.rows]) for l in order}
    lines = ["  ".join([("folder").ljust(width)] + [l.ljust(column[l]) for l in order] + ["next step"]).rstrip()]
    for name, row in zip(names, matrix.rows):
        parts = [name.ljust(width)]
        for l in order:
            cell = row.cells[l]
            text = text_of(cell).ljust(column[l])
            parts.append(COLOURS[cell.state] + text + "\033[0m" if colour else text)
        parts.append(_next_step(row, order) or "-")
        lines.append("  ".join(parts).rstrip())
    for group in GROUPS:
        lines.append("  ".join([group.ljust(width)] + [str(t.counts.get(group, 0)).ljust(column[t.locale])
                                                       for t in totals]).rstrip())
    lines.append("  ".join(["complete".ljust(width)] + [(_percent(t.completeness) or "-").ljust(column[t.locale])
                                                          for t in totals]).rstrip())
    lines.append(_summary_line(matrix))
    return "\n".join(lines) + "\n"


# json ------------------------------------------------------------------------------------

def render_json(matrix: Matrix, bases) -> str:
    order = matrix.locales
    data = {"version": 2, "locales": order, "states": {k: {"label": v.label, "action": v.action, "group": v.group,
                                                            "meaning": v.meaning} for k, v in STATES.items()},
            "expected_locales_configured": matrix.expectations, "rows": [], "locale_totals": {},
            "summary": matrix.overall()}
    for row in matrix.rows:
        cells = {}
        for l in order:
            c = row.cells[l]
            cells[l] = {"state": c.state, "label": c.label, "action": c.action, "expected": c.expected,
                        "path": c.path, "source": c.source, "counts": c.counts,
                        "findings": [f.to_dict() for f in c.findings]}
        data["rows"].append({"folder": relative_folder(row.folder, bases), "source_locale": row.source_locale,
                             "next": [{"action": a, "locales": ls} for a, ls in row.next_steps(order)],
                             "cells": cells})
    for t in matrix.totals():
        data["locale_totals"][t.locale] = {**{g: t.counts.get(g, 0) for g in GROUPS},
                                           "source": t.counts.get("source", 0), "expected": t.expected,
                                           "completeness": t.completeness}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# html ------------------------------------------------------------------------------------

# state -> (background, text): greens are done, ambers to update, reds to translate, magenta
# to clean up (the quickest wins), blues and greys need nothing
PALETTE = {
    "source": ("#dde9fb", "#1b4b91"), "up-to-date": ("#d6f0da", "#1c6b2b"),
    "outdated": ("#fde4b8", "#6e4300"), "sections-differ": ("#fde4b8", "#6e4300"),
    "missing": ("#f8cfcb", "#8c1d13"), "empty": ("#f8cfcb", "#8c1d13"),
    "retired": ("#f3c6ea", "#7a1262"), "still-live": ("#f3c6ea", "#7a1262"),
    "retired-with-source": ("#ececec", "#666"), "source-retired": ("#e2e6ee", "#4b5566"),
    "no-source": ("#dff3f5", "#0f5e66"), "unreadable": ("#8c1d13", "#fff"), "not-planned": ("#fff", "#bbb"),
}
GROUP_STATE = {"up to date": "up-to-date", "outdated": "outdated", "missing": "missing", "retired": "retired",
               "other": "no-source"}
NEXT_FIT = 25  # characters of the next-step column on one line
FOLDER_WIDTH, NEXT_WIDTH, CELL_WIDTH = 210, 150, 64
#: what a cell shows where the state's own label would not fit one line (its tooltip and the
#: legend say the rest)
SHORT = {"sections-differ": "outdated", "source-retired": "retired"}

CSS = """
*{box-sizing:border-box}
body{font:13px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:8px 8px 24px;color:#1d2330;background:#fff}
h1{font-size:18px;margin:0 8px 0 0;display:inline} p.sum{display:inline;color:#333;margin:0}
.legend{margin:6px 0 6px;font-size:12px;line-height:1.9} .legend span{display:inline-block;padding:0 6px;margin-right:4px;border-radius:3px;white-space:nowrap}
.legend b{font-weight:600} .note{font-size:12px;color:#7a4b00;margin:0 0 6px}
label.todo{font-size:12px;margin-left:8px;white-space:nowrap} #todo:checked ~ table tr.done{display:none}
table.m{border-collapse:separate;border-spacing:0;font-size:11px;table-layout:fixed}
table.m th,table.m td{border-right:1px solid #e3e6eb;border-bottom:1px solid #e3e6eb;padding:2px 3px;overflow:hidden;text-overflow:ellipsis}
table.m thead{position:sticky;top:0;z-index:3}
table.m thead th,table.m thead td{background:#f3f5f8}
table.m thead tr.h th{font-size:11px;border-bottom:2px solid #c9ced8;white-space:nowrap}
table.m thead tr.t th,table.m thead tr.t td{font-weight:400;text-align:right;padding:1px 4px;white-space:nowrap}
table.m thead tr.t th.f{text-align:left}
table.m thead tr.pc td{font-weight:600;border-bottom:2px solid #c9ced8}
.f{position:sticky;left:0;z-index:2;width:%(fw)dpx;min-width:%(fw)dpx;max-width:%(fw)dpx;background:#fff;text-align:left;white-space:nowrap}
.n{position:sticky;left:%(fw)dpx;z-index:2;width:%(nw)dpx;min-width:%(nw)dpx;max-width:%(nw)dpx;background:#fff;text-align:left;border-right:2px solid #c9ced8!important}
thead .f,thead .n{z-index:4}
tbody th.f{font-weight:400;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11px}
tbody td.n{font-size:11px;color:#333;white-space:normal;line-height:1.15}
tbody tr.g th{background:#eef1f5;font-weight:600;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11px;color:#333}
tbody tr.g td{background:#eef1f5}
td.c{text-align:center;white-space:nowrap;font-size:10.5px;height:19px;padding:2px 1px}
td.c a{color:inherit;text-decoration:none;display:block}
td.c sup{font-size:9px;opacity:.75;margin-left:1px}
tbody tr:hover th.f,tbody tr:hover td.n{background:#fffbe6}
tbody tr{scroll-margin-top:140px}
%(states)s
section.d{margin-top:28px;border-top:2px solid #d6dae1;padding-top:8px} section.d h2{font-size:15px;margin:6px 0}
table.s{border-collapse:collapse;width:100%%;table-layout:fixed;font-size:12px;margin-bottom:10px}
table.s td,table.s th{border:1px solid #e1e4ea;padding:3px 6px;vertical-align:top;word-wrap:break-word}
table.s th{background:#f3f5f8;text-align:left} table.s td.ln{width:44px;text-align:right;color:#777;font-family:ui-monospace,monospace}
table.s td.code{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap}
.msg{margin:10px 0 2px} .sev{display:inline-block;padding:0 6px;border-radius:3px;font-size:11px;color:#fff}
.sev.error{background:#c0392b}.sev.warning{background:#b9770e}.sev.info{background:#2e86c1} code{font-size:12px}
a.top{font-size:12px}
"""


def _state_css() -> str:
    rules = [f".{state}{{background:{bg};color:{fg}}}" for state, (bg, fg) in PALETTE.items()]
    rules.append("td.missing,td.empty,td.retired,td.still-live,td.unreadable{font-weight:600}")
    return "\n".join(rules)


def _lines(path, cache):
    if path not in cache:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                cache[path] = f.read().splitlines()
        except OSError:
            cache[path] = []
    return cache[path]


def _tooltip(cell, locale) -> str:
    state = STATES[cell.state]
    text = f"{locale}: {state.label or 'not planned'} ({state.meaning})"
    if state.action:
        text += f": {state.action}"
    counts = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in cell.counts.items() if n)
    if counts:
        text += f"; {counts}"
    return text


def _groups(names):
    """(parent folder, leaf) for each row: rows are shown under their parent folder."""
    out = []
    for name in names:
        parent, _, leaf = name.rpartition("/")
        out.append((parent, leaf or name))
    return out


def render_html(matrix: Matrix, bases) -> str:
    esc = html.escape
    order = matrix.locales
    names = [relative_folder(r.folder, bases) for r in matrix.rows]
    totals = matrix.totals()
    css = CSS % {"fw": FOLDER_WIDTH, "nw": NEXT_WIDTH, "states": _state_css()}
    legend_states = ("source", "up-to-date", "outdated", "sections-differ", "missing", "empty", "retired",
                     "still-live", "source-retired", "no-source", "unreadable")
    legend = "".join(
        f"<span class='{k}' title='{esc(STATES[k].meaning)}'><b>{esc(STATES[k].label)}</b>"
        + (f" → {esc(STATES[k].action)}" if STATES[k].action else "") + "</span>" for k in legend_states)
    legend += "<span class='not-planned' style='border:1px solid #ddd'>blank: not planned</span>"
    out = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
           "<meta name='viewport' content='width=device-width, initial-scale=1'>",
           "<title>Translations</title><style>", css, "</style></head><body>",
           f"<div id='top'><h1>Translations</h1> <p class='sum'>{esc(_summary_line(matrix))}</p></div>",
           f"<div class='legend'>{legend}</div>"]
    if not matrix.expectations:
        out.append("<p class='note'>No <code>expected_locales</code> in the configuration: a locale without a "
                   "file is shown blank (not planned), never counted as missing.</p>")
    out.append("<input type='checkbox' id='todo'><label class='todo' for='todo'>only folders with something "
               "to do</label>")
    width = FOLDER_WIDTH + NEXT_WIDTH + CELL_WIDTH * len(order)
    out.append(f"<table class='m' style='width:{width}px'><colgroup><col style='width:{FOLDER_WIDTH}px'>"
               f"<col style='width:{NEXT_WIDTH}px'>" + "<col>" * len(order) + "</colgroup><thead>")
    out.append("<tr class='h'><th class='f' scope='col'>folder</th><th class='n' scope='col'>next step</th>"
               + "".join(f"<th scope='col'>{esc(l)}</th>" for l in order) + "</tr>")
    for group in GROUPS:
        state = GROUP_STATE[group]
        out.append(f"<tr class='t'><th class='f' scope='row'>{esc(group)}</th><td class='n'></td>"
                   + "".join(_total_cell(t.counts.get(group, 0), state) for t in totals) + "</tr>")
    out.append("<tr class='t pc'><th class='f' scope='row' title='up to date (sources included) among the guides "
               "expected in the locale'>complete</th><td class='n'></td>"
               + "".join(_percent_cell(t) for t in totals) + "</tr></thead><tbody>")
    details, cache, previous = [], {}, None
    for n, (row, (parent, leaf)) in enumerate(zip(matrix.rows, _groups(names))):
        if parent != previous:
            out.append(f"<tr class='g'><th class='f' colspan='2' title='{esc(parent)}'>{esc(parent or '.')}/</th>"
                       f"<td colspan='{len(order)}'></td></tr>")
            previous = parent
        steps = _next_step(row, order, NEXT_FIT)
        out.append(f"<tr id='r{n}'{'' if steps else ' class=done'}><th class='f' scope='row' title='{esc(names[n])}'>"
                   f"{esc(leaf)}</th><td class='n' title='{esc(_next_step(row, order))}'>"
                   f"{esc(steps) or '<span style=color:#999>nothing</span>'}</td>")
        for l in order:
            cell = row.cells[l]
            tip = esc(_tooltip(cell, l), quote=True)
            label = esc(SHORT.get(cell.state, cell.label))
            badge = f"<sup>{len(cell.findings)}</sup>" if cell.findings else ""
            if cell.findings:
                anchor = f"c{n}-{l}"
                out.append(f"<td class='c {cell.state}' title='{tip}'><a href='#{anchor}'>{label}{badge}</a></td>")
                details.append(_details(anchor, names[n], cell, cache))
            else:
                out.append(f"<td class='c {cell.state}' title='{tip}'>{label}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    out.extend(details)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _total_cell(count: int, state: str) -> str:
    if not count:
        return "<td style='color:#bbb'>0</td>"
    bg, fg = PALETTE[state]
    return f"<td style='background:{bg};color:{fg}'>{count}</td>"


def _percent_cell(totals) -> str:
    value = totals.completeness
    if value is None:
        return "<td style='color:#bbb'>-</td>"
    share = round(value * 100)
    return (f"<td title='{totals.counts.get('up to date', 0) + totals.counts.get('source', 0)} of "
            f"{totals.expected}' style='background:linear-gradient(to right,#b5e2bd {share}%,#f7d9d6 {share}%)'>"
            f"{share}%</td>")


def _details(anchor, name, cell, cache) -> str:
    esc = html.escape
    target = _lines(cell.path, cache)
    source = _lines(cell.source, cache) if cell.source else []
    parts = [f"<section class='d' id='{anchor}'><h2>{esc(name)} · {esc(cell.locale)}: {esc(cell.label)} "
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
                     f"<tr><td class='ln'>{f.line}</td><td class='code'>{esc(t_text)}</td>"
                     f"<td class='ln'>{s_line or ''}</td><td class='code'>{esc(s_text)}</td></tr></table>")
    parts.append("</section>")
    return "\n".join(parts)

