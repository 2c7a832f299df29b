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
    options = cls.declared_options() if hasattr(cls, "declared_options") else {}
    if options:
        parts.append("\nOptions (under `rules: {%s: {...}}` in .guidelint.yaml):" % cls.id)
        for name, option in options.items():
            parts.append(f"  {name}: {option.values()}; default {option.default_text()}")
            if option.help:
                parts.append(textwrap.indent(textwrap.fill(option.help, 88), "      "))
    return "\n".join(parts) + "\n"
