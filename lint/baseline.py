"""Baselines: adopt guidelint on a repository that already has findings.

``--write-baseline FILE`` records every finding of a run; ``--baseline FILE`` then reports
only findings that are not in it. A finding is matched by its rule, its path (relative to
the baseline file, so the run's working folder does not matter) and a fingerprint of the
offending text and of its line's content, never by line number: an edit above a recorded
finding does not resurrect it. Equal fingerprints are matched as a multiset, so a second,
new occurrence of a recorded defect on an identical line is still reported. Recorded
findings that no longer occur in a checked file are counted as fixed.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from typing import Callable, Iterable

from .atomic import replace_file, user_file_mode
from .finding import Finding

FORMAT = 1


class BaselineError(Exception):
    pass


#: a line longer than this is fingerprinted by a digest of its content: hashing a megabyte line
#: once per finding on it would make a baseline or a SARIF report quadratic in its length
LONG_LINE = 4096
_last_line: list = [None, "", ""]  # the line object last seen, its text, its context


def _line_and_context(source_line: str) -> tuple[str, str]:
    # consecutive findings share their line object: normalise it once, not once per finding
    if source_line is not _last_line[0]:
        src = source_line.rstrip("\r\n")
        context = " ".join(src.split())
        if len(context) > LONG_LINE:
            context = hashlib.blake2b(context.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
        _last_line[:] = source_line, src, context
    return _last_line[1], _last_line[2]


def fingerprint(f: Finding) -> str:
    src, context = _line_and_context(f.source_line)
    if src:
        start = max(f.column - 1, 0)
        text = src[start:f.end_column - 1] if f.end_line == f.line else src[start:]
    else:  # no line to anchor to (a file-level finding): its message is all there is
        text, context = "", f.message
    blob = "\0".join((f.rule, text, context))
    return hashlib.blake2b(blob.encode("utf-8", "surrogateescape"), digest_size=10).hexdigest()


def _relative(path: str, folder: str) -> str:
    try:
        return os.path.relpath(os.path.abspath(path), folder).replace(os.sep, "/")
    except ValueError:
        return path.replace(os.sep, "/")


def row(f: Finding, folder: str) -> dict:
    """What a baseline records of a finding; ``folder`` is the baseline file's, which the
    recorded path is relative to."""
    return {"rule": f.rule, "path": _relative(f.path, folder), "fingerprint": fingerprint(f),
            "line": f.line, "message": f.message}


def write_rows(path: str, rows: Iterable[dict]) -> int:
    rows = sorted(rows, key=lambda r: (r["path"], r["line"], r["rule"], r["fingerprint"]))
    data = json.dumps({"version": FORMAT, "tool": "guidelint", "findings": rows},
                      ensure_ascii=False, indent=1) + "\n"
    replace_file(path, data.encode("utf-8"), mode=user_file_mode(path))
    return len(rows)


def write(path: str, findings: Iterable[Finding]) -> int:
    folder = os.path.dirname(os.path.abspath(path))
    return write_rows(path, (row(f, folder) for f in findings))


class Baseline:
    def __init__(self, path: str):
        self.folder = os.path.dirname(os.path.abspath(path))
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
            rows = data["findings"]
            self.remaining = Counter((r["rule"], r["path"], r["fingerprint"]) for r in rows)
            self.recorded: dict[str, Counter] = {}  # path -> (rule, fingerprint) counts, never spent
            for (rule, path, fp), count in self.remaining.items():
                self.recorded.setdefault(path, Counter())[(rule, fp)] += count
        except OSError as e:
            raise BaselineError(f"{path}: cannot read: {e.strerror or e}") from None
        except (ValueError, KeyError, TypeError) as e:
            raise BaselineError(f"{path}: not a guidelint baseline ({type(e).__name__}: {e})") from None

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings not in the baseline; each recorded finding absorbs one occurrence."""
        new = []
        for f in findings:
            key = (f.rule, _relative(f.path, self.folder), fingerprint(f))
            if self.remaining.get(key, 0) > 0:
                self.remaining[key] -= 1
            else:
                new.append(f)
        return new

    def new_in(self, findings: Iterable[Finding]) -> list[Finding]:
        """What :meth:`filter` would report of one file's findings, without spending the
        baseline: ``--fix`` asks before each of its passes."""
        findings = list(findings)
        if not findings:
            return findings
        recorded = self.recorded.get(_relative(findings[0].path, self.folder))
        if not recorded:
            return findings
        left = Counter(recorded)
        new = []
        for f in findings:
            key = (f.rule, fingerprint(f))
            if left.get(key, 0) > 0:
                left[key] -= 1
            else:
                new.append(f)
        return new

    def fixed(self, checked: Iterable[str], rules_for: Callable[[str], Iterable[str]]) -> int:
        """Recorded findings of files this run checked, with rules it ran, that did not occur."""
        checked_rel = {_relative(p, self.folder): p for p in checked}
        enabled: dict[str, set] = {}
        total = 0
        for (rule, path, _), count in self.remaining.items():
            if count <= 0 or path not in checked_rel:
                continue
            if path not in enabled:
                enabled[path] = set(rules_for(checked_rel[path]))
            if rule in enabled[path]:
                total += count
        return total
