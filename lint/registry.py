"""Every rule guidelint knows: the built-in ones and those of plug-ins.

Built-in rules live in the ``rules`` package, one module per rule; third-party packages
add theirs through the entry-point group ``guidelint.rules`` (an entry point names a Rule
class or a module whose Rule classes are all taken).
"""
from __future__ import annotations

import importlib
import importlib.machinery
import os
import pkgutil
import sys

from .rule import Rule

ENTRY_POINT_GROUP = "guidelint.rules"
_RULES: dict[str, type[Rule]] = {}
_loaded = False
_DECORATED: set[type[Rule]] = set()  # every class @register ever saw, to rebuild a reset registry


class RegistryError(Exception):
    pass


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: make a rule known under its id."""
    if not cls.id or "/" not in cls.id:
        raise RegistryError(f"rule {cls.__name__} needs an id of the form family/name")
    existing = _RULES.get(cls.id)
    if existing is not None and existing is not cls and existing.__qualname__ != cls.__qualname__:
        raise RegistryError(f"two rules claim the id {cls.id}: {existing.__module__} and {cls.__module__}")
    _RULES[cls.id] = cls
    _DECORATED.add(cls)
    return cls


def _rules_in_module(module) -> list[type[Rule]]:
    return [obj for obj in vars(module).values()
            if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule and obj.id]


def _load_builtin() -> None:
    import rules as package

    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        # registered again from the module, not by the import's side effect alone: a module
        # is imported once per process, and a registry that was reset (a test isolating a
        # plug-in) must still find the built-in rules
        for cls in _rules_in_module(module):
            if cls in _DECORATED:
                register(cls)


def _may_declare_plugins() -> bool:
    """Whether an installed distribution may declare a ``guidelint.rules`` entry point: its
    ``entry_points.txt`` names the group. Importing ``importlib.metadata`` (email, csv,
    zipfile...) is a tenth of a pre-commit run, and nearly every installation has no plug-in;
    where distributions may come from elsewhere (a zip on the path, a custom finder), ask it."""
    marker = f"[{ENTRY_POINT_GROUP}]"
    if any(hasattr(finder, "find_distributions") and finder is not importlib.machinery.PathFinder
           for finder in sys.meta_path):
        return True
    for folder in sys.path:
        try:
            entries = os.scandir(folder or ".")
        except NotADirectoryError:
            return os.path.exists(folder)  # a zip on the path may hold distributions
        except OSError:
            continue
        with entries:
            for entry in entries:
                if not entry.name.endswith((".dist-info", ".egg-info")):
                    continue
                try:
                    with open(os.path.join(entry.path, "entry_points.txt"), encoding="utf-8",
                              errors="replace") as f:
                        if marker in f.read():
                            return True
                except OSError:
                    continue
    return False


def _load_plugins() -> None:
    if not _may_declare_plugins():
        return
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        obj = ep.load()
        found = [obj] if isinstance(obj, type) else _rules_in_module(obj)
        for cls in found:
            register(cls)


def load() -> dict[str, type[Rule]]:
    """Every known rule by id, sorted: the built-in ones, then the plug-ins' (loaded once)."""
    global _loaded
    if not _loaded:
        _load_builtin()
        _load_plugins()
        _loaded = True
    return dict(sorted(_RULES.items()))


def get(rule_id: str) -> type[Rule]:
    """The rule class of ``rule_id``; KeyError if no rule has it."""
    return load()[rule_id]


def families() -> set[str]:
    """The families of the known rules (``links``, ``ports``...)."""
    return {rule_id.split("/")[0] for rule_id in load()}


def short_names() -> dict[str, list[str]]:
    """A rule's name without its family (``doubled-letter``) -> the ids that end with it."""
    found: dict[str, list[str]] = {}
    for rule_id in load():
        found.setdefault(rule_id.split("/", 1)[1], []).append(rule_id)
    return found


def closest(name: str, extra: tuple[str, ...] = ()) -> str | None:
    """The rule id or family that ``name`` most likely meant, for a "did you mean" hint: the
    id of a short name (``doubled-letter``), or the nearest id, family or short name."""
    import difflib

    shorts = short_names()
    if len(shorts.get(name, ())) == 1:
        return shorts[name][0]
    candidates = {**{rid: rid for rid in load()}, **{f: f for f in families()}, **{e: e for e in extra}}
    for short, ids in shorts.items():
        if len(ids) == 1:
            candidates.setdefault(short, ids[0])
    found = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return candidates[found[0]] if found else None
