"""Reading port statements out of a guide, for the ``ports/*`` rules.

E-mail guides state POP3, IMAP and SMTP ports in many shapes (see SURVEY.md, formats
F1-F12): ``label: value`` lines (``Saapuvan postin palvelimen portti: ...: 995 tai 110``),
list items, several ``label : value`` pairs run together in one paragraph line, pipe tables
(often without their delimiter row, which mistune then reads as a paragraph), pseudo-lists
inside table cells separated by ``<br>``, and prose sentences. This module reads the raw
lines (``doc.lines``), outside code, HTML blocks and front matter, and returns
:class:`Statement` objects: the label a reader sees as the field name, the ports, their
positions, the section and its protocol. The rules only judge what it returns.

What a port is (:mod:`.lexicon`) and the shapes of port numbers in text (:mod:`.shapes`)
are beside this module; :mod:`.context` looks back from a statement for what it leaves
unsaid.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from lint import pipe_rows
from lint.pipe_rows import DELIMITER_CELL, is_delimiter_row, looks_like_row, strip_prefix

from .lexicon import PortInfo, lexicon
from .shapes import (BR, CONNECTOR, HOST, LIST_MARKER, MAX_LABEL_WORDS, PORT_NUMBER, SENTENCE_END, SRV_LINE,
                     find_ports, lead, mask, plain)

# ----------------------------------------------------------------------------- results


@dataclass
class Port:
    number: int
    line: int
    column: int            # 1-based, first digit
    header: str = ""       # table column header above the cell
    ssl_cell: str = ""     # the row's cell under a column headed "SSL" (Yes / No / Kyllä ...)

    @property
    def info(self) -> PortInfo:
        return lexicon().ports[self.number]


@dataclass
class Section:
    line: int              # heading line (0 before the first heading)
    level: int
    title: str
    protocol: str | None   # pop3 / imap named by this heading or, failing that, its parents


@dataclass
class Statement:
    kind: str              # line | list | table | prose
    label: str             # field name (text before the first colon), row header, or the sentence
    line: int              # of the label
    column: int
    ports: list[Port]
    section: Section
    unit: int              # index of the unit (line, row, <br> part) in Reading.units
    explanation: str = ""  # the second label of "label: explanation: value"
    text: str = ""         # the whole line / row / sentence (masked)
    header: str = ""       # table: header of the first port's column
    header_line: int = 0
    header_column: int = 0
    host: tuple | None = None  # (protocol, host name, line, column) of a host name such as imap.x.y
    table: int | None = None


class Unit:
    """One line of text, one table row, or one ``<br>`` part of a cell, in reading order."""

    __slots__ = ("line", "column", "text", "kind", "table", "group", "has_ports", "_label", "_label_column",
                 "_raw_label")

    def __init__(self, line: int, column: int, text: str, kind: str, label: str = "", label_column: int = 0,
                 table: int | None = None, group: int | None = None, has_ports: bool = False, *,
                 raw_label: str | None = None):
        self.line = line
        self.column = column        # 1-based column of text[0]
        self.text = text            # masked
        self.kind = kind            # line | list | row | part | heading | blank
        self.table = table
        self.group = group          # <br> parts of one cell share a group
        self.has_ports = has_ports
        self._label = label
        self._label_column = label_column
        # a line's label as written, starting at label_column: only the look-backs read a label,
        # a few units above a statement, so most lines never need it made plain
        self._raw_label = raw_label

    @property
    def label(self) -> str:
        """What a look-back reads: the text before the first colon, or a row header."""
        if self._raw_label is not None:
            self._settle()
        return self._label

    @property
    def label_column(self) -> int:
        if self._raw_label is not None:
            self._settle()
        return self._label_column

    def _settle(self) -> None:
        raw, self._raw_label = self._raw_label, None
        self._label, self._label_column = plain(raw), self._label_column + lead(raw)


@dataclass
class Reading:
    statements: list[Statement] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    language: str | None = None

    @functools.cached_property
    def names_pop_or_imap(self) -> bool:
        """The guide speaks of POP or IMAP somewhere: it is about a mail client's settings,
        not, say, a firewall whose "incoming" port 25 or 587 is correct."""
        lex = lexicon()
        return any(lex.names_pop_or_imap(u.text, self.language) for u in self.units)


# ----------------------------------------------------------------------------- the reader


def read(doc) -> Reading:
    """All port statements of a document, read once however many rules ask.

    A guide whose text holds no known port number anywhere (four guides in ten) has no
    statement: its lines are not read, and its Reading has no units or sections either."""
    return doc.memo(_read)


def _read(doc) -> Reading:
    # every port a statement gives is a PORT_NUMBER match in the raw text too: masking only
    # blanks whole spans, and cells, <br> parts and list items are slices of lines
    if PORT_NUMBER.search(doc.source.text) is None:
        return Reading(language=doc.language)
    return _Reader(doc).run()


class _Reader:
    def __init__(self, doc):
        self.doc = doc
        self.lex = lexicon()
        self.lang = doc.language
        self.r = Reading(language=self.lang)
        self.table_count = 0
        self.group_count = 0

    # sections ---------------------------------------------------------------------------
    def _sections(self) -> dict[int, Section]:
        by_line = {}
        stack: list[tuple[int, str | None, bool]] = []  # (level, protocol, names both)
        for h in self.doc.headings:
            level = h.attrs.get("level", 1)
            title = h.plain_text()
            names = self.lex.protocols_in(title, self.lang) - {"smtp"}
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, names.copy().pop() if len(names) == 1 else None, len(names) > 1))
            protocol = None
            for _, proto, both in reversed(stack):
                if proto or both:
                    protocol = proto
                    break
            section = Section(h.line, level, title, protocol)
            self.r.sections.append(section)
            for n in range(h.line, h.end_line + 1):
                by_line[n] = section
        return by_line

    # main loop ----------------------------------------------------------------------------
    def run(self) -> Reading:
        doc = self.doc
        heading_lines = self._sections()
        skip = set(doc.code_lines) | _raw_html_lines(doc.lines)
        first = doc.body_first_line
        section = Section(0, 0, "", None)
        lines = doc.lines
        count, units, text_unit = len(lines), self.r.units, self._text_unit
        n = first
        while n <= count:
            text = lines[n - 1]
            if n in heading_lines:
                section = heading_lines[n]
                units.append(Unit(n, 1, text, "heading", label=section.title))
                n += 1
                continue
            if n in skip:
                n += 1
                continue
            # most lines start with neither a space nor a quote marker: nothing to strip
            prefix, body = strip_prefix(text) if text[:1] in _PREFIX_START else (0, text)
            if not body.strip():
                units.append(Unit(n, 1, "", "blank"))
                n += 1
                continue
            if "|" in text and looks_like_row(text):  # (most lines hold no pipe)
                end = n
                while end + 1 <= count and end + 1 not in skip and end + 1 not in heading_lines:
                    if not looks_like_row(lines[end]):
                        break
                    end += 1
                self._table(n, end, section)
                n = end + 1
                continue
            text_unit(n, prefix + 1, mask(body), section)
            n += 1
        return self.r

    # tables -------------------------------------------------------------------------------
    def _table(self, first: int, last: int, section: Section) -> None:
        self.table_count += 1
        tid = self.table_count
        rows = []
        for n in range(first, last + 1):
            text = self.doc.lines[n - 1]
            prefix, body = strip_prefix(text)
            raw = [(prefix + 1 + col, cell) for col, cell in pipe_rows.cells(body)]
            cells = [(col, cell if BR.search(cell) else mask(cell)) for col, cell in raw]
            if all(DELIMITER_CELL.fullmatch(c) for _, c in cells):
                continue
            rows.append((n, cells))
        if not rows:
            return
        header = None
        if not any(find_ports(c) for _, c in rows[0][1]) or (len(rows) > 1 and is_delimiter_row(self.doc.line(first + 1))):
            header = rows[0]
        header_cells = header[1] if header else []
        ssl_column = next((i for i, (_, c) in enumerate(header_cells) if plain(c).upper() in ("SSL", "SSL/TLS")), None)
        if header:
            self.r.units.append(Unit(header[0], header[1][0][0], " | ".join(c for _, c in header[1]),
                                     "row", label=plain(header[1][0][1]), label_column=header[1][0][0], table=tid))
        for n, cells in rows:
            if header is not None and n == header[0]:
                continue
            row_label_col, row_label = cells[0]
            unit_index = len(self.r.units)
            if BR.search(row_label):
                row_label = ""
            unit = Unit(n, row_label_col, " | ".join(mask(c) for _, c in cells), "row",
                        label_column=row_label_col, table=tid, raw_label=row_label)
            self.r.units.append(unit)
            host = self._host(" ".join(c for _, c in cells), n, cells)
            for i, (col, cell) in enumerate(cells):
                if BR.search(cell):
                    self._br_cell(n, col, cell, section)
                    continue
                if i == 0 and len(cells) > 1:
                    continue
                found = find_ports(cell)
                if not found or not self._value_cell(cell, found):
                    continue
                unit.has_ports = True
                head_col, head = header_cells[i] if header and i < len(header_cells) else (0, "")
                ssl_cell = ""
                if ssl_column is not None and ssl_column < len(cells) and ssl_column != i:
                    ssl_cell = plain(cells[ssl_column][1])
                ports = [Port(num, n, col + idx, header=plain(head), ssl_cell=ssl_cell) for num, idx in found]
                self.r.statements.append(Statement(
                    "table", plain(row_label), n, row_label_col + lead(row_label), ports, section,
                    unit_index, text=unit.text, header=plain(head), header_line=header[0] if header else 0,
                    header_column=(head_col + lead(head)) if header else 0, host=host, table=tid))

    def _value_cell(self, cell: str, found) -> bool:
        """A cell that states a port: only numbers and connectors, or a short instruction with
        the word "port" ("Voer poort '465' in.", "ssl0.ovh.net:993")."""
        stripped = plain(cell)
        if CONNECTOR.fullmatch(re.sub(r"\d+", " ", stripped)):
            return True
        if HOST.search(cell) and any(cell[idx - 1:idx] == ":" for _, idx in found):
            return True
        return self.lex.is_port_word(cell, self.lang) and len(stripped.split()) <= 12

    def _br_cell(self, line: int, col: int, cell: str, section: Section) -> None:
        self.group_count += 1
        offset = 0
        for part in BR.split(cell):
            start = cell.index(part, offset) if part else offset
            offset = start + len(part)
            lead = len(part) - len(part.lstrip())
            part_text = part.strip()
            m = LIST_MARKER.match(part_text)
            kind = "part"
            if m:
                lead += m.end()
                part_text = part_text[m.end():]
            if not part_text:
                continue
            self._text_unit(line, col + start + lead, mask(part_text), section, kind=kind, group=self.group_count)

    # text lines -----------------------------------------------------------------------------
    def _text_unit(self, line: int, column: int, text: str, section: Section, kind: str | None = None,
                   group: int | None = None) -> None:
        if kind is None:
            m = LIST_MARKER.match(text)
            kind = "list" if m else "line"
            if m:
                column += m.end()
                text = text[m.end():]
        units = self.r.units
        unit_index = len(units)
        first_colon = text.find(":")
        label = text[:first_colon] if first_colon > 0 else (text if len(text) < 80 else "")
        unit = Unit(line, column, text, kind, "", column, None, group, False, raw_label=label)
        units.append(unit)
        # find_ports reads only PORT_NUMBER matches: most lines have none, told by one search
        if PORT_NUMBER.search(text) is None:
            return
        found = find_ports(text)
        if not found or SRV_LINE.search(text):  # (the SRV pattern is the slower test)
            return
        unit.has_ports = True
        statements = self._label_statements(text, found) or self._glued_statement(text, found)
        host = self._host(text, line, None, column)
        stmt_kind = "list" if kind == "list" else "line"
        if statements:
            for label, label_at, explanation, ports in statements:
                self.r.statements.append(Statement(
                    stmt_kind, plain(label), line, column + label_at + lead(label),
                    [Port(num, line, column + idx) for num, idx in ports], section, unit_index,
                    explanation=plain(explanation), text=text, host=host))
            return
        for start, sentence in _sentences(text):
            ports = [(num, idx) for num, idx in found if start <= idx < start + len(sentence)]
            if not ports or not self._about_ports(sentence):
                continue
            self.r.statements.append(Statement(
                "prose", sentence.strip(), line, column + start + lead(sentence),
                [Port(num, line, column + idx) for num, idx in ports], section, unit_index,
                text=sentence, host=host))

    def _about_ports(self, sentence: str) -> bool:
        """A prose sentence counts when it says "port" or "SSL" ("... määrä on 100 eikä 110" does not)."""
        return (self.lex.is_port_word(sentence, self.lang)
                or re.search(r"ssl|tls", sentence, re.IGNORECASE) is not None)

    def _names_setting(self, label: str) -> bool:
        """A label about a server setting: it names a port, a direction or a protocol."""
        lang, lex = self.lang, self.lex
        return bool(lex.is_port_word(label, lang) or lex.direction_of(label, lang)[0]
                    or lex.protocols_in(label, lang))

    def _label_statements(self, text: str, found):
        """``label: value`` statements: [(label, label index, explanation, [(port, index)])]."""
        if ":" not in text[:found[0][1]]:
            return []
        groups: list[list[tuple[int, int]]] = [[found[0]]]
        for prev, cur in zip(found, found[1:]):
            between = text[prev[1] + 3:cur[1]]
            if ":" in between:
                groups.append([cur])
            else:
                groups[-1].append(cur)
        out = []
        seg_start = 0
        for group in groups:
            seg = text[seg_start:group[0][1]]
            chain = _label_chain(seg)
            if chain is None:
                if not out:
                    return []
                out[-1][3].extend(group)
            else:
                (label, at), explanation = chain
                value_prefix = seg[seg.rfind(":") + 1:]
                if len(plain(label).split()) > MAX_LABEL_WORDS or not plain(label) or not (
                        self._names_setting(label + " " + explanation) or self.lex.is_port_word(value_prefix, self.lang)):
                    if not out:
                        return []
                    out[-1][3].extend(group)
                else:
                    out.append((label, seg_start + at, explanation, list(group)))
            seg_start = group[-1][1] + 3
        return out

    def _glued_statement(self, text: str, found):
        """``Incoming Server (POP3)110.`` / ``Port **993**``: a short label, then only the value."""
        first, last = found[0][1], found[-1][1] + 3
        rest = plain(text[last:])
        if rest or ":" in text[:first]:
            return []
        between = text[first:last]
        if not CONNECTOR.fullmatch(re.sub(r"\d+", " ", between)):
            return []
        label = text[:first]
        words = plain(label).split()
        if not words or len(words) > 6:
            return []
        return [(label, 0, "", list(found))]

    def _host(self, text: str, line: int, cells=None, column: int = 1):
        """(protocol, host, line, column) of a host name whose first label names a protocol."""
        prefixes = self.lex.host_prefixes
        if not prefixes:
            return None
        if cells is not None:
            for col, cell in cells:
                for m in HOST.finditer(cell):
                    proto = prefixes.get(m.group(1).lower())
                    if proto:
                        return proto, m.group(), line, col + m.start()
            return None
        for m in HOST.finditer(text):
            proto = prefixes.get(m.group(1).lower())
            if proto:
                return proto, m.group(), line, column + m.start()
        return None


def _label_chain(seg: str):
    """The field name of a ``label: explanation: value`` segment.

    The segment runs from the end of the previous value (or the line start) to the port.
    Its colon-separated pieces before the value form a chain of labels; the chain starts
    after the last place where a previous value ended (a sentence end or a bold value such
    as ``**SSL0.OVH.NET**``). Returns ((label, index), explanation) or None.
    """
    pieces, starts, pos = [], [], 0
    for m in re.finditer(r":", seg):
        pieces.append(seg[pos:m.start()])
        starts.append(pos)
        pos = m.end()
    if not pieces:
        return None
    chain_index = 0
    label_start = 0
    for k in range(len(pieces) - 1, -1, -1):
        cut = _value_end(pieces[k])
        if cut is not None:
            chain_index, label_start = k, cut
            break
    label = pieces[chain_index][label_start:]
    explanation = " ".join(p for p in pieces[chain_index + 1:])
    return (label, starts[chain_index] + label_start), explanation


def _value_end(piece: str) -> int | None:
    """Index just after the last value that ends inside piece and is followed by more words."""
    best = None
    for m in SENTENCE_END.finditer(piece):
        nxt = piece[m.end():].lstrip("*_\"“„«'‘ ")
        if nxt[:1].isupper():
            best = m.end()
    closers = [m.end() for k, m in enumerate(re.finditer(r"\*\*", piece)) if k % 2 == 1]
    for end in closers:
        if re.search(r"[^\W\d_]", piece[end:]):
            best = max(best or 0, end)
    for m in HOST.finditer(piece):
        if re.search(r"[^\W\d_]", piece[m.end():]):
            best = max(best or 0, m.end())
    return best


def _sentences(text: str):
    """(index, sentence) pieces of a line."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        nxt = text[m.end():].lstrip("*_\"“„«'‘ ")
        if not nxt[:1].isupper():
            continue
        out.append((start, text[start:m.end()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


RAW_HTML_OPEN = re.compile(r"^\s*<(style|script|pre)\b", re.IGNORECASE)
_PREFIX_START = ("", " ", "\t", ">")  # what strip_prefix's CONTAINER_PREFIX can start with


def _raw_html_lines(lines) -> set[int]:
    """Lines of <style>, <script> and <pre> blocks (1-based)."""
    out, closing = set(), None
    for n, text in enumerate(lines, 1):
        if closing is None:
            m = RAW_HTML_OPEN.match(text) if "<" in text else None  # (most lines hold no tag)
            if m:
                closing = re.compile(r"</" + m.group(1) + r"\s*>", re.IGNORECASE)
                out.add(n)
                if closing.search(text, m.end()):
                    closing = None
            continue
        out.add(n)
        if closing.search(text):
            closing = None
    return out
