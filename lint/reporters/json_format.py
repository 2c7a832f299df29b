"""``--format json``: the stable machine format (version 1).

A finding's ``"fix"`` is ``{"applicability": "safe" | "unsafe"}`` or null (ruff's shape);
``"fixable"`` is true when plain ``--fix`` repairs it (a safe fix)."""
from __future__ import annotations

import codecs
import json

from ..cache import Stored
from ..json_records import SEPARATOR, Encoded, record
from .chunked import Chunked


class _Utf8:
    """Chunked writes of UTF-8 bytes to a text stream's binary buffer: a cache hit's records,
    kept in UTF-8, go out without being decoded and encoded again (45 MB of them in a
    10,000-guide report, a fifth of a warm re-run)."""

    limit = 65_536  # bytes per write

    def __init__(self, out):
        out.flush()  # what the text layer holds goes first
        self.raw, self.errors = out.buffer, out.errors or "strict"
        self.parts, self.length = [], 0

    def add(self, text: str) -> None:
        self.add_bytes(text.encode("utf-8", self.errors))

    def add_bytes(self, data) -> None:
        self.parts.append(data)
        self.length += len(data)
        if self.length >= self.limit:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.raw.write(b"".join(self.parts))
            self.parts, self.length = [], 0


def _writes_utf8(out) -> bool:
    encoding = getattr(out, "encoding", None)
    try:
        return (encoding is not None and hasattr(out, "buffer")
                and codecs.lookup(encoding).name == "utf-8")
    except LookupError:
        return False


def write(report, out, **_) -> None:
    """The same bytes as ``json.dumps(..., ensure_ascii=False, indent=2)``, written faster and
    as the findings come.

    With ``indent`` the json module uses its pure-Python encoder: 1.7 s for the 115,000
    findings of a 10,000-guide repository, more than a whole warm re-run may take. Findings
    are flat records, so each is filled into a template with the C string encoder
    (lint.json_records); a cache hit's (lint.cache.Stored) come ready-made from its entry."""
    encoded = Encoded()
    binary = _writes_utf8(out)
    chunks = _Utf8(out) if binary else Chunked(out)
    chunks.add('{\n  "version": 1,\n  "findings": ')
    separator = "[\n"
    for part in report.parts():
        if type(part) is Stored:
            ready = part.json_records()
            if ready is not None:
                if not ready:
                    continue
                if binary:
                    chunks.add_bytes(separator.encode())
                    chunks.add_bytes(ready)
                else:
                    chunks.add(separator + str(ready, "utf-8"))
                separator = SEPARATOR
                continue
            parts = part.findings()
        else:
            parts = (part,)
        for f in parts:
            chunks.add(separator + record(f, encoded))
            separator = SEPARATOR
    chunks.add("[]" if separator == "[\n" else "\n  ]")
    summary = json.dumps(report.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    chunks.add(f',\n  "summary": {summary}\n}}\n')
    chunks.flush()
