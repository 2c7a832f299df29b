"""mistune 3 with exact source positions.

mistune's tokens carry no positions, block quotes and list items are parsed from
rewritten child sources, and inline content is only parsed at render time. This module
records where every block token starts and ends in the source its parser state was
reading (by stamping tokens as the parser appends them), maps each child source line
back to the line and column it was cut from (by aligning the rewritten lines with the
parent's), and locates inline tokens inside their block's text in order. The result is a
tree of :class:`Node` whose positions are 1-based lines and columns of the original file.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right
from itertools import accumulate
from typing import Iterator

import mistune
from mistune.plugins import import_plugin
from mistune.block_parser import BlockParser
from mistune.inline_parser import InlineParser
from mistune.core import BlockState
from mistune.helpers import HTML_ATTRIBUTES, HTML_TAGNAME
from mistune.util import escape_url

MAX_NESTING = 20  # mistune's own limit; deeper quotes and lists are kept as text


class Node:
    """One block or inline element. ``end_column`` is exclusive (SARIF's convention)."""

    __slots__ = ("type", "children", "attrs", "text", "line", "column", "end_line", "end_column",
                 "parent", "exact")

    def __init__(self, type: str, line: int, column: int, end_line: int, end_column: int,
                 text: str = "", attrs: dict | None = None, exact: bool = True):
        self.type = type
        self.children: list[Node] = []
        self.attrs = attrs or {}
        self.text = text
        self.line, self.column = line, column
        self.end_line, self.end_column = end_line, end_column
        self.parent: Node | None = None
        self.exact = exact  # False when the node's text could not be matched verbatim in the file

    def walk(self) -> Iterator["Node"]:
        """This node and its descendants in document order (iterative: no generator per level)."""
        stack = [self]
        pop, extend = stack.pop, stack.extend
        while stack:
            node = pop()
            yield node
            if node.children:
                extend(reversed(node.children))

    def ancestors(self) -> Iterator["Node"]:
        """The enclosing nodes, nearest first, up to the top-level block."""
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def inside(self, *types: str) -> bool:
        """True if an enclosing node is of one of ``types`` (``node.inside("table_cell")``)."""
        node = self.parent  # ancestors(), inlined: rules ask this of most nodes they read
        while node is not None:
            if node.type in types:
                return True
            node = node.parent
        return False

    def plain_text(self) -> str:
        """Visible text: what a reader sees, without markup."""
        if self.type in ("text", "codespan"):
            return self.text
        if self.type in ("softbreak", "linebreak"):
            return "\n"
        parts = []
        for child in self.children:  # leaves inline: headings' texts are read by many rules
            kind = child.type
            if kind == "text" or kind == "codespan":
                parts.append(child.text)
            elif kind == "softbreak" or kind == "linebreak":
                parts.append("\n")
            else:
                parts.append(child.plain_text())
        return "".join(parts)

    def __repr__(self) -> str:
        return f"Node({self.type} {self.line}:{self.column}-{self.end_line}:{self.end_column} {self.text[:30]!r})"


class _PositionedState(BlockState):
    """A BlockState that stamps tokens with source offsets and knows its lines' origins."""

    def __init__(self, parent=None):
        super().__init__(parent)
        # every state of one parse, kept by the first: see release()
        self.states: list[_PositionedState] = parent.states if parent is not None else []
        self.states.append(self)
        self.match_start = 0
        self.in_method = 0
        self.align_line = 0  # first parent line a new child source may be aligned to
        self.line_starts: list[int] = [0]
        self.linemap: list[tuple[int, int]] = []  # local line -> (original line, column offset)

    def process(self, src: str) -> None:
        if src is self.src and self.cursor_max == len(src):
            return  # parse_body processed it already: mistune's parse processes it again
        super().process(src)
        lines = src.split("\n")
        self._split_src = (src, lines)  # _align() reads a parent's lines: split once
        # where each line starts: summed lengths, faster than a regex match object per line
        self.line_starts = list(accumulate([len(line) + 1 for line in lines[:-1]], initial=0))

    def child_state(self, src, lazy_line_starts=None):
        child = super().child_state(src, lazy_line_starts)
        child.linemap = _align(child.src, self)
        return child

    # BlockState's own methods, inlined: they run once per token or line of every guide
    def append_token(self, token):
        if "_s" not in token:
            token["_s"] = self.match_start
        token["_st"] = self
        self.tokens.append(token)

    def prepend_token(self, token):
        if "_s" not in token:
            token["_s"] = self.match_start
        token["_st"] = self
        self.tokens.insert(len(self.tokens) - 1, token)

    def add_paragraph(self, text):
        tokens = self.tokens
        if tokens and tokens[-1]["type"] == "paragraph":
            token = tokens[-1]
            token["text"] += text
        else:
            token = {"type": "paragraph", "text": text, "_s": self.cursor, "_st": self}
            tokens.append(token)
        token["_e"] = self.cursor + len(text)

    def append_paragraph(self):
        pos = super().append_paragraph()
        if pos:
            self.last_token()["_e"] = pos
        return pos

    # position helpers -------------------------------------------------------------
    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) in the original file, both 1-based, of a local offset."""
        return self.span(offset, offset)[:2]

    def span(self, start: int, stop: int) -> tuple[int, int, int, int]:
        """``position(start) + position(stop)``, or twice the start if ``stop <= start``, in
        one call (it runs twice per node)."""
        starts, linemap = self.line_starts, self.linemap
        top = len(linemap) - 1
        local = bisect_right(starts, start) - 1
        if local > top:
            local = top
        if local < 0:
            local = 0
        line, shift = linemap[local]
        column = shift + (start - starts[local]) + 1
        if stop <= start:
            return line, column, line, column
        local = bisect_right(starts, stop, local) - 1
        if local > top:
            local = top
        end_line, shift = linemap[local]
        return line, column, end_line, shift + (stop - starts[local]) + 1


def _child_prefix(parent_line: str, child_line: str) -> int | None:
    """How many characters the parent line has before the child's text, if it is its tail."""
    if parent_line.endswith(child_line):
        return len(parent_line) - len(child_line)
    parent_line, child_line = parent_line.rstrip(), child_line.rstrip()  # mistune strips line ends
    if parent_line.endswith(child_line):
        return len(parent_line) - len(child_line)
    core = child_line.lstrip(" \t")
    if core and parent_line.endswith(core):
        # tabs were expanded in the leading whitespace: columns of the text itself stay exact
        return max(0, len(parent_line) - len(core) - (len(child_line) - len(core)))
    return None


