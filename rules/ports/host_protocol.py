from lint.registry import register
from lint.rule import Rule

from .context import declared_protocol
from .lexicon import PROTOCOL_NAMES
from .shapes import ports_phrase
from .statements import read

PREFIX = {"pop3": "pop", "imap": "imap"}


@register
class HostProtocol(Rule):
    """
    What it does
        Reports a server name whose first label names one incoming protocol
        (`imap.mail.ovh.ca`) in a statement about the other one: a row or line whose
        section heading or declaration says POP3 and whose incoming ports are POP3 ports,
        but whose server is an IMAP server (or the reverse). The server is the odd one
        out, so it is the server that is reported, with the name of the right protocol
        (`pop.mail.ovh.ca`).

        ports/protocol-mismatch judges ports by the server next to them; this rule judges
        the server by its section and ports as well, so where both would report a row, the
        server is the odd one out: this rule owns the defect and ports/protocol-mismatch
        stays silent on that line (``supersedes``, line scope).

    Why is this bad?
        A reader who sets up a POP3 account with the IMAP server gets an IMAP account, with
        a different mailbox behaviour than the guide describes.

    Example
        (how_to_configure_outlook_2016/guide.en-us.md, in the POP section)
        |Incoming|imap.mail.ovh.ca|SSL/TLS|995|

    Use instead
        |Incoming|pop.mail.ovh.ca|SSL/TLS|995|
    """

    id = "ports/host-protocol"
    severity = "error"
    summary = "an IMAP server named in a POP3 statement, or the reverse"
    tags = ("ports", "email")
    supersedes = ("ports/protocol-mismatch",)
    supersede_scope = "line"

    def check(self, doc, ctx):
        reading = read(doc)
        seen = set()
        for stmt in reading.statements:
            if not stmt.host or stmt.host[0] not in PREFIX:
                continue
            proto, name, line, column = stmt.host
            if (line, column) in seen:
                continue
            declared = declared_protocol(reading, stmt)
            if declared:
                context, why = declared[0], f"line {declared[1]} is about {PROTOCOL_NAMES[declared[0]]}"
            elif stmt.section.protocol:
                context = stmt.section.protocol
                why = f"the section \"{stmt.section.title.strip()[:60]}\" (line {stmt.section.line}) is about " \
                      f"{PROTOCOL_NAMES[context]}"
            else:
                continue
            if context == proto or context not in PREFIX:
                continue
            incoming = [p for p in stmt.ports if p.info.direction == "incoming"]
            if incoming and not all(p.info.protocol == context for p in incoming):
                continue  # the ports side with the server: not the server that is wrong
            if incoming:
                why += f" and {ports_phrase(p.number for p in incoming)} {PROTOCOL_NAMES[context]}"
            first, rest = name.split(".", 1)
            wanted = f"{PREFIX[context]}.{rest}"
            seen.add((line, column))
            ctx.report(line, column, f"server {name} is {PROTOCOL_NAMES[proto]}, but {why}: "
                       f"did you mean {wanted}?", end_column=column + len(name))
