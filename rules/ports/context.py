"""Look-backs from a port statement for what it leaves unsaid: the direction a bare
``Port: 465`` line takes from the server line above it, the protocol a ``label: POP3`` line or
a one-protocol title declares, and the protocol a statement's ports must belong to."""
from __future__ import annotations

import re

from .lexicon import lexicon
from .shapes import MAX_TITLE_WORDS, lead, plain
from .statements import Reading, Statement


def context_direction(reading: Reading, stmt: Statement, max_units: int = 8):
    """The direction named by the nearest line above a label that names none.

    Looks back from the statement over at most ``max_units`` lines, rows and ``<br>`` parts
    of the same section (``Serveur sortant : ...``, ``- **Voor inkomende mail:**``, a
    ``|POP-palvelin|`` row, ``Enter in **Incoming mail**:``). Stops at a line that states
    ports itself or names both directions. Returns (direction, line, column, label) or None.
    """
    lex = lexicon()
    units = reading.units
    stmt_unit = units[stmt.unit]
    seen = 0
    k = stmt.unit - 1
    while k >= 0 and seen < max_units:
        u = units[k]
        k -= 1
        if u.kind == "heading":
            return None
        if u.kind == "blank":
            continue
        if stmt_unit.group is not None and u.group != stmt_unit.group:
            return None  # a <br> part looks back inside its own cell only
        seen += 1
        if u.has_ports:
            return None
        if not u.label:
            continue
        direction, m = lex.direction_of(u.label, reading.language)
        if direction == "both":
            return None
        if direction:
            return direction, u.line, u.label_column, u.label
    return None


def declared_protocol(reading: Reading, stmt: Statement, max_units: int = 12):
    """A protocol declared above the statement in its block: a ``label: POP3`` line
    (``Mon serveur ... est un serveur : **POP3**``) or, when the section heading names no
    protocol, a title line naming exactly one (``> **For POP configuration**``,
    ``For **POP** configuration, the values are:``).

    Returns (protocol, line, column, text, how) or None; how is "value" or "title".
    """
    lex = lexicon()
    units = reading.units
    group = units[stmt.unit].group
    k = stmt.unit - 1
    seen = 0
    in_block = True
    while k >= 0 and seen < max_units:
        u = units[k]
        k -= 1
        if u.kind == "heading":
            return None
        if u.kind == "part" and u.group != group:
            continue  # the <br> parts of another cell say nothing about this one
        if u.kind == "blank":
            in_block = False
            continue
        seen += 1
        if u.has_ports or u.kind == "row":
            continue
        text = u.text
        colon = text.rfind(":")
        if in_block and colon >= 0:
            value = plain(text[colon + 1:])
            if re.fullmatch(r"(?i)pop3?|imap4?", value):
                proto = "pop3" if value.lower().startswith("pop") else "imap"
                return proto, u.line, u.column + colon + 1 + lead(text[colon + 1:]), text.strip(), "value"
        if stmt.section.protocol is None and _looks_like_title(text):
            proto = lex.incoming_protocol_of(text, reading.language)
            if proto and "smtp" not in lex.protocols_in(text, reading.language):
                return proto, u.line, u.column + lead(text), text.strip(), "title"
    return None


def _looks_like_title(text: str) -> bool:
    """A short line that introduces what follows: it ends with a colon, or it is all bold or
    emphasis (``> **For POP configuration**``, ``- **Pour une configuration en POP**``)."""
    body = text.strip()
    if not body or len(plain(body).split()) > MAX_TITLE_WORDS:
        return False
    if body.rstrip("*_ ").endswith(":"):
        return True
    return bool(re.fullmatch(r"(\*\*|__|\*|_)[^*_].*\1", body))


def expected_protocol(reading: Reading, stmt: Statement):
    """The incoming protocol a statement's ports must belong to, and why.

    In order: a host name in the same line or row (``imap.mail.ovh.ca``), the statement's
    own label (``Incoming Server (POP3)``), a ``label: POP3`` declaration or a one-protocol
    title above it, the section heading. Returns (protocol, how, line, column, text) or None.
    """
    lex = lexicon()
    if stmt.host and stmt.host[0] in ("pop3", "imap"):
        proto, name, line, column = stmt.host
        return proto, "host", line, column, name
    for text in (stmt.label, stmt.explanation):
        if not text:
            continue
        if stmt.kind == "prose" and lex.protocols_in(text, reading.language) - {"smtp"}:
            # a sentence naming a protocol speaks for itself ("IMAP uses 993"); one naming
            # both ("choose between IMAP and POP") is not judged
            proto = lex.incoming_protocol_of(text, reading.language)
            return (proto, "sentence", stmt.line, stmt.column, text) if proto else None
        proto = lex.incoming_protocol_of(text, reading.language)
        if proto:
            return proto, "label", stmt.line, stmt.column, text
    declared = declared_protocol(reading, stmt)
    if declared:
        proto, line, column, text, how = declared
        return proto, how, line, column, text
    if stmt.section.protocol:
        return stmt.section.protocol, "heading", stmt.section.line, 1, stmt.section.title
    return None