def _align(child_src: str, parent: _PositionedState) -> list[tuple[int, int]]:
    """Map each line of a rewritten child source to the parent line it was cut from."""
    child_lines = child_src.split("\n")
    cached = getattr(parent, "_split_src", None)  # once per parent, not per child: lists of
    if cached is None or cached[0] is not parent.src:  # thousands of items stay linear
        cached = parent._split_src = (parent.src, parent.src.split("\n"))
    parent_lines = cached[1]
    cursor = parent.align_line
    result: list[tuple[int, int]] = []
    for child_line in child_lines:
        if cursor >= len(parent_lines):
            result.append(parent.linemap[-1] if parent.linemap else (1, 0))
            continue
        found = None
        if not child_line.strip():
            found, prefix = cursor, max(0, len(parent_lines[cursor]) - len(child_line))
        else:
            for j in range(cursor, min(len(parent_lines), cursor + 64)):
                prefix = _child_prefix(parent_lines[j], child_line)
                if prefix is not None:
                    found = j
                    break
            if found is None:
                found, prefix = cursor, 0
        line, shift = parent.linemap[found]
        result.append((line, shift + prefix))
        cursor = found + 1
    if parent.in_method <= 1:
        # a lookahead parse (a list checking whether a block quote ends it) must not move
        # the cursor past the list items still to be aligned
        parent.align_line = max(parent.align_line,
                                cursor - 1 if child_lines and not child_lines[-1] else cursor)
    return result


class _PositionedBlockParser(BlockParser):
    state_cls = _PositionedState

    def parse_method(self, m, state):
        name = m.lastgroup
        if name == "blank_line":
            # two matches in three: their tokens are left out of the tree, so they need no
            # position; and the next block, which does, moves align_line past them anyway
            return self._methods[name](m, state)
        start = m.start()
        if not state.in_method:
            line = bisect_right(state.line_starts, start) - 1
            if line > state.align_line:
                state.align_line = line
        saved = state.match_start
        state.match_start = start
        state.in_method += 1
        tokens = state.tokens
        before = tokens[-1] if tokens else None
        count = len(tokens)
        try:
            end = self._methods[name](m, state)  # BlockParser.parse_method, inlined
        finally:
            state.in_method -= 1
            state.match_start = saved
        tokens = state.tokens  # a method may have replaced the list
        if len(tokens) > count:  # appended, or prepended before a lazy break
            stop = end or m.end()
            for token in tokens[count:]:
                if "_e" not in token:
                    token["_e"] = stop
        if end and tokens:
            last = tokens[-1]
            if last is before and last.get("style") == "setext":
                last["_e"] = end  # the underline belongs to the heading mistune turned it into
        return end

    def _parse_indent_code_fast(self, state):
        # mistune 3.4 parses indented code here, outside parse_method: without this the block
        # took the previous match's start (line 1), and so did the document's code lines
        if not state.src.startswith(_INDENT_START, state.cursor):
            return None  # what mistune's test would say, without slicing out the line
        saved = state.match_start
        state.match_start = state.cursor
        count = len(state.tokens)
        try:
            end = super()._parse_indent_code_fast(state)
        finally:
            state.match_start = saved
        if end:
            for token in state.tokens[count:]:
                token.setdefault("_e", end)
        return end


_INDENT_START = (" ", "\t")  # an indented code line starts with a space or a tab


