"""Which file a translation is compared with, and loading it once per process.

The translations of a guide are the files of one folder whose names the locale pattern
matches (``guide.<locale>.md``). The source is the first of ``source_locales`` present in
the folder (default ``fr-fr`` then ``en-gb``); failing that, when the folder holds exactly two
guides, the other one (the one whose locale sorts first is taken as the source, so that
the two do not each claim the other). Only the folder listing is read to decide: no
sibling is parsed except the chosen source.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from ..document import PARSED_GUIDE, Document, locale_from_path


@dataclass
class Pairing:
    path: str
    locale: str | None
    source: str | None          # the source file's path, None when there is none
    source_locale: str | None
    siblings: dict              # locale -> path, every guide of the folder
    is_source: bool = False     # the file is itself the folder's source
    fallback: bool = False      # the source is "the only other file", not a configured locale


def guides_in(folder: str, pattern: str) -> dict[str, str]:
    """locale -> path of the folder's guides (only names are read)."""
    out = {}
    try:
        names = sorted(os.listdir(folder or "."))
    except OSError:
        return out
    for name in names:
        if not name.lower().endswith(".md"):
            continue
        locale = locale_from_path(name, pattern)
        if locale and os.path.isfile(os.path.join(folder, name)):
            out.setdefault(locale, os.path.join(folder, name))
    return out


@lru_cache(maxsize=4096)  # every guide of a folder names its siblings again: one regex per pair of names
def _stem(path: str, locale: str | None) -> str:
    name = os.path.basename(path)
    if locale:
        name = re.sub(r"[._-]" + re.escape(locale) + r"(?=\.md$)", "", name, flags=re.I)
    return name.lower()


def pair(path: str, source_locales: list[str], pattern: str, locale: str | None = None) -> Pairing:
    locale = locale or locale_from_path(path, pattern)
    folder = os.path.dirname(path)
    stem = _stem(path, locale)
    siblings = {loc: p for loc, p in guides_in(folder, pattern).items() if _stem(p, loc) == stem}
    if locale:
        siblings.setdefault(locale, path)
    result = Pairing(path, locale, None, None, siblings)
    if locale is None:
        return result
    for wanted in source_locales:
        wanted = wanted.lower().replace("_", "-")
        if wanted in siblings:
            if wanted == locale:
                result.is_source = True
                return result
            result.source, result.source_locale = siblings[wanted], wanted
            return result
    if len(siblings) == 2:
        first = sorted(siblings)[0]
        if first == locale:
            result.is_source = True
        else:
            result.source, result.source_locale, result.fallback = siblings[first], first, True
    return result


def load(services, path: str, pattern: str) -> Document | None:
    """The Document at ``path``, read and parsed at most once per process."""

    def factory():
        try:
            with open(path, "rb") as f:
                data = f.read()
            return Document.from_bytes(data, path, locale_from_path(path, pattern))
        except Exception:  # noqa: BLE001 - an unreadable source is reported by its own check
            return None

    key = (PARSED_GUIDE, os.path.abspath(path))
    try:
        return services.get(key, factory, scope="folder")
    except TypeError:  # a Services without scopes
        return services.get(key, factory)
