"""Where a command's text goes, whether it is coloured, and the exit status it ends with."""
from __future__ import annotations

import os
import sys

from ..finding import Finding, severity_rank

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def want_colour(args) -> bool:
    if args.no_color or os.environ.get("NO_COLOR") or args.output:
        return False
    return sys.stdout.isatty()


def emit(text: str, args) -> None:
    if getattr(args, "output", None):
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def exit_status(findings: list[Finding], fail_on: str, unreadable: bool) -> int:
    if unreadable:
        return EXIT_ERROR
    threshold = severity_rank(fail_on)
    return EXIT_FINDINGS if any(severity_rank(f.severity) >= threshold for f in findings) else EXIT_OK
