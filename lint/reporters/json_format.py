"""``--format json``: the stable machine format (version 1).

A finding's ``"fix"`` is ``{"applicability": "safe" | "unsafe"}`` or null (ruff's shape);
``"fixable"`` is true when plain ``--fix`` repairs it (a safe fix)."""
from __future__ import annotations

import json

from ..cache import Stored
from ..json_records import SEPARATOR, Encoded, record
from .chunked import Chunked


def write(report, out, **_) -> None:
    """The same bytes as ``json.dumps(..., ensure_ascii=False, indent=2)``, written faster and
    as the findings come.

    With ``indent`` the json module uses its pure-Python encoder: 1.7 s for the 115,000
    findings of a 10,000-guide repository, more than a whole warm re-run may take. Findings
    are flat records, so each is filled into a template with the C string encoder
    (lint.json_records); a cache hit's (lint.cache.Stored) come ready-made from its entry."""
    encoded = Encoded()
    chunks = Chunked(out)
    chunks.add('{\n  "version": 1,\n  "findings": ')
    separator = "[\n"
    for part in report.parts():
        if type(part) is Stored:
            text = part.json_records()
            if not text:
                continue
            chunks.add(separator + text)
        else:
            chunks.add(separator + record(part, encoded))
        separator = SEPARATOR
    chunks.add("[]" if separator == "[\n" else "\n  ]")
    summary = json.dumps(report.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    chunks.add(f',\n  "summary": {summary}\n}}\n')
    chunks.flush()
