"""Shared by the links rules: each link's destination as written, and where it is in the file."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator


@dataclass
class Target:
    node: object  # the link or image Node
    url: str  # the destination as written, without <...> and without a title
    line: int  # position of url[0] in the file
    column: int


def split_destination(raw: str) -> tuple[str, int]:
    """(url, offset of the url in raw) for a destination as written: ``<a b>``, ``url "title"``."""
    if raw.startswith("<"):
        close = raw.find(">")
        return (raw[1:close] if close >= 0 else raw[1:]), 1
    space = _SPACE.search(raw)
    return (raw[:space.start()] if space else raw), 0


_SPACE = re.compile("[ \t\n]")


def targets(doc, *types: str, autolinks: bool = False) -> Iterator[Target]:
    """Links (and images, when asked) with a destination written inline ``[text](dest)``, and the
    autolinks ``<https://...>`` when ``autolinks`` is true."""
    types = types or ("link",)
    for kind, autolink, target in doc.memo(_all_targets):  # six rules ask
        if kind in types and (autolinks or not autolink):
            yield target


def _all_targets(doc) -> list[tuple[str, bool, Target]]:
    """(node type, is an autolink, target) of every link and image, in document order."""
    out = []
    for node in doc.walk("link", "image"):
        raw = node.attrs.get("dest_raw")
        if raw is None or not node.exact:
            continue  # past mistune's nesting limit a link is only placed roughly: no column to give
        if node.attrs.get("autolink"):
            if node.line == node.end_line:
                out.append((node.type, True, Target(node, raw, node.line, node.column + 1)))
            continue
        if "dest_line" not in node.attrs:
            continue
        url, offset = split_destination(raw)
        out.append((node.type, False, Target(node, url, node.attrs["dest_line"], node.attrs["dest_column"] + offset)))
    return out
