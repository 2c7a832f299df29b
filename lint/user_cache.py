"""The user's cache folder for guidelint: ``$XDG_CACHE_HOME/guidelint``, by default
``~/.cache/guidelint``. What is kept there belongs to the user's machine, not to a
repository: correctly decoded copies of broken dictionaries, what the command's start compiles."""
from __future__ import annotations

import os


def folder(*parts: str) -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "guidelint", *parts)
