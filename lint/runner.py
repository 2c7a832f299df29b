"""A run: every file checked (from the cache when it can be, in worker processes when there
are many), fixed with ``--fix``, its result stored; one result per file, in the order given.

The parts live in their own modules: :mod:`lint.discovery` (which files, shards),
:mod:`lint.check` (one file), :mod:`lint.memo` (what a run shares), :mod:`lint.pool`
(worker processes), and :class:`lint.config.ConfigResolver` (each file's configuration).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable, Iterator

from . import pool
from .cache import PACK_FROM
from .check import FileResult, engine_finding, parse_and_check, reads_siblings
from .config import ConfigResolver, FileConfig
from .finding import Finding
from .internal import UNREADABLE
from .memo import RunMemo

# moved out of this module by its split; still importable from here for plug-ins, scripts
# and branches written against lint.runner
from .check import check_document, check_file, iter_results, read_document  # noqa: F401
from .discovery import SKIP_DIRS, collect_files, select_shard, shard_of  # noqa: F401
from .memo import Services  # noqa: F401


#: below this many files to check, worker processes cost more than they save (pre-commit)
SERIAL_BELOW = 48


@dataclass
class RunOptions:
    jobs: int = 1
    cache: "object | None" = None  # a lint.cache.Cache, or None for --no-cache
    fix: str | None = None  # None, "fix" (write) or "diff" (compute the diff only)
    unsafe_fixes: bool = False
    progress: Callable[[int], None] | None = None  # called with the number of files just done
    changes: "object | None" = None  # a lint.changes.Changes: report and fix touched lines only
    baseline: "object | None" = None  # a lint.baseline.Baseline: --fix leaves what it absorbs
    #: a cache hit's result carries its findings as stored (FileResult.stored), for a reader
    #: that writes them as they are (the JSON report)
    keep_stored: bool = False


def _reported(path: str, options: RunOptions):
    """What the run will report of ``path``'s findings, when it reports fewer than all."""
    if options.changes is None and options.baseline is None:
        return None
    from .fix import Reported

    changed = options.changes.for_path(path) if options.changes is not None else None
    return Reported(changed, options.baseline)


def _unreadable(path: str, e: OSError) -> FileResult:
    result = FileResult(path, unreadable=True)
    result.findings.append(engine_finding(path, UNREADABLE, f"cannot read: {e.strerror or e}"))
    return result


def process_file(path: str, effective: FileConfig, memo: RunMemo, options: RunOptions,
                 data: bytes | None = None) -> FileResult:
    """Check one file (and fix it with --fix/--diff); store the result in the cache."""
    from .cache import content_hash

    if data is None:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            return _unreadable(path, e)
    track = options.cache is not None
    memo.begin_file(path, track)
    siblings = reads_siblings(effective)
    if track and siblings:
        _depend_on_folder(path, memo)
    try:
        checked = parse_and_check(path, effective, memo, data)
        if isinstance(checked, FileResult):
            return checked
        doc, findings = checked
        reported = _reported(path, options)
        result = FileResult(path, findings, changed=reported and reported.changed)
        stored_data = data
        if options.fix:
            from .fix import fix_document

            outcome = fix_document(doc, findings, lambda fixed: check_document(fixed, effective, memo),
                                   unsafe=options.unsafe_fixes, diff=options.fix == "diff", reported=reported)
            result.fixed, result.diff = outcome.fixed, outcome.diff
            if options.fix == "fix":
                result.findings = outcome.findings
                if outcome.reported is not None:
                    result.changed = outcome.reported.changed
                if outcome.data is not None:
                    try:
                        outcome.write(path)
                        memo.forget(path)
                        stored_data = outcome.data
                    except OSError as e:
                        result.findings.append(engine_finding(path, UNREADABLE,
                                                               f"cannot write the fix: {e.strerror or e}"))
                        result.unreadable, result.fixed = True, 0
                        return result
        if not siblings:  # no cross-file rule kept it: free its tree now (lint.garbage)
            doc.release()
        deps = memo.end_file()
        if options.cache is not None:
            checked = findings if options.fix == "diff" else result.findings
            result.cache_entry = options.cache.store(path, effective.fingerprint(), content_hash(stored_data),
                                                     deps, checked)
        if memo.answers is not None:
            result.answers = memo.answers.drain() or None
        return result
    finally:
        memo.end_file()


def _depend_on_folder(path: str, memo: RunMemo) -> None:
    """A cross-file rule reads the guide's siblings (its source, the other translations): the
    folder's listing and every Markdown file in it are inputs, declared or not. Rules that
    read beyond the folder declare those paths with ``ctx.depends_on``."""
    folder = os.path.dirname(os.path.abspath(path))
    memo.depends_on(folder)
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return
    for name in names:
        if name.lower().endswith(".md") and os.path.join(folder, name) != os.path.abspath(path):
            memo.depends_on(os.path.join(folder, name))


def _fix_pending(path: str, findings: list[Finding], options: RunOptions) -> bool:
    if not options.fix:
        return False
    from .fix import applicable

    reported = _reported(path, options)
    if reported is not None:
        findings = reported.select(findings)
    return any(applicable(f, options.unsafe_fixes) for f in findings)


def run(files: list[str], resolver: "ConfigResolver", memo: RunMemo,
        options: RunOptions | None = None) -> Iterator[FileResult]:
    """Check ``files``; yield one result per file, in the order given, whatever ``jobs`` is.

    Files whose cached result is still valid are answered without parsing; the others are
    checked in this process when they are few (or ``jobs`` is 1), else in worker processes.
    Only findings travel back: no document outlives its check.
    """
    options = options or RunOptions()
    cache = options.cache
    done: dict[int, FileResult] = {}
    todo: list[int] = []
    if cache is not None and len(files) >= PACK_FROM:
        cache.use_pack()
    if cache is not None and memo.answers is None:
        memo.answers = cache.answers()
    for i, path in enumerate(files):
        if cache is None:
            todo.append(i)
            continue
        try:
            stored = cache.lookup_stored(path, resolver.fingerprint_for(path), cache.file_hash(path))
        except OSError:
            stored = None
        if stored is not None:
            keep = options.keep_stored and not options.fix
            found = [] if keep else stored.findings()
            if not _fix_pending(path, found, options):
                cache.hits += 1
                done[i] = FileResult(path, found, cached=True, stored=stored if keep else None,
                                     changed=options.changes.for_path(path) if options.changes else None)
                continue
        cache.misses += 1
        todo.append(i)
    if cache is not None:
        cache.save_index()
    if options.jobs <= 1 or len(todo) < SERIAL_BELOW:
        fresh = (process_file(files[i], resolver.effective_for(files[i]), memo, options) for i in todo)
    else:
        first = pool.warm_up(todo, files, resolver)
        for i in first:
            done[i] = process_file(files[i], resolver.effective_for(files[i]), memo, options)
        chosen = set(first)
        fresh = pool.pool_results([files[i] for i in todo if i not in chosen], resolver, memo, options,
                                   process_file)
    progress = options.progress
    if progress and done:
        progress(len(done))
    for i in range(len(files)):
        result = done.pop(i, None)
        if result is None:
            result = next(fresh)
            if progress:
                progress(1)
        if cache is not None and result.cache_entry is not None:
            cache.remember(*result.cache_entry)  # stored by a worker: its pack is not ours
            result.cache_entry = None
        if result.answers is not None and memo.answers is not None:
            memo.answers.merge(result.answers)  # learnt by a worker, or by this process
            result.answers = None
        yield result
    if cache is not None:
        cache.save_pack()
        if memo.answers is not None:
            memo.answers.save()
