from lint.registry import register
from lint.rule import Rule
from lint.translations.align import content_pair_for
from lint.translations.diff import _leftovers, short


@register
class HeadingMismatch(Rule):
    """
    What it does
        Compares the headings of a translation with those of its source after aligning the
        two guides: a heading at another level, a source heading with no counterpart here,
        or a heading here the source does not have. Two headings the alignment paired whose
        sections differ in size threefold and share no name or number are different
        sections, not one at another level. A heading missing here is reported where
        it belongs: on the line after the block that precedes it. This rule owns headings on
        one side only (``structure-mismatch`` leaves them to it). In a translation made from
        another version of the guide (``structure-mismatch`` says so once), levels are
        compared only for headings that share a name or number with their partner.

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
    MAX_EACH = 3  # more headings on one side only than this: one finding for them all

    def check(self, doc, ctx):
        pair = content_pair_for(doc, ctx)
        if pair is None:
            return
        s_count = sum(1 for b in pair.sblocks if b.kind == "h")
        t_count = sum(1 for b in pair.tblocks if b.kind == "h")
        counts = f" ({t_count} headings here, {s_count} in the source)" if s_count != t_count else ""
        runs = []  # consecutive headings shifted by the same number of levels: one finding
        diverged = pair.diverged  # a walk over the ops: once, not per heading
        for sb, tb in pair.matched:
            if sb.kind != "h":
                continue
            if diverged and not sb.tokens() & tb.tokens():
                continue  # another version of the guide: this pairing is a guess
            if tb.level != sb.level and not sb.tokens() & tb.tokens() and _other_sections(pair, sb, tb):
                continue  # two different sections the alignment paired, not one at another level
            delta = tb.level - sb.level
            if delta and runs and runs[-1][0] == delta and runs[-1][-1] is not None:
                runs[-1][2] += 1
            elif delta:
                runs.append([delta, (sb, tb), 1, True])
            elif runs:
                runs[-1][-1] = None  # a heading at the right level ends the run
        for delta, (sb, tb), count, _ in runs:
            more = f" (and the {count - 1} heading(s) after it, same shift)" if count > 1 else ""
            ctx.report(tb.line, 1, f"heading level {tb.level} here, {sb.level} at source line "
                       f"{sb.line} ('{short(sb.title)}'){more}", end_column=tb.level + 1)
        lonely_s, lonely_t = ([], []) if diverged else _leftovers(pair)
        lonely = []
        for k, (i, j) in enumerate(pair.ops):
            if k in lonely_s and pair.sblocks[i].kind == "h":
                lonely.append((pair.sblocks[i], None, pair.target_line_missing(k)))
            elif k in lonely_t and pair.tblocks[j].kind == "h":
                lonely.append((None, pair.tblocks[j], pair.tblocks[j].line))
        if len(lonely) > self.MAX_EACH:
            sb, tb, line = lonely[0]
            first = (f"'{short(sb.title) or sb.label}' of source line {sb.line} has no counterpart here"
                     if sb else f"'{short(tb.title)}' here is not in the source (near source line "
                     f"{(pair.source_line_before(tb) or 1)})")
            ctx.report(line, 1, f"{len(lonely)} headings are on one side only{counts}; first: {first}")
            return
        for sb, tb, line in lonely:
            if sb is not None:
                ctx.report(line, 1, f"heading '{short(sb.title) or sb.label}' (level {sb.level}, source line "
                           f"{sb.line}) is missing here{counts}")
            else:
                ctx.report(line, 1, f"heading '{short(tb.title)}' is not in the source (near source line "
                           f"{(pair.source_line_before(tb) or 1)}){counts}", end_column=tb.level + 1)


def _other_sections(pair, sb, tb) -> bool:
    """The two headings open sections of very different sizes (one paragraph against a page of
    steps): the translation has another section there, which outdated and the content rules
    report, rather than the same section at another level."""
    def size(blocks, heading):
        start = next(n for n, b in enumerate(blocks) if b is heading)
        end = next((n for n in range(start + 1, len(blocks)) if blocks[n].kind == "h"), len(blocks))
        return end - start

    a, b = size(pair.sblocks, sb), size(pair.tblocks, tb)
    return max(a, b) >= 3 * min(a, b)
