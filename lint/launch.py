"""The ``guidelint`` command's first step, taken before the engine is imported: the kept
compiled patterns (:mod:`lint.pattern_cache`) are put in place, so the engine, mistune and
PyYAML, which compile their patterns as they are imported, find them there."""
from __future__ import annotations

import atexit
import sys


def keep_compiled_patterns(argv: list[str]) -> None:
    """Unless the run reads and writes no cache (``--no-cache``)."""
    if "--no-cache" in argv:
        return
    from . import pattern_cache

    if pattern_cache.install():
        atexit.register(pattern_cache.save)


def entry() -> None:
    """The console script."""
    keep_compiled_patterns(sys.argv[1:])
    from .cli import entry as run

    run()
