"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other viewers."""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path, PureWindowsPath
from urllib.parse import quote

from .. import __version__, registry
from ..baseline import fingerprint
from ..internal import ENGINE_CHECKS
from .chunked import Chunked
from ..translations.gitinfo import split_evidence

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
#: the key GitHub code scanning matches results across runs by; the version changes only
#: with the fingerprint's recipe (lint/baseline.py)
FINGERPRINT_KEY = "guidelint/v1"


def _rule_descriptor(rule_id: str) -> dict:
    rules = registry.load()
    cls = rules.get(rule_id) or ENGINE_CHECKS.get(rule_id)
    summary = cls.summary if cls else rule_id
    doc = cls.documentation() if cls else summary
    severity = cls.severity if cls else "warning"
    return {"id": rule_id, "name": rule_id.replace("/", "-"),
            "shortDescription": {"text": summary}, "fullDescription": {"text": doc},
            "help": {"text": doc}, "defaultConfiguration": {"level": LEVEL[severity]}}


def artifact_location(path: str) -> dict:
    """An absolute path is a ``file://`` URI; a relative one is a percent-encoded reference
    against ``%SRCROOT%`` (the working folder, where a CI job checks the repository out)."""
    if os.path.isabs(path) or PureWindowsPath(path).is_absolute():
        if PureWindowsPath(path).drive:
            return {"uri": PureWindowsPath(path).as_uri()}
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path.replace("\\", "/")), "uriBaseId": SRCROOT}


def write(report, out, **_) -> None:
    """One JSON document, streamed: each result is written as its finding goes by, and the
    rule table (whose indexes the results use, numbered in order of first appearance) and
    the base URI follow the results. JSON members have no order, so SARIF readers take the
    table wherever it stands; gathering 100,000 result objects first took 700 MB."""
    index: dict[str, int] = {}
    seen: Counter = Counter()
    relative = False
    out.write('{\n  "$schema": %s,\n  "version": "2.1.0",\n  "runs": [\n    {\n'
              '      "columnKind": "unicodeCodePoints",\n      "results": [' % json.dumps(SCHEMA))
    lines = Chunked(out)
    for n, f in enumerate(report):
        region = {"startLine": f.line, "startColumn": f.column,
                  "endLine": max(f.end_line, f.line),
                  "endColumn": max(f.end_column, f.column + 1) if f.end_line == f.line else max(f.end_column, 1)}
        location = artifact_location(f.path)
        relative |= "uriBaseId" in location
        # the same defect on two identical lines of a file: numbered, as GitHub numbers its own
        # line hashes, so each keeps its identity
        key = (f.path, fingerprint(f))
        seen[key] += 1
        message, evidence = split_evidence(f.message)
        result = {
            "ruleId": f.rule, "ruleIndex": index.setdefault(f.rule, len(index)), "level": LEVEL[f.severity],
            "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
            "partialFingerprints": {FINGERPRINT_KEY: f"{key[1]}:{seen[key]}"},
        }
        properties = {}
        if evidence:
            properties["evidence"] = evidence
        if f.edits:  # whether --fix repairs it alone or needs --unsafe-fixes, as in the JSON
            properties["fix"] = {"applicability": f.applicability}
        if properties:
            result["properties"] = properties
        lines.add(("," if n else "") + "\n        " + json.dumps(result, ensure_ascii=False))
    lines.flush()
    tail = {"tool": {"driver": {"name": "guidelint", "version": __version__,
                                "informationUri": "https://pypi.org/project/guidelint/",
                                "rules": [_rule_descriptor(r) for r in index]}}}
    if relative:
        tail["originalUriBaseIds"] = {SRCROOT: {"uri": Path(os.getcwd()).as_uri().rstrip("/") + "/"}}
    members = ",\n".join(f"      {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in tail.items())
    out.write(("\n      " if index else "") + "],\n" + members + "\n    }\n  ]\n}\n")
