"""``guidelint compare SOURCE TARGET``: :func:`lint.translations.compare.compare`, reported."""
from __future__ import annotations

import json
import os
import sys

from ..config import Config
from ..reporters import Report, render
from ..translations.compare import compare
from .output import EXIT_ERROR, emit, exit_status, want_colour


def cmd_compare(args) -> int:
    explicit = Config.load(args.config) if args.config else None
    for path in (args.source, args.target):
        if not os.path.isfile(path):
            print(f"guidelint: error: {path}: no such file", file=sys.stderr)
            return EXIT_ERROR
    result = compare(args.source, args.target, explicit, args.source_locale, args.locale)
    report = Report(result.findings, 1)
    if args.format == "json":
        data = json.loads(render(report, "json"))
        data = {"version": data["version"], "verdict": result.verdict, "source": args.source,
                "target": args.target, "differences": result.differences,
                **{k: v for k, v in data.items() if k != "version"}}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = render(report, args.format, colour=want_colour(args))
        if args.format == "text":
            text += f"verdict: {result.verdict}\n"
    emit(text, args)
    fail_on = args.fail_on or (explicit.fail_on if explicit else "warning")
    return exit_status(result.findings, fail_on, False)
