"""Reading port statements out of a guide, for the ``ports/*`` rules.

E-mail guides state POP3, IMAP and SMTP ports in many shapes (see SURVEY.md, formats
F1-F12): ``label: value`` lines (``Saapuvan postin palvelimen portti: ...: 995 tai 110``),
list items, several ``label : value`` pairs run together in one paragraph line, pipe tables
(often without their delimiter row, which mistune then reads as a paragraph), pseudo-lists
inside table cells separated by ``<br>``, and prose sentences. This module reads the raw
lines (``doc.lines``), outside code, HTML blocks and front matter, and returns
:class:`Statement` objects: the label a reader sees as the field name, the ports, their
positions, the section and its protocol. The rules only judge what it returns.

Knowledge (which port is which protocol, direction and SSL mode) and the per-language
words come from ``lexicon.yaml`` beside this module.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from lint.data import load_yaml

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")

# ----------------------------------------------------------------------------- knowledge


@dataclass(frozen=True)
class PortInfo:
    number: int
    protocol: str   # pop3 | imap | smtp
    direction: str  # incoming | outgoing
    ssl: bool       # True: implicit SSL/TLS; False: plain or STARTTLS


PROTOCOL_NAMES = {"pop3": "POP3", "imap": "IMAP", "smtp": "SMTP"}
LEXICON_PROTOCOL_KEYS = {"pop": "pop3", "imap": "imap", "smtp": "smtp"}
DIRECTIONS = ("incoming", "outgoing")


class Lexicon:
    """Protocol knowledge and the per-language patterns of lexicon.yaml."""

    def __init__(self, data: dict):
        self.ports: dict[int, PortInfo] = {}
        self.protocol_direction: dict[str, str] = {}
        for name, spec in data["protocols"].items():
            self.protocol_direction[name] = spec["direction"]
            for number, mode in spec["ports"].items():
                self.ports[int(number)] = PortInfo(int(number), name, spec["direction"], mode == "ssl")
        self.host_prefixes = {}
        for name, prefixes in (data.get("host_prefixes") or {}).items():
            for prefix in prefixes:
                self.host_prefixes[prefix.lower()] = name
        self._patterns: dict[str, dict[str, list[re.Pattern]]] = {}
        for lang, spec in data["languages"].items():
            self._patterns[lang] = {key: [re.compile(p, re.IGNORECASE) for p in pats]
                                    for key, pats in spec.items()}
        self._merged: dict[tuple[str | None, str], list[re.Pattern]] = {}

    def patterns(self, lang: str | None, key: str) -> list[re.Pattern]:
        """The file language's patterns for ``key``, then the English ones."""
        # asked for once per label and key: merge the two lists once per language
        merged = self._merged.get((lang, key))
        if merged is None:
            merged = self._merged[(lang, key)] = self._merge(lang, key)
        return merged

    def _merge(self, lang: str | None, key: str) -> list[re.Pattern]:
        out = []
        for code in (lang, "en"):
            for p in self._patterns.get(code or "", {}).get(key, []):
                if p not in out:
                    out.append(p)
        return out

    def search(self, text: str, lang: str | None, key: str):
        """The earliest match of any ``key`` pattern in text, or None."""
        best = None
        for p in self.patterns(lang, key):
            m = p.search(text)
            if m and (best is None or m.start() < best.start()):
                best = m
        return best

    def mentions(self, text: str, lang: str | None, key: str) -> bool:
        """Does any ``key`` pattern match? (Cheaper than :meth:`search`: stops at the first.)"""
        return any(p.search(text) for p in self.patterns(lang, key))

    def protocols_in(self, text: str, lang: str | None) -> set[str]:
        found = set()
        for key, name in LEXICON_PROTOCOL_KEYS.items():
            if self.mentions(text, lang, key):
                found.add(name)
        return found

    def names_pop_or_imap(self, text: str, lang: str | None) -> bool:
        """``protocols_in(text, lang) - {"smtp"}`` is not empty, without looking for SMTP."""
        return self.mentions(text, lang, "pop") or self.mentions(text, lang, "imap")

    def direction_of(self, text: str, lang: str | None):
        """(direction, match) named by a label: its direction words, else its protocol names.

        Returns ("both", None) when the label names both directions, (None, None) when none.
        """
        found = {}
        for d in DIRECTIONS:
            m = self.search(text, lang, d)
            if m:
                found[d] = m
        if len(found) == 1:
            (d, m), = found.items()
            return d, m
        if len(found) == 2:
            return "both", None
        dirs = {}
        for key, name in LEXICON_PROTOCOL_KEYS.items():
            m = self.search(text, lang, key)
            if m:
                dirs.setdefault(self.protocol_direction[name], m)
        if len(dirs) == 1:
            (d, m), = dirs.items()
            return d, m
        return ("both", None) if dirs else (None, None)

    def incoming_protocol_of(self, text: str, lang: str | None) -> str | None:
        """pop3 or imap when the text names exactly one of them."""
        found = self.protocols_in(text, lang) - {"smtp"}
        return found.pop() if len(found) == 1 else None

    def ssl_of(self, text: str, lang: str | None) -> bool | None:
        """True / False when the text says SSL enabled / disabled (and not both)."""
        on = self.mentions(text, lang, "ssl_enabled")
        off = self.mentions(text, lang, "ssl_disabled")
        if on == off:
            return None
        return on

    def is_port_word(self, text: str, lang: str | None) -> bool:
        return self.mentions(text, lang, "port")


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(load_yaml(LEXICON_PATH))


