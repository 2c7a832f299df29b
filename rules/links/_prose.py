"""Shared by the links rules that read prose for URLs the parser did not make links."""
from __future__ import annotations


def single_line_prose(doc) -> list:
    """The prose text nodes placed exactly and on one line: the only ones whose columns map
    one to one onto the file's line. Built once per document (``doc.memo``): two rules scan
    them, and most of a guide's text nodes are filtered out here."""
    return [node for node in doc.prose_text_nodes() if node.exact and node.line == node.end_line]
