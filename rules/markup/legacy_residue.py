import re
from functools import lru_cache
from pathlib import Path

from lint.data import load_yaml
from lint.registry import register
from lint.rule import Option, Rule

CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)")
API_LINE = re.compile(r"^[>\s]*@api\b")
QUOTE_PREFIX = re.compile(r"^(?:\s{0,3}>)+")
INNER_TAG = re.compile(r"\[\s*/?\s*[A-Za-z]{1,10}(?:=[^\]]*)?\s*\]")

MEANING = {
    "b": ": meant bold text (**...**)",
    "i": ": meant italic text (*...*)",
    "u": ": underlined text, which Markdown does not have; remove the tag",
    "s": ": meant struck-through text (~~...~~)",
    "code": ": meant a code block (```) around the lines above it",
    "url": ": the end of a BBCode link whose text lost its Markdown link [text](url)",
}
COLOUR = ": a colour highlight, which Markdown does not have (interface labels are written `label`{.action})"
COLOURS = {"blue", "green", "orange", "oragen", "red", "yellow", "grey", "gray", "lue"}
ATTRIBUTE_CLASSES = {"thumbnail", "external", "action", "ref"}


@lru_cache(maxsize=1)
def _builtin() -> tuple:
    data = load_yaml(Path(__file__).with_suffix(".yaml")) or {}
    return tuple(_compile(p) for p in data.get("patterns", []))


@lru_cache(maxsize=8)
def _any_needed(needs: tuple[str, ...]):
    """``search`` of a regex finding any pattern's ``needs`` text in a line, or None when a
    pattern needs nothing (it may match any line)."""
    if "" in needs:
        return None
    return re.compile("|".join(re.escape(n) for n in sorted(set(needs)))).search


def _compile(pattern: dict) -> tuple[str, re.Pattern, str, str]:
    return (pattern.get("name", "custom"), re.compile(pattern["regex"]),
            pattern.get("message", "legacy markup left in the text: {match}"), pattern.get("needs", ""))


def _patterns_problem(patterns: list) -> str | None:
    for i, pattern in enumerate(patterns):
        if not isinstance(pattern.get("regex"), str):
            return f"[{i}]: needs a 'regex' string"
        unknown = set(pattern) - {"name", "regex", "message", "needs"}
        if unknown:
            return f"[{i}]: unknown key {sorted(unknown)[0]!r} (known: name, regex, message, needs)"
        try:
            re.compile(pattern["regex"])
        except re.error as e:
            return f"[{i}].regex: not a valid regular expression: {e}"
    return None


def _meaning(tag: str) -> str:
    tag = tag.lower()
    if tag in MEANING:
        return MEANING[tag]
    if tag in COLOURS or tag.startswith("color"):
        return COLOUR
    return ""


def _fields(name: str, m: re.Match) -> dict:
    groups = {k: (v or "") for k, v in m.groupdict().items()}
    fields = {"match": m.group(), "meaning": "", "link": "", "notice": "", **groups}
    if "tag" in groups:
        fields["meaning"] = _meaning(groups["tag"])
    if name == "bbcode-link":
        target = groups.get("target", "").strip()
        text = INNER_TAG.sub("", groups.get("text", "")).strip()
        fields["link"] = f"[{text}]({target})" if text else f"to {target}"
    if name == "notice-icon":
        fields["notice"] = "primary" if groups.get("icon") == "i" else "warning"
    if name == "legacy-guide-link":
        fields["number"] = groups.get("number") or groups.get("number2", "")
    if name == "placeholder":
        token = groups.get("name", "")
        start = m.start()
        if token in ATTRIBUTE_CLASSES and m.string[start - 1:start] == ".":
            fields["meaning"] = f": meant the attribute list {{.{token}}} (the dot is outside the braces)"
        elif token in ATTRIBUTE_CLASSES:
            fields["meaning"] = f": meant the attribute list {{.{token}}}"
    return fields


def _masked(line: str) -> str:
    """The line with inline code and HTML comments blanked out (same length, so columns hold)."""
    for pattern, needs in ((CODE_SPAN, "`"), (HTML_COMMENT, "<!--")):
        if needs in line:  # most lines have neither: a substring test is cheaper than a regex scan
            line = pattern.sub(lambda m: " " * len(m.group()), line)
    return line