# ----------------------------------------------------------------------------- text shapes

CONTAINER_PREFIX = re.compile(r"^(?:[ \t]*>)*[ \t]*")
LIST_MARKER = re.compile(r"(?:\\?[-*+]|\d{1,3}[.)])[ \t]+")
DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")
BR = re.compile(r"<br\s*/?>", re.IGNORECASE)

KNOWN_PORTS = (25, 110, 143, 465, 587, 993, 995)
PORT_NUMBER = re.compile(r"(?<!\d)(?:25|110|143|465|587|993|995)(?!\d)")
# a glued word before a number is accepted only when it is the word "port" in some language
GLUED_PORT_WORD = re.compile(r"(?:port[aeoiy]?|porte|ports|portti|portit|poort|puerto|prievad\w*)$", re.I)
BEFORE_REJECT = set(".,/_#=+@%$€\\")
AFTER_REJECT = re.compile(r"(?:[.,:/]\d|\s*(?:[kmgt]i?b|[kmgt]o|%|px|ms|mb/s)\b|\s*%|/)", re.IGNORECASE)
NUMBER_LIST = re.compile(r"\(\s*\d+(?:\s*,\s*\d+)+\s*\)")        # "(25, 465, 587)": a list of defaults
NUMBER_BEFORE = re.compile(r"(?<![\w.,])(\d+)[\W_]*(?:[^\W\d_]{1,5}[\W_]*)?$")
SRV_LINE = re.compile(r"\bSRV\b|_[a-z]+\._tcp", re.IGNORECASE)   # DNS SRV records are not settings

URL = re.compile(r"(?:https?://|www\.)[^\s)\]>|]+", re.IGNORECASE)
LINK_DEST = re.compile(r"(?<=\]\()[^)]*(?=\))")
ATTRIBUTE_LIST = re.compile(r"\{\s*[.#][^{}]*\}")
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # starts only at a run's start: linear
HOST = re.compile(r"(?<![\w.-])([a-z][\w-]*)\.(?:[\w-]+\.)+[a-z]{2,}(?![\w-])", re.IGNORECASE)

# between two ports of one value: markup, punctuation and at most one short word ("tai", "ou", "or", "lub")
CONNECTOR = re.compile(r"[\W_]*(?:[^\W\d_]{1,5}[\W_]*)?")
MARKUP = re.compile(r"[*_`\"'“”„«»‘’()\[\]\s]+")
SENTENCE_END = re.compile(r"[.!?](?:\*\*|\*|_)?\s+(?=[\W_]*[^\W\d_])")
MAX_LABEL_WORDS = 12
MAX_TITLE_WORDS = 16   # "Dans le cadre d'une configuration en **POP**, les valeurs sont les suivantes:"


# each masked pattern with the (lower-case) substrings it cannot match without: most lines
# hold none of them, and a substring test is far cheaper than a regex scan
MASKED = ((LINK_DEST, ("](",)), (URL, ("://", "www.")), (ATTRIBUTE_LIST, ("{",)), (HTML_TAG, ("<",)),
          (EMAIL, ("@",)), (NUMBER_LIST, ("(",)))


