"""``--format json``: the stable machine format (version 1)."""
from __future__ import annotations

import json


def render(report, **_) -> str:
    return json.dumps({"version": 1, "findings": [f.to_dict() for f in report.findings],
                       "summary": report.summary()}, ensure_ascii=False, indent=2) + "\n"
