from lint.registry import register
from lint.rule import Option, Rule
from lint.translations.align import content_pair_for
from lint.translations.blocks import _placeholder
from lint.translations.diff import code_block_diffs, codespan_diffs, short


@register
class CodeMismatch(Rule):
    """
    What it does
        Compares each code block of a translation with the aligned code block of its source,
        and the inline code spans of each aligned paragraph, list item and table row.
        A command is looked for in the code blocks nearby too, so a block split in two,
        merged or moved is not a difference; the finding points at the first line that
        differs, not at the opening fence. A placeholder the reader replaces may be
        translated (``votre_adresse_IP`` → ``IP-Adresse``), and so may a span that is a
        UI label on the other side (`` `un clic droit` `` → `` `right-click` ``).
        Comments inside code blocks may be translated (option ``ignore_comments``); inline
        code that reads as a UI label (``Suivant``{.action}, a capitalised phrase with no
        code character) is not compared, since UI labels are translated.
        Code that differs only in typographic characters (an em or en dash for ``-``, curly
        quotes, a no-break space) is left to commands/typographic-character, which owns that
        defect and fixes it: the comparison reads both sides with those characters in ASCII.
        A number left for the reader to fill in may be written ``XXX`` or ``0XX``. A one-line
        command the translation adds just after a code block, repeating that block's command
        with its placeholders filled in ("Example:" ``ssh ubuntu@203.0.113.100 -p 49152``
        after ``ssh username@IPv4_server -p NewPortNumber``), is an illustration, not a
        difference.

    Why is this bad?
        Commands, file names, hosts and configuration values are not translated: a changed
        one is a mistake or a sign that the source changed since.

    Example
        Source:      ``sudo iptables -A INPUT -p tcp --dport 80 -j ACCEPT``
        Translation: ``sudo iptables -A INPUT -p tcp --dport 8080 -j ACCEPT`` (the port changed)

    Use instead
        Keep the code as in the source.
    """

    id = "translation/code-mismatch"
    severity = "warning"
    summary = "a code block or inline code span differs from the source"
    tags = ("translation", "code")
    options = {"ignore_comments": Option(True, "comments in code blocks may be translated")}
    cross_file = True

    def check(self, doc, ctx):
        pair = content_pair_for(doc, ctx)
        if pair is None:
            return
        for d in code_block_diffs(pair, ctx.option("ignore_comments")):
            if d.detail == "added" and _fills_in_the_block_before(pair.tblocks, d.target):
                continue
            if d.detail == "missing":
                msg = f"code block of source line {d.source.line} is missing here"
            elif d.detail == "added":
                msg = f"code block is not in the source (near source line {(pair.source_line_before(d.target) or 1)})"
            elif not d.extra[0]:
                msg = f"code block lacks '{short(d.missing[0])}' of source line {d.column}"
            elif not d.missing[0]:
                msg = f"code block has '{short(d.extra[0])}', which the source's (line {d.column}) has not"
            else:
                msg = (f"code block differs from source line {d.column}: "
                       f"'{short(d.extra[0])}' where the source has '{short(d.missing[0])}'")
            ctx.report(d.line, 1, msg)
        for d in codespan_diffs(pair):
            parts = []
            if d.extra:
                parts.append("here " + ", ".join(f"`{short(c.text, 40)}`" for c in d.extra))
            if d.missing:
                parts.append("source has " + ", ".join(f"`{short(c.text, 40)}`" for c in d.missing))
            ctx.report(d.line, d.column, f"inline code differs from source line {d.source.line}: "
                       + "; ".join(parts), end_column=d.end_column)


def _fills_in_the_block_before(blocks, block) -> bool:
    """An added one-line command that repeats the command of a code block just before it with
    its placeholders filled in (``ssh username@IPv4_server -p NewPortNumber``, then "Example:"
    and ``ssh ubuntu@203.0.113.100 -p 49152``): an illustration the translation added, which
    says nothing the source does not."""
    if block is None or block.kind != "code" or block not in blocks:
        return False
    mine = block.code.split()
    if "\n" in block.code.strip() or not mine:
        return False
    i = blocks.index(block)
    for before in reversed(blocks[max(0, i - 3):i]):
        if before.kind != "code":
            continue
        template = before.code.split()
        if len(template) != len(mine) or template[0] != mine[0]:
            return False
        differ = [(t, m) for t, m in zip(template, mine) if t != m]
        return bool(differ) and all(any(_placeholder(p) for p in t.replace("@", " ").split()) for t, _ in differ)
    return False