def mask(text: str) -> str:
    """Blank out (same length) what can hold digits but is no setting: URLs, link targets,
    attribute lists, HTML tags, e-mail addresses and lists of numbers in parentheses."""
    lowered = text.lower()  # URL ignores case; blanking never adds a needed substring
    for pattern, needs in MASKED:
        for needle in needs:
            if needle in lowered:
                text = pattern.sub(lambda m: " " * len(m.group()), text)
                break
    return text


def find_ports(text: str) -> list[tuple[int, int]]:
    """(port, index) of the port numbers in a masked text.

    Accepts ``**995**``, ``“995”``, ``« 995 »``, ``'993'``, ``host:993``, ``(POP3)110.``,
    ``porte143``, ``:995`` and ``995.``; rejects ``25 MB``, ``2014``, ``1.25``, ``10/25``.
    """
    out = []
    for m in PORT_NUMBER.finditer(text):
        i = m.start()
        before = text[i - 1] if i else ""
        if before in BEFORE_REJECT:
            continue
        if before in "-:" and i >= 2 and text[i - 2].isalnum() and not (before == ":" and text[i - 2].isalpha()):
            continue  # a range or date ("10-25", "2014-05-25") or a time ("12:25"); "Port:995" is fine
        if before.isalpha():
            word = re.search(r"[^\W\d_]+$", text[:i])
            if not word or not GLUED_PORT_WORD.search(word.group()):
                continue
        if AFTER_REJECT.match(text, m.end()):
            continue
        near = NUMBER_BEFORE.search(text[:i])
        if near and int(near.group(1)) not in KNOWN_PORTS:
            continue  # "100 eikä 110", "20 or 25": one of a series of other numbers
        out.append((int(m.group()), i))
    return out


def ports_phrase(numbers) -> str:
    """"port 465 is" / "ports 465, 587 are"."""
    numbers = [str(n) for n in numbers]
    if len(numbers) == 1:
        return f"port {numbers[0]} is"
    return f"ports {', '.join(numbers)} are"


# compiled once: plain() runs for every label, cell and header, and re.sub's cache lookup
# cost more than the substitution itself
MARKUP_AND_QUOTES = re.compile(r"[*_`\"“”„«»‘’]+")
WHITESPACE_RUN = re.compile(r"\s+")
LEADING_MARKUP = re.compile(r"[\s*_`\"“”„«»‘’]*")


def plain(text: str) -> str:
    """Label text without markup, quotes and surrounding punctuation."""
    text = MARKUP_AND_QUOTES.sub("", text)
    return WHITESPACE_RUN.sub(" ", text).strip(" \t:-,.;")


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


