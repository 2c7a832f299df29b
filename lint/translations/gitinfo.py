"""Git evidence for translation/outdated: which source commit wrote the line that drifted.

Read through the git command line, only when the guide is in a git work tree; any failure
(no git, not a repository, an uncommitted line) simply yields no evidence.
"""
from __future__ import annotations

import os
import subprocess


def blame(path: str, line: int, timeout: float = 5.0) -> dict | None:
    """{"commit", "date", "summary"} of the commit that last changed ``line`` of ``path``."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
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
    info = {"commit": commit[:10]}
    for row in lines[1:]:
        if row.startswith("author-time "):
            import datetime

            stamp = int(row.split()[1])
            info["date"] = datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc).strftime("%Y-%m-%d")
        elif row.startswith("summary "):
            info["summary"] = row[len("summary "):]
    return info