class _PositionedMarkdown(mistune.Markdown):
    #: ``search`` of a pattern matching where any inline rule can start, or None: text it
    #: finds nothing in is one text token, and skips the inline parser
    no_inline_syntax = None
    #: ``finditer`` of the links, images and bold text simple_inline() builds, or None
    simple_syntax = None

    def simple_pieces(self, text: str, literal_brackets: bool = False) -> list[tuple] | None:
        """Where the syntax of ``text`` is, if it is only line breaks, code spans, autolinks,
        HTML tags, emphasis and bold text, and links and images whose text and destination
        hold no syntax either (nine texts in ten of those that have any); else None. A piece
        is (kind, start, end) of a text, soft break, code span, emphasis, bold text, autolink
        or HTML tag, or (kind, start, end, text start, text end, destination start,
        destination end) of a link or image. With ``literal_brackets`` (a guide without
        reference definitions), ``[text]`` not followed by ``(`` or ``[`` is plain text, as
        mistune leaves it.

        No inline rule can start in the text around them, nor in their text; a destination
        is consumed by the link rule as a whole (mistune's ``parse_link``), a code span by
        the code rule, and an autolink or a tag by its rule (every ``<`` of the text starts
        one; no link may follow an ``<a>`` tag, after which mistune reads them as text); the
        ``*`` runs are the only emphasis delimiters (an underscore between two letters or
        digits is none), each can open or close as its place says, and pairs with the next;
        so simple_inline() gives the tokens the parser makes (tests/test_markdown_fast_paths.py
        compares them with mistune's on the corpus)."""
        if "\\" in text:
            return None  # escapes: the parser must read them
        pieces, pos, checked, links = [], 0, 0, 0
        in_link = False  # after <a>: mistune reads links as text
        append = pieces.append
        for m in self.simple_syntax(text):
            start, end = m.span()
            kind = m.lastindex  # the alternative that matched: the last group it has
            if kind == 5:  # [text]: plain text, part of the text around it
                if not literal_brackets or _OTHER_TRIGGER(text, checked, start) is not None:
                    return None
                checked = end
                continue
            if start > pos:  # the text before it (checked: what brackets it holds were)
                if _OTHER_TRIGGER(text, checked, start) is not None:
                    return None
                if text.find("\n", pos, start) < 0:
                    append(("text", pos, start))
                elif not _line_pieces(text, pos, start, pieces):
                    return None
            checked = pos = end
            if kind == 4:
                if in_link:
                    return None
                a, b = m.span(3)
                c, d = m.span(4)
                append(("link", start, end, a, b, c, d))
            elif kind == 8:
                append(("codespan", start, end))
            elif kind == 7:
                # a run opens if it is not followed by a space, nor by punctuation unless a
                # space or punctuation is before it (mistune's _can_open_emphasis); closes
                # the other way round
                inner, close = m.span(7)
                if not (_can_open(text[start - 1] if start else "\n", text[inner])
                        and _can_open(text[end] if end < len(text) else "\n", text[close - 1])):
                    return None
                append(("strong" if inner - start == 2 else "emphasis", start, end))
            elif kind == 2:
                a, b = m.span(1)
                c, d = m.span(2)
                append(("image", start, end, a, b, c, d))
            elif kind == 9:
                if in_link:
                    return None
                links += 1
                append(("autolink", start, end))
            else:
                links += 1
                append(("html", start, end))
                if text.startswith(_LINK_OPENING_TAGS, start):
                    in_link = True
                elif text.startswith(_LINK_CLOSING_TAGS, start):
                    in_link = False
        end = len(text)
        if pos < end:
            if _OTHER_TRIGGER(text, checked, end) is not None:
                return None
            if text.find("\n", pos) < 0:
                append(("text", pos, end))
            elif not _line_pieces(text, pos, end, pieces):
                return None
        if (links or "<" in text) and links != text.count("<"):
            return None  # HTML, or a "<" in a code span that may be read otherwise
        return pieces

    def simple_inline(self, text: str, env: dict | None = None) -> list[dict] | None:
        """mistune's inline tokens of ``text`` built from its simple_pieces(), or None."""
        pieces = self.simple_pieces(text, env is not None and not env.get("ref_links"))
        if pieces is None:
            return None
        tokens = []
        for piece in pieces:
            kind = piece[0]
            if kind == "text":
                tokens.append({"type": "text", "raw": text[piece[1]:piece[2]]})
            elif kind == "softbreak":
                tokens.append({"type": "softbreak"})
            elif kind == "strong":
                tokens.append({"type": "strong",
                               "children": [{"type": "text", "raw": text[piece[1] + 2:piece[2] - 2]}]})
            elif kind == "emphasis":
                tokens.append({"type": "emphasis",
                               "children": [{"type": "text", "raw": text[piece[1] + 1:piece[2] - 1]}]})
            elif kind == "codespan":
                tokens.append({"type": "codespan", "raw": _code(text, piece[1], piece[2])})
            elif kind == "autolink":
                url = text[piece[1] + 1:piece[2] - 1]
                tokens.append({"type": "link", "children": [{"type": "text", "raw": url}],
                               "attrs": {"url": _escape_url(url)}})
            elif kind == "html":
                tokens.append({"type": "inline_html", "raw": text[piece[1]:piece[2]]})
            else:
                label = text[piece[3]:piece[4]]
                tokens.append({"type": kind, "children": [{"type": "text", "raw": label}] if label else [],
                               "attrs": {"url": _escape_url(text[piece[5]:piece[6]])}})
        return tokens

    def render_state(self, state):
        # the block tokens as parsed: their inline content is parsed while they are converted
        # to nodes (_Converter), one pass over the tree instead of two
        return state.tokens

    def inline_tokens(self, text: str, env: dict) -> list[dict]:
        """What mistune's render gives a token's ``text`` as ``children``."""
        text = text.strip(" \r\n\t\f")
        plain = self.no_inline_syntax
        if plain is not None and plain(text) is None:
            # what mistune's inline parser returns for text none of its rules can start in
            # (most paragraphs, headings and cells), without running it
            return [{"type": "text", "raw": text}]
        if self.simple_syntax is not None:
            simple = self.simple_inline(text, env)
            if simple is not None:
                return simple
        return self.inline(text, env)

    def render_tokens(self, tokens: list[dict], env: dict) -> list[dict]:
        """mistune's render of ``tokens``, each keeping its unparsed text as "_src": for a
        token with both text and block children, which no mistune 3 block rule makes."""
        for tok in tokens:
            if "text" in tok:
                tok["_src"] = tok["text"]
            if "children" in tok:
                tok["children"] = self.render_tokens(tok["children"], env)
            elif "text" in tok:
                tok["children"] = self.inline_tokens(tok.pop("text"), env)
        return tokens


class _InlineParser(InlineParser):
    _trigger_chars = None  # the set _fast_trigger_re was built for

    def _get_fast_trigger_re(self, chars):
        # mistune sorts the trigger characters into a cache key on every call, once per text
        # run of every inline parse; the set is only replaced when a rule is registered
        if chars is self._trigger_chars and self._fast_trigger_re is not None:
            return self._fast_trigger_re
        found = super()._get_fast_trigger_re(chars)
        self._trigger_chars = chars
        return found


def create_parser() -> mistune.Markdown:
    block = _PositionedBlockParser(max_nested_level=MAX_NESTING)
    inline = _InlineParser(max_nested_level=MAX_NESTING)
    if not hasattr(inline, "_fast_trigger_re"):  # a mistune 3 without that cache: its own parser
        inline = InlineParser(max_nested_level=MAX_NESTING)
    md = _PositionedMarkdown(renderer=None, block=block, inline=inline, plugins=[import_plugin("table")])
    # the characters an inline rule can start at (escape, code span, emphasis, link, autolink,
    # HTML, line breaks), as mistune's own fast path lists them; None if a rule has no such list
    chars = getattr(md.inline, "_get_fast_trigger_chars", lambda: None)()
    if chars:
        md.no_inline_syntax = re.compile("[" + re.escape("".join(sorted(chars))) + "]").search
    if chars == _MISTUNE_TRIGGERS:  # mistune's own inline rules, which simple_inline() knows
        md.simple_syntax = _SIMPLE_SYNTAX.finditer
    return md


