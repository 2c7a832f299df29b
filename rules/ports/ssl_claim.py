import re
from functools import lru_cache
from pathlib import Path

from lint.data import load_yaml
from lint.registry import register
from lint.rule import Rule

from .lexicon import PROTOCOL_NAMES, lexicon
from .shapes import ports_phrase
from .statements import read

SSL_WORD = re.compile(r"ssl", re.IGNORECASE)
STARTTLS = re.compile(r"starttls", re.IGNORECASE)
LOOK_BACK = 6  # lines, rows or parts above a checkbox line where its server's port may be


@lru_cache(maxsize=1)
def _checkbox() -> dict[str, dict[str, list[re.Pattern]]]:
    data = load_yaml(Path(__file__).with_name("ssl_checkbox.yaml")) or {}
    return {state: {lang: [re.compile(p, re.IGNORECASE) for p in pats] for lang, pats in by_lang.items()}
            for state, by_lang in data.items()}


def ticked(text: str, lang: str | None) -> bool | None:
    """True when the text says to tick the SSL box, False to untick it, None when it says neither."""
    boxes = _checkbox()
    for state, value in (("unticked", False), ("ticked", True)):
        for code in dict.fromkeys((lang or "en", "en")):
            if any(p.search(text) for p in boxes.get(state, {}).get(code, ())):
                return value
    return None


def _state(on: bool) -> str:
    return "SSL enabled" if on else "SSL disabled"


@register
class SslClaim(Rule):
    """
    What it does
        Reports a statement about which ports use SSL that contradicts the protocol
        knowledge: 995 (POP3), 993 (IMAP) and 465 (SMTP) are the SSL/TLS ports; 110, 143,
        25 and 587 are plain (or STARTTLS) ports.

        Read are prose sentences that name SSL (a line holding two such sentences is split
        first), labels that name SSL (``Port (with SSL): 995``), table cells under a column
        header that names SSL enabled or disabled (``|Portti|SSLaktivoitu|SSLdeaktivoitu|``,
        ``Port (without SSL)``, tables without a delimiter row included) and port cells of a
        row whose ``SSL`` column says yes or no. The words for enabled / disabled come from
        ``rules/ports/lexicon.yaml`` for the guide's language and English (``deaktivoitua``,
        ``désactivée``, ``met de SSL beveiliging gedeactiveerd`` are "disabled"). A sentence
        that says both, or names STARTTLS, is not judged.

        Prose that tells the reader to tick or untick the client's SSL box is read too
        (``"Le serveur sortant requiert SSL" : doit être coché``, ``SSL: tick``; the words
        per language are in ``rules/ports/ssl_checkbox.yaml``): in a line that gives the port
        itself, or, for a line that names the server's direction and no port, against the
        port of that direction given at most six lines above it in the same section.

    Why is this bad?
        A reader who enables SSL on a plain port (or disables it on an SSL port) cannot
        connect; the mail client's error does not say why.

    Example
        Ports 110 and 587 correspond to SSL enabled.

        Outgoing mail server (SMTP): ssl0.ovh.net, port 587.
        "The outgoing server requires SSL": must be ticked.

    Use instead
        Ports 995 and 465 correspond to SSL enabled.

        Outgoing mail server (SMTP): ssl0.ovh.net, port 465.
        "The outgoing server requires SSL": must be ticked.
    """

    id = "ports/ssl-claim"
    severity = "error"
    summary = "a statement of which ports use SSL that contradicts the protocol knowledge"
    tags = ("ports", "email", "security")

    def check(self, doc, ctx):
        lex = lexicon()
        lang = doc.language
        for stmt in read(doc).statements:
            if stmt.kind == "table":
                for port in stmt.ports:
                    claim, source = None, ""
                    if SSL_WORD.search(port.header) and not STARTTLS.search(port.header):
                        claim, source = lex.ssl_of(port.header, lang), f"column \"{port.header}\""
                    elif port.ssl_cell:
                        claim, source = lex.ssl_of(port.ssl_cell, lang), f"its SSL column says \"{port.ssl_cell}\""
                    if claim is None or claim == port.info.ssl:
                        continue
                    ctx.report(port.line, port.column,
                               f"port {port.number} is given as {_state(claim)} ({source}), "
                               f"but {port.number} is the {_state(port.info.ssl)} port",
                               end_column=port.column + len(str(port.number)))
                continue
            text = stmt.text if stmt.kind == "prose" else f"{stmt.label} {stmt.explanation}"
            claim = None
            if SSL_WORD.search(text) and not STARTTLS.search(text):
                claim = lex.ssl_of(text, lang)
            if claim is None:
                # `port 587, SSL: tick`: the box may be anywhere on the statement's line
                full = stmt.text or text
                if SSL_WORD.search(full) and not STARTTLS.search(full):
                    claim = ticked(full[SSL_WORD.search(full).start():], lang)
            if claim is None:
                continue
            wrong = [p for p in stmt.ports if p.info.ssl != claim]
            if not wrong:
                continue
            right = sorted({p for p, info in lex.ports.items() if info.ssl == claim
                            and info.direction in {w.info.direction for w in wrong}})
            ctx.report(wrong[0].line, wrong[0].column,
                       f"{ports_phrase(p.number for p in wrong)} said to be {_state(claim)}, but "
                       f"{'it is an' if len(wrong) == 1 else 'they are'} {_state(not claim)} "
                       f"port{'s' if len(wrong) > 1 else ''} (the {_state(claim)} ports are "
                       f"{', '.join(map(str, right))})",
                       end_column=wrong[0].column + len(str(wrong[0].number)))

        self._checkbox_lines(doc, ctx, read(doc), lex, lang)

    def _checkbox_lines(self, doc, ctx, reading, lex, lang):
        """`"The outgoing server requires SSL": must be ticked` under the line that gave the port."""
        by_unit = {}
        for stmt in reading.statements:
            by_unit.setdefault(stmt.unit, []).append(stmt)
        for k, unit in enumerate(reading.units):
            if unit.has_ports or unit.kind in ("heading", "blank", "row") or not SSL_WORD.search(unit.text):
                continue
            if STARTTLS.search(unit.text) or lex.ssl_of(unit.text, lang) is not None:
                continue
            claim = ticked(unit.text, lang)
            if claim is None:
                continue
            direction, _ = lex.direction_of(unit.text, lang)
            if direction not in ("incoming", "outgoing"):
                continue
            ports = self._port_above(reading, by_unit, k, direction)
            if not ports or any(p.info.ssl == claim for p in ports):
                continue
            m = SSL_WORD.search(unit.text)
            protocols = "/".join(sorted({PROTOCOL_NAMES[p.info.protocol] for p in ports}))
            ctx.report(unit.line, unit.column + m.start(),
                       f"the {direction} server's SSL box is to be {'ticked' if claim else 'unticked'}, but "
                       f"{ports_phrase(p.number for p in ports)} {'the ' if len(ports) == 1 else ''}"
                       f"{_state(not claim)} port{'s' if len(ports) > 1 else ''} ({protocols}, line "
                       f"{ports[0].line})", end_column=unit.column + m.end())

    @staticmethod
    def _port_above(reading, by_unit, k, direction):
        seen, j = 0, k - 1
        while j >= 0 and seen < LOOK_BACK:
            unit = reading.units[j]
            if unit.kind == "heading":
                return None
            if unit.kind != "blank":
                seen += 1
                ports = [p for stmt in by_unit.get(j, ()) for p in stmt.ports if p.info.direction == direction]
                if ports:
                    return ports
            j -= 1
        return None
