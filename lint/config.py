"""Configuration: ``.guidelint.yaml`` or ``[tool.guidelint]`` in ``pyproject.toml``.

One schema for both. Every key is checked: an unknown key, a wrong type or an unknown rule
id is a :class:`ConfigError` that names the file and the key, because a typo in a CI gate's
configuration must not silently switch a rule off.
"""
from __future__ import annotations

import dataclasses
import fnmatch
import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import registry
from .document import DEFAULT_LOCALE_PATTERN
from .finding import SEVERITIES

CONFIG_NAMES = (".guidelint.yaml", ".guidelint.yml", "pyproject.toml")

# key -> (type description, check)
_LIST = (list, "a list of strings")
_STR = (str, "a string")
_BOOL = (bool, "true or false")
_MAP = (dict, "a mapping")
TOP_KEYS = {
    "select": _LIST, "ignore": _LIST, "enable": _LIST, "severity": _MAP, "rules": _MAP,
    "overrides": (list, "a list of mappings"), "locale_pattern": _STR, "locales": _MAP,
    "expected_locales": ((list, dict), "a list of locales, or a mapping of folder globs to lists of locales"),
    "fail_on": _STR, "source_locale": ((str, list), "a locale or a list of locales"),
    "words": _LIST, "dictionaries": _LIST, "locale_map": _MAP, "skip_deprecated": _BOOL,
    "exclude": _LIST, "cache_dir": _STR, "canonical_urls": _LIST, "product_names": _LIST,
    "baseline": _STR,
    "time_budget": ((int, float), "a number of seconds per file (0: no limit)"),
    "max_annotations": (int, "a number of annotations of each level (--format github; 0: no limit)"),
    "terms": _MAP,
    "spelling": (dict, "a mapping of locales or languages to a spelling backend (voikko, hunspell)"),
}
# the terminology list of translation/term-mismatch
TERMS_KEYS = {"glossary": _STR, "keep": _LIST, "variants": _MAP, "locales": _MAP}
OVERRIDE_KEYS = {"files", "select", "ignore", "enable", "severity", "rules", "locale", "source_locale"}


class ConfigError(Exception):
    def __init__(self, path: str, key: str, message: str):
        super().__init__(f"{path}: {key}: {message}")
        self.path, self.key, self.message = path, key, message


