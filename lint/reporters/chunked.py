"""Buffered writes, shared by the reporters (a module of its own: the package imports them)."""
from __future__ import annotations

from typing import TextIO


class Chunked:
    """Collects small writes and passes them on in chunks: a report is hundreds of thousands
    of short lines, and a write call per line to a text stream costs more than the line."""

    size = 2000  # parts per write
    #: characters per write: a chunk (and its UTF-8 bytes) stays under malloc's mmap threshold
    #: (128 KiB), so each one reuses heap memory; larger chunks were mapped afresh each time,
    #: and their page faults were a tenth of a warm re-run's 45 MB JSON report
    limit = 32_768

    def __init__(self, out: TextIO):
        self.out, self.parts, self.length = out, [], 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)
        if self.length >= self.limit or len(self.parts) >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.out.write("".join(self.parts))
            self.parts, self.length = [], 0
