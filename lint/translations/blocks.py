"""A guide as a flat sequence of blocks the translation checks can align and compare."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from urllib.parse import unquote

from .numbers import find_numbers

# technical names carried over untranslated: IMAP, OVHcloud, ConfigMap, phpMyAdmin. A name is
# a whole run of ASCII letters and digits, starting a word, with no digit before its first
# capital: lower case then a capital (phpMyAdmin), or two capitals (IMAP, OVHcloud). Written
# as [A-Za-z]*[A-Z][a-z0-9]*[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]* it matched the same
# words (checked on the corpus and 300,000 random strings) after backtracking through them
_NAME = re.compile(r"(?<![\w/.-])(?:[a-z]+[A-Z]|[A-Z][a-z0-9]*[A-Z])[A-Za-z0-9]*(?![\w/-])")
# every name holds a letter or digit followed by a capital (OVHcloud, phpMyAdmin): prose
# without one has no name, and this is far cheaper to look for than _NAME (written capital
# first, the engine skips to the capitals rather than trying each letter)
_NAME_HINT = re.compile(r"[A-Z](?<=[A-Za-z0-9][A-Z])")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_DIGIT = re.compile(r"\d")  # what find_numbers looks for first
_CODE_WORD = re.compile(r"[\w./-]{3,}")
_LONG_WORD = re.compile(r"[^\W\d_]{6,}")
_CODE_CHARS = re.compile(r"[/\\=$|;{}<>~@_.]|^-|\s-|\d")
_COMMENT_LINE = re.compile(r"^\s*(#(?!!)|//|--\s|;|REM\s|rem\s|/\*|\*)")
_TRAILING_COMMENT = re.compile(r"\s(#|//)\s.*$")

# Characters a word processor types where a command needs ASCII: `-—dport`, ` —verbose`, `echo “x”`.
# commands/typographic-character owns them; the code comparisons read code through
# ``ascii_code`` so that such a slip in a translation is one finding, not also a code mismatch.
TYPO_DOUBLE_DASH = re.compile(r"(?:-[—–]|[—–]-|[—–]{2})(?=[A-Za-z])")
TYPO_LONE_DASH = re.compile(r"(?:(?<=\s)|^)[—–](?=[A-Za-z][\w-]*)")
TYPO_QUOTES = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"}
_TYPO_QUOTE = re.compile("[“”„«»‘’]")
_OPTION_NAME = re.compile(r"[\w-]*")


def ascii_code(text: str) -> str:
    """``text`` with the typographic dashes, quotes and no-break spaces of a command in ASCII,
    as commands/typographic-character's fix writes them."""
    if text.isascii():
        return text
    text = TYPO_DOUBLE_DASH.sub("--", text)
    text = TYPO_LONE_DASH.sub(
        lambda m: "-" if len(_OPTION_NAME.match(m.string, m.end()).group()) == 1 else "--", text)
    text = _TYPO_QUOTE.sub(lambda m: TYPO_QUOTES[m.group()], text)
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@dataclass(slots=True)  # no __dict__ each: a run keeps tens of thousands
class Inline:
    """A span inside a block: a number, code span, link or image, with its position."""

    text: str
    line: int
    column: int
    end_column: int
    node: object = None
    values: frozenset = frozenset()  # numbers only
    after: str = ""  # numbers only: the text that follows ("3 informations", "étape 5.")


class _NoItems(list):
    """The empty list every extracted block without numbers (codes, links...) shares: a run
    keeps tens of thousands of blocks, and five empty lists each are objects the cycle
    collector scans again and again. It refuses to grow: a block's own list replaces it."""

    def _refuse(self, *args, **kwargs):
        raise TypeError("a block's shared empty list cannot change: assign a list of its own")

    append = extend = insert = remove = pop = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse


NO_ITEMS = _NoItems()
NO_TOKENS: frozenset = frozenset()


