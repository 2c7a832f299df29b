from lint.registry import register
from lint.rule import Rule
from lint.translations.align import pair_for
from lint.translations.diff import short


@register
class HeadingMismatch(Rule):
    """
    What it does
        Compares the headings of a translation with those of its source after aligning the
        two guides: a heading at another level, a source heading with no counterpart here,
        or a heading here the source does not have.

    Why is this bad?
        Headings are the guide's table of contents and its anchors: a missing section or a
        section at another level means the translation is not the same guide any more.

    Example
        Source:      ``### Étape 2 : configurer le compte``
        Translation: ``## Vaihe 2: Tilin konfigurointi``

    Use instead
        ``### Vaihe 2: Tilin konfigurointi``
    """

    id = "translation/heading-mismatch"
    severity = "warning"
    summary = "a heading is missing, added or at another level than in the source"
    tags = ("translation", "structure")
    cross_file = True

    def check(self, doc, ctx):
        pair = pair_for(doc, ctx)
        if pair is None:
            return
        s_count = sum(1 for b in pair.sblocks if b.kind == "h")
        t_count = sum(1 for b in pair.tblocks if b.kind == "h")
        counts = f" ({t_count} headings here, {s_count} in the source)" if s_count != t_count else ""
        for sb, tb in pair.matched:
            if sb.kind == "h" and sb.level != tb.level:
                ctx.report(tb.line, 1, f"heading level {tb.level} here, {sb.level} at source line "
                           f"{sb.line} ('{short(sb.title)}')", end_column=tb.level + 1)
        for sb, tb, line in pair.unmatched():
            if sb is not None and sb.kind == "h":
                ctx.report(line, 1, f"heading '{short(sb.title)}' (level {sb.level}, source line "
                           f"{sb.line}) has no counterpart here{counts}")
            elif tb is not None and tb.kind == "h":
                ctx.report(line, 1, f"heading '{short(tb.title)}' is not in the source{counts}",
                           end_column=tb.level + 1)
