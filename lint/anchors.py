"""Heading ids and HTML anchors: what a ``#fragment`` link may name in a guide.

Renderers disagree on heading ids, so each style is its own function: GitHub's, Python-
Markdown ``toc``'s (used by the ovh/docs site), and the underscore ids of older OVHcloud
guides. ``links/broken-anchor`` and ``translation/anchor-leak`` both read them from here.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .document import HEADING_ID

HTML_ANCHOR = re.compile(r"""<[a-zA-Z][^>]*?\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
STYLES = ("github", "toc")


# a guide's headings recur in each of its translations' checks and in both rules
@lru_cache(maxsize=4096)
def slug_github(text: str) -> str:
    """GitHub: lower case, punctuation dropped (letters of any script kept), each space a hyphen."""
    text = text.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


@lru_cache(maxsize=4096)
def slug_toc(text: str) -> str:
    """Python-Markdown ``toc`` (its default ``slugify``): accents folded to ASCII, punctuation
    dropped, runs of spaces and hyphens made one hyphen."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


@lru_cache(maxsize=4096)
def slug_legacy(text: str) -> str:
    """The ids of older OVHcloud guides: accents stripped, '&' as 'amp', other runs to '_'."""
    text = text.strip().lower().replace("&", " amp ")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9\-]+", "_", text).strip("_")


def heading_ids(headings, style: str) -> list[str]:
    """The ids a renderer gives the headings, in order, with its suffix for repeated titles."""
    seen: dict[str, int] = {}
    out = []
    for heading in headings:
        if heading.attrs.get("id"):
            out.append(heading.attrs["id"])
            continue
        text = HEADING_ID.sub("", heading.plain_text())
        base = slug_github(text) if style == "github" else slug_toc(text)
        n = seen.get(base, 0)
        seen[base] = n + 1
        if n == 0:
            out.append(base)
        else:
            out.append(f"{base}-{n}" if style == "github" else f"{base}_{n}")
    return out


def html_anchors(doc) -> list[tuple[str, int]]:
    """``id`` and ``name`` attributes of raw HTML, with their lines."""
    found = []
    for node in doc.walk("block_html", "inline_html"):
        for m in HTML_ANCHOR.finditer(node.text):
            found.append((next(g for g in m.groups() if g is not None), node.line))
    return found


def all_ids(doc) -> dict[str, int]:
    """Every id a fragment may name in ``doc``, in any style, -> the line that defines it."""
    ids: dict[str, int] = {}
    for style in STYLES:
        for heading, ident in zip(doc.headings, heading_ids(doc.headings, style)):
            if ident:
                ids.setdefault(ident, heading.line)
    for heading in doc.headings:
        legacy = slug_legacy(HEADING_ID.sub("", heading.plain_text()))
        if legacy:
            ids.setdefault(legacy, heading.line)
    for name, line in html_anchors(doc):
        ids.setdefault(name, line)
    return ids


def legacy_prefixes(doc) -> dict[str, int]:
    """Legacy ids of headings, for the compound ids (``h2_slug_partie_7_h3_slug``) of old guides."""
    out = {}
    for heading in doc.headings:
        legacy = slug_legacy(HEADING_ID.sub("", heading.plain_text()))
        if len(legacy) >= 8:
            out[legacy] = heading.line
    return out
