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
    """One JSON document whose rule table precedes the results: the findings are gathered
    first (SARIF is for code-scanning uploads, not for the largest runs' default output)."""
    findings = list(report)
    rule_ids = sorted({f.rule for f in findings})
    index = {rid: i for i, rid in enumerate(rule_ids)}
    seen: Counter = Counter()
    results = []
    relative = False
    for f in findings:
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
            "ruleId": f.rule, "ruleIndex": index[f.rule], "level": LEVEL[f.severity],
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
        results.append(result)
    run = {
        "tool": {"driver": {"name": "guidelint", "version": __version__,
                            "informationUri": "https://pypi.org/project/guidelint/",
                            "rules": [_rule_descriptor(r) for r in rule_ids]}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if relative:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": Path(os.getcwd()).as_uri().rstrip("/") + "/"}}
    doc = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
