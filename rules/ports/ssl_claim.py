import re

from lint.registry import register
from lint.rule import Rule

from .lexicon import lexicon
from .shapes import ports_phrase
from .statements import read

SSL_WORD = re.compile(r"ssl", re.IGNORECASE)
STARTTLS = re.compile(r"starttls", re.IGNORECASE)


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

    Why is this bad?
        A reader who enables SSL on a plain port (or disables it on an SSL port) cannot
        connect; the mail client's error does not say why.

    Example
        Ports 110 and 587 correspond to SSL enabled.

    Use instead
        Ports 995 and 465 correspond to SSL enabled.
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
            if not SSL_WORD.search(text) or STARTTLS.search(text):
                continue
            claim = lex.ssl_of(text, lang)
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
