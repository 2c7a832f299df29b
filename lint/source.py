"""Turn the bytes of a file into text and a line table without losing anything.

Positions reported to users are 1-based lines and 1-based character columns in the
ORIGINAL file: a CRLF, a lone CR and an LF all end a line, and a UTF-8 byte order mark
is not counted as a column.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

LINE_BREAK = re.compile(r"\r\n|\r|\n")


class UndecodableFile(Exception):
    """The bytes are not text guidelint can read; ``message`` says where."""

    def __init__(self, message: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True)
class SourceText:
    text: str  # decoded text, BOM removed, line endings as in the file
    encoding: str  # "utf-8", "utf-8-sig", "utf-16"
    lines: tuple[str, ...]  # lines without their terminators
    endings: tuple[str, ...]  # the terminator of each line ("" for a last line without one)

    @property
    def dominant_ending(self) -> str:
        """The line ending most lines of the file use ("\\n" when none has one): what an
        inserted line gets."""
        seen = [e for e in self.endings if e]
        return max(set(seen), key=seen.count) if seen else "\n"

    def normalized(self) -> str:
        """The text with every line ending turned into ``\\n``: the shape mistune parses."""
        return "\n".join(self.lines) + ("\n" if self.endings and self.endings[-1] else "")


def split_lines(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if "\r" not in text:  # the common case: LF only, split in C
        lines = text.split("\n")
        if len(lines) > 1 and lines[-1] == "":
            lines.pop()
            return tuple(lines), ("\n",) * len(lines)
        return tuple(lines), ("\n",) * (len(lines) - 1) + ("",)
    lines, endings, start = [], [], 0
    for m in LINE_BREAK.finditer(text):
        lines.append(text[start:m.start()])
        endings.append(m.group())
        start = m.end()
    if start < len(text) or not lines:
        lines.append(text[start:])
        endings.append("")
    return tuple(lines), tuple(endings)


def decode(data: bytes) -> SourceText:
    """Decode file bytes; refuse binary data and invalid UTF-8 with a precise position."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise UndecodableFile(f"invalid UTF-16 at byte offset {e.start}") from None
        if text.startswith("\ufeff"):
            text = text[1:]
    else:
        encoding = "utf-8"
        if data.startswith(codecs.BOM_UTF8):
            data, encoding = data[3:], "utf-8-sig"
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            line = data.count(b"\n", 0, e.start) + 1
            line_start = data.rfind(b"\n", 0, e.start) + 1
            column = len(data[line_start:e.start].decode("utf-8", "replace")) + 1
            offset = e.start + (3 if encoding == "utf-8-sig" else 0)  # offset in the file as stored
            raise UndecodableFile(
                f"invalid UTF-8 byte 0x{data[e.start]:02x} at byte offset {offset}", line, column
            ) from None
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        column = nul - (text.rfind("\n", 0, nul) + 1) + 1
        raise UndecodableFile("NUL byte: this looks like a binary file, not Markdown", line, column)
    lines, endings = split_lines(text)
    return SourceText(text, encoding, lines, endings)


def encode(text: str, encoding: str) -> bytes:
    """The inverse of :func:`decode`, so a fixed file keeps its encoding and BOM."""
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if encoding == "utf-16":
        return text.encode("utf-16")  # writes the platform BOM, as read
    return text.encode("utf-8")
