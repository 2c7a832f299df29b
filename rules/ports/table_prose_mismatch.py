from lint.registry import register
from lint.rule import Rule

from .context import declared_protocol
from .lexicon import PROTOCOL_NAMES
from .statements import read


def _protocols(statements, direction):
    return {p.info.protocol for s in statements for p in s.ports if p.info.direction == direction}


def _ports(statements, direction):
    return {p.number for s in statements for p in s.ports if p.info.direction == direction}


def _plural(ports):
    return ("port " if len(ports) == 1 else "ports ") + ", ".join(map(str, ports))


def _names(protocols):
    return "/".join(PROTOCOL_NAMES[p] for p in sorted(protocols))


@register
class TableProseMismatch(Rule):
    """
    What it does
        Reports a section whose port table and whose text disagree: the incoming ports in
        the table belong to one protocol (POP3 995/110) and those in the lines, lists and
        sentences of the same section to the other (IMAP 993/143); or the outgoing ports of
        both sides have nothing in common although each side lists two or more.

        A section is the text under the nearest heading. Tables are read from their raw
        lines, so a table without its delimiter row (which Markdown shows as a paragraph)
        counts too. When the section is split by titles that name one protocol
        (``> **For POP configuration**``), each part is compared on its own. The finding is
        put on the side that contradicts the section heading's protocol, and on the table
        when the heading names none.

        One defect, one finding: where that side also contradicts its section's protocol,
        ``ports/protocol-mismatch`` would report the same ports; this rule, which names both
        sides of the contradiction, owns it and ``ports/protocol-mismatch`` stays silent there.

    Why is this bad?
        The reader gets two answers for one setting and cannot know which one is right;
        usually one of them was pasted from the other protocol's section.

    Example
        ## IMAP nustatymai

        Incoming Server Port:993 arba 143

        |Prievadai|SSLįjungta|SSLišjungta|
        |Įeinantis|995|110|

    Use instead
        ## IMAP nustatymai

        Incoming Server Port:993 arba 143

        |Prievadai|SSLįjungta|SSLišjungta|
        |Įeinantis|993|143|
    """

    id = "ports/table-prose-mismatch"
    severity = "error"
    summary = "a section's port table and its text give different ports"
    tags = ("ports", "email", "tables")
    supersedes = ("ports/protocol-mismatch",)

    def check(self, doc, ctx):
        reading = read(doc)
        parts: dict[tuple, dict[str, list]] = {}
        for stmt in reading.statements:
            declared = declared_protocol(reading, stmt)
            scope = declared[0] if declared and declared[4] == "title" else None
            key = (stmt.section.line, scope)
            side = "table" if stmt.kind == "table" else "text"
            parts.setdefault(key, {"table": [], "text": []})[side].append(stmt)
        for (section_line, scope), sides in sorted(parts.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
            table, text = sides["table"], sides["text"]
            if not table or not text:
                continue
            section = table[0].section
            t_in, x_in = _protocols(table, "incoming"), _protocols(text, "incoming")
            if t_in and x_in and not (t_in & x_in):
                heading = section.protocol
                if heading and heading in x_in and heading not in t_in:
                    at = self._first(table, "incoming")
                    other = self._first(text, "incoming")
                    where = "table"
                elif heading and heading in t_in and heading not in x_in:
                    at = self._first(text, "incoming")
                    other = self._first(table, "incoming")
                    where = "text"
                else:
                    at, other, where = self._first(table, "incoming"), self._first(text, "incoming"), "table"
                mine = t_in if where == "table" else x_in
                theirs = x_in if where == "table" else t_in
                ports = sorted(_ports(table if where == "table" else text, "incoming"))
                others = sorted(_ports(text if where == "table" else table, "incoming"))
                side_name = "the table" if where == "table" else "the text"
                other_name = "the text" if where == "table" else "the table"
                hint = f"; the section \"{section.title.strip()}\" is about {PROTOCOL_NAMES[heading]}" if heading else ""
                ctx.report(at.line, at.column,
                           f"{side_name} gives incoming {_plural(ports)} ({_names(mine)}), "
                           f"{other_name} gives {', '.join(map(str, others))} ({_names(theirs)}) "
                           f"at line {other.line}{hint}",
                           end_column=at.column + len(str(at.number)))
            t_out, x_out = _ports(table, "outgoing"), _ports(text, "outgoing")
            if len(t_out) >= 2 and len(x_out) >= 2 and not (t_out & x_out):
                at, other = self._first(table, "outgoing"), self._first(text, "outgoing")
                ctx.report(at.line, at.column,
                           f"the table gives outgoing {_plural(sorted(t_out))}, the text gives "
                           f"{', '.join(map(str, sorted(x_out)))} at line {other.line}",
                           end_column=at.column + len(str(at.number)))

    @staticmethod
    def _first(statements, direction):
        for s in statements:
            for p in s.ports:
                if p.info.direction == direction:
                    return p
        return None