@dataclass(slots=True)  # no __dict__ each: a run keeps tens of thousands, read field by field
class Block:
    kind: str          # h, p, li, row, code, img
    line: int
    column: int
    end_line: int
    level: int = 0     # heading level, list depth
    text: str = ""     # what a reader reads, without code, URLs or image alt text
    title: str = ""    # heading text
    numbers: list[Inline] = field(default_factory=list)
    codes: list[Inline] = field(default_factory=list)      # code-like inline code spans
    spans: list[str] = field(default_factory=list)         # every inline code span's text
    links: list[Inline] = field(default_factory=list)
    images: list[Inline] = field(default_factory=list)
    code: str = ""     # block_code text
    info: str = ""     # block_code info string
    marker: str = ""   # the number of an ordered list item's marker ("1." of "- 1. päivänä")
    node: object = None
    # tokens() once per block: the alignment, then several checks per pair, read them
    _tokens: frozenset | None = field(default=None, init=False, repr=False, compare=False)
    # what the alignment reads of the block (lint.translations.align._Features), made once
    _features: tuple | None = field(default=None, init=False, repr=False, compare=False)
    # what the checks derive from one block, kept with it: a source block is read again by each
    # translation of the folder, and every block again as each neighbour's context (memo())
    # (made when first used: a run keeps tens of thousands of blocks, most never asked)
    _memo: dict | None = field(default=None, init=False, repr=False, compare=False)

    def memo(self, build, *args):
        """``build(self, *args)``, computed once per block and ``args`` (hashable; ``build`` is
        part of the key: pass a module-level function)."""
        key = (build, args) if args else build
        memo = self._memo
        if memo is None:
            memo = self._memo = {}
        try:
            return memo[key]
        except KeyError:
            value = memo[key] = build(self, *args)
            return value

    @property
    def label(self) -> str:
        """What a message calls this kind of block ("table row", "list item"...)."""
        names = {"h": "heading", "p": "paragraph", "li": "list item", "row": "table row",
                 "code": "code block", "img": "image"}
        return names[self.kind]

    def tokens(self) -> frozenset:
        """What alignment compares: numbers, code, images, link hosts (never prose words)."""
        if self._tokens is not None:
            return self._tokens
        # most blocks have no numbers, code spans or images: no set built for each of them
        out = {("n", v) for n in self.numbers for v in n.values} if self.numbers else set()
        if self.codes:
            out |= {("c", c.text) for c in self.codes}
        if self.images:
            out |= {("i", i.text.rsplit("/", 1)[-1]) for i in self.images}
        if self.code:
            # the first 50 words: the rest of a long block is not scanned
            out |= {("k", m.group()) for m in islice(_CODE_WORD.finditer(self.code), 50)}
        elif self.text:
            names = find_names(self.text)
            if names:  # most texts have none: no set built for them
                out |= {("w", w) for w in names}
        if self.kind == "h":  # cognates: Introduction, Configuration / Configuración
            out |= {("t", w[:6]) for w in _LONG_WORD.findall(self.title.lower())}
        # most blocks have none: they share one empty set rather than each keep its own
        self._tokens = frozenset(out) if out else NO_TOKENS
        return self._tokens


def find_names(text: str) -> list[str]:
    """The technical names (``_NAME``) in ``text``, in order."""
    hint = _NAME_HINT.search(text)
    if hint is None:
        return []
    # a name is a run of ASCII letters and digits that holds a hint, so none starts before the
    # run around the first hint: _NAME is tried from there (its look-behind still reads what
    # precedes), not over the prose before it. A run longer than the window: from the start
    start = at = hint.start() - 1
    low = max(0, at - 40)
    while start > low and text[start - 1].isascii() and text[start - 1].isalnum():
        start -= 1
    return _NAME.findall(text, start if start > low or low == 0 else 0)


def code_like(span: str) -> bool:
    """Inline code that is a command, path, host or value, not a translated UI label."""
    text = span.strip()
    if not text:
        return False
    if " " not in text and text[:1].islower():
        return True  # sudo, ls, mysql
    return bool(_CODE_CHARS.search(text))