#: where mistune 3.4's inline rules start (escape, code span, emphasis, link, autolink, HTML,
#: line breaks)
_MISTUNE_TRIGGERS = frozenset("\\`*_[]!<\n")
# a link or image whose text holds none of those characters but "!" (which starts an image
# only before a "["), and whose destination is one run of characters that mistune takes
# verbatim: no space, parenthesis, escape or angle bracket (``[a](<b c>)``, ``[a](b(c))``
# and titles are left to the parser)
_SIMPLE_LINK = r"\[([^\\`*_\[\]<\n]*)\]\(([^\s()\\<>\[\]`\x00-\x1f\x7f]*)\)"
_SIMPLE_SYNTAX = re.compile(
    # each alternative starts with its own character (the lookbehinds come after it), so the
    # regex engine scans for those five characters instead of trying each alternative at
    # every position of the text
    "!" + _SIMPLE_LINK + "|" + _SIMPLE_LINK
    # brackets that no link can follow: plain text in a guide without reference definitions
    + r"|\[(?<!!\[)([^\\`*_\[\]<\n]+)\](?![(\[])"
    # emphasis or bold text holding none of them either, between runs of one or two
    # asterisks, the same each side (``**a****b**`` is one run of four): simple_pieces()
    # checks that its runs can open and close
    + r"|\*(?<!\*\*)(\*?)([^\\`*_\[\]<\n]+)\*\6(?!\*)"
    # code between two single backticks, on one line: mistune's code span, read first
    + r"|`(?<!``)([^`\n]+)`(?!`)"
    # an autolink, mistune's pattern (AUTO_LINK)
    + r"|<([A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\x00-\x20]*)>"
    # an HTML tag, mistune's pattern (_INLINE_HTML_TAG), which it tries after the autolinks
    # (the group after the "<", which the regex engine then scans for)
    + r"|<(" + HTML_TAGNAME + HTML_ATTRIBUTES + r"\s*/?>|/" + HTML_TAGNAME + r"\s*>)")
#: the tags after which mistune reads no link until a closing one (InlineParser.parse_inline_html)
_LINK_OPENING_TAGS = ("<a ", "<a>", "<A ", "<A>")
_LINK_CLOSING_TAGS = ("</a ", "</a>", "</A ", "</A>")
#: _MISTUNE_TRIGGERS but the line end and "!" (text unless a "[" follows, which is one), and
#: underscores but those between two letters or digits, which can neither open nor close
_OTHER_TRIGGER = re.compile(r"[\\`*\[\]<]|(?<!\w)_|_(?!\w)").search
_SOFT_BREAK = re.compile(r" *\n\s*")  # mistune's own pattern (HARD_LINEBREAK) for it


def _can_open(before: str, after: str) -> bool:
    """Whether a run of asterisks between ``before`` and ``after`` can open emphasis (mistune's
    _can_open_emphasis; it can close if ``_can_open(after, before)``)."""
    if after.isspace():
        return False
    return after.isalnum() or before.isspace() or not before.isalnum()


def _code(text: str, start: int, end: int) -> str:
    """The text of the code span ``text[start:end]`` (one backtick each side), as mistune's
    parse_codespan gives it: one space stripped each side when both have one."""
    code = text[start + 1:end - 1]
    if code.strip(" ") and code.startswith(" ") and code.endswith(" "):
        return code[1:-1]
    return code


def _line_pieces(text: str, pos: int, end: int, pieces: list[tuple]) -> bool:
    """Add the pieces mistune makes of ``text[pos:end]``, text between two pieces of syntax
    that holds none but line ends, to ``pieces``: texts and soft breaks; False if a line
    end is a hard break."""
    if text.find("  \n", pos, end) >= 0:
        return False
    for m in _SOFT_BREAK.finditer(text, pos, end):
        if m.start() > pos:
            pieces.append(("text", pos, m.start()))
        pos = m.end()
        pieces.append(("softbreak", m.start(), pos))
    if pos < end:
        pieces.append(("text", pos, end))
    return True


@functools.lru_cache(maxsize=4096)
def _escape_url(url: str) -> str:
    # what mistune's parse_link stores as a destination without escapes; guides link the same
    # images and pages again and again, and quoting is the costly part
    return escape_url(url)


# inline location ---------------------------------------------------------------------

_ESCAPABLE = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_BACKTICKS = re.compile("`+")
_EMPHASIS_MARK = re.compile(r"[*_~]")
#: a text not found verbatim costs a scan to the end of the block; after this many such scans
#: in one block, search only near the cursor, so 100,000 links or entities stay linear
_FULL_SCANS = 64
_NEAR = 4096


