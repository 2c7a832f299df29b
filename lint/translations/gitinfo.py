"""Git evidence for translation/outdated: which source commit wrote the line that drifted.

Read through the git command line, only when the guide is in a git work tree; any failure
(no git, not a repository, an uncommitted line) simply yields no evidence.
"""
from __future__ import annotations

import os
import re
import subprocess

# the evidence changes with every commit to the source while the finding stays the same:
# reports that track findings across runs (SARIF) take it out of the message
_EVIDENCE = re.compile(r" \(that source line comes from commit [0-9a-f]{4,40}\b.*\)$", re.S)


def evidence_text(info: dict) -> str:
    """The suffix a finding's message gets for the commit that wrote a source line."""
    return f" (that source line comes from commit {info['commit']}, {info.get('date', '?')}: {info.get('summary', '')})"


def split_evidence(message: str) -> tuple[str, str]:
    """``message`` without its commit evidence, and that evidence ("" when there is none)."""
    found = _EVIDENCE.search(message)
    if found is None:
        return message, ""
    return message[:found.start()], found.group()[2:-1]


def _outside_work_tree(folder: str) -> bool:
    """No ``.git`` in the folder or above it: ``git blame`` can only fail there, and starting it
    costs a process per finding (a copy without its history, a bench's corpus). A few stat
    calls, not cached: a long-lived language server may see ``git init``. Git's own variables
    can point to a repository elsewhere, so they leave the answer to git."""
    if "GIT_DIR" in os.environ or "GIT_WORK_TREE" in os.environ:
        return False
    current = folder
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return False
        parent = os.path.dirname(current)
        if parent == current:
            return True
        current = parent


def blame(path: str, line: int, timeout: float = 5.0) -> dict | None:
    """{"commit", "date", "summary"} of the commit that last changed ``line`` of ``path``."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if _outside_work_tree(folder):
        return None
    try:
        out = subprocess.run(
            ["git", "-C", folder, "blame", "--porcelain", "-L", f"{line},{line}", "--",
             os.path.basename(path)],
            capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0 or not out.stdout:
        return None
    lines = out.stdout.splitlines()
    commit = lines[0].split()[0]
    if set(commit) == {"0"}:
        return None  # not committed yet
    info = {"commit": commit[:10], "full": commit}
    for row in lines[1:]:
        if row.startswith("author-time "):
            import datetime

            stamp = int(row.split()[1])
            info["date"] = datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc).strftime("%Y-%m-%d")
        elif row.startswith("summary "):
            info["summary"] = row[len("summary "):]
    return info


def _git(path: str, *args: str, timeout: float = 5.0):
    folder = os.path.dirname(os.path.abspath(path)) or "."
    try:
        return subprocess.run(["git", "-C", folder, *args], capture_output=True, text=True,
                              timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return None


def newer_than_last_change(commit: str, path: str) -> bool:
    """``commit`` comes after the last commit that changed ``path`` (a descendant of it): the
    source changed since the translation was last touched, so the commit explains the drift."""
    out = _git(path, "log", "-1", "--format=%H", "--", os.path.basename(path))
    if out is None or out.returncode != 0 or not out.stdout.strip():
        return False
    last = out.stdout.strip()
    if last == commit:
        return False
    ancestor = _git(path, "merge-base", "--is-ancestor", last, commit)
    return ancestor is not None and ancestor.returncode == 0