def _closes_a_bracket(line: str, m: re.Match) -> bool:
    """`[a, b]`, `[x/b]`: the `]` closes a bracket opened earlier on the line and is followed by
    a space or punctuation, so it is text in brackets, not half of a tag. (`[esimerkissä i]OVH`,
    glued to the next word, is still residue.)"""
    depth = 0
    for c in line[:m.start()]:
        if c == "[":
            depth += 1
        elif c == "]" and depth:
            depth -= 1
    following = line[m.end():m.end() + 1]
    return depth > 0 and not (following.isalnum() or following in "\"”“'")


@register
class LegacyResidue(Rule):
    """
    What it does
        Reports markup of the CMS the guides were converted from that is still in the text:
        BBCode tags and their broken halves (`[url="X"]text[/url]`, `[/url]`, `[b]`, `[blue]`,
        `[/ blue]`, `włączonym/green]`, `b]”Portti”`), notice icons (`/i\\`, `/!\\`), links to
        guides by their legacy number that were never resolved (`({legacy}1596)`,
        `<legacy:1380>`) and other `{name}` placeholders (`.{action}`). Where it is clear, the
        message says what the markup was meant to be: `[url="X"]text[/url]` is the link
        `[text](X)`, `[b]` is bold, `.{action}` is the attribute list `{.action}`.

        The attribute lists of the repository (`{.thumbnail}`, `{.external}`, `{.action}`,
        `{#id}`), admonition markers (`[!primary]`), link labels (`[Part b](...)`), API paths of
        `@api` lines (`/ip/{ip}/park`), code blocks, inline code, HTML blocks and comments are
        not residue. The patterns are data (`rules/markup/legacy_residue.yaml`); the option
        `patterns` adds a repository's own (`- {name: ..., regex: ..., message: ...}`). There is
        no automatic fix: the right replacement (the link's text, the guide a number stood for)
        needs a person. An empty link to a legacy number (`[]({legacy}1596)`) is this rule's
        finding alone: `links/empty-text` leaves it to this one, which names the guide meant.

        This rule owns the brackets of the residue: a bracket glued to it (`[blue]]`,
        `/!\\]/b]`) or closed by a broken half (`([tässä i]OVH`) is not also reported by
        punctuation/unbalanced-brackets, and a BBCode link counts as the link it meant for
        translation/link-mismatch, which does not report the source's link as missing.

    Why is this bad?
        The published page shows the tags as text (`Thunderbird[/ blue].`), or shows nothing
        where a link to another guide was meant (`[]({legacy}1596)`): the reader loses the
        link and sees noise that says the page was never reviewed.

    Example
        Kirjaudu [url=”https://www.ovh-hosting.fi/managerv3”]hallintapaneeliin[/url].
        Katso lisätietoja [oppaasta]({legacy}1683).

    Use instead
        Kirjaudu [hallintapaneeliin](https://www.ovh-hosting.fi/managerv3).
        Katso lisätietoja [oppaasta](https://docs.ovh.com/fi/emails/).
    """

    id = "markup/legacy-residue"
    severity = "warning"
    summary = "markup of the old CMS (BBCode, {legacy} placeholders) left in the text"
    tags = ("markup", "legacy", "conversion")
    fix = None
    options = {"patterns": Option([], "the repository's own residue: a list of {name, regex, message}",
                                  kind="list of mappings", check=_patterns_problem)}

    def check(self, doc, ctx):
        patterns = _builtin() + tuple(_compile(p) for p in (ctx.option("patterns") or []))
        skip = set(doc.code_lines)
        for node in doc.walk("block_html"):
            skip.update(range(node.line, node.end_line + 1))
        lines = doc.lines
        any_needed = _any_needed(tuple(needs for _, _, _, needs in patterns))
        for number in range(doc.body_first_line, len(lines) + 1):
            raw = lines[number - 1]
            if any_needed is not None and any_needed(raw) is None:
                continue  # most lines: no pattern can match, and masking only removes text
            if number in skip or API_LINE.match(raw):
                continue
            line = _masked(raw)
            taken: list[tuple[int, int]] = []
            for name, regex, message, needs in patterns:
                if needs not in line:
                    continue  # the pattern cannot match here
                for m in regex.finditer(line):
                    if m.end() == m.start() or any(s < m.end() and m.start() < e for s, e in taken):
                        continue
                    if name.endswith("-half") and _closes_a_bracket(line, m):
                        continue
                    taken.append((m.start(), m.end()))
                    try:
                        text = message.format(**_fields(name, m))
                    except (KeyError, IndexError, ValueError):
                        text = f"legacy markup left in the text: {m.group()}"
                    ctx.report(number, m.start() + 1, text, end_column=m.end() + 1)
