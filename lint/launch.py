"""The ``guidelint`` command's first step, taken before the engine is imported: what its
start compiles, kept from earlier runs (:mod:`lint.startup_cache`), is put in place, so the
engine, mistune and PyYAML, which compile their patterns and dataclasses as they are
imported, find it there."""
from __future__ import annotations

import atexit
import sys


def keep_what_starting_compiles(argv: list[str]) -> None:
    """Unless the run reads and writes no cache (``--no-cache``)."""
    if "--no-cache" in argv:
        return
    from . import startup_cache

    if startup_cache.install():
        atexit.register(startup_cache.save)


def entry() -> None:
    """The console script."""
    keep_what_starting_compiles(sys.argv[1:])
    from .cli import entry as run

    run()
