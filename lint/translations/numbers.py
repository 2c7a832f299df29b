"""Numbers in prose, read the way each locale writes them.

``1,5`` (fr, de, fi...) and ``1.5`` (en) are the same number; so are ``1 000``, ``1.000`` and
``1,000``; ``1er``, ``1st`` and ``1.`` are the ordinal 1. A number is kept with every value it
may stand for, and two numbers agree when they share one: a lenient reading, because a
number-mismatch must be a real difference.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# digits with inner separators; a space only joins 3-digit groups (1 000, 10 000)
# (written digit first, the look-behind after it, so that the engine skips to the digits rather
# than trying each character: the same matches as (?<![\w.,/#@])(\d{1,3}(?:[ ]\d{3})+...|\d+...))
_NUMBER = re.compile(
    r"(\d(?<![\w.,/#@]\d)(?:\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)|\d*(?:[.,]\d+)*))"
    r"(st|nd|rd|th|er|re|ère|ers|e|ème|eme|è|º|ª|o|a|\.(?=\s|$))?"
    r"(?![\d])", re.UNICODE)
# things that hold digits but are not quantities a translator carries over. Two alternatives
# are written so that the engine need not try them at every character: an
# e-mail address is tried where a run of non-spaces starts (\S+@\S+ from inside a run matches
# only if it does from the run's start, and no other alternative's match ends inside one
# before it), and a host name only before a "." (which it needs: the lookahead reads the word
# once, where the bare pattern backtracked through each split of every word)
_NOT_NUMBERS = re.compile(
    r"https?://\S+|www\.\S+|(?<!\S)\S+@\S+"                # URLs, e-mail addresses
    r"|\b(?=[\w-]*\.[\w-])[\w-]*[A-Za-z][\w-]*(?:\.[\w-]+)+\b"  # host and file names: ssl0.ovh.net
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b"                # dates: 04/06/2018, 2018-06-04
    r"|\b\d{1,2}[:h]\d{2}(?::\d{2})?\b"                   # times: 13:17, 13h17
    # names: 3G, 4K, 2FA; not the tail of a number (888.8GB) nor a size unit (2GB = 2 GB)
    r"|(?<![\d.,])\b\d(?![GMKTP][BO]\b)[A-Z]{1,2}\b",
    re.UNICODE)
# every number holds a digit: most prose has none, and masking it first is the slow part
_DIGIT = re.compile(r"\d", re.UNICODE)
# what every _NOT_NUMBERS match holds (a URL's "://" or "www.", an "@", a dot inside a name, a
# digit then a separator and a digit, a digit then a capital): three texts with digits in four
# have none, and this is several times cheaper to look for than masking. The strings are found
# by ``in``, and each pattern starts with the rarer character, so the engine skips to it
_NAME_DOT = re.compile(r"\.(?<=[\w-]\.)[\w-]", re.UNICODE)
_DIGIT_SEPARATOR = re.compile(r"[/.:h-](?<=\d[/.:h-])\d", re.UNICODE)
_DIGIT_CAPITAL = re.compile(r"[A-Z](?<=\d[A-Z])", re.UNICODE)


def _maybe_not_numbers(text: str) -> bool:
    return ("://" in text or "www." in text or "@" in text or _NAME_DOT.search(text) is not None
            or _DIGIT_SEPARATOR.search(text) is not None or _DIGIT_CAPITAL.search(text) is not None)


@dataclass
class Number:
    raw: str
    values: frozenset
    start: int  # offset in the text it was found in
    end: int


_GROUP_SPACE = re.compile(r"[ \u00a0\u202f]")
_SEPARATOR = re.compile(r"[.,]")


def values_of(body: str) -> frozenset:
    """Every value ``body`` (digits and separators, no suffix) may mean in some locale."""
    plain = _GROUP_SPACE.sub("", body)
    out = set()
    parts = _SEPARATOR.split(plain)
    seps = _SEPARATOR.findall(plain)
    if not seps:
        out.add(str(int(plain)) if plain.isdigit() else plain)
        return frozenset(out)
    if len(parts) == 2:
        a, b = parts
        out.add(f"{int(a)}.{b.rstrip('0') or '0'}".rstrip(".").removesuffix(".0"))  # decimal
        if len(b) == 3:
            out.add(str(int(a + b)))  # thousands
    else:
        if all(len(p) == 3 for p in parts[1:]) and len(set(seps)) == 1:
            out.add(str(int("".join(parts))))  # 1.000.000
        if len(set(seps)) == 2 and seps[-1] != seps[0] and all(len(p) == 3 for p in parts[1:-1]):
            out.add(f"{int(''.join(parts[:-1]))}.{parts[-1]}")  # 1.234,5 / 1,234.5
        out.add(".".join(parts))  # a version: 2.4.1 and 2,4,1 mean the same
    return frozenset(out)


def _normal(value: str) -> str:
    if "." in value:
        whole, frac = value.split(".", 1)
        if frac.isdigit() and "." not in frac:
            frac = frac.rstrip("0")
            return whole if not frac else f"{whole}.{frac}"
    return value


def find_numbers(text: str) -> list[Number]:
    if not _DIGIT.search(text):
        return []
    masked = _NOT_NUMBERS.sub(lambda m: " " * len(m.group()), text) if _maybe_not_numbers(text) else text
    found = []
    for m in _NUMBER.finditer(masked):
        found.append(Number(m.group(0), _values(m.group(1)), m.start(), m.end()))
    return found


@lru_cache(maxsize=4096)  # the same few numbers (1, 2, 443, 2018...) recur in every guide
def _values(body: str) -> frozenset:
    return frozenset(_normal(v) for v in values_of(body))


def spelled(words: dict, language: str | None, text: str) -> set[str]:
    """Values written as words in ``text`` (``two``, ``deux``, ``kaksi``), for ``language``."""
    table = words.get(language or "", {}) or {}
    if not table:
        return set()
    lowered = text.lower()
    try:
        plain, other = _spelled_table(tuple(table.items()))
    except TypeError:  # an unhashable value: read the table as it is
        plain, other = (), _patterns(table.items())
    out = set()
    if plain:
        present = set(_WORD.findall(lowered))
        out.update(value for word, value in plain if word in present)
    for pattern, value in other:
        if pattern.search(lowered):
            out.add(value)
    return out


# a word of letters and digits only is found between non-word characters exactly when it is one
# of the text's maximal \w+ runs: one findall and set look-ups, not a regex search per word
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=64)
def _spelled_table(items: tuple) -> tuple[tuple, tuple]:
    """(word, value) of the words made of word characters, (pattern, value) of the others."""
    plain = tuple((str(word).lower(), str(value)) for word, value in items if _WORD.fullmatch(str(word).lower()))
    return plain, _patterns((word, value) for word, value in items if not _WORD.fullmatch(str(word).lower()))


def _patterns(items) -> tuple:
    return tuple((re.compile(r"(?<!\w)" + re.escape(str(word).lower()) + r"(?!\w)"), str(value))
                 for word, value in items)
