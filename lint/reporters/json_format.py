"""``--format json``: the stable machine format (version 1)."""
from __future__ import annotations

import json
from json.encoder import encode_basestring  # C-accelerated; keeps non-ASCII as is


def render(report, **_) -> str:
    """The same bytes as ``json.dumps(..., ensure_ascii=False, indent=2)``, written faster.

    With ``indent`` the json module uses its pure-Python encoder, over a second per 100,000
    findings, which was most of a warm re-run of a large repository. Findings are flat
    records of strings, numbers and booleans, so each is laid out here directly; anything
    else goes through the json module."""
    findings = [_record(f.to_dict()) for f in report.findings]
    summary = json.dumps(report.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    body = "[\n" + ",\n".join(findings) + "\n  ]" if findings else "[]"
    return f'{{\n  "version": 1,\n  "findings": {body},\n  "summary": {summary}\n}}\n'


def _record(record: dict) -> str:
    fields = ",\n".join(f"      {encode_basestring(key)}: {_scalar(value)}" for key, value in record.items())
    return "    {\n" + fields + "\n    }" if record else "    {}"


def _scalar(value) -> str:
    if isinstance(value, str):
        return encode_basestring(value)
    if value is True or value is False or value is None or type(value) is not int:
        return json.dumps(value, ensure_ascii=False)
    return int.__repr__(value)
