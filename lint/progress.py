"""A progress bar on stderr for long interactive runs; silent on a pipe, in CI, or for small runs."""
from __future__ import annotations

import os
import sys
import time

MIN_FILES = 300  # below this a run is over before a bar is worth drawing


def wanted(total: int, stream=None, environ=None) -> bool:
    stream = stream if stream is not None else sys.stderr
    environ = environ if environ is not None else os.environ
    if total <= MIN_FILES or environ.get("CI") or environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """``progress(n)`` after n more files; redrawn at most 10 times a second."""

    def __init__(self, total: int, stream=None, width: int = 30):
        self.total, self.done, self.width = total, 0, width
        self.stream = stream if stream is not None else sys.stderr
        self.started = self.last = time.monotonic()

    def __call__(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.last >= 0.1 or self.done >= self.total:
            self.last = now
            self.draw(now)

    def draw(self, now: float) -> None:
        part = self.done / self.total if self.total else 1.0
        filled = int(self.width * part)
        rate = self.done / max(now - self.started, 1e-6)
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] "
                          f"{self.done}/{self.total} files  {rate:,.0f}/s ")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r" + " " * (self.width + 40) + "\r")
        self.stream.flush()


def create(total: int, stream=None) -> Progress | None:
    return Progress(total, stream) if wanted(total, stream) else None
