"""Which files a run checks: Markdown files below the paths given, and the deterministic
shards (``--shard K/N``) that split them across CI runners, whole guide folders together."""
from __future__ import annotations

import os
from typing import Iterable

from .check import FileResult, engine_finding
from .config import CONFIG_NAMES, Config, ConfigResolver
from .internal import UNREADABLE


SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".guidelint_cache", ".venv", "venv", "__pycache__"}


def collect_files(paths: Iterable[str], config: "Config | ConfigResolver | None" = None
                  ) -> tuple[list[str], list[FileResult]]:
    """Expand directories to their Markdown files; report paths that do not exist. A file is
    left out when the configuration that applies to it (``config``, or the nearest one above
    it) excludes it; every configuration the files need is thereby loaded, and validated,
    before any file is checked."""
    files, missing = [], []
    plain: set[str] = set()  # regular files, as the folder listing said: no stat needed
    resolver = config if isinstance(config, ConfigResolver) else ConfigResolver(config)
    for path in paths:
        if os.path.isdir(path):
            found = _markdown_under(path, resolver.without_config)
            files.extend(sorted(found))
            plain.update(name for name, regular in found.items() if regular)
        elif os.path.exists(path) or os.path.islink(path):
            files.append(path)
        else:
            result = FileResult(path, unreadable=True)
            result.findings.append(engine_finding(path, UNREADABLE, "no such file or directory"))
            missing.append(result)
    files = [f for f in files if not resolver.config_for(f).excluded(f)]
    regular = []
    for f in files:  # a FIFO named x.md would block the read forever: refuse it here
        if f not in plain and _special_file(f):
            result = FileResult(f, unreadable=True)
            result.findings.append(engine_finding(
                f, UNREADABLE, "not a regular file (a FIFO, socket or device): not read"))
            missing.append(result)
        else:
            regular.append(f)
    return regular, missing


def _markdown_under(top: str, without_config: set[str] | None = None) -> dict[str, bool]:
    """The ``.md`` files below ``top`` (hidden and tool folders skipped, symlinked folders not
    entered, as ``os.walk`` does), each with whether the listing says it is a regular file:
    on a 10,000-guide repository a stat per file is a tenth of a warm re-run. The folders
    whose listing holds no configuration file are added to ``without_config`` (absolute
    paths), which spares the configuration lookup a stat per name and folder."""
    found: dict[str, bool] = {}
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            continue
        if without_config is not None and not any(e.name in CONFIG_NAMES for e in entries):
            without_config.add(os.path.abspath(folder))
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if entry.name not in SKIP_DIRS and not entry.name.startswith(".") and not entry.is_symlink():
                    pending.append(entry.path)
            elif entry.name.lower().endswith(".md"):
                try:
                    found[entry.path] = entry.is_file(follow_symlinks=False)
                except OSError:
                    found[entry.path] = False
    return found


def _special_file(path: str) -> bool:
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # vanished, a symlink loop, no permission: reading it says which
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def shard_of(path: str, count: int) -> int:
    """The shard (0-based) of ``path``: a hash of its folder, so a guide's translations stay
    together and cross-locale checks keep seeing their source."""
    import hashlib

    folder = os.path.dirname(os.path.abspath(path))
    try:  # relative to the working folder: the same on every CI runner, wherever it checks out
        folder = os.path.relpath(folder)
    except ValueError:
        pass
    folder = folder.replace(os.sep, "/")
    digest = hashlib.blake2b(folder.encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count


def select_shard(files: list[str], index: int, count: int) -> list[str]:
    """The files of shard ``index`` (1-based) of ``count``: deterministic, folders kept whole."""
    return [f for f in files if shard_of(f, count) == index - 1]
