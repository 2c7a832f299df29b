"""``--format json``: the stable machine format (version 1).

A finding's ``"fix"`` is ``{"applicability": "safe" | "unsafe"}`` or null (ruff's shape);
``"fixable"`` is true when plain ``--fix`` repairs it (a safe fix)."""
from __future__ import annotations

import json
from json.encoder import encode_basestring  # C-accelerated; keeps non-ASCII as is

from .chunked import Chunked

# one finding as json.dumps(indent=2) lays it out inside the report; the field order is
# Finding.to_dict()'s (a test compares the two)
_RECORD = ('    {\n'
           '      "path": %s,\n'
           '      "line": %d,\n'
           '      "column": %d,\n'
           '      "end_line": %d,\n'
           '      "end_column": %d,\n'
           '      "rule": %s,\n'
           '      "severity": %s,\n'
           '      "message": %s,\n'
           '      "fixable": %s,\n'
           '      "fix": %s\n'
           '    }')
# "fix" as json.dumps(indent=2) lays it out at that depth
_FIX = {"safe": '{\n        "applicability": "safe"\n      }',
        "unsafe": '{\n        "applicability": "unsafe"\n      }'}


def write(report, out, **_) -> None:
    """The same bytes as ``json.dumps(..., ensure_ascii=False, indent=2)``, written faster and
    as the findings come.

    With ``indent`` the json module uses its pure-Python encoder: 1.7 s for the 115,000
    findings of a 10,000-guide repository, more than a whole warm re-run may take. Findings
    are flat records, so each is filled into a template with the C string encoder."""
    encoded: dict[str, str] = {}  # paths, rule ids and severities repeat: encode each once
    chunks = Chunked(out)
    chunks.add('{\n  "version": 1,\n  "findings": ')
    separator = "[\n"
    for f in report:
        path, rule, severity = encoded.get(f.path), encoded.get(f.rule), encoded.get(f.severity)
        if path is None:
            path = encoded[f.path] = encode_basestring(f.path)
        if rule is None:
            rule = encoded[f.rule] = encode_basestring(f.rule)
        if severity is None:
            severity = encoded[f.severity] = encode_basestring(f.severity)
        chunks.add(separator + _RECORD % (path, f.line, f.column, f.end_line, f.end_column, rule, severity,
                                          encode_basestring(f.message),
                                          "true" if f.fixable else "false",
                                          _FIX[f.applicability] if f.edits else "null"))
        separator = ",\n"
    chunks.add("[]" if separator == "[\n" else "\n  ]")
    summary = json.dumps(report.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    chunks.add(f',\n  "summary": {summary}\n}}\n')
    chunks.flush()
