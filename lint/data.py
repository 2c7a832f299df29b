"""Reading the YAML data files that ship with the rules."""
from __future__ import annotations

from pathlib import Path

import yaml

# libyaml parses these files some twenty times faster than PyYAML's pure-Python reader, which
# counts at start-up (a pre-commit run checks one file); PyYAML is not always built with it
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: str | Path):
    """The data of a UTF-8 YAML file, read safely (plain data only, no Python objects)."""
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=_LOADER)  # noqa: S506 - a safe loader
