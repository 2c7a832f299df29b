"""A per-file time budget, so one pathological file is reported instead of hanging the run.

Where the platform has ``SIGPROF`` and the check runs on the main thread (the CLI, and
each worker process of ``--jobs``: a pool worker runs its tasks on its main thread), an
interval timer raises :class:`TooComplex` inside the check when the budget is spent.
The budget is CPU time (``ITIMER_PROF``), not wall time: on a loaded CI machine a file
waits longer for a core but does not use more of one, and whether a file is "too complex"
must not depend on what else the machine is doing. The
exception derives from ``BaseException`` so that the ``except Exception`` that isolates a
failing rule does not swallow it. Elsewhere (threads, Windows) the check is not bounded.

Limit: the signal is handled between Python bytecodes, so a single C call that runs long
(a backtracking regular expression) is interrupted only when it returns. Such patterns are
bugs to fix; the fuzz harness (``fuzz/run.py``) reports slow inputs as well as crashes.
"""
from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from typing import Iterator

#: seconds one file may take (parse and all rules); the ``time_budget`` configuration key
#: or the ``GUIDELINT_TIME_BUDGET`` environment variable changes it, 0 turns it off
DEFAULT_SECONDS = 20.0
#: CPU seconds between the repeated signals once the budget is spent
RETRY_SECONDS = 0.5


class TooComplex(BaseException):
    """The file's budget ran out."""

    def __init__(self, seconds: float):
        super().__init__(f"checking took longer than the {seconds:g} s budget (CPU time)")
        self.seconds = seconds


def seconds_for(settings: dict | None = None) -> float:
    """The budget: the environment overrides the configuration, which overrides the default."""
    env = os.environ.get("GUIDELINT_TIME_BUDGET")
    if env:
        try:
            return max(0.0, float(env))
        except ValueError:
            pass
    value = (settings or {}).get("time_budget")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return max(0.0, float(value))
    return DEFAULT_SECONDS


def available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`TooComplex` in the block once ``seconds`` have passed (0: no limit).

    Nested use keeps the outer timer: only the outermost budget is armed."""
    if not seconds or seconds <= 0 or not available() or signal.getitimer(signal.ITIMER_PROF)[0]:
        yield
        return

    armed = [True]

    def expired(signum, frame):
        if armed[0]:
            raise TooComplex(seconds)

    previous = signal.signal(signal.SIGPROF, expired)
    # The timer keeps firing after the budget: a signal handled inside a garbage-collector
    # callback or a __del__ has its exception printed and dropped by Python, and a one-shot
    # timer would then let the file run unbounded (it did, for 40 minutes, under pytest's
    # gc callbacks). The next tick raises again.
    signal.setitimer(signal.ITIMER_PROF, seconds, RETRY_SECONDS)
    try:
        yield
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
