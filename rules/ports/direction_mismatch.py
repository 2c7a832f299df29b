import functools
import re
from pathlib import Path

from lint.data import load_yaml
from lint.finding import Edit
from lint.registry import register
from lint.rule import Rule

from .context import context_direction
from .lexicon import PROTOCOL_NAMES, lexicon
from .shapes import plain, ports_phrase
from .statements import read

SUGGESTIONS = Path(__file__).with_name("direction_mismatch.yaml")
WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=1)
def _suggestions() -> dict:
    return load_yaml(SUGGESTIONS)


def _same_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _bare_port_label(label: str, lang) -> bool:
    """``Port``, ``Portti``, ``"Porta"``, ``Poort``: a field name with no direction of its own."""
    lex = lexicon()
    if not label or not lex.is_port_word(label, lang):
        return False
    words = WORD.findall(label)
    return all(lex.is_port_word(w, lang) for w in words) and len(words) <= 2


def _label_end(text: str, column: int, label: str) -> int | None:
    """Column just after the label's last word in the original line."""
    words = WORD.findall(label)
    if not words:
        return None
    at = column - 1
    for word in words:
        found = text.find(word, at)
        if found < 0:
            return None
        at = found + len(word)
    return at + 1


@register
class DirectionMismatch(Rule):
    """
    What it does
        Reports a port label that means "incoming" given only outgoing (SMTP) ports, or a
        label that means "outgoing" given only incoming (POP3/IMAP) ports.

        The label is the field name: the text before the first colon of the line (in
        ``label: explanation: value`` lines, not the explanation after it), the row header of
        a table cell (or its column header when the row header names no direction), or, for
        a bare ``Port: 993`` / ``|Poort|Voer poort '465' in.|``, the nearest line above it in
        the same block that names a direction (``- **Voor inkomende mail:**``). Directions
        are recognised with the per-language words of ``rules/ports/lexicon.yaml`` (and always
        the English ones), protocol names count too (``(POP3)`` is incoming, ``SMTP`` is
        outgoing). Lines whose ports go both ways, and labels naming both directions, are
        not reported, nor is an "incoming" port 25 (a mail server receives on 25), nor a
        guide that never mentions POP or IMAP (a firewall's "incoming 587" can be right).
        The column is the label's. The suggestion swaps the direction word
        (``rules/ports/direction_mismatch.yaml``); the fix is unsafe.

    Why is this bad?
        A reader copies the value into the field the label names. An incoming-server field
        filled with 465 or 587 fails to connect, and translated guides repeat the error in
        every section.

    Example
        Saapuvan postin palvelimen portti: lähtevien sähköpostiviestien palvelimen portti: 465 tai 587

    Use instead
        Lähtevän postin palvelimen portti: lähtevien sähköpostiviestien palvelimen portti: 465 tai 587
    """

    id = "ports/direction-mismatch"
    severity = "error"
    summary = "an incoming-server port label with outgoing ports, or the reverse"
    tags = ("ports", "email", "i18n")
    fix = "unsafe"

    def check(self, doc, ctx):
        lex = lexicon()
        lang = doc.language
        reading = read(doc)
        if not reading.statements or not reading.names_pop_or_imap:  # the cheaper test first
            return
        groups: dict[tuple, dict] = {}
        for stmt in reading.statements:
            if stmt.kind == "prose":
                continue
            direction, match, where = None, None, None
            label = stmt.label
            direction, match = lex.direction_of(label, lang)
            if direction:
                where = (stmt.line, stmt.column, label, "label")
            elif stmt.kind == "table" and stmt.header:
                direction, match = lex.direction_of(stmt.header, lang)
                if direction:
                    where = (stmt.header_line, stmt.header_column, stmt.header, "header")
            if direction is None and (_bare_port_label(label, lang) or (stmt.kind == "table" and not label)):
                found = context_direction(reading, stmt)
                if found:
                    direction, line, column, text = found
                    match = None
                    where = (line, column, text, "context")
            if direction not in ("incoming", "outgoing"):
                continue
            key = (where[0], where[1], stmt.line)
            entry = groups.setdefault(key, {"direction": direction, "where": where, "ports": [],
                                            "match": match, "stmt": stmt})
            entry["ports"].extend(stmt.ports)
        for entry in groups.values():
            direction, ports = entry["direction"], entry["ports"]
            if not ports or any(p.info.direction == direction for p in ports):
                continue
            if direction == "incoming" and {p.number for p in ports} == {25}:
                continue  # port 25 is where a mail server receives mail (MX): "incoming 25" can be right
            line, column, label, how = entry["where"]
            stmt = entry["stmt"]
            numbers = ", ".join(str(p.number) for p in ports)
            protos = "/".join(sorted({PROTOCOL_NAMES[p.info.protocol] for p in ports}))
            other = "outgoing" if direction == "incoming" else "incoming"
            shown = plain(label)
            said = ports_phrase(p.number for p in ports)
            message = f"label \"{shown}\" means {direction}, but {said} {other} ({protos})"
            if how == "context":
                message = (f"\"{shown}\" introduces port {numbers} (line {stmt.line}) as {direction}, "
                           f"but {said} {other} ({protos})")
            edits = []
            suggestion = self._suggest(doc, line, column, label, direction, lang)
            if suggestion:
                start, end, replacement, new_label = suggestion
                message += f"; did you mean \"{new_label}\"?"
                edits = [Edit(line, start, line, end, replacement)]
            ctx.report(line, column, message, end_column=_label_end(doc.line(line), column, label),
                       edits=edits)

    def _suggest(self, doc, line, column, label, direction, lang):
        """(start column, end column, word, new label) swapping the direction word, or None."""
        table = _suggestions().get("to_outgoing" if direction == "incoming" else "to_incoming", {})
        text = doc.line(line)
        lex = lexicon()
        for code in (lang, "en"):
            words = table.get(code) or {}
            for m in WORD.finditer(label):
                replacement = words.get(m.group().lower())
                if not replacement:
                    continue
                if lex.direction_of(m.group(), lang)[0] != direction:
                    continue
                # locate the word in the original line, at or after the label's column
                at = text.find(m.group(), column - 1)
                if at < 0:
                    return None
                new_word = _same_case(m.group(), replacement)
                new_label = plain(label[:m.start()] + new_word + label[m.end():])
                return at + 1, at + 1 + len(m.group()), new_word, new_label
        return None
