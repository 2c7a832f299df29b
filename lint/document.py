"""A guide as rules see it: its text, lines, front matter, locale and positioned AST."""
from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Callable, Iterator, TypeVar

from . import frontmatter as fm_module
from .markdown import Bounds, Node, parse_tree
from .source import SourceText, decode

DEFAULT_LOCALE_PATTERN = r"(?:^|/)[^/]+\.(?P<locale>[a-z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?)\.md$"
ATTRIBUTE_LIST = re.compile(r"\{\s*[.#][^{}\n]*\}")
ADMONITION = re.compile(r"^\[!(\w+)\]")
HEADING_ID = re.compile(r"\s*\{\s*#([^\s{}]+)\s*\}\s*$")
T = TypeVar("T")
#: the run memo key of a guide parsed once per folder: (PARSED_GUIDE, absolute path) -> Document,
#: shared by a translation checked as itself and as the source of its siblings
PARSED_GUIDE = "parsed-guide"


@lru_cache(maxsize=65536)  # each guide's locale is asked by its own check and by its siblings'
def locale_from_path(path: str, pattern: str = DEFAULT_LOCALE_PATTERN) -> str | None:
    """The locale a file name carries (``guide.fi-fi.md`` -> ``fi-fi``), lower case, or None."""
    m = re.search(pattern, path.replace("\\", "/"))
    if not m:
        return None
    return m.group("locale").lower().replace("_", "-")


@dataclass
class Document:
    """One guide, parsed: ``path`` as the run names it, ``source`` its decoded text,
    ``locale`` from the file name or the configuration, ``frontmatter`` and ``nodes`` (the
    positioned Markdown tree, :class:`lint.markdown.Node`; every node has its line and column
    in the file as written)."""

    path: str
    source: SourceText
    locale: str | None = None
    frontmatter: fm_module.FrontMatter = field(default_factory=fm_module.FrontMatter)
    nodes: list[Node] = field(default_factory=list)
    # what memo() computed; a copy with another path or locale (dataclasses.replace) starts empty
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def from_bytes(cls, data: bytes, path: str, locale: str | None = None) -> "Document":
        """Decode a file's bytes (UTF-8 or UTF-16, with or without a BOM) and parse them."""
        return cls.from_source(decode(data), path, locale)

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", locale: str | None = None) -> "Document":
        """Parse text as if it were the file ``path`` (tests, the Python API)."""
        return cls.from_bytes(text.encode("utf-8"), path, locale)

    @classmethod
    def from_source(cls, source: SourceText, path: str, locale: str | None = None) -> "Document":
        """Parse decoded text: front matter, then the Markdown body with positions."""
        front = fm_module.parse(source.lines)
        body_start = 0
        if front.present:
            body_start = front.end_line if front.end_line else len(source.lines)
        body = "\n".join(source.lines[body_start:])
        nodes, bounds = parse_tree(body, body_start + 1) if body_start < len(source.lines) else ([], None)
        doc = cls(path, source, locale, front, nodes)
        _annotate(doc, bounds)  # which also brings the nodes inside the file (parse_body's last pass)
        return doc

    # text access -----------------------------------------------------------------
    @property
    def lines(self) -> tuple[str, ...]:
        """The file's lines as written, without their line endings; ``lines[0]`` is line 1."""
        return self.source.lines

    def line(self, number: int) -> str:
        """Line ``number`` (1-based) without its ending, or "" outside the file."""
        return self.source.lines[number - 1] if 0 < number <= len(self.source.lines) else ""

    @property
    def language(self) -> str | None:
        """The language part of the locale (``fi`` for ``fi-fi``), or None."""
        return self.locale.split("-")[0] if self.locale else None

    @property
    def body_first_line(self) -> int:
        """The first line after the front matter (1 when there is none)."""
        return (self.frontmatter.end_line + 1) if self.frontmatter.end_line else 1

    def memo(self, build: Callable[["Document"], T]) -> T:
        """``build(self)``, computed once per document and shared by every rule that asks.

        For an analysis several rules read, such as the port statements the four
        ``ports/*`` rules judge: ``reading = doc.memo(read_statements)``. The function is
        the key, so pass the same module-level function each time."""
        try:
            return self._memo[build]
        except KeyError:
            value = self._memo[build] = build(self)
            return value

    def release(self) -> None:
        """Let reference counting free the guide once nothing holds it: a batch run calls this
        when it leaves the guide's folder. Children point at their parent, so a parsed tree is
        a web of cycles that only the garbage collector could free otherwise (and a copy from
        :meth:`renamed`, which shares the tree, is released with it)."""
        for node in self.walk():
            node.parent = None
        self._memo.clear()

    def renamed(self, **changes) -> "Document":
        """A copy with another ``path`` or ``locale`` (``dataclasses.replace``): what
        :meth:`memo` computed is not kept, but the walks of the tree, which the copy shares,
        are (a guide checked as itself and as its siblings' source is walked once)."""
        copy = dataclasses.replace(self, **changes)
        if _WALKS in self._memo:
            copy._memo[_WALKS] = self._memo[_WALKS]
        return copy

    # tree access -----------------------------------------------------------------
    def walk(self, *types: str) -> Iterator[Node]:
        """Every node of the tree in document order (pre-order), or only those of ``types``
        (``doc.walk("link", "image")``)."""
        # forty rules walk each document, most for a few node types: the order is found once,
        # and each selection once (the tree is not changed after parsing)
        walks = self._memo.get(_WALKS)
        if walks is None:
            walks = self._memo[_WALKS] = _walks(self.nodes)
        found = walks.get(types)
        if found is None:
            # the nodes of each single type were listed with the order: a selection that only
            # one of its types is present in is that list, and only the others filter the order
            present = [walks[(t,)] for t in types if (t,) in walks]
            if len(present) > 1:
                found = [n for n in walks[()] if n.type in types]
            else:
                found = present[0] if present else ()
            walks[types] = found
        return iter(found)

    def prose_text_nodes(self) -> Iterator[Node]:
        """Text a reader reads as prose: not code, HTML, attribute lists or admonition markers."""
        texts = self.walk("text")
        walks = self._memo[_WALKS]  # kept with the walks: it too is read from the tree alone
        found = walks.get(_PROSE)
        if found is None:  # listed once: several rules read them all
            found = walks[_PROSE] = [n for n in texts if not n.attrs.get("role")]
        return iter(found)

    @cached_property
    def code_lines(self) -> frozenset[int]:
        """Lines inside fenced or indented code blocks."""
        lines = set()
        for node in self.walk("block_code"):
            lines.update(range(node.line, node.end_line + 1))
        return frozenset(lines)

    @cached_property
    def headings(self) -> list[Node]:
        """The heading nodes, in document order."""
        return list(self.walk("heading"))


