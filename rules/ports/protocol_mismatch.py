from lint.registry import register
from lint.rule import Rule

from .context import expected_protocol
from .lexicon import PROTOCOL_NAMES
from .shapes import ports_phrase
from .statements import read

HOW = {
    "host": "the server {text} is {proto}",
    "label": "its label \"{text}\" says {proto}",
    "sentence": "the sentence names {proto}",
    "value": "line {line} declares {proto} (\"{text}\")",
    "title": "it follows \"{text}\" (line {line}), about {proto}",
    "heading": "the section \"{text}\" (line {line}) is about {proto}",
}


@register
class ProtocolMismatch(Rule):
    """
    What it does
        Reports incoming ports of the wrong protocol: IMAP ports (143, 993) where the text
        is about POP3, or POP3 ports (110, 995) where it is about IMAP.

        What the text is about is taken, most specific first, from a host name in the same
        line or table row (``imap.mail.ovh.ca``), the statement's own label
        (``Incoming Server (POP3)``), a declaration above it in the same block
        (``Mon serveur ... est un serveur : **POP3**``), a title naming one protocol when
        the heading names none (``> **For POP configuration**``), and the section heading
        (``## IMAP-asetukset``; a heading naming both protocols names none). Intro sentences
        under a heading do not override it. A prose sentence that names a protocol is judged
        by it ("IMAP uses 993"), one naming both is skipped, one naming none (``Ports 143
        and 587 correspond to disabled SSL``) is judged by its section. A statement is
        reported only when all its incoming ports belong to the other protocol; outgoing
        (SMTP) ports are not judged. Where the section's port table and its text disagree,
        ``ports/table-prose-mismatch`` reports the statement (naming both sides) and this rule
        stays silent on it. Where the server is the one that disagrees with its section and
        ports (``imap.mail.ovh.ca`` on a POP3 row), ``ports/host-protocol`` reports the
        server and this rule stays silent on that line.
        Knowledge and words: ``rules/ports/lexicon.yaml`` (``protocols``, ``host_prefixes``).

    Why is this bad?
        A reader who set up an IMAP account and enters a POP3 port (or the reverse) gets a
        connection error or, worse, a different mailbox behaviour than the guide promised.

    Example
        ## IMAP nustatymai

        |Prievadai|SSLįjungta|SSLišjungta|
        |Įeinantis|995|110|

    Use instead
        ## IMAP nustatymai

        |Prievadai|SSLįjungta|SSLišjungta|
        |Įeinantis|993|143|
    """

    id = "ports/protocol-mismatch"
    severity = "error"
    summary = "POP3 ports in an IMAP context, or IMAP ports in a POP3 context"
    tags = ("ports", "email")

    def check(self, doc, ctx):
        reading = read(doc)
        rows: dict[tuple, dict] = {}
        for stmt in reading.statements:
            incoming = [p for p in stmt.ports if p.info.direction == "incoming"]
            if not incoming:
                continue
            expected = expected_protocol(reading, stmt)
            if expected is None:
                continue
            key = (stmt.line, stmt.unit, stmt.column)
            entry = rows.setdefault(key, {"ports": [], "expected": expected, "stmt": stmt})
            if entry["expected"][0] != expected[0]:
                entry["conflict"] = True
            entry["ports"].extend(incoming)
        for entry in rows.values():
            if entry.get("conflict"):
                continue
            proto, how, line, column, text = entry["expected"]
            ports = entry["ports"]
            if any(p.info.protocol == proto for p in ports):
                continue
            actual = "/".join(sorted({PROTOCOL_NAMES[p.info.protocol] for p in ports}))
            why = HOW[how].format(text=text.strip()[:60], proto=PROTOCOL_NAMES[proto], line=line)
            first = ports[0]
            ctx.report(first.line, first.column,
                       f"{ports_phrase(p.number for p in ports)} {actual}, but {why}",
                       end_column=first.column + len(str(first.number)))
