from lint.registry import register
from lint.rule import Option, Rule
from lint.translations.align import content_pair_for
from lint.translations.diff import _leftovers, image_name, short

OWNED_ELSEWHERE = ("h", "code", "img")  # heading-mismatch, code-mismatch and image-mismatch report these


@register
class StructureMismatch(Rule):
    """
    What it does
        Aligns a translation with its source block by block (headings, paragraphs, list
        items, table rows, images, code blocks) and reports, once per file, the first list
        item or table row (and paragraph, with ``ignore_paragraphs: false``) on one side
        only, with how many blocks are unpaired on each side. A block that only moved a few
        places, a paragraph split or merged, or a bold paragraph rendered as a list item is
        not unpaired. Headings, code blocks and images on one side only belong to
        ``heading-mismatch``, ``code-mismatch`` and ``image-mismatch``, which report them
        where they are, so this rule stays silent on them.

        When so few blocks pair up that the translation was made from another version of the
        guide (under 75 %), this rule alone reports the parting, once, at the first unpaired
        block of any kind; the other rules then compare only the blocks that still clearly
        align.

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
        if pair.diverged:
            parted = [(sb, tb, line) for sb, tb, line in pair.unmatched() if (sb or tb).kind not in skip]
        else:
            lonely_s, lonely_t = _leftovers(pair)
            lonely = lonely_s | lonely_t
            skip += OWNED_ELSEWHERE
            parted = [(sb, tb, line) for k, (sb, tb, line) in _unmatched_at(pair)
                      if k in lonely and (sb or tb).kind not in skip]
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


def _unmatched_at(pair):
    """(index in ``pair.ops``, unmatched entry) pairs, in the order of ``pair.unmatched()``."""
    alone = [k for k, (i, j) in enumerate(pair.ops) if i is None or j is None]
    return list(zip(alone, pair.unmatched()))


def _what(block) -> str:
    if block.kind == "img" and block.images:
        return image_name(block.images[0].text)
    return short(block.title or block.text or block.code, 40)
