"""The raw source of a block's prose, for rules that read markup characters the parser kept.

A text node's ``text`` is unescaped and may be merged by mistune; these helpers hand rules
the file's own characters of each single-line prose text node, with their columns."""
from __future__ import annotations

from typing import Iterator

LEAF_BLOCKS = ("paragraph", "heading", "block_text", "table_cell", "table_head_cell")


def raw_text(doc, node) -> str | None:
    """The file's characters under a one-line text node, None when they cannot be known."""
    if node.line != node.end_line:
        return None
    line = doc.line(node.line)
    raw = line[node.column - 1:node.end_column - 1]
    return raw if raw else None


def prose_pieces(doc, block) -> Iterator[tuple[int, int, str]]:
    """(line, column, raw text) of each prose text node under ``block``, in order; code spans,
    HTML, attribute lists and admonition markers are left out."""
    for node in block.walk():
        if node.type != "text" or node.attrs.get("role"):
            continue
        raw = raw_text(doc, node)
        if raw is not None:
            yield node.line, node.column, raw


def block_prose(doc) -> list[tuple[object, list[tuple[int, int, str]]]]:
    """Each leaf block with its :func:`prose_pieces`, in order, worked out once per document
    for the rules that read them all."""
    return doc.memo(_block_prose)


def _block_prose(doc) -> list:
    # from the document's list of text nodes up to their leaf blocks, rather than a walk of
    # each block: most nodes under a block are not prose text
    lines = doc.lines
    count = len(lines)
    out = [(block, []) for block in doc.walk(*LEAF_BLOCKS)]
    pieces_of = {id(block): pieces for block, pieces in out}
    for node in doc.walk("text"):
        if node.attrs.get("role"):
            continue
        number = node.line
        if number != node.end_line:
            continue
        raw = (lines[number - 1] if 0 < number <= count else "")[node.column - 1:node.end_column - 1]
        if not raw:
            continue
        block = node.parent
        while block is not None:
            pieces = pieces_of.get(id(block))
            if pieces is not None:
                pieces.append((number, node.column, raw))
                break  # leaf blocks hold inline content only: none is inside another
            block = block.parent
    return out


def leaf_blocks(doc) -> Iterator:
    """Blocks whose children are inline content: paragraphs, headings, list texts, table cells."""
    for node in doc.walk(*LEAF_BLOCKS):
        yield node