@dataclass
class Config:
    path: str | None = None  # the file it came from, None for defaults
    root: str = "."  # folder that globs are relative to
    data: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | os.PathLike) -> "Config":
        path = str(path)
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError as e:
            raise ConfigError(path, "-", f"cannot read: {e.strerror}") from None
        if path.endswith(".toml"):
            tomllib = _tomllib()  # imported only here: most runs read no pyproject.toml
            try:
                data = tomllib.loads(raw.decode("utf-8")).get("tool", {}).get("guidelint", {})
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
                raise ConfigError(path, "-", f"invalid TOML: {e}") from None
        else:
            try:
                data = yaml.safe_load(raw.decode("utf-8")) or {}
            except yaml.MarkedYAMLError as e:
                mark = e.problem_mark
                where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
                raise ConfigError(path, "-", f"invalid YAML: {where}{e.problem}") from None
            except (yaml.YAMLError, UnicodeDecodeError) as e:
                raise ConfigError(path, "-", f"invalid YAML: {e}") from None
        if not isinstance(data, dict):
            raise ConfigError(path, "-", "the configuration must be a mapping of keys")
        config = cls(path, str(Path(path).resolve().parent), data)
        config.validate()
        return config

    # validation ----------------------------------------------------------------------
    def validate(self) -> None:
        where = self.path or "<config>"
        _check_keys(where, "", self.data, TOP_KEYS)
        _check_expected_locales(where, self.data.get("expected_locales"))
        self._check_terms(where, self.data.get("terms"))
        self._check_rule_keys(self.data, "")
        for locale, backend in (self.data.get("spelling") or {}).items():
            if backend not in ("voikko", "hunspell"):
                raise ConfigError(where, f"spelling.{locale}", "must be voikko or hunspell")
        if self.data.get("fail_on", "warning") not in SEVERITIES:
            raise ConfigError(where, "fail_on", f"must be one of {', '.join(SEVERITIES)}")
        for i, override in enumerate(self.data.get("overrides", [])):
            prefix = f"overrides[{i}]"
            if not isinstance(override, dict):
                raise ConfigError(where, prefix, "must be a mapping")
            unknown = set(override) - OVERRIDE_KEYS
            if unknown:
                raise ConfigError(where, f"{prefix}.{sorted(unknown)[0]}", "unknown key")
            if not isinstance(override.get("files"), list):
                raise ConfigError(where, f"{prefix}.files", "must be a list of globs")
            self._check_rule_keys(override, prefix + ".")

    @staticmethod
    def _check_terms(where: str, terms) -> None:
        if terms is None:
            return
        _check_keys(where, "terms.", terms, TERMS_KEYS)
        for name, variants in (terms.get("variants") or {}).items():
            if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
                raise ConfigError(where, f"terms.variants.{name}", "must be a list of strings")
        for locale, entries in (terms.get("locales") or {}).items():
            if not isinstance(entries, dict):
                raise ConfigError(where, f"terms.locales.{locale}", "must be a mapping of source term to term")
            for term, wanted in entries.items():
                ok = isinstance(wanted, str) or (
                    isinstance(wanted, dict) and set(wanted) <= {"use", "avoid"} and isinstance(wanted.get("use"), str)
                    and all(isinstance(v, str) for v in wanted.get("avoid", []) or []))
                if not ok:
                    raise ConfigError(where, f"terms.locales.{locale}.{term}",
                                      "must be a term, or a mapping with 'use' (a term) and 'avoid' (a list)")

    def _terms_setting(self) -> dict:
        """``terms`` with its glossary file made absolute (it is relative to the configuration)."""
        terms = dict(self.data["terms"])
        if terms.get("glossary"):
            terms["glossary"] = os.path.normpath(os.path.join(self.root, terms["glossary"]))
        return terms

    def _check_rule_keys(self, section: dict, prefix: str) -> None:
        where = self.path or "<config>"
        known = registry.load()
        families = registry.families()
        for key in ("select", "ignore", "enable"):
            for item in section.get(key, []) or []:
                if not isinstance(item, str) or (item not in known and item not in families
                                                  and item != "ALL"):
                    raise ConfigError(where, f"{prefix}{key}",
                                      f"unknown rule or family '{item}'{_did_you_mean(item, ('ALL',))}")
        severities = section.get("severity") or {}
        for rule_id, level in list(severities.items()):
            if rule_id not in known:
                raise ConfigError(where, f"{prefix}severity.{rule_id}", f"unknown rule id{_did_you_mean(rule_id)}")
            if level is False:
                # YAML 1.1 reads a bare `off` (or `no`) as false: that is what the user meant
                severities[rule_id] = level = "off"
            if level not in SEVERITIES + ("off",):
                raise ConfigError(where, f"{prefix}severity.{rule_id}",
                                  f"must be one of {', '.join(SEVERITIES)}, off (not {level!r})")
        for rule_id, opts in (section.get("rules") or {}).items():
            if rule_id not in known:
                raise ConfigError(where, f"{prefix}rules.{rule_id}", f"unknown rule id{_did_you_mean(rule_id)}")
            if not isinstance(opts, dict):
                raise ConfigError(where, f"{prefix}rules.{rule_id}", "must be a mapping of options")
            declared = known[rule_id].declared_options()
            for name, value in opts.items():
                if name not in declared:
                    close = _closest(str(name), declared)
                    hint = f"did you mean '{close}'? " if close else ""
                    raise ConfigError(where, f"{prefix}rules.{rule_id}.{name}",
                                      f"unknown option ({hint}known: {', '.join(sorted(declared)) or 'none'})")
                problem = declared[name].problem(value)
                if problem:
                    raise ConfigError(where, f"{prefix}rules.{rule_id}.{name}", problem)

    # resolution ----------------------------------------------------------------------
    def relative(self, path: str) -> str:
        try:
            return os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")
        except ValueError:
            return path.replace(os.sep, "/")

    def matches(self, globs: list[str], path: str) -> bool:
        if not globs:  # asked for every file of a run: spare it the path arithmetic
            return False
        rel = self.relative(path)
        return any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(path.replace(os.sep, "/"), g)
                   for g in globs)

    def excluded(self, path: str) -> bool:
        return self.matches(self.data.get("exclude", []), path)

    def for_path(self, path: str) -> "FileConfig":
        """The configuration as it applies to the file ``path``: its overrides and locale applied."""
        sections = [self.data] + [o for o in self.data.get("overrides", [])
                                  if self.matches(o["files"], path)]
        rules = registry.load()
        enabled = {rid for rid, cls in rules.items() if cls.enabled_by_default}
        severities = {rid: cls.severity for rid, cls in rules.items()}
        options = {rid: cls.defaults() for rid, cls in rules.items()}
        locale = None
        for section in sections:
            if "select" in section:
                enabled = set(_expand(section["select"], rules))
            enabled |= set(_expand(section.get("enable", []), rules))
            enabled -= set(_expand(section.get("ignore", []), rules))
            for rid, level in (section.get("severity") or {}).items():
                if level == "off" or level is False:  # False: YAML's bare `off`
                    enabled.discard(rid)
                else:
                    severities[rid] = level
            for rid, opts in (section.get("rules") or {}).items():
                options[rid].update(opts)
            if "locale" in section:
                locale = section["locale"]
        for glob, loc in (self.data.get("locales") or {}).items():
            if self.matches([glob], path):
                locale = loc
        source = self.data.get("source_locale", ["fr-fr", "en-gb"])
        for section in sections[1:]:
            source = section.get("source_locale", source)
        return FileConfig(
            rules=sorted(enabled), severities=severities, options=options, locale=locale,
            locale_pattern=self.data.get("locale_pattern", DEFAULT_LOCALE_PATTERN),
            source_locales=[source] if isinstance(source, str) else list(source),
            settings={k: self.data[k] for k in ("words", "dictionaries", "locale_map",
                                                 "skip_deprecated", "canonical_urls", "product_names",
                                                 "time_budget", "spelling")
                      if k in self.data} | ({"terms": self._terms_setting()} if "terms" in self.data else {}),
        )

    @property
    def fail_on(self) -> str:
        return self.data.get("fail_on", "warning")

    @property
    def baseline(self) -> str | None:
        """The baseline file ``check`` honours without ``--baseline``, relative to this file."""
        value = self.data.get("baseline")
        return os.path.join(self.root, value) if value else None

    @property
    def cache_dir(self) -> str:
        return os.path.join(self.root, self.data.get("cache_dir", ".guidelint_cache"))