_WALKS = "walk"  # the key of Document.walk's selections in Document._memo
_PROSE = "prose"  # and of Document.prose_text_nodes' list, in the walks' dict


def _walks(nodes: list[Node]) -> dict[tuple, list[Node]]:
    """{(): every node in pre-order, (type,): the nodes of that type in that order, ...}."""
    order: list[Node] = []
    stack = list(reversed(nodes))
    pop, extend, append = stack.pop, stack.extend, order.append
    while stack:
        node = pop()
        append(node)
        if node.children:
            extend(reversed(node.children))
    return _by_type(order)


def _by_type(order: list[Node]) -> dict[tuple, list[Node]]:
    walks: dict[tuple, list[Node]] = {(): order}
    for node in order:
        same = walks.get((node.type,))
        if same is None:
            walks[(node.type,)] = [node]
        else:
            same.append(node)
    return walks


def _split_attribute_lists(parent: Node, bounds: Bounds) -> None:
    """``[x](u){.external} text``: give the attribute list a text node of its own (a text
    looked at is brought inside the file first: its place is read)."""
    children, previous = [], None
    for child in parent.children:
        if (child.type == "text" and previous is not None and previous.type in _SPLITS_AFTER
                and child.text[:1] == "{"):  # what the attribute list must start with
            if not bounds.fits(child):
                bounds.keep_inside(child)
            m = ATTRIBUTE_LIST.match(child.text) if child.line == child.end_line else None
            if m and m.start() == 0 and m.end() < len(child.text) and child.exact:
                attr = Node("text", child.line, child.column, child.line, child.column + m.end(),
                            text=m.group(), attrs={"role": "attribute-list"})
                rest = Node("text", child.line, child.column + m.end(), child.end_line,
                            child.end_column, text=child.text[m.end():])
                attr.parent = rest.parent = parent
                children.extend([attr, rest])
                previous = rest
                continue
        children.append(child)
        previous = child
    parent.children = children


