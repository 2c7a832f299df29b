"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other viewers."""
from __future__ import annotations

import json

from .. import __version__, registry
from ..internal import ENGINE_CHECKS

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _rule_descriptor(rule_id: str) -> dict:
    rules = registry.load()
    cls = rules.get(rule_id) or ENGINE_CHECKS.get(rule_id)
    summary = cls.summary if cls else rule_id
    doc = cls.documentation() if cls else summary
    severity = cls.severity if cls else "warning"
    return {"id": rule_id, "name": rule_id.replace("/", "-"),
            "shortDescription": {"text": summary}, "fullDescription": {"text": doc},
            "help": {"text": doc}, "defaultConfiguration": {"level": LEVEL[severity]}}


def write(report, out, **_) -> None:
    """One JSON document whose rule table precedes the results: the findings are gathered
    first (SARIF is for code-scanning uploads, not for the largest runs' default output)."""
    findings = list(report)
    rule_ids = sorted({f.rule for f in findings})
    index = {rid: i for i, rid in enumerate(rule_ids)}
    results = []
    for f in findings:
        region = {"startLine": f.line, "startColumn": f.column,
                  "endLine": max(f.end_line, f.line),
                  "endColumn": max(f.end_column, f.column + 1) if f.end_line == f.line else max(f.end_column, 1)}
        results.append({
            "ruleId": f.rule, "ruleIndex": index[f.rule], "level": LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": f.path.replace("\\", "/")},
                                                "region": region}}],
        })
        if f.edits:  # whether --fix repairs it alone or needs --unsafe-fixes, as in the JSON
            results[-1]["properties"] = {"fix": {"applicability": f.applicability}}
    doc = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "guidelint", "version": __version__,
                            "informationUri": "https://pypi.org/project/guidelint/",
                            "rules": [_rule_descriptor(r) for r in rule_ids]}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }]}
    out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
