"""guidelint positions (1-based lines, 1-based code-point columns of the text as written) as
LSP positions (0-based lines, 0-based columns in the negotiated unit: UTF-16 code units
unless the client offered UTF-8 or UTF-32).

Both split lines at CRLF, CR and LF alike, so only the columns need converting. An editor
that keeps a byte order mark in the buffer counts it as a column of the first line, where
the engine does not.
"""
from __future__ import annotations

from bisect import bisect_right

from ..source import split_lines

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str = UTF16) -> int:
    """The length of ``text`` in the client's position unit."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)  # astral: a surrogate pair


class LineTable:
    """The lines of a buffer, to turn engine positions and text offsets into LSP ones."""

    def __init__(self, text: str, encoding: str = UTF16):
        self.encoding = encoding
        self.bom = 1 if text.startswith("\ufeff") else 0
        body = text[self.bom:]
        self.text = body
        self.lines, self.endings = split_lines(body)
        self.starts: list[int] = []
        pos = 0
        for line, ending in zip(self.lines, self.endings):
            self.starts.append(pos)
            pos += len(line) + len(ending)

    def position(self, line: int, column: int) -> tuple[int, int]:
        """(line, character) of the engine's (line, column). A column past the end of the line
        (inside its line ending) means the start of the next line; a line past the end, the
        end of the buffer."""
        count = len(self.lines)
        if line > count:
            return self.end()
        line = max(1, line)
        text = self.lines[line - 1]
        column = max(1, column)
        if column - 1 > len(text):
            if line < count or self.endings[line - 1]:
                return line, 0
            column = len(text) + 1
        character = units(text[:column - 1], self.encoding)
        if line == 1 and self.bom:
            character += units("\ufeff", self.encoding)
        return line - 1, character

    def end(self) -> tuple[int, int]:
        if self.endings and self.endings[-1]:
            return len(self.lines), 0
        last = len(self.lines)
        return last - 1, units(self.lines[-1], self.encoding) + (self.bom if last == 1 else 0)

    def at_offset(self, offset: int) -> tuple[int, int]:
        """(line, character) of a code-point offset into the text (byte order mark excluded)."""
        if offset >= len(self.text):
            return self.end()
        index = bisect_right(self.starts, offset) - 1
        return self.position(index + 1, offset - self.starts[index] + 1)
