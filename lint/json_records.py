"""Findings as the records of ``--format json`` (version 1), laid out as
``json.dumps(..., ensure_ascii=False, indent=2)`` lays them out inside the report.

Shared by the JSON reporter and the cache, which keeps each entry's records ready-made so
that a warm re-run writes them as they are. The field order is Finding.to_dict()'s (a test
compares the two)."""
from __future__ import annotations

from json.encoder import encode_basestring  # C-accelerated; keeps non-ASCII as is
from typing import Iterable

from .finding import Finding

RECORD_START = '    {\n      "path": '
#: the rest of a record after its path, for ``%``
FIELDS = (',\n'
          '      "line": %d,\n'
          '      "column": %d,\n'
          '      "end_line": %d,\n'
          '      "end_column": %d,\n'
          '      "rule": %s,\n'
          '      "severity": %s,\n'
          '      "message": %s,\n'
          '      "fixable": %s\n'
          '    }')
#: "fixable" and "fix" at that depth, by the finding's applicability when it has a fix
FIX = {"safe": 'true,\n      "fix": {\n        "applicability": "safe"\n      }',
       "unsafe": 'false,\n      "fix": {\n        "applicability": "unsafe"\n      }'}
NO_FIX = 'false,\n      "fix": null'
SEPARATOR = ",\n"  # between two records


class Encoded(dict):
    """JSON string literals of the paths, rule ids and severities, which repeat: each encoded once."""

    def __missing__(self, text: str) -> str:
        encoded = self[text] = encode_basestring(text)
        return encoded


def record(f: Finding, encoded: Encoded, path: str | None = None) -> str:
    """The record of ``f``; ``path``: the path it shows, when not the finding's own."""
    return RECORD_START + encoded[f.path if path is None else path] + FIELDS % (
        f.line, f.column, f.end_line, f.end_column, encoded[f.rule], encoded[f.severity],
        encode_basestring(f.message), FIX[f.applicability] if f.edits else NO_FIX)


def records(findings: Iterable[Finding], path: str | None = None) -> str:
    """The records of ``findings``, in their order, joined as in the report."""
    encoded = Encoded()
    return SEPARATOR.join([record(f, encoded, path) for f in findings])
