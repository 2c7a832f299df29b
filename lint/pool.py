"""Worker processes: a run's files checked in parallel, results back in the order given."""
from __future__ import annotations

import dataclasses
import os
from typing import TYPE_CHECKING, Callable, Iterator

from . import garbage
from .check import FileResult
from .document import locale_from_path
from .memo import RunMemo

if TYPE_CHECKING:
    from .config import ConfigResolver


_WORKER: dict = {}
_INHERITED: dict = {}  # set just before a fork: what the parent already loaded


def _init_worker(resolver: "ConfigResolver", options, debug: bool, process) -> None:
    options.progress = None
    garbage.for_a_batch_run()  # a spawned worker starts with Python's defaults; a forked one has this already
    memo = _INHERITED.get("memo") or RunMemo(debug=debug)  # forked: dictionaries loaded
    _WORKER.update(resolver=resolver, options=options, memo=memo, process=process)


#: at most this many files are checked in the parent before forking, to load shared data once
WARM_UP = 24


def warm_up(todo: list[int], files: list[str], resolver: "ConfigResolver") -> list[int]:
    """The first file of each language: checking them in the parent loads what rules share
    (dictionaries, word lists) once, and forked workers inherit it instead of loading it again."""
    seen, picked = set(), []
    for i in todo:
        locale = locale_from_path(files[i], resolver.effective_for(files[i]).locale_pattern)
        language = locale.split("-")[0] if locale else None
        if language not in seen:
            seen.add(language)
            picked.append(i)
            if len(picked) >= WARM_UP:
                break
    return picked


def _work(chunk: list[str]) -> list[FileResult]:
    resolver, options, memo = _WORKER["resolver"], _WORKER["options"], _WORKER["memo"]
    return [_WORKER["process"](path, resolver.effective_for(path), memo, options) for path in chunk]


def _chunks(paths: list[str], size: int) -> Iterator[list[str]]:
    """Runs of about ``size`` paths, cut between guide folders: a folder's translations share
    its parsed source, which a folder split across two workers would parse twice."""
    chunk: list[str] = []
    folder = None
    for path in paths:
        here = os.path.dirname(path)
        if len(chunk) >= size and here != folder:
            yield chunk
            chunk = []
        chunk.append(path)
        folder = here
    if chunk:
        yield chunk


def pool_results(paths: list[str], resolver: "ConfigResolver", memo: RunMemo, options,
                 process: Callable[..., FileResult]) -> Iterator[FileResult]:
    """Results of ``paths`` in their order, from worker processes (``fork`` where available:
    the rules and configuration the parent loaded are inherited, not reloaded)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    jobs = min(options.jobs, max(1, len(paths) // 8))
    # small runs of files: the last one a worker takes decides when the run ends
    size = max(1, min(16, len(paths) // (jobs * 8)))
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    worker_options = dataclasses.replace(options, jobs=1, progress=None)
    _INHERITED["memo"] = memo if context.get_start_method() == "fork" else None
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                                 initargs=(resolver, worker_options, memo.debug, process)) as pool:
            for results in pool.map(_work, _chunks(paths, size)):
                yield from results
    finally:
        _INHERITED.clear()
