from lint.registry import register
from lint.rule import Option, Rule
from lint.translations.align import content_pair_for
from lint.translations.diff import image_name, short


@register
class StructureMismatch(Rule):
    """
    What it does
        Aligns a translation with its source block by block (headings, paragraphs, list
        items, table rows, images, code blocks) and reports, once per file, the first place
        where the two structures part, with how many blocks are unpaired on each side.
        The other translation checks keep comparing the blocks that still align.

    Why is this bad?
        A translation whose structure differs from its source was made from another version
        of it, or lost or gained a step: it needs a translator's review as a whole.

    Example
        Source:      a list of four steps
        Translation: the same list with three steps

    Use instead
        Bring the translation's structure back in line with the source.
    """

    id = "translation/structure-mismatch"
    severity = "warning"
    summary = "the translation's structure parts from the source's (reported once per file)"
    tags = ("translation", "structure")
    options = {"ignore_paragraphs": Option(True, "paragraphs added or dropped alone do not part the structure")}
    cross_file = True

    def check(self, doc, ctx):
        pair = content_pair_for(doc, ctx)
        if pair is None:
            return
        skip = ("p",) if ctx.option("ignore_paragraphs") else ()
        parted = [(sb, tb, line) for sb, tb, line in pair.unmatched() if (sb or tb).kind not in skip]
        if not parted:
            return
        sb, tb, line = parted[0]
        missing = sum(1 for s, _, _ in parted if s is not None)
        extra = len(parted) - missing
        if sb is not None:
            first = f"{sb.label} of source line {sb.line} ('{_what(sb)}') has no counterpart here"
        else:
            first = f"this {tb.label} ('{_what(tb)}') has no counterpart in the source"
            first += f" (near source line {pair.source_line_before(tb) or pair.source.body_first_line})"
        summary = f"{missing} source block(s) unpaired, {extra} block(s) here unpaired"
        if pair.diverged:
            summary += (f"; only {pair.coverage:.0%} of blocks pair up, so this looks like another "
                        f"version of the guide (blocks on one side only are not reported one by one)")
        ctx.report(line, 1, f"structure parts from the source here: {first}; {summary}")


def _what(block) -> str:
    if block.kind == "img" and block.images:
        return image_name(block.images[0].text)
    return short(block.title or block.text or block.code, 40)