class _InlineLocator:
    """Finds inline tokens, in order, inside the source text of their block."""

    def __init__(self, state: _PositionedState, src: str, end: int):
        self.state, self.src, self.end = state, src, end
        self.full_scans = 0

    def node(self, type_, start, stop, text="", attrs=None, exact=True) -> Node:
        return Node(type_, *self.state.span(start, stop), text, attrs, exact)

    def find_text(self, raw: str, pos: int) -> tuple[int, int, bool]:
        if self.src.startswith(raw, pos):
            return pos, pos + len(raw), True
        end = self.end if self.full_scans < _FULL_SCANS else min(self.end, pos + len(raw) + _NEAR)
        idx = self.src.find(raw, pos, end)
        if idx >= 0:
            return idx, idx + len(raw), True
        self.full_scans += 1
        # escapes (\*) and entities (&amp;) make the source differ from the token text
        pattern = "".join(
            (r"(?:\\)?" + re.escape(c) if c in _ESCAPABLE else re.escape(c)) if c != "\n" else r"\s*\n"
            for c in raw[:200])
        try:
            m = re.compile(pattern).search(self.src, pos, end)
        except re.error:
            m = None
        if m:
            stop = m.end() if len(raw) <= 200 else min(self.end, m.start() + len(raw))
            return m.start(), stop, False
        return pos, min(pos + len(raw), self.end), False

    def locate(self, tokens: list[dict], pos: int) -> tuple[list[Node], int]:
        nodes = []
        src, state = self.src, self.state
        starts, linemap = state.line_starts, state.linemap
        # the line of the last text placed: [lo, hi) of the block's source, its line in the file
        # and what turns an offset in it into a column (what span() gives, without a call)
        lo = hi = line = base = -1
        for token in tokens:
            if token["type"] == "text":  # most tokens: text found right at the cursor
                raw = token.get("raw", "")
                if src.startswith(raw, pos):
                    end = pos + len(raw)
                    if not (lo <= pos and end < hi):
                        local = bisect_right(starts, pos) - 1
                        if 0 <= local < len(linemap) and local + 1 < len(starts):
                            lo, hi = starts[local], starts[local + 1]
                            line, shift = linemap[local]
                            base = shift - lo + 1
                        else:
                            lo = hi = -1
                    if lo <= pos and end < hi:
                        nodes.append(Node("text", line, base + pos, line, base + end, raw))
                    else:
                        nodes.append(Node("text", *state.span(pos, end), raw))
                    pos = end
                    continue
            node, pos = self.locate_one(token, pos)
            if node is not None:
                nodes.append(node)
        return nodes, pos

    def locate_one(self, token: dict, pos: int) -> tuple[Node | None, int]:
        kind = token["type"]
        src = self.src
        if kind == "text":
            raw = token.get("raw", "")
            s, e, exact = self.find_text(raw, pos)
            return self.node("text", s, e, text=raw, exact=exact), e
        if kind == "codespan":
            s = src.find("`", pos, self.end)
            if s < 0:
                return self.node("codespan", pos, pos, text=token.get("raw", ""), exact=False), pos
            run = _BACKTICKS.match(src, s, self.end).end() - s
            close = src.find("`" * run, s + run, self.end)
            e = close + run if close >= 0 else self.end
            return self.node("codespan", s, e, text=token.get("raw", "")), e
        if kind in ("softbreak", "linebreak"):
            nl = src.find("\n", pos, self.end)
            if nl < 0:
                return None, pos
            s = nl
            while s > pos and src[s - 1] in " \\":
                s -= 1
            return self.node(kind, s, nl + 1 if nl + 1 <= self.end else nl), nl + 1
        if kind == "inline_html":
            raw = token.get("raw", "")
            s, e, exact = self.find_text(raw, pos)
            return self.node("inline_html", s, e, text=raw, exact=exact), e
        if kind in ("link", "image"):
            return self.locate_link(token, pos)
        if kind in ("emphasis", "strong", "strikethrough"):
            width = 2 if kind in ("strong", "strikethrough") else 1
            m = _EMPHASIS_MARK.search(src, pos, self.end)
            s = m.start() if m else pos
            children, inner = self.locate(token.get("children", []), s + width)
            e = min(self.end, inner + width)
            node = self.node(kind, s, e)
            _adopt(node, children)
            return node, e
        # anything else a plugin adds: keep it, placed where the cursor is
        children, e = self.locate(token.get("children", []), pos)
        node = self.node(kind, pos, e, text=token.get("raw", ""), exact=False)
        _adopt(node, children)
        return node, e

    def locate_link(self, token: dict, pos: int) -> tuple[Node, int]:
        src, image = self.src, token["type"] == "image"
        attrs = dict(token.get("attrs", {}))
        opener = "![" if image else "["
        s = src.find(opener, pos, self.end)
        angle = src.find("<", pos, s if s >= 0 else self.end)
        if angle >= 0 and (s < 0 or angle < s) and not image:
            # an autolink <https://...>
            close = src.find(">", angle, self.end)
            e = close + 1 if close >= 0 else self.end
            node = self.node("link", angle, e, attrs={**attrs, "autolink": True,
                                                     "dest_raw": src[angle + 1:e - 1]})
            text_node = self.node("text", angle + 1, e - 1, text=src[angle + 1:e - 1])
            _adopt(node, [text_node])
            return node, e
        if s < 0:
            s = pos
        children, inner = self.locate(token.get("children", []), s + len(opener))
        close = closing_bracket(src, inner, self.end, "]")
        e = (close if close >= 0 else max(inner, self.end - 1)) + 1
        dest_start = dest_end = None
        if src.startswith("(", e):
            stop = closing_bracket(src, e + 1, self.end, ")")
            stop = stop if stop >= 0 else self.end
            dest_start, dest_end = e + 1, stop
            e = min(stop + 1, self.end)
        elif src.startswith("[", e):
            stop = src.find("]", e, self.end)
            e = stop + 1 if stop >= 0 else e
        if dest_start is not None:
            raw = src[dest_start:dest_end]
            lead = len(raw) - len(raw.lstrip())
            attrs["dest_raw"] = raw.strip()
            attrs["dest_line"], attrs["dest_column"] = self.state.position(dest_start + lead)
        node = self.node(token["type"], s, e, attrs=attrs)
        _adopt(node, children)
        return node, e


def closing_bracket(src: str, pos: int, end: int, closer: str) -> int:
    """Where the ``]`` or ``)`` that closes a bracket opened just before ``pos`` is, or -1.

    Nested pairs of the same bracket are skipped, and so is any character after a backslash
    (``\\]``). Searches ``src[pos:end]``: a link's text (``]``), its destination (``)``),
    or text that only looks like a link."""
    opener = "[" if closer == "]" else "("
    scan = _BRACKET_SCAN[closer]  # jumps from one bracket or backslash to the next
    depth, i = 0, pos
    while True:
        m = scan.search(src, i, end)
        if m is None:
            return -1
        i = m.start()
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == opener:
            depth += 1
        elif depth == 0:
            return i
        else:
            depth -= 1
        i += 1