@dataclass
class FileConfig:
    """The configuration as it applies to one file (``ctx.config``): the rules enabled for it,
    their severities and options, its locale, and the repository-wide settings."""

    rules: list[str]
    severities: dict[str, str]
    options: dict[str, dict]
    locale: str | None
    locale_pattern: str
    source_locales: list[str]
    settings: dict[str, Any]

    def fingerprint(self) -> str:
        blob = json.dumps({"rules": self.rules, "sev": {r: self.severities[r] for r in self.rules},
                           "opt": {r: self.options[r] for r in self.rules}, "locale": self.locale,
                           "pattern": self.locale_pattern, "source": self.source_locales,
                           "settings": self.settings}, sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:20]


#: the former name of FileConfig, which plug-ins and scripts written before the rename use
Effective = FileConfig


def _expand(items: list[str], rules: dict) -> list[str]:
    out = []
    for item in items:
        if item == "ALL":
            out.extend(rules)
        elif item in rules:
            out.append(item)
        else:
            out.extend(rid for rid in rules if rid.split("/")[0] == item)
    return out


def _check_keys(where: str, prefix: str, data: dict, schema: dict) -> None:
    for key, value in data.items():
        if key not in schema:
            close = _closest(str(key), schema)
            hint = f" (did you mean '{close}'?)" if close else ""
            raise ConfigError(where, f"{prefix}{key}", f"unknown key{hint}")
        kind, description = schema[key]
        if not isinstance(value, kind) or (kind is list and not all(isinstance(v, str) for v in value)
                                           and key != "overrides"):
            raise ConfigError(where, f"{prefix}{key}", f"must be {description}")


def _did_you_mean(name: str, extra: tuple[str, ...] = ()) -> str:
    close = registry.closest(name, extra)
    return f" (did you mean '{close}'?)" if close else ""


def _closest(word: str, candidates) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return found[0] if found else None


def _tomllib():
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


_UNKNOWN = object()  # a folder not resolved yet (None: resolved to no configuration file)


def discover(path: str, cache: dict[str, Config | None], without_config: set[str] = frozenset()
             ) -> Config | None:
    """The nearest configuration file above ``path``, or None. ``without_config``: absolute
    folders known to hold no configuration file (a directory walk listed them)."""
    folder = os.path.abspath(path)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    visited = []
    result = None
    while True:  # plain os.path: a repository run asks this for thousands of folders
        if folder in cache:
            result = cache[folder]
            break
        visited.append(folder)
        found = None
        for name in () if folder in without_config else CONFIG_NAMES:
            file = os.path.join(folder, name)
            if os.path.isfile(file):
                if name == "pyproject.toml" and b"[tool.guidelint" not in _read(file):
                    continue
                found = Config.load(file)
                break
        if found is not None:
            result = found
            break
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    for key in visited:
        cache[key] = result
    return result


