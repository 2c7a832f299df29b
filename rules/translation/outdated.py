from lint.registry import register
from lint.rule import Option, Rule
from lint.translations.align import content_pair_for
from lint.translations.diff import drift


@register
class Outdated(Rule):
    """
    What it does
        Judges, once per file, whether a translation still says what its source says, by
        content and not by commit dates: after aligning the two guides it counts the blocks
        whose meaning-bearing tokens differ (numbers, inline code, code blocks, images,
        links) and the sections, steps, table rows, images and code blocks present on one
        side only. Wording, emphasis, reflowed lines and split or merged paragraphs do not
        count. The finding sits at the first drift and names the source line; when the guide
        is in a git work tree, the source commit that wrote that line is added as evidence
        (``git blame``; option ``git_evidence``). Commit dates alone are never the judge.

    Why is this bad?
        A translation that lags behind its source tells readers of that locale to do what
        the product no longer does.

    Example
        The source's port table now says 587; the translation still says 25.

    Use instead
        Update the translation from the source (the other ``translation/`` findings list
        each difference).
    """

    id = "translation/outdated"
    severity = "warning"
    summary = "the translation no longer matches its source's content"
    tags = ("translation",)
    options = {
        "min_changes": Option(1, "how many content differences make a translation outdated", minimum=1),
        "git_evidence": Option(True, "name the source commit that wrote the drifting line (git blame)"),
    }
    cross_file = True

    def check(self, doc, ctx):
        pair = content_pair_for(doc, ctx)
        if pair is None:
            return
        found = drift(pair, ctx.config)
        if len(found) < ctx.option("min_changes"):
            return
        first = found[0]
        kinds = sorted({d.kind for d in found})
        evidence = ""
        if ctx.option("git_evidence"):
            from lint.translations.gitinfo import blame, evidence_text

            info = blame(pair.source.path, first.source_line)
            if info:
                evidence = evidence_text(info)
        ctx.report(first.line, 1, f"translation is outdated: {len(found)} content difference(s) with "
                   f"the source ({', '.join(kinds)}), first at source line {first.source_line}: "
                   f"{first.detail}{evidence}")
