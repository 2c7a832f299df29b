"""Buffered writes, shared by the reporters (a module of its own: the package imports them)."""
from __future__ import annotations

from typing import TextIO


class Chunked:
    """Collects small writes and passes them on in chunks: a report is hundreds of thousands
    of short lines, and a write call per line to a text stream costs more than the line."""

    size = 2000  # parts per write

    def __init__(self, out: TextIO):
        self.out, self.parts = out, []

    def add(self, text: str) -> None:
        self.parts.append(text)
        if len(self.parts) >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.out.write("".join(self.parts))
            self.parts = []
