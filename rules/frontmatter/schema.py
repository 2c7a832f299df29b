"""The known front matter keys (rules/frontmatter/keys.yaml), loaded once."""
from __future__ import annotations

import datetime
import re
from functools import lru_cache
from pathlib import Path

from lint.data import load_yaml

SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")
GUIDE_NUMBER = re.compile(r"g?\d+")


@lru_cache(maxsize=1)
def known_keys() -> dict[str, str]:
    data = load_yaml(Path(__file__).with_name("keys.yaml"))
    return {key: spec["type"] for key, spec in data["keys"].items()}


#: the kinds a key's value may be declared as (keys.yaml, the ``types`` option)
KINDS = ("string", "text", "boolean", "integer", "date", "slug", "guide-number", "mapping", "list", "any")


def value_problem(kind: str, value) -> str | None:
    """Why ``value`` is not a valid ``kind``, or None when it is."""
    if kind == "any":
        return None
    if kind == "boolean" and not isinstance(value, bool):
        return "must be true or false"
    if kind == "string" and (not isinstance(value, str) or not value.strip()):
        return "must be non-empty text"
    if kind == "text" and value is not None and not isinstance(value, str):
        return "must be text"
    if kind == "integer" and (isinstance(value, bool) or not (
            isinstance(value, int) or (isinstance(value, str) and value.isdigit()))):
        # '08' is a string to YAML 1.1 (not octal), yet a whole number to a reader and the site
        return "must be a whole number"
    if kind == "date" and not isinstance(value, (datetime.date, datetime.datetime)):
        return "must be a date (YYYY-MM-DD)"
    if kind == "slug" and not (isinstance(value, str) and SLUG.fullmatch(value)):
        return "must be a URL slug: lowercase letters, digits, '-' and '_'"
    if kind == "guide-number" and (isinstance(value, bool) or not GUIDE_NUMBER.fullmatch(str(value))):
        return "must look like g1234 or 1234"
    if kind == "mapping" and not isinstance(value, dict):
        return "must be a mapping"
    if kind == "list" and not isinstance(value, list):
        return "must be a list"
    return None