_BRACKET_SCAN = {"]": re.compile(r"[\[\]\\]"), ")": re.compile(r"[()\\]")}


def _adopt(parent: Node, children: list[Node]) -> None:
    parent.children = children
    for child in children:
        child.parent = parent


# block conversion --------------------------------------------------------------------

def _block_span(token: dict, default: _PositionedState) -> tuple[_PositionedState, int, int]:
    state = token.get("_st", default)
    start = token.get("_s", 0)
    src = state.src
    stop = min(token.get("_e", start), len(src))
    if stop <= start:
        return state, start, start
    # the blank lines around the block belong to nobody (counted in place: a list or a quote
    # can be most of the file, and is not copied to be stripped)
    end = stop
    while end > start and src[end - 1] == "\n":
        end -= 1
    if end == start:
        return state, stop, stop
    while src[start] == "\n":
        start += 1
    return state, start, end


def _inline_children(token: dict, state: _PositionedState, start: int, stop: int) -> list[Node]:
    """The nodes of an inline-rendered token's children (``_src`` its unparsed text)."""
    raw = token.get("_src")
    if raw is None:
        return []
    return _locate_inline(token.get("children", []), raw.strip(" \r\n\t\f"), state, start, stop)


def _locate_inline(children: list[dict], stripped: str, state: _PositionedState, start: int,
                   stop: int) -> list[Node]:
    """The nodes of the inline tokens mistune parsed ``stripped`` (a block's text) into."""
    src = state.src
    base = src.find(stripped, start, max(stop, start + len(stripped))) if stripped else start
    if base < 0:
        base = start
    if len(children) == 1 and children[0]["type"] == "text":
        # one plain text (most headings, cells and paragraphs): what locate() would do for it,
        # without a locator
        text = children[0].get("raw", "")
        if src.startswith(text, base):
            return [Node("text", *state.span(base, base + len(text)), text)]
    locator = _InlineLocator(state, src, min(len(src), max(stop, base + len(stripped))))
    nodes, _ = locator.locate(children, base)
    return nodes


def _place_pieces(pieces: list[tuple], text: str, state: _PositionedState, base: int) -> list[Node]:
    """The nodes of a text's simple_pieces(), the text found verbatim at ``base``: what the
    locator finds for their tokens, placed from the offsets the pieces were cut at (the
    locator's searches would land there: the text around them holds no bracket, asterisk
    or backslash, and a soft break's next text is the first non-space after it)."""
    if "\n" not in text:
        return _place_on_line(pieces, text, state, base)
    span, nodes = state.span, []
    for piece in pieces:
        kind, a, b = piece[0], piece[1], piece[2]
        if kind == "text":
            nodes.append(Node("text", *span(base + a, base + b), text[a:b]))
        elif kind == "softbreak":
            nodes.append(Node("softbreak", *span(base + a, base + text.find("\n", a) + 1)))
        elif kind == "codespan":
            nodes.append(Node("codespan", *span(base + a, base + b), _code(text, a, b)))
        elif kind == "strong" or kind == "emphasis":
            w = 2 if kind == "strong" else 1
            node = Node(kind, *span(base + a, base + b))
            child = Node("text", *span(base + a + w, base + b - w), text[a + w:b - w])
            child.parent = node
            node.children = [child]
            nodes.append(node)
        elif kind == "html":
            nodes.append(Node("inline_html", *span(base + a, base + b), text[a:b]))
        elif kind == "autolink":
            url = text[a + 1:b - 1]
            node = Node("link", *span(base + a, base + b), "",
                        {"url": _escape_url(url), "autolink": True, "dest_raw": url})
            child = Node("text", *span(base + a + 1, base + b - 1), url)
            child.parent = node
            node.children = [child]
            nodes.append(node)
        else:  # a link or image
            label, url = text[piece[3]:piece[4]], text[piece[5]:piece[6]]
            attrs = {"url": _escape_url(url), "dest_raw": url}
            attrs["dest_line"], attrs["dest_column"] = state.position(base + piece[5])
            node = Node(kind, *span(base + a, base + b), "", attrs)
            if label:
                child = Node("text", *span(base + piece[3], base + piece[4]), label)
                child.parent = node
                node.children = [child]
            nodes.append(node)
    return nodes


def _place_on_line(pieces: list[tuple], text: str, state: _PositionedState, base: int) -> list[Node]:
    """_place_pieces() of a text on one line (most texts): every offset in it is on the line
    of ``base``, so a column is the text's first column plus the offset, without a span()."""
    line, first = state.position(base)
    nodes = []
    for piece in pieces:
        kind, a, b = piece[0], piece[1], piece[2]
        if kind == "text":
            nodes.append(Node("text", line, first + a, line, first + b, text[a:b]))
        elif kind == "codespan":
            nodes.append(Node("codespan", line, first + a, line, first + b, _code(text, a, b)))
        elif kind == "strong" or kind == "emphasis":
            w = 2 if kind == "strong" else 1
            node = Node(kind, line, first + a, line, first + b)
            child = Node("text", line, first + a + w, line, first + b - w, text[a + w:b - w])
            child.parent = node
            node.children = [child]
            nodes.append(node)
        elif kind == "html":
            nodes.append(Node("inline_html", line, first + a, line, first + b, text[a:b]))
        elif kind == "autolink":
            url = text[a + 1:b - 1]
            node = Node("link", line, first + a, line, first + b, "",
                        {"url": _escape_url(url), "autolink": True, "dest_raw": url})
            child = Node("text", line, first + a + 1, line, first + b - 1, url)
            child.parent = node
            node.children = [child]
            nodes.append(node)
        else:  # a link or image (a soft break needs a line end)
            label, url = text[piece[3]:piece[4]], text[piece[5]:piece[6]]
            attrs = {"url": _escape_url(url), "dest_raw": url, "dest_line": line,
                     "dest_column": first + piece[5]}
            node = Node(kind, line, first + a, line, first + b, "", attrs)
            if label:
                child = Node("text", line, first + piece[3], line, first + piece[4], label)
                child.parent = node
                node.children = [child]
            nodes.append(node)
    return nodes


