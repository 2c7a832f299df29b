"""A rule's documentation as `guidelint explain` prints it, for every front end (the command
line, the language server's hover)."""
from __future__ import annotations

import textwrap

from . import registry
from .internal import ENGINE_CHECKS


def explain(rule_id: str) -> str | None:
    """The text of ``guidelint explain RULE``; None for an unknown rule."""
    cls = registry.load().get(rule_id) or ENGINE_CHECKS.get(rule_id)
    if cls is None:
        return None
    parts = [f"{cls.id}  ({cls.severity})", cls.summary, "", cls.documentation()]
    options = getattr(cls, "options", {})
    if options:
        parts.append("\nOptions:")
        parts.extend(textwrap.indent(f"{name}: {value!r}", "  ") for name, value in options.items())
    return "\n".join(parts) + "\n"
