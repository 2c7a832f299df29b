"""What marks a locale in a URL, and URLs compared "beyond their locale part".

A URL can name a locale in three ways: a path segment (``/fr/``, ``/en-gb/``, ``docs.ovh.com/gb/en/``),
a query parameter (``lang=fi``, ``ovhSubsidiary=FR``) and a country domain (``www.ovh.ie``,
``www.ovh-hosting.fi``). The knowledge is data, ``rules/links/locales.yaml``; a repository extends or
replaces the expected markers per guide locale with the ``locale_map`` setting::

    locale_map:
      fi-fi: {domains: [ovh-hosting.fi, ovh.fi], params: {ovhSubsidiary: fi}, paths: [fi]}

API:

- :func:`locale_markers` -> the :class:`Marker` list of a URL (nested URLs in query values included:
  ``from=https://www.ovh.ie/``);
- :func:`normalize_url` -> the URL with every marker replaced by a placeholder, so two links that differ
  only by their locale compare equal;
- :func:`contradictions` -> the markers of a URL that contradict a guide locale.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from .data import load_yaml

DATA = Path(__file__).resolve().parent.parent / "rules" / "links" / "locales.yaml"
PLACEHOLDER = "{locale}"

_HOST = re.compile(r"(?i)(?:https?:)?//(?:[^/?#@\s]*@)?([^/?#:\s]+)(?::\d+)?")
_LOCALE_SEGMENT = re.compile(r"^([a-z]{2})(?:[-_]([a-z]{2,4}))?$", re.I)


@dataclass(frozen=True)
class Marker:
    """One locale marker: ``kind`` is "path", "param" or "domain"; ``offset`` is where ``raw`` starts in
    the URL as given. ``language`` / ``country`` are what it implies (None when it does not say);
    ``key`` is the query parameter name for "param" markers and the host for "domain" markers."""

    kind: str
    raw: str
    offset: int
    language: str | None
    country: str | None
    key: str = ""
    host: str = ""

    @property
    def locale(self) -> str | None:
        """``language-country`` when the marker names both, else the one it names."""
        if self.language and self.country:
            return f"{self.language}-{self.country}"
        return self.language or self.country

    @property
    def end(self) -> int:
        """The offset just after the marker in the URL."""
        return self.offset + len(self.raw)


@lru_cache(maxsize=1)
def data() -> dict:
    """The locale knowledge of locales.yaml: languages, countries, sites and their URL shapes."""
    raw = load_yaml(DATA)
    return {
        "languages": set(raw["languages"]),
        "countries": {str(k).lower(): v for k, v in raw["countries"].items()},
        "sites": tuple(raw["sites"]),
        "english_everywhere": tuple(raw.get("english_everywhere", ())),
        "domains": {k.lower(): str(v).lower() for k, v in raw["domains"].items()},
        "params": {k.lower(): v for k, v in raw["params"].items()},
        "default_map": raw["default_map"],
    }


def _host_matches(host: str, domain: str) -> bool:
    host, domain = host.lower(), domain.lower()
    return host == domain or host.endswith("." + domain)


def _domain_country(host: str) -> tuple[str, str] | None:
    best = None
    for domain, country in data()["domains"].items():
        if _host_matches(host, domain) and (best is None or len(domain) > len(best[0])):
            best = (domain, country)
    return best


def _is_site(host: str) -> bool:
    return any(_host_matches(host, s) for s in data()["sites"])


def _segment_marker(segment: str, site: bool) -> tuple[str | None, str | None] | None:
    """(language, country) of a path segment that names a locale, None when it does not."""
    d = data()
    low = segment.lower()
    m = _LOCALE_SEGMENT.match(low)
    if m:
        lang, region = m.group(1), m.group(2)
        if region:
            if lang in d["languages"]:
                return lang, region
            return None
        if lang in d["languages"]:
            return lang, (lang if site and lang in d["countries"] else None)
    if site and low in d["countries"]:
        return d["countries"][low], low
    return None


def _markers_of_one(url: str, base: int, out: list[Marker]) -> None:
    """Markers of one absolute URL (``url`` starts at offset ``base`` of the original string)."""
    d = data()
    hm = _HOST.match(url)
    if not hm:
        return
    host = hm.group(1)
    site = _is_site(host)
    found = _domain_country(host)
    if found:
        country = found[1]
        out.append(Marker("domain", host, base + hm.start(1), d["countries"].get(country), country,
                          host=host, key=found[0]))
    rest_start = hm.end()
    # path: only its first two segments can name a locale
    path_end = len(url)
    for stop in "?#":
        i = url.find(stop, rest_start)
        if 0 <= i < path_end:
            path_end = i
    pos = rest_start
    for _ in range(2):
        if pos >= path_end or url[pos] != "/":
            break
        nxt = url.find("/", pos + 1, path_end)
        seg_end = nxt if nxt >= 0 else path_end
        segment = url[pos + 1:seg_end]
        meaning = _segment_marker(segment, site) if segment else None
        if meaning is None:
            break
        out.append(Marker("path", segment, base + pos + 1, meaning[0], meaning[1], host=host))
        pos = seg_end
    # query parameters
    q = url.find("?", rest_start)
    if q < 0:
        return
    h = url.find("#", q)
    query_end = h if h >= 0 else len(url)
    for pm in re.finditer(r"([^&;=?]+)=([^&;#]*)", url[q + 1:query_end]):
        key, value = pm.group(1), pm.group(2)
        value_start = base + q + 1 + pm.start(2)
        kind = d["params"].get(key.lower())
        if kind and value:
            v = unquote(value).lower()
            if kind == "country":
                out.append(Marker("param", value, value_start, d["countries"].get(v), v, key=key, host=host))
            else:
                lm = _LOCALE_SEGMENT.match(v)
                if lm and lm.group(1) in d["languages"]:
                    out.append(Marker("param", value, value_start, lm.group(1), lm.group(2), key=key,
                                      host=host))
        if value.lower().startswith(("http://", "https://")):
            _markers_of_one(value, value_start, out)


def locale_markers(url: str) -> list[Marker]:
    """Every locale marker of ``url`` (absolute http(s) URLs; nested URLs in query values too)."""
    out: list[Marker] = []
    if not url.lower().startswith(("http://", "https://", "//")):
        return out
    _markers_of_one(url, 0, out)
    out.sort(key=lambda m: m.offset)
    return out


def normalize_url(url: str) -> str:
    """``url`` with each locale marker replaced by ``{locale}`` (adjacent path markers collapse into one),
    the scheme lower-cased and a trailing slash dropped: equal for the same page in two locales."""
    markers = locale_markers(url)
    parts, pos = [], 0
    for m in markers:
        if m.offset < pos:
            continue
        parts.append(url[pos:m.offset])
        parts.append(PLACEHOLDER)
        pos = m.end
    parts.append(url[pos:])
    result = "".join(parts)
    result = result.replace(f"{PLACEHOLDER}/{PLACEHOLDER}", PLACEHOLDER)
    result = re.sub(r"^(?i:https?:)//", "//", result)
    return result.rstrip("/")


def locale_entry(locale: str | None, locale_map: dict | None = None) -> dict | None:
    """The expected markers of a guide locale: the default entry, each key of it replaced by the same
    key of the repository's ``locale_map`` entry (``domains``, ``params``, ``paths``)."""
    if not locale:
        return None
    locale = locale.lower()
    merged: dict | None = None
    for mapping in (data()["default_map"], locale_map or {}):
        for key, entry in mapping.items():
            if str(key).lower() == locale and isinstance(entry, dict):
                merged = {**(merged or {}), **entry}
    return merged


