import difflib
import re

from lint.registry import register
from lint.rule import Rule
from lint.translations.align import pair_for

# `-p`, `--dport`, `--src-range`, `-—dport` as written in prose or code
# (written dash first, what precedes it, the start of the text or [\s(\["'“„«`], tested after it:
# the engine skips to the dashes instead of trying each character)
OPTION = re.compile(r"(?P<dashes>[-—–](?<![^\s(\[\"'“„«`][-—–])[-—–]{0,2})"
                    r"(?P<name>[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*)\b(?![-—–])")
TYPOGRAPHIC = re.compile("[—–]")


def _options(text: str):
    return OPTION.finditer(text)


def source_options(source) -> dict[str, set[str]]:
    """name -> the forms (`--dport`) the source writes it in: its code blocks, inline code, and the
    prose that explains them (`- -A --append: ...`)."""
    found: dict[str, set[str]] = {}
    for node in source.walk("block_code", "codespan", "text"):
        if node.type == "text" and node.attrs.get("role"):
            continue
        text = node.text if node.type != "block_code" else "\n".join(
            source.line(n) for n in range(node.line, node.end_line + 1))
        if "-" not in text:
            continue
        for m in _options(text):
            if not TYPOGRAPHIC.search(m.group("dashes")):
                found.setdefault(m.group("name"), set()).add(m.group())
    return found


@register
class OptionMismatch(Rule):
    """
    What it does
        Compares the command options a translation writes in its prose (`--dport: the
        destination port`) with the options of its source guide (code blocks, inline code
        and the prose that explains them), and reports an option written otherwise: with another number of dashes
        (`-dport` where the source's commands have `--dport`) or misspelt (`--src-rang`
        next to the source's `--src-range`). Options written with typographic dashes
        (`-—dport`) are commands/typographic-character's.

    Why is this bad?
        The prose explains the options of the commands above it; a reader who types the
        option as the prose writes it gets "unknown option". The source's code is what was
        tested, so it is the reference.

    Example
        (no translation of the corpus has one left once the typographic dashes are
        counted as commands/typographic-character's; this is the shape)
        Source (fr-fr) code: `iptables -A INPUT -p tcp --dport 22 -j ACCEPT`
        Translation prose:   - -dport: Gibt den Zielport an.

    Use instead
        - --dport: Gibt den Zielport an.
    """

    id = "translation/option-mismatch"
    severity = "warning"
    summary = "a command option in prose written otherwise than in the source guide's code"
    tags = ("translation", "commands")
    cross_file = True

    def check(self, doc, ctx):
        pair = pair_for(doc, ctx)
        if pair is None:
            return
        known = pair.source.memo(source_options)  # once per source, which every translation shares
        if not known:
            return
        forms = {form for group in known.values() for form in group}
        names = list(known)
        for node in doc.prose_text_nodes():
            if "-" not in node.text or not node.exact or node.line != node.end_line:
                continue
            raw = doc.line(node.line)[node.column - 1:node.end_column - 1]
            for m in _options(raw):
                written = m.group()
                if written in forms or (TYPOGRAPHIC.search(m.group("dashes"))):
                    continue
                name = m.group("name")
                if name in known:
                    wanted = sorted(known[name])
                elif len(name) >= 4:
                    close = difflib.get_close_matches(name, [n for n in names if len(n) >= 4], n=1, cutoff=0.85)
                    if not close:
                        continue
                    wanted = sorted(known[close[0]])
                else:
                    continue
                column = node.column + m.start()
                ctx.report(node.line, column, f"option '{written}' is written {' or '.join(map(repr, wanted))} "
                           "in the source guide", end_column=column + len(written))