def strip_comments(code: str) -> str:
    kept = []
    for line in code.split("\n"):
        if _COMMENT_LINE.match(line):
            continue
        kept.append(_TRAILING_COMMENT.sub("", line))
    return "\n".join(kept)


_PROMPT = re.compile(r"^\s*(?:\[[^\]\n]*\]\s?[#$]|[\w.-]+@[\w.-]+(?:\s*\([^)\n]*\))?:?\s*[^\s#$]*\s?[#$]"
                     r"|~?\$|~#|[A-Z]:\\[^>]*>)\s+")
_TOKEN = re.compile(r"[^\W_]+(?:_[^\W_]+)*_?|\S", re.UNICODE)


def normal_code(code: str, ignore_comments: bool) -> str:
    # the prompt goes first: the "#" of "root@rescue (ns1) ~ # cat /proc/mdstat" is not a comment
    code = "\n".join(_PROMPT.sub("", line) for line in ascii_code(code).split("\n"))
    if ignore_comments:
        code = strip_comments(code)
    return "\n".join(" ".join(line.split()) for line in code.split("\n") if line.strip())


def _placeholder(token: str) -> bool:
    """A value the reader replaces, which translators may translate: your_IP, NouveauPort,
    <user>, votredomaine (a possessive of ``code_mismatch.yaml`` then a word)."""
    lowered = token.lower()
    return ("_" in token or not token.isascii() or (token[:1].isupper() and not token.isupper()
                                                     and any(c.isupper() for c in token[1:]))
            or token.startswith("<")
            or (lowered.startswith(_prefixes())  # most tokens start with none: one C call says so
                and any(lowered.startswith(p) and len(lowered) >= len(p) + 4 for p in _prefixes())))


@lru_cache(maxsize=1)
def _prefixes() -> tuple[str, ...]:
    from ..data import load_yaml

    path = os.path.join(os.path.dirname(__file__), "..", "..", "rules", "translation", "code_mismatch.yaml")
    try:
        data = load_yaml(path) or {}
    except OSError:
        return ()
    return tuple(str(p).lower() for p in data.get("placeholder_prefixes", []))


def _loose(code: str) -> str:
    """Prompt dropped, ``<placeholder>`` blanked, ``24,925`` read as ``24.925`` (localised output)."""
    code = _PROMPT.sub("", code)
    code = _ANGLED.sub("<…>", code)
    return _DECIMAL_COMMA.sub(".", code)


_ANGLED = re.compile(r"<[^<>\s]+>")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")


@lru_cache(maxsize=4096)  # a code line is compared with each line of the other side's code nearby
def _loose_tokens(code: str) -> tuple[str, tuple[str, ...]]:
    """``_loose(code)`` and its tokens."""
    loose = _loose(code)
    return loose, tuple(_TOKEN.findall(loose))


@lru_cache(maxsize=8192)  # every translation of a guide compares its code with the same source lines
def same_code(a: str, b: str) -> bool:
    """Equal, or differing only in words where one side is a placeholder (``votre_adresse_IP``)."""
    if a == b:
        return True
    import difflib

    (a, ta), (b, tb) = _loose_tokens(a), _loose_tokens(b)
    if a == b:
        return True
    if ta == tb:
        return True
    changed = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op != "replace":
            return False  # an argument added or removed is never a translated placeholder
        if i2 - i1 == j2 - j1 and all(_x_masked(x) == _x_masked(y) for x, y in zip(ta[i1:i2], tb[j1:j2])):
            continue  # `cluster0XX` / `clusterXXX`: the same number left for the reader to fill in
        if any(_same_family(x, y) for x, y in zip(ta[i1:i2], tb[j1:j2])) \
                or _typo("".join(ta[i1:i2]), "".join(tb[j1:j2])):
            return False
        changed.extend(ta[i1:i2] + tb[j1:j2])
    words = all(re.fullmatch(r"[^\W]+", t) and not t.isdigit() for t in changed)
    if bool(changed) and words and any(_placeholder(t) for t in changed):
        return True
    return _placeholder_swapped(a.split(), b.split())