def _values(entry_value) -> set[str]:
    if isinstance(entry_value, (list, tuple, set)):
        return {str(v).lower() for v in entry_value}
    return {str(entry_value).lower()}


def contradicts(marker: Marker, locale: str, locale_map: dict | None = None,
                allow_english: bool = False) -> bool:
    """Does ``marker`` say another locale than ``locale`` (a guide locale such as ``fi-fi``)?
    ``allow_english``: an English page is acceptable from any guide (a fallback when no translation exists)."""
    language = locale.lower().split("-")[0]
    entry = locale_entry(locale, locale_map) or {}
    if marker.language == "en" and marker.kind != "domain" and (
            not _is_site(marker.host)
            or any(_host_matches(marker.host, h) for h in data()["english_everywhere"])):
        # a third-party site's English page is often its only version (support.microsoft.com/en-us/,
        # readthedocs /en/), and some sites exist in English only (the OVHcloud community)
        return False
    if allow_english and marker.language == "en" and marker.kind != "domain":
        return False
    if marker.kind == "domain":
        if "domains" in entry:
            return not any(_host_matches(marker.host, d) for d in entry.get("domains") or ())
        return marker.language is not None and marker.language != language
    if marker.kind == "param":
        params = {str(k).lower(): v for k, v in (entry.get("params") or {}).items()}
        if marker.key.lower() in params:
            wanted = _values(params[marker.key.lower()])
            value = unquote(marker.raw).lower()
            return value not in wanted and value.split("-")[0].split("_")[0] not in wanted
        return marker.language is not None and marker.language != language
    # path: on the sites of the map the whole locale prefix must be one the locale uses
    # (`ca/fr` is right for fr-ca, `fr` is France's site); elsewhere the language decides
    if _is_site(marker.host) and "paths" in entry:
        return marker.raw.lower() not in _values(entry.get("paths") or ())
    return marker.language is not None and marker.language != language


def _merge_paths(markers: list[Marker]) -> list[Marker]:
    """Consecutive path segments of one URL as one marker: ``gb/en``, ``ca/fr``, ``world/es``."""
    out: list[Marker] = []
    for m in markers:
        prev = out[-1] if out else None
        if (m.kind == "path" and prev is not None and prev.kind == "path" and prev.host == m.host
                and m.offset == prev.end + 1):
            out[-1] = Marker("path", f"{prev.raw}/{m.raw}", prev.offset, m.language or prev.language,
                             prev.country or m.country, host=m.host)
        else:
            out.append(m)
    return out


def contradictions(url: str, locale: str | None, locale_map: dict | None = None,
                   allow_english: bool = False) -> list[Marker]:
    """The markers of ``url`` that contradict the guide locale ``locale`` (none when it is unknown).
    Consecutive path segments are judged together (one marker ``gb/en``)."""
    if not locale:
        return []
    return [m for m in _merge_paths(locale_markers(url)) if contradicts(m, locale, locale_map, allow_english)]
