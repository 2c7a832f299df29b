"""What the port rules know: which port is which protocol, direction and SSL mode, and the
words each language uses for them, read from ``lexicon.yaml`` beside this module."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from lint.data import load_yaml

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")


@dataclass(frozen=True)
class PortInfo:
    number: int
    protocol: str   # pop3 | imap | smtp
    direction: str  # incoming | outgoing
    ssl: bool       # True: implicit SSL/TLS; False: plain or STARTTLS


PROTOCOL_NAMES = {"pop3": "POP3", "imap": "IMAP", "smtp": "SMTP"}
LEXICON_PROTOCOL_KEYS = {"pop": "pop3", "imap": "imap", "smtp": "smtp"}
DIRECTIONS = ("incoming", "outgoing")
#: questions :meth:`Lexicon.mentions` keeps the answers of (a run of 10,000 guides asks ~300,000)
MENTIONS_KEPT = 100_000


class Lexicon:
    """Protocol knowledge and the per-language patterns of lexicon.yaml."""

    def __init__(self, data: dict):
        self.ports: dict[int, PortInfo] = {}
        self.protocol_direction: dict[str, str] = {}
        for name, spec in data["protocols"].items():
            self.protocol_direction[name] = spec["direction"]
            for number, mode in spec["ports"].items():
                self.ports[int(number)] = PortInfo(int(number), name, spec["direction"], mode == "ssl")
        self.host_prefixes = {}
        for name, prefixes in (data.get("host_prefixes") or {}).items():
            for prefix in prefixes:
                self.host_prefixes[prefix.lower()] = name
        self._specs: dict[str, dict[str, list[str]]] = data["languages"]
        self._patterns: dict[str, dict[str, list[re.Pattern]]] = {}
        self._merged: dict[tuple[str | None, str], list[re.Pattern]] = {}
        self._mentioned: dict[tuple[str, str | None, str], bool] = {}

    def _compiled(self, lang: str) -> dict[str, list[re.Pattern]]:
        # compiled per language when first asked: a pre-commit run of a Finnish guide needs
        # Finnish and English, not the 150 patterns of every language (10 ms to compile)
        found = self._patterns.get(lang)
        if found is None:
            spec = self._specs.get(lang) or {}
            found = self._patterns[lang] = {key: [re.compile(p, re.IGNORECASE) for p in pats]
                                            for key, pats in spec.items()}
        return found

    def patterns(self, lang: str | None, key: str) -> list[re.Pattern]:
        """The file language's patterns for ``key``, then the English ones."""
        # asked for once per label and key: merge the two lists once per language
        merged = self._merged.get((lang, key))
        if merged is None:
            merged = self._merged[(lang, key)] = self._merge(lang, key)
        return merged

    def _merge(self, lang: str | None, key: str) -> list[re.Pattern]:
        out = []
        for code in (lang, "en"):
            for p in self._compiled(code or "").get(key, []):
                if p not in out:
                    out.append(p)
        return out

    def search(self, text: str, lang: str | None, key: str):
        """The earliest match of any ``key`` pattern in text, or None."""
        best = None
        for p in self.patterns(lang, key):
            m = p.search(text)
            if m and (best is None or m.start() < best.start()):
                best = m
        return best

    def mentions(self, text: str, lang: str | None, key: str) -> bool:
        """Does any ``key`` pattern match? (Cheaper than :meth:`search`: stops at the first.)"""
        # a label or line is asked about several keys by several rules, and labels repeat
        # across a guide's tables and translations: 7,679 distinct questions of 25,927 on the
        # corpus's 245 guides
        asked = (text, lang, key)
        found = self._mentioned.get(asked)
        if found is None:
            if len(self._mentioned) >= MENTIONS_KEPT:
                self._mentioned.clear()
            found = self._mentioned[asked] = any(p.search(text) for p in self.patterns(lang, key))
        return found

    def protocols_in(self, text: str, lang: str | None) -> set[str]:
        found = set()
        for key, name in LEXICON_PROTOCOL_KEYS.items():
            if self.mentions(text, lang, key):
                found.add(name)
        return found

    def names_pop_or_imap(self, text: str, lang: str | None) -> bool:
        """``protocols_in(text, lang) - {"smtp"}`` is not empty, without looking for SMTP."""
        return self.mentions(text, lang, "pop") or self.mentions(text, lang, "imap")

    def direction_of(self, text: str, lang: str | None):
        """(direction, match) named by a label: its direction words, else its protocol names.

        Returns ("both", None) when the label names both directions, (None, None) when none.
        """
        found = {}
        for d in DIRECTIONS:
            m = self.search(text, lang, d)
            if m:
                found[d] = m
        if len(found) == 1:
            (d, m), = found.items()
            return d, m
        if len(found) == 2:
            return "both", None
        dirs = {}
        for key, name in LEXICON_PROTOCOL_KEYS.items():
            m = self.search(text, lang, key)
            if m:
                dirs.setdefault(self.protocol_direction[name], m)
        if len(dirs) == 1:
            (d, m), = dirs.items()
            return d, m
        return ("both", None) if dirs else (None, None)

    def incoming_protocol_of(self, text: str, lang: str | None) -> str | None:
        """pop3 or imap when the text names exactly one of them."""
        found = self.protocols_in(text, lang) - {"smtp"}
        return found.pop() if len(found) == 1 else None

    def ssl_of(self, text: str, lang: str | None) -> bool | None:
        """True / False when the text says SSL enabled / disabled (and not both)."""
        on = self.mentions(text, lang, "ssl_enabled")
        off = self.mentions(text, lang, "ssl_disabled")
        if on == off:
            return None
        return on

    def is_port_word(self, text: str, lang: str | None) -> bool:
        return self.mentions(text, lang, "port")


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(load_yaml(LEXICON_PATH))
