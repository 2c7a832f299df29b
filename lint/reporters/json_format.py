"""``--format json``: the stable machine format (version 1).

A finding's ``"fix"`` is ``{"applicability": "safe" | "unsafe"}`` or null (ruff's shape);
``"fixable"`` is true when plain ``--fix`` repairs it (a safe fix)."""
from __future__ import annotations

import json
from json.encoder import encode_basestring  # C-accelerated; keeps non-ASCII as is

from ..cache import Stored
from .chunked import Chunked

# one finding as json.dumps(indent=2) lays it out inside the report; the field order is
# Finding.to_dict()'s (a test compares the two)
_PATH = '    {\n      "path": '
_FIELDS = (',\n'
           '      "line": %d,\n'
           '      "column": %d,\n'
           '      "end_line": %d,\n'
           '      "end_column": %d,\n'
           '      "rule": %s,\n'
           '      "severity": %s,\n'
           '      "message": %s,\n'
           '      "fixable": %s\n'
           '    }')
# "fixable" and "fix" as json.dumps(indent=2) lays them out at that depth, by the finding's
# applicability when it has a fix
_FIX = {"safe": 'true,\n      "fix": {\n        "applicability": "safe"\n      }',
        "unsafe": 'false,\n      "fix": {\n        "applicability": "unsafe"\n      }'}
_NO_FIX = 'false,\n      "fix": null'


class _Encoded(dict):
    """JSON string literals of the paths, rule ids and severities, which repeat: each encoded once."""

    def __missing__(self, text: str) -> str:
        encoded = self[text] = encode_basestring(text)
        return encoded


def write(report, out, **_) -> None:
    """The same bytes as ``json.dumps(..., ensure_ascii=False, indent=2)``, written faster and
    as the findings come.

    With ``indent`` the json module uses its pure-Python encoder: 1.7 s for the 115,000
    findings of a 10,000-guide repository, more than a whole warm re-run may take. Findings
    are flat records, so each is filled into a template with the C string encoder; a cache
    hit's stored findings (lint.cache.Stored) are filled in straight from the stored lists."""
    encoded = _Encoded()
    chunks = Chunked(out)
    chunks.add('{\n  "version": 1,\n  "findings": ')
    separator = "[\n"
    for part in report.parts():
        if type(part) is Stored:
            if not part.items:
                continue
            # the path's part of the template once per file ('%' doubled: the path is not a field)
            record = _PATH + encoded[part.path].replace("%", "%%") + _FIELDS
            chunks.add(separator + ",\n".join([
                record % (line, column, end_line, end_column, encoded[rule], encoded[severity],
                          encode_basestring(message), _FIX[applicability] if edits else _NO_FIX)
                for line, column, end_line, end_column, rule, severity, message, edits, applicability, _
                in part.items]))
        else:
            f = part
            chunks.add(separator + _PATH + encoded[f.path] + _FIELDS % (
                f.line, f.column, f.end_line, f.end_column, encoded[f.rule], encoded[f.severity],
                encode_basestring(f.message), _FIX[f.applicability] if f.edits else _NO_FIX))
        separator = ",\n"
    chunks.add("[]" if separator == "[\n" else "\n  ]")
    summary = json.dumps(report.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    chunks.add(f',\n  "summary": {summary}\n}}\n')
    chunks.flush()
