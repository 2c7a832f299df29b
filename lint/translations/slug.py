"""Heading ids: GitHub-style slugs, the legacy slugs of older OVHcloud guides, and HTML anchors.

No other module of guidelint computes heading slugs yet (there is no ``rules/links/``), so the
translation checks keep theirs here.
"""
from __future__ import annotations

import re
import unicodedata

_GITHUB_DROP = re.compile(r"[^\w\- ]", re.UNICODE)
_HTML_ANCHOR = re.compile(r"""<a\s+[^>]*?\b(?:name|id)\s*=\s*["']([^"']+)["']""", re.I)
_HEADING_ID = re.compile(r"\s*\{\s*#[^\s{}]+\s*\}\s*$")


def github_slug(text: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = _HEADING_ID.sub("", text).strip().lower()
    return _GITHUB_DROP.sub("", text).replace(" ", "-")


def legacy_slug(text: str) -> str:
    """The ids of older OVHcloud guides: accents stripped, '&' as 'amp', other runs to '_'."""
    text = _HEADING_ID.sub("", text).strip().lower().replace("&", " amp ")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9\-]+", "_", text).strip("_")


def html_anchors(lines) -> list[tuple[str, int]]:
    """``<a name="x">`` / ``<a id="x">`` anchors with their line numbers."""
    found = []
    for number, line in enumerate(lines, 1):
        for m in _HTML_ANCHOR.finditer(line):
            found.append((m.group(1), number))
    return found


def heading_ids(doc) -> dict[str, int]:
    """Every id a fragment may name in ``doc`` -> its line (explicit, GitHub, legacy, HTML)."""
    ids: dict[str, int] = {}
    seen: dict[str, int] = {}
    for heading in doc.headings:
        text = heading.plain_text()
        explicit = heading.attrs.get("id")
        if explicit:
            ids.setdefault(explicit, heading.line)
        slug = github_slug(text)
        if slug:
            n = seen.get(slug, 0)
            seen[slug] = n + 1
            ids.setdefault(slug if n == 0 else f"{slug}-{n}", heading.line)
            ids.setdefault(slug if n == 0 else f"{slug}_{n}", heading.line)
        legacy = legacy_slug(text)
        if legacy:
            ids.setdefault(legacy, heading.line)
    for name, line in html_anchors(doc.lines):
        ids.setdefault(name, line)
    return ids


def legacy_prefixes(doc) -> dict[str, int]:
    """Legacy slugs of headings, for the compound ids (``h2_slug_partie_7_h3_slug``) of old guides."""
    return {legacy_slug(h.plain_text()): h.line for h in doc.headings if len(legacy_slug(h.plain_text())) >= 8}
