"""``--format github``: GitHub Actions workflow commands that annotate a pull request.

GitHub shows at most 10 annotations of each level (error, warning, notice) per step and
drops the rest, so at most ``max_annotations`` of each level are written (the first ones in
path order), then one line that counts every finding by rule. When the step has a summary
file (``GITHUB_STEP_SUMMARY``), a Markdown table of the counts per rule and per file is
appended to it."""
from __future__ import annotations

from collections import Counter

from .chunked import Chunked

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
#: GitHub's own limit per level and step: more would be written and never shown
DEFAULT_MAX_ANNOTATIONS = 10
#: files listed in the step summary; the rest are counted in one line
SUMMARY_FILES = 50


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def write(report, out, max_annotations: int | None = None, step_summary: str | None = None, **_) -> None:
    cap = DEFAULT_MAX_ANNOTATIONS if max_annotations is None else max_annotations
    lines = Chunked(out)
    written: Counter = Counter()
    by_rule: Counter = Counter()
    by_file: dict[str, Counter] = {}
    severity_of: dict[str, str] = {}
    for f in report:
        by_rule[f.rule] += 1
        severity_of.setdefault(f.rule, f.severity)
        counts = by_file.get(f.path)
        if counts is None:
            counts = by_file[f.path] = Counter()
        counts[f.severity] += 1
        counts[f.rule] += 1  # rule ids have a slash, severities none: one counter holds both
        level = LEVEL[f.severity]
        if cap and written[level] >= cap:
            continue
        written[level] += 1
        props = (f"file={_escape_property(f.path)},line={f.line},col={f.column},"
                 f"endLine={f.end_line},endColumn={f.end_column},title={_escape_property(f.rule)}")
        lines.add(f"::{level} {props}::{_escape_data(f.message)}\n")
    summary = report.summary()
    total, shown = summary["findings"], sum(written.values())
    line = f"guidelint: {_counts(summary)}"
    if shown < total:
        line += f"; {shown} annotated (at most {cap} of each level)"
    if by_rule:
        line += "; by rule: " + ", ".join(f"{rule} {n}" for rule, n in _most_first(by_rule))
    lines.add(line + "\n")
    lines.flush()
    if step_summary:
        _append_step_summary(step_summary, summary, by_rule, severity_of, by_file)


def _counts(summary: dict) -> str:
    by = summary["by_severity"]
    parts = [f"{by[k]} {k}{'s' if by[k] != 1 and k != 'info' else ''}" for k in ("error", "warning", "info")]
    n, files = summary["findings"], summary["files"]
    return f"{n} finding{'s' if n != 1 else ''} ({', '.join(parts)}) in {files} file{'s' if files != 1 else ''}"


def _most_first(counts: Counter) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _findings(counts: Counter) -> int:
    return counts["error"] + counts["warning"] + counts["info"]


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'")


def _append_step_summary(path: str, summary: dict, by_rule: Counter, severity_of: dict,
                         by_file: dict[str, Counter]) -> None:
    rows = ["## guidelint", "", _counts(summary), ""]
    if by_rule:
        rows += ["| rule | severity | findings |", "|---|---|---:|"]
        rows += [f"| `{_cell(rule)}` | {severity_of[rule]} | {n} |" for rule, n in _most_first(by_rule)]
        rows += ["", "| file | errors | warnings | info | rules |", "|---|---:|---:|---:|---|"]
        files = sorted(by_file.items(), key=lambda item: (-_findings(item[1]), item[0]))
        for name, counts in files[:SUMMARY_FILES]:
            rules = ", ".join(f"`{_cell(r)}` {n}" for r, n in _most_first(counts) if "/" in r)
            rows.append(f"| `{_cell(name)}` | {counts['error']} | {counts['warning']} | {counts['info']} | {rules} |")
        if len(files) > SUMMARY_FILES:
            rest = files[SUMMARY_FILES:]
            rows.append(f"| {len(rest)} more files | {sum(c['error'] for _, c in rest)} | "
                        f"{sum(c['warning'] for _, c in rest)} | {sum(c['info'] for _, c in rest)} | |")
    try:
        with open(path, "a", encoding="utf-8") as f:
            f.write("\n".join(rows) + "\n\n")
    except OSError as e:  # the report itself is written: a summary the runner refuses is a note
        import sys

        print(f"guidelint: cannot append to GITHUB_STEP_SUMMARY ({path}): {e.strerror or e}", file=sys.stderr)