_X_RUN = re.compile(r"\d*(?:X{2,}|x{3,})[\dXx]*")


def _x_masked(token: str) -> str:
    """A token with its run of placeholder X's (``XXX``, ``0XX``, ``xxx``) written as one mark."""
    return _X_RUN.sub("{X}", token)


def _typo(x: str, y: str) -> bool:
    """Nearly the same spelling: a slip in a name (``_submission`` / ``us_bmission``), while a
    translated placeholder reads differently (``votredomaine`` / ``tuodominio``)."""
    x, y = x.lower(), y.lower()
    prefixes = _prefixes()
    if x.startswith(prefixes) or y.startswith(prefixes):
        return False  # votre_login / your_login, votredomaine / omadomain: a placeholder, translated
    return close_enough(x, y, 0.75)


def close_enough(x: str, y: str, cutoff: float) -> bool:
    """``SequenceMatcher(None, x, y).ratio() >= cutoff``, its cheap upper bounds tried first
    (most strings compared are far apart, and ratio() is the slow part of comparing code)."""
    import difflib

    matcher = difflib.SequenceMatcher(None, x, y)
    return matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff and matcher.ratio() >= cutoff


def _same_family(x: str, y: str) -> bool:
    """Two identifiers of one family (``s_client`` / ``s_server``): a changed command, not a
    placeholder in two languages (``votre_domaine`` / ``your_domain``)."""
    if not (x.isascii() and y.isascii() and "_" in x and "_" in y):
        return False
    parts = x.lower().split("_") + y.lower().split("_")
    if any(p in _prefixes() for p in parts):
        return False  # IPv4_de_votre_serveur / IPv4_server: "votre" marks a placeholder
    return parts[0] == y.lower().split("_")[0]


def _placeholder_swapped(wa: list[str], wb: list[str]) -> bool:
    """Whitespace-separated arguments that differ only where one side is a placeholder
    spelled as several words (``votre_adresse_IP_à_autoriser`` → ``IP-Adresse``)."""
    if len(wa) != len(wb):
        return False
    changed = [(x, y) for x, y in zip(wa, wb) if x != y]
    arg = re.compile(r"[^\W\d][\w<>-]*", re.UNICODE)
    return bool(changed) and not any(_typo(x, y) for x, y in changed) and all(
        arg.fullmatch(x) and arg.fullmatch(y) and (_placeholder(x) or _placeholder(y))
        and not (x.startswith("-") or y.startswith("-")) for x, y in changed)


def _numbers_of(text: str, node, block: Block) -> None:
    for number in find_numbers(text):
        line, column = node.line, node.column
        if node.exact and node.line == node.end_line:
            column = node.column + number.start
        if block.numbers is NO_ITEMS:
            block.numbers = []
        block.numbers.append(Inline(number.raw, line, column, column + len(number.raw),
                                    node, number.values, text[number.end:number.end + 20]))


def _collect(children, parts: list, block: Block) -> None:
    """Add what ``children`` (inline nodes) hold to ``block`` and their text to ``parts``.

    One loop per level of nesting, not one call per node: most inline nodes are leaves."""
    for k, node in enumerate(children):
        kind = node.type
        if kind == "text":
            attrs = node.attrs
            if attrs:  # most text nodes have no attributes at all
                if attrs.get("role"):
                    continue
                span = attrs.get("heading_id_span")
                text = node.text if span is None else node.text[:span]
            else:
                text = node.text
            parts.append(text)
            if _DIGIT.search(text):  # most text holds no number: no call to find them
                _numbers_of(text, node, block)
        elif kind == "softbreak" or kind == "linebreak":
            parts.append(" ")
        elif kind == "codespan":
            following = children[k + 1] if k + 1 < len(children) else None
            action = (following is not None and following.type == "text"
                      and following.attrs.get("role") == "attribute-list" and ".action" in following.text)
            if block.spans is NO_ITEMS:
                block.spans = []
            block.spans.append(" ".join(node.text.split()))
            if not action and code_like(node.text):
                if block.codes is NO_ITEMS:
                    block.codes = []
                block.codes.append(_inline(node, node.text))
            parts.append(" ")
        elif kind == "image":
            if block.images is NO_ITEMS:
                block.images = []
            block.images.append(_inline(node, node.attrs.get("url") or node.attrs.get("dest_raw", "")))
        elif kind == "link":
            url = unquote(node.attrs.get("url") or node.attrs.get("dest_raw", ""))
            if block.links is NO_ITEMS:
                block.links = []
            block.links.append(_inline(node, url))
            if not node.attrs.get("autolink"):
                _collect(node.children, parts, block)
        elif kind != "inline_html":
            _collect(node.children, parts, block)


