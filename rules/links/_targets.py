"""Shared by the links rules: each link's destination as written, and where it is in the file."""
from __future__ import annotations

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
    for i, c in enumerate(raw):
        if c in " \t\n":
            return raw[:i], 0
    return raw, 0


def targets(doc, *types: str, autolinks: bool = False) -> Iterator[Target]:
    """Links (and images, when asked) with a destination written inline ``[text](dest)``, and the
    autolinks ``<https://...>`` when ``autolinks`` is true."""
    for node in doc.walk(*(types or ("link",))):
        raw = node.attrs.get("dest_raw")
        if raw is None or not node.exact:
            continue  # past mistune's nesting limit a link is only placed roughly: no column to give
        if node.attrs.get("autolink"):
            if autolinks and node.exact and node.line == node.end_line:
                yield Target(node, raw, node.line, node.column + 1)
            continue
        if "dest_line" not in node.attrs:
            continue
        url, offset = split_destination(raw)
        yield Target(node, url, node.attrs["dest_line"], node.attrs["dest_column"] + offset)