_BLOCK_KEYS = ("style", "tight", "bullet", "info")  # token keys kept in the node's attrs
_MARKER_BEFORE = re.compile(r"([-*+]|\d{1,9}[.)])[ \t]*$")


class _Converter:
    """Block tokens to nodes, each token's inline content parsed (what mistune's render does)
    as the token is converted: one walk of the tokens instead of two."""

    def __init__(self, md: _PositionedMarkdown, env: dict):
        self.md, self.env = md, env
        self.plain = md.no_inline_syntax
        self.simple = md.simple_syntax is not None
        # "[text]" is plain text unless the guide defines references (mistune's parse_link_close)
        self.brackets = not env.get("ref_links")

    def blocks(self, tokens: list[dict], state: _PositionedState) -> list[Node]:
        """The nodes of block tokens, blank lines left out."""
        block = self.block
        return [block(t, state) for t in tokens if t["type"] != "blank_line"]

    def inline(self, text: str, state: _PositionedState, start: int, stop: int) -> list[Node]:
        """The nodes of a block's text, found in ``state.src[start:stop]``."""
        stripped = text.strip(" \r\n\t\f")
        plain = self.plain
        if plain is not None and plain(stripped) is None:
            # no inline rule can start in it: one text (what the inline parser would return),
            # placed here without a token for it
            src = state.src
            base = src.find(stripped, start, max(stop, start + len(stripped))) if stripped else start
            if base >= 0:  # found, so it starts there
                return [Node("text", *state.span(base, base + len(stripped)), stripped)]
            children = [{"type": "text", "raw": stripped}]
        else:
            children = None
            if self.simple:
                pieces = self.md.simple_pieces(stripped, self.brackets)
                if pieces is not None:
                    base = state.src.find(stripped, start, max(stop, start + len(stripped)))
                    if base >= 0:
                        return _place_pieces(pieces, stripped, state, base)
                    children = self.md.simple_inline(stripped, self.env)
            if children is None:
                children = self.md.inline(stripped, self.env)
        return _locate_inline(children, stripped, state, start, stop)

    def block(self, token: dict, default: _PositionedState) -> Node:
        kind = token["type"]
        if kind == "paragraph" and "attrs" not in token and "children" not in token and "text" in token:
            # most blocks: a paragraph's text, nothing else to carry over (what the general
            # path below makes of it, without its key-by-key tests)
            state, start, stop = _block_span(token, default)
            node = Node("paragraph", *state.span(start, stop), "", {})
            children = node.children = self.inline(token["text"], state, start, stop)
            for child in children:
                child.parent = node
            return node
        if kind == "list_item":
            return self.list_item(token, default)
        if kind == "table":
            return self.table(token, default)
        state, start, stop = _block_span(token, default)
        attrs = token.get("attrs")
        attrs = dict(attrs) if attrs else {}
        for key in _BLOCK_KEYS:
            if key in token:
                attrs[key] = token[key]
        if kind == "block_text":
            attrs["tight"] = True
            node = Node("paragraph", *state.span(start, stop), token.get("raw", ""), attrs)
        else:
            node = Node(kind, *state.span(start, stop), token.get("raw", ""), attrs)
        if "text" in token:
            if "children" in token:  # text and block children: mistune renders the children
                self.md.render_tokens([token], self.env)
                children = _inline_children(token, state, start, stop)
            else:
                children = self.inline(token["text"], state, start, stop)
        elif "children" in token:
            children = self.blocks(token["children"], state)
        else:
            return node
        node.children = children  # _adopt(), inlined: once per block
        for child in children:
            child.parent = node
        if kind == "list" and children:
            node.line, node.column = children[0].line, children[0].column
        return node

    def list_item(self, token: dict, default: _PositionedState) -> Node:
        children = self.blocks(token.get("children", []), default)
        if children:
            first, last = children[0], children[-1]
            column = first.column
            state = token.get("_st") or default
            marker = _MARKER_BEFORE.search(_original_line(children[0], state)[:first.column - 1])
            if marker:
                column = marker.start() + 1
            node = Node("list_item", first.line, column, last.end_line, last.end_column)
        else:
            state = token.get("_st", default)
            line, col = state.position(token.get("_s", 0))
            node = Node("list_item", line, col, line, col)
        _adopt(node, children)
        return node

    def table(self, token: dict, default: _PositionedState) -> Node:
        state, start, stop = _block_span(token, default)
        line, col, end_line, end_col = state.span(start, stop)
        table = Node("table", line, col, end_line, end_col)
        first_local = state.line_of(start)
        rows_tokens = []
        for part in token.get("children", []):
            if part["type"] == "table_head":
                rows_tokens.append((part, True))
            else:
                rows_tokens.extend((row, False) for row in part.get("children", []))
        rows = []
        for index, (row_token, head) in enumerate(rows_tokens):
            local = first_local + (index if head or index == 0 else index + 1)
            if not head and rows_tokens and rows_tokens[0][1]:
                local = first_local + index + 1  # skip the delimiter row
            local = min(local, len(state.line_starts) - 1)
            row_start = state.line_starts[local]
            row_end = state.line_starts[local + 1] - 1 if local + 1 < len(state.line_starts) else len(state.src)
            row = Node("table_row", *state.span(row_start, row_end), attrs={"head": head})
            cells, pos = [], row_start
            for cell_token in row_token.get("children", []):
                text = cell_token.get("text")
                if text is None:  # what mistune's render leaves in a cell without text
                    self.md.render_tokens([cell_token], self.env)
                    text = cell_token.get("_src", "")
                raw = text.strip()
                bar = state.src.find("|", pos, row_end)
                cell_start = bar + 1 if bar >= 0 and state.src[pos:bar].strip() == "" else pos
                found = state.src.find(raw, cell_start, row_end) if raw else cell_start
                s = found if found >= 0 else cell_start
                e = s + len(raw)
                cell = Node("table_cell", *state.span(s, e), attrs=dict(cell_token.get("attrs", {})))
                nodes = self.cell(cell_token, text, raw, state, s, e)
                _adopt(cell, nodes)
                cells.append(cell)
                pos = max(e, s)
            _adopt(row, cells)
            rows.append(row)
        _adopt(table, rows)
        return table


    def cell(self, token: dict, text: str, raw: str, state: _PositionedState, start: int, end: int) -> list[Node]:
        """The nodes of a table cell's text ``raw`` (``text`` stripped), found at ``start``."""
        if "text" not in token:
            inline = token.get("children", [])
        else:
            stripped = text.strip(" \r\n\t\f")
            if stripped == raw and state.src.startswith(raw, start):
                # found verbatim, as most cells are: placed as inline() places a block's text
                # (the locator, limited to the cell, would land on the same offsets)
                if self.plain is not None and self.plain(raw) is None:
                    return [Node("text", *state.span(start, end), raw)]
                pieces = self.md.simple_pieces(raw, self.brackets) if self.simple else None
                if pieces is not None:
                    return _place_pieces(pieces, raw, state, start)
            inline = self.md.inline_tokens(text, self.env)
        locator = _InlineLocator(state, state.src, max(end, start))
        nodes, _ = locator.locate(inline, start)
        return nodes


