"""The ``guidelint`` command's first step, taken before the engine is imported: what its
start compiles, kept from earlier runs (:mod:`lint.startup_cache`), is put in place, so the
engine, mistune and PyYAML, which compile their patterns and dataclasses as they are
imported, find it there."""
from __future__ import annotations

import atexit
import os
import sys


def keep_what_starting_compiles(argv: list[str]) -> None:
    """Unless the run reads and writes no cache (``--no-cache``)."""
    if "--no-cache" in argv:
        return
    from . import startup_cache

    if startup_cache.install():
        atexit.register(startup_cache.save)


def looks_like_a_hook_run(argv: list[str]) -> bool:
    """``check`` of a few guides named one by one, no folder: what pre-commit passes."""
    from .preload import SMALL_RUN

    if not argv or argv[0] != "check":
        return False
    guides = 0
    for arg in argv[1:]:
        if arg.startswith("-"):
            continue
        if os.path.isdir(arg):
            return False
        guides += arg.endswith(".md") and os.path.isfile(arg)
    return 0 < guides <= SMALL_RUN


def start(argv: list[str]) -> None:
    """What the command does before importing the engine: put the kept compilations in place,
    and in a pre-commit run, start the dictionary helper process (:mod:`lint.preload`) so its
    interpreter starts on the second core while this one imports."""
    keep_what_starting_compiles(argv)
    if looks_like_a_hook_run(argv):
        from . import preload

        preload.start_early()


def entry() -> None:
    """The console script."""
    start(sys.argv[1:])
    from .cli import entry as run

    run()