def _finish(block: Block, parts: list) -> None:
    text = "".join(parts)
    if "://" in text or "www." in text:  # all a URL starts with; most blocks have none
        text = _URL.sub(" ", text)
    block.text = " ".join(text.split())


def _inline(node, text: str) -> Inline:
    line = node.attrs.get("dest_line", node.line) if node.type in ("link", "image") else node.line
    column = node.attrs.get("dest_column", node.column) if node.type in ("link", "image") else node.column
    end = column + len(text) if node.type in ("link", "image") else (
        node.end_column if node.end_line == node.line else node.column + 1)
    return Inline(text, line, column, end, node)


def _only_images(paragraph) -> bool:
    seen = False
    for child in paragraph.children:
        if child.type == "image":
            seen = True
        elif child.type == "text" and (child.attrs.get("role") or not child.text.strip()):
            continue
        elif child.type in ("softbreak", "linebreak"):
            continue
        else:
            return False
    return seen


def _inline_block(kind: str, node, roots, level: int = 0) -> Block:
    # every field in order, positionally: a dataclass's keyword and default-factory handling
    # doubled the cost of making the tens of thousands of blocks a run extracts
    block = Block(kind, node.line, node.column, node.end_line, level, "", "", NO_ITEMS, NO_ITEMS,
                  NO_ITEMS, NO_ITEMS, NO_ITEMS, "", "", "", node)
    parts: list[str] = []
    for root in roots:
        _collect(root.children, parts, block)
        parts.append(" ")
    _finish(block, parts)
    return block


def extract(doc) -> list[Block]:
    """The document's blocks in reading order."""
    out: list[Block] = []

    def visit(node, depth: int, marker: str = "") -> None:
        kind = node.type
        if kind == "heading":
            block = _inline_block("h", node, [node], node.attrs.get("level", 1))
            block.title = block.text
            out.append(block)
        elif kind == "paragraph":
            out.append(_inline_block("img" if _only_images(node) else "p", node, [node], depth))
        elif kind == "list":
            start = node.attrs.get("start", 1) if node.attrs.get("ordered") else None
            for n, item in enumerate(node.children):
                visit(item, depth + 1, "" if start is None else str(int(start) + n))
        elif kind == "list_item":
            inline = [c for c in node.children if c.type == "paragraph"]
            if inline:
                block = _inline_block("li", node, inline, depth)
                block.marker = marker
                block.line, block.column = node.line, node.column
                block.end_line = inline[-1].end_line
                out.append(block)
            for child in node.children:
                if child.type != "paragraph":
                    visit(child, depth)
        elif kind == "block_quote":
            for child in node.children:
                visit(child, depth)
        elif kind == "table":
            for row in node.children:
                out.append(_inline_block("row", row, row.children))
        elif kind == "block_code" and node.text.strip():
            block = Block("code", node.line, node.column, node.end_line, numbers=NO_ITEMS, codes=NO_ITEMS,
                          spans=NO_ITEMS, links=NO_ITEMS, images=NO_ITEMS, node=node, code=node.text, info=str(node.attrs.get("info") or ""))
            out.append(block)

    for top in doc.nodes:
        visit(top, 0)
    visit = None  # it calls itself: a cycle the collector would have to find, per document
    return out
