import re

from lint.finding import Edit
from lint.registry import register
from lint.rule import Rule

from .empty_text import has_visible_text

ATTRIBUTE_LIST = re.compile(r"\{\s*[.#][^{}\n]*\}")
NO_SPACE_LANGUAGES = {"ja", "zh", "ko"}


def _is_word_char(c: str) -> bool:
    return c.isalnum()


def _label_end_char(doc, node):
    """The character before the ``]`` that closes the link text, when it is on the link's first line."""
    raw = node.attrs.get("dest_raw")
    if raw is None or "dest_line" not in node.attrs or node.attrs["dest_line"] != node.line:
        return None
    line = doc.line(node.line)
    i = line.rfind("](", node.column - 1, node.attrs["dest_column"])
    return line[i - 1] if i > 0 else None


@register
class MissingSpace(Rule):
    """
    What it does
        Reports a link or an image glued to the word before or after it, as in
        `määrittelit[hallintapaneelissa](https://...)OVH:n`. Each side is a finding of its own,
        at the first character of the glued pair, with a fix that inserts one space.

        Only letters and digits count as a word: punctuation next to a link is fine (`(`, `"`,
        `/`, `-`, `*`/`_` emphasis markers, `.`), so is a Finnish case ending after a colon
        (`[OVH](...):n`). An attribute list such as `{.external}` after the link is not a word:
        the rule looks past it. Guides in languages written without spaces (ja, zh, ko) are
        not checked. Autolinks (`<https://...>`) count as links. Links whose text was not found
        verbatim in the file are skipped. When the space went inside the link text
        (`à[ l'espace client](...)`: the underline starts with a space), the finding says so
        and the fix moves the space before the bracket. A link with no visible text
        (`ohjetta[](https://...)`) is not glued to anything the reader sees: it is
        `links/empty-text`'s finding, and a space would leave the link empty.

    Why is this bad?
        The rendered page shows the link text run into the neighbouring word
        (`määrittelithallintapaneelissaOVH:n`): the reader cannot tell where the link starts,
        and a screen reader reads one unknown word. It is a common slip of translation tools
        that drop the spaces around markup.

    Example
        Salasana: salasana, jonka määrittelit[hallintapaneelissa](https://www.ovh.com/manager/)OVH:n sähköpostitilille.

    Use instead
        Salasana: salasana, jonka määrittelit [hallintapaneelissa](https://www.ovh.com/manager/) OVH:n sähköpostitilille.
    """

    id = "links/missing-space"
    severity = "warning"
    summary = "link or image glued to the word before or after it"
    tags = ("links", "whitespace")
    fix = "safe"

    def check(self, doc, ctx):
        if doc.language in NO_SPACE_LANGUAGES:
            return
        for node in doc.walk("link", "image"):
            if node.inside("link"):
                continue
            start_line = doc.line(node.line)
            end_line = doc.line(node.end_line)
            s, e = node.column - 1, node.end_column - 1  # 0-based: node text is line[s:e]
            autolink = bool(node.attrs.get("autolink"))
            opener = "<" if autolink else "![" if node.type == "image" else "["
            closers = (">",) if autolink else (")", "]")
            if not start_line.startswith(opener, s) or e < 1 or end_line[e - 1:e] not in closers:
                continue  # position not verbatim: do not guess
            kind = "image" if node.type == "image" else "link"
            if kind == "link" and not autolink and not has_visible_text(node):
                continue
            inner = start_line[s + len(opener):s + len(opener) + 1]
            if s > 0 and _is_word_char(start_line[s - 1]):
                word = re.search(r"\w+$", start_line[:s]).group()
                if inner.isspace() and not autolink:
                    # `à[ l'espace client](...)`: the space went inside the link text
                    ctx.report(node.line, node.column, f"the space after '{word}' is inside the {kind} text: "
                               "move it before the bracket", end_column=node.column + len(opener) + 1,
                               edits=[Edit(node.line, node.column, node.line, node.column + len(opener) + 1,
                                           " " + opener)])
                else:
                    ctx.report(node.line, node.column, f"{kind} glued to the word before it ('{word}'): add a space",
                               end_column=node.column + 1,
                               edits=[Edit(node.line, node.column, node.line, node.column, " ")])
            label_end = None if autolink else _label_end_char(doc, node)
            if label_end is not None and label_end.isspace():
                continue  # `[text ](url)word` renders with the space (another matter)
            after = e
            m = ATTRIBUTE_LIST.match(end_line, after)
            if m:
                after = m.end()
            if after < len(end_line) and _is_word_char(end_line[after]):
                word = re.match(r"\w+", end_line[after:]).group()
                column = after + 1
                ctx.report(node.end_line, column, f"{kind} glued to the word after it ('{word}'): add a space",
                           end_column=column + 1,
                           edits=[Edit(node.end_line, column, node.end_line, column, " ")])