def _original_line(node: Node, state: _PositionedState) -> str:
    root = state
    while root.parent is not None:
        root = root.parent
    index = node.line - root.first_line
    return root.doc_lines[index] if 0 <= index < len(root.doc_lines) else ""


_PARSER: list = []


def parse_body(text: str, first_line: int) -> list[Node]:
    """Parse normalised body text (``\\n`` line ends) whose first line is ``first_line``."""
    nodes, bounds = parse_tree(text, first_line)
    _keep_inside(nodes, bounds)
    return nodes


def parse_tree(text: str, first_line: int) -> tuple[list[Node], "Bounds"]:
    """parse_body() without its last pass: the nodes, some of which may point past their line
    (see _keep_inside), and the Bounds that bring each inside (``bounds.fits(node)`` or
    ``bounds.keep_inside(node)`` for every node). For a caller that walks the tree anyway."""
    if not _PARSER:  # a Markdown object keeps no per-document state: build it once per process
        _PARSER.append(create_parser())
    md = _PARSER[0]
    state = _PositionedState()
    if not text.endswith("\n"):
        text += "\n"
    state.process(text)
    state.doc_lines, state.first_line = state._split_src[1], first_line
    state.linemap = [(first_line + i, 0) for i in range(len(state.line_starts))]
    tokens, state = md.parse(text, state)
    nodes = _Converter(md, state.env).blocks(tokens, state)
    bounds = Bounds(state.doc_lines, first_line)
    for each in state.states:  # a token names its state and the state lists its tokens: a cycle
        each.tokens = []  # per token, which reference counting alone now frees
    state.states.clear()  # the list holds the states that hold it
    return nodes, bounds


class Bounds:
    """Where positions may point: lines ``first``..``last``, columns 1 to just past a line.

    Alignment can only fail past mistune's nesting limit (more than MAX_NESTING quotes or
    lists, the rest re-read as text), where child sources no longer match the file; a
    finding must still point inside the file, so such nodes get the nearest valid place,
    and are marked inexact."""

    __slots__ = ("first", "last", "widths")

    def __init__(self, lines: list[str], first_line: int):
        self.first, self.last = first_line, first_line + len(lines) - 1
        self.widths = [len(line) + 1 for line in lines]  # the column just past the line is valid

    def fits(self, node: Node) -> bool:
        """True if the node's span is inside the file and in order (every node of a
        well-formed document); a link's destination is not looked at."""
        line, end_line, first = node.line, node.end_line, self.first
        return (first <= line <= end_line <= self.last and 1 <= node.column <= self.widths[line - first]
                and 1 <= node.end_column <= self.widths[end_line - first]
                and (line < end_line or node.column <= node.end_column))

    def keep_inside(self, node: Node) -> None:
        """Clamp the node's positions (and its destination's) into the file; inexact if moved."""
        attrs = node.attrs
        if "dest_line" in attrs and self.fits(node):
            dest, first = attrs["dest_line"], self.first
            if first <= dest <= self.last and 1 <= attrs["dest_column"] <= self.widths[dest - first]:
                return
        node.line, node.column, ok = self._clamp(node.line, node.column)
        node.end_line, node.end_column, ok_end = self._clamp(node.end_line, node.end_column)
        if (node.end_line, node.end_column) < (node.line, node.column):
            node.end_line, node.end_column, ok_end = node.line, node.column, False
        if "dest_line" in attrs:
            line, column, ok_dest = self._clamp(attrs["dest_line"], attrs["dest_column"])
            attrs["dest_line"], attrs["dest_column"] = line, column
            ok = ok and ok_dest
        if not (ok and ok_end):
            node.exact = False

    def _clamp(self, line: int, column: int) -> tuple[int, int, bool]:
        fixed = min(max(line, self.first), self.last)
        width = self.widths[fixed - self.first]
        return fixed, min(max(column, 1), width), fixed == line and 1 <= column <= width


def _keep_inside(nodes: list[Node], bounds: Bounds) -> None:
    """Bring every node inside the file (Bounds.keep_inside)."""
    first, last, widths = bounds.first, bounds.last, bounds.widths
    stack = list(nodes)
    pop, extend = stack.pop, stack.extend
    while stack:
        node = pop()
        if node.children:
            extend(node.children)
        line, end_line = node.line, node.end_line
        # every node of a well-formed document passes this test (Bounds.fits, inlined): only
        # links and the rest pay for a call
        if (first <= line <= end_line <= last and 1 <= node.column <= widths[line - first]
                and 1 <= node.end_column <= widths[end_line - first]
                and (line < end_line or node.column <= node.end_column)
                and "dest_line" not in node.attrs):
            continue
        bounds.keep_inside(node)