_SPLITS_AFTER = frozenset(("link", "image", "codespan"))


def _annotate(doc: Document, bounds: Bounds | None) -> None:
    """Mark the guide syntax of docs repositories so rules do not read it as prose.

    One pre-order pass: each node is brought inside the file (``bounds``, the parser's last
    pass, done here to walk the tree once) and looked at before its children are visited;
    a text holding an attribute list after a link, image or code span is replaced by the two
    texts it splits into before either is visited (a heading's, before the heading is looked
    at). The pass also lists the nodes in that order, by type, for :meth:`Document.walk`."""
    order: list[Node] = []
    # each type's nodes (_by_type(order), built in the pass; a missing list made in C)
    by_type: defaultdict[str, list[Node]] = defaultdict(list)
    stack = list(reversed(doc.nodes))
    pop, append = stack.pop, order.append
    split: set[Node] = set()  # the parents whose texts _split_attribute_lists() has seen
    if bounds is not None:
        first, last, widths, keep_inside = bounds.first, bounds.last, bounds.widths, bounds.keep_inside
    else:  # no body, no nodes
        first, last, widths, keep_inside = 1, 0, [], None
    while stack:
        node = pop()
        line, end_line = node.line, node.end_line
        # every node of a well-formed document passes this test (Bounds.fits, inlined)
        if not (first <= line <= end_line <= last and 1 <= node.column <= widths[line - first]
                and 1 <= node.end_column <= widths[end_line - first]
                and (line < end_line or node.column <= node.end_column)) or "dest_line" in node.attrs:
            keep_inside(node)
        kind = node.type
        children = node.children
        if not children:  # a leaf (more than half the nodes are texts)
            if kind == "text" and "{" in node.text:
                parent = node.parent
                if node.text[0] == "{" and parent is not None and parent not in split:
                    # the first text that may be an attribute list after a link: its parent's
                    # texts are split now, and the siblings still to visit replaced on the stack
                    split.add(parent)
                    before = parent.children
                    _split_attribute_lists(parent, bounds)
                    after = parent.children
                    if len(after) != len(before):
                        index = before.index(node)  # no text before it could be split
                        del stack[len(stack) - (len(before) - 1 - index):]
                        stack.extend(reversed(after[index:]))
                        continue
                _mark_attribute_list(node)
            append(node)
            by_type[kind].append(node)
            continue
        append(node)
        by_type[kind].append(node)
        if kind == "block_quote":
            if children[0].type == "paragraph":
                first_text = children[0].children[:1]
                if first_text and first_text[0].type == "text":
                    m = ADMONITION.match(first_text[0].text)
                    if m:
                        node.attrs["admonition"] = m.group(1).lower()
                        first_text[0].attrs["role"] = "admonition-marker"
        elif kind == "heading":
            if len(children) > 1:  # its texts are split before its id is looked for
                split.add(node)
                _split_attribute_lists(node, bounds)
                children = node.children
            text = node.plain_text()
            m = HEADING_ID.search(text)
            if m:
                node.attrs["id"] = m.group(1)
                last_child = children[-1]
                if last_child.type == "text" and HEADING_ID.search(last_child.text):
                    last_child.attrs["heading_id_span"] = HEADING_ID.search(last_child.text).start()
        stack.extend(reversed(children))
    walks: dict[tuple, list[Node]] = {(): order}
    for kind, same in by_type.items():
        walks[(kind,)] = same
    doc._memo[_WALKS] = walks


def _mark_attribute_list(node: Node) -> None:
    text = node.text
    if "{" in text:
        stripped = text.strip()
        if stripped and ATTRIBUTE_LIST.fullmatch(stripped):
            node.attrs["role"] = "attribute-list"