class ConfigResolver:
    """Find each file's configuration: an explicit one, or the nearest above the file."""

    def __init__(self, explicit: Config | None = None, cli_overrides: dict | None = None):
        self.explicit = explicit
        self.cache: dict = {}
        self.overrides = cli_overrides or {}
        self._by_folder: dict[str, Config] = {}
        self._by_given_folder: dict[str, Config] = {}
        self._default: Config | None = None
        self._uniform: dict[int, tuple[FileConfig, str]] = {}  # config -> its one FileConfig, fingerprint
        #: absolute folders a directory walk found no configuration file in (no stat needed)
        self.without_config: set[str] = set()

    def config_for(self, path: str) -> Config:
        if self.explicit is not None:
            return self.explicit
        # asked once per file with the path as given: the folder as given names it within a run
        # (one resolver serves one run, from one working folder), without an abspath per file
        if not path.lower().endswith(".md"):
            return self._config_for(path)
        folder = path.rpartition(os.sep)[0]  # a key only: no need for dirname's normalising
        config = self._by_given_folder.get(folder)
        if config is None:
            config = self._by_given_folder[folder] = self._config_for(path)
        return config

    def _config_for(self, path: str) -> Config:
        # a run asks for every file: remember the answer per folder (discover() stats each parent)
        folder = os.path.dirname(os.path.abspath(path)) if path.lower().endswith(".md") else None
        config = self._by_folder.get(folder) if folder else None
        if config is None:
            found = _UNKNOWN
            if folder:
                # the parent folder was already resolved (None: to no file, the defaults) and
                # this one holds no configuration file
                parent = self.cache.get(os.path.dirname(folder), _UNKNOWN)
                if parent is not _UNKNOWN and (folder in self.without_config or not any(
                        os.path.isfile(os.path.join(folder, name)) for name in CONFIG_NAMES)):
                    found = self.cache[folder] = parent
            config = discover(path, self.cache, self.without_config) if found is _UNKNOWN else found
            if config is None:
                if self._default is None:
                    self._default = Config()
                config = self._default
            if folder:
                self._by_folder[folder] = config
        return config

    def _uniform_effective(self, config: Config) -> tuple[FileConfig, str] | None:
        """A configuration without per-file sections gives every file the same FileConfig."""
        if config.data.get("overrides") or config.data.get("locales"):
            return None
        found = self._uniform.get(id(config))
        if found is None:
            effective = self._effective(config, "")
            found = self._uniform[id(config)] = (effective, effective.fingerprint())
        return found

    def fingerprint_for(self, path: str) -> str:
        """``effective_for(path).fingerprint()``, computed once per configuration when it can be."""
        config = self.config_for(path)
        found = self._uniform_effective(config)
        return found[1] if found else self._effective(config, path).fingerprint()

    def effective_for(self, path: str) -> FileConfig:
        config = self.config_for(path)
        found = self._uniform_effective(config)
        if found is not None:
            return dataclasses.replace(found[0])  # a copy: callers may narrow .rules
        return self._effective(config, path)

    def _effective(self, config: Config, path: str) -> FileConfig:
        effective = config.for_path(path)
        rules = registry.load()
        if self.overrides.get("select"):
            effective.rules = sorted(_expand(self.overrides["select"], rules))
        if self.overrides.get("ignore"):
            drop = set(_expand(self.overrides["ignore"], rules))
            effective.rules = [r for r in effective.rules if r not in drop]
        return effective


def _check_expected_locales(where: str, value) -> None:
    """``expected_locales`` (read by ``guidelint translations``): locales, or globs to locales."""
    lists = value.items() if isinstance(value, dict) else [("", value)] if value is not None else []
    for glob, locales in lists:
        key = f"expected_locales.{glob}" if glob else "expected_locales"
        if not isinstance(glob, str):
            raise ConfigError(where, "expected_locales", f"folder glob {glob!r} must be a string")
        if not isinstance(locales, list) or not all(isinstance(l, str) and l.strip() for l in locales):
            raise ConfigError(where, key, "must be a list of locales (globs such as en-* allowed)")