@dataclass
class Unit:
    """One line of text, one table row, or one ``<br>`` part of a cell, in reading order."""
    line: int
    column: int            # 1-based column of text[0]
    text: str              # masked
    kind: str              # line | list | row | part | heading | blank
    label: str = ""        # what a look-back reads: the text before the first colon, or a row header
    label_column: int = 0
    table: int | None = None
    group: int | None = None  # <br> parts of one cell share a group
    has_ports: bool = False


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
    """All port statements of a document (cached on the document)."""
    cached = getattr(doc, "_ports_reading", None)
    if cached is not None:
        return cached
    reading = _Reader(doc).run()
    try:
        doc._ports_reading = reading
    except AttributeError:  # pragma: no cover - slotted documents
        pass
    return reading


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
        n = first
        while n <= len(lines):
            text = lines[n - 1]
            if n in heading_lines:
                section = heading_lines[n]
                self.r.units.append(Unit(n, 1, text, "heading", label=section.title))
                n += 1
                continue
            if n in skip:
                n += 1
                continue
            prefix = CONTAINER_PREFIX.match(text).end()
            body = text[prefix:]
            if not body.strip():
                self.r.units.append(Unit(n, 1, "", "blank"))
                n += 1
                continue
            if body.startswith("|") and len(_cells(body)) >= 2:
                end = n
                while end + 1 <= len(lines) and end + 1 not in skip and end + 1 not in heading_lines:
                    nxt = lines[end]
                    p = CONTAINER_PREFIX.match(nxt).end()
                    if not (nxt[p:].startswith("|") and len(_cells(nxt[p:])) >= 2):
                        break
                    end += 1
                self._table(n, end, section)
                n = end + 1
                continue
            self._text_unit(n, prefix + 1, mask(body), section)
            n += 1
        return self.r

    # tables -------------------------------------------------------------------------------
    def _table(self, first: int, last: int, section: Section) -> None:
        self.table_count += 1
        tid = self.table_count
        rows = []
        for n in range(first, last + 1):
            text = self.doc.lines[n - 1]
            prefix = CONTAINER_PREFIX.match(text).end()
            raw = [(prefix + 1 + col, cell) for col, cell in _cells(text[prefix:])]
            cells = [(col, cell if BR.search(cell) else mask(cell)) for col, cell in raw]
            if all(DELIMITER_CELL.fullmatch(c) for _, c in cells):
                continue
            rows.append((n, cells))
        if not rows:
            return
        header = None
        if not any(find_ports(c) for _, c in rows[0][1]) or (len(rows) > 1 and _is_delim(self.doc, first + 1)):
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
                        label=plain(row_label), label_column=row_label_col + _lead(row_label), table=tid)
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
                    "table", plain(row_label), n, row_label_col + _lead(row_label), ports, section,
                    unit_index, text=unit.text, header=plain(head), header_line=header[0] if header else 0,
                    header_column=(head_col + _lead(head)) if header else 0, host=host, table=tid))

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
        unit_index = len(self.r.units)
        first_colon = text.find(":")
        label = text[:first_colon] if first_colon > 0 else (text if len(text) < 80 else "")
        unit = Unit(line, column, text, kind, label=plain(label), label_column=column + _lead(label), group=group)
        self.r.units.append(unit)
        if SRV_LINE.search(text):
            return
        found = find_ports(text)
        if not found:
            return
        unit.has_ports = True
        statements = self._label_statements(text, found) or self._glued_statement(text, found)
        host = self._host(text, line, None, column)
        stmt_kind = "list" if kind == "list" else "line"
        if statements:
            for label, label_at, explanation, ports in statements:
                self.r.statements.append(Statement(
                    stmt_kind, plain(label), line, column + label_at + _lead(label),
                    [Port(num, line, column + idx) for num, idx in ports], section, unit_index,
                    explanation=plain(explanation), text=text, host=host))
            return
        for start, sentence in _sentences(text):
            ports = [(num, idx) for num, idx in found if start <= idx < start + len(sentence)]
            if not ports or not self._about_ports(sentence):
                continue
            self.r.statements.append(Statement(
                "prose", sentence.strip(), line, column + start + _lead(sentence),
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


def _lead(text: str) -> int:
    """Characters of markup and spaces before the first word of a label."""
    m = LEADING_MARKUP.match(text)
    return m.end() if m else 0


def _cells(row: str) -> list[tuple[int, str]]:
    """(index, text) of the cells of a pipe row; index is 0-based in ``row``."""
    text = row.rstrip()
    if "\\" not in text and "`" not in text:
        return _plain_cells(text)
    cells, start, i, in_code = [], None, 0, False
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "`":
            in_code = not in_code
        elif c == "|" and not in_code:
            if start is not None:
                cells.append((start, text[start:i]))
            start = i + 1
        i += 1
    if start is not None and start < len(text):
        cells.append((start, text[start:]))
    return cells


def _plain_cells(text: str) -> list[tuple[int, str]]:
    """:func:`_cells` of a row where no escape or code span can hide a pipe (most rows)."""
    parts = text.split("|")
    cells, start = [], len(parts[0]) + 1
    for part in parts[1:-1]:
        cells.append((start, part))
        start += len(part) + 1
    if len(parts) > 1 and parts[-1]:
        cells.append((start, parts[-1]))
    return cells


RAW_HTML_OPEN = re.compile(r"^\s*<(style|script|pre)\b", re.IGNORECASE)


def _raw_html_lines(lines) -> set[int]:
    """Lines of <style>, <script> and <pre> blocks (1-based)."""
    out, closing = set(), None
    for n, text in enumerate(lines, 1):
        if closing is None:
            m = RAW_HTML_OPEN.match(text)
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


def _is_delim(doc, line: int) -> bool:
    text = doc.line(line)
    body = text[CONTAINER_PREFIX.match(text).end():]
    cells = _cells(body)
    return bool(cells) and all(DELIMITER_CELL.fullmatch(c) for _, c in cells)


# ----------------------------------------------------------------------------- context


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
                return proto, u.line, u.column + colon + 1 + _lead(text[colon + 1:]), text.strip(), "value"
        if stmt.section.protocol is None and _looks_like_title(text):
            proto = lex.incoming_protocol_of(text, reading.language)
            if proto and "smtp" not in lex.protocols_in(text, reading.language):
                return proto, u.line, u.column + _lead(text), text.strip(), "title"
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
