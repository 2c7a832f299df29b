from lint.registry import register
from lint.rule import Option, Rule
from lint.translations.align import content_pair_for
from lint.translations.diff import short, verdict


@register
class Outdated(Rule):
    """
    What it does
        Judges, once per file, whether a translation still says what its source says, by
        content and not by commit dates. After aligning the two guides it looks for content
        drift: paragraphs, list items, table rows, headings or code blocks on one side only,
        code whose commands or parameters changed, and source blocks that say more than
        their translation (technical names such as ``IMAP`` or ``ConfigMap`` the translation
        lacks, or a paragraph that grew by sentences). A reflowed, reordered, split or merged
        paragraph, emphasis, shortcodes and localised links are not drift. A QA slip (a
        number, link, inline code or image that differs) is reported by its own rule and
        makes the guide outdated only when there are more than ``max_slips`` of them.

        The finding is the file's verdict, so it sits on the front matter's ``title`` line
        (line 1 without one) and names the first difference; each difference is reported
        where it is by ``structure-mismatch``, ``heading-mismatch`` and the other
        ``translation/`` rules, never twice on one line. When the guide is in a git work
        tree and the source commit that last changed that line is newer than the
        translation's last commit, the commit is named as evidence (option ``git_evidence``).

    Why is this bad?
        A translation that lags behind its source tells readers of that locale to do what
        the product no longer does.

    Example
        The source gained a step ``- restart the client``; the translation did not.

    Use instead
        Update the translation from the source (the other ``translation/`` findings list
        each difference).
    """

    id = "translation/outdated"
    severity = "warning"
    summary = "the translation no longer matches its source's content"
    tags = ("translation",)
    options = {
        "max_slips": Option(2, "QA slips (a number, link, inline code or image that differs) tolerated "
                               "before a guide counts as outdated", minimum=0),
        "git_evidence": Option(True, "name the source commit that last changed the drifting line, when it "
                                     "is newer than the translation's last commit (git blame)"),
    }
    cross_file = True

    def check(self, doc, ctx):
        pair = content_pair_for(doc, ctx)
        if pair is None:
            return
        state, found = verdict(pair, ctx.config, ctx.option("max_slips"))
        if state != "outdated":
            return
        content = [d for d in found if not d.slip]
        first = (content or found)[0]
        kinds = ", ".join(sorted({d.kind for d in found}))
        evidence = ""
        if ctx.option("git_evidence"):
            from lint.translations.gitinfo import blame, evidence_text, newer_than_last_change

            info = blame(pair.source.path, first.source_line)
            if info and newer_than_last_change(info["full"], doc.path):
                evidence = evidence_text({**info, "summary": short(info.get("summary", ""), 40)})
        line, column = doc.frontmatter.key_lines.get("title", (1, 1)) if doc.frontmatter.present else (1, 1)
        head = f"translation is outdated: {len(found)} difference(s) ({kinds}); first at line {first.line}: "
        room = 199 - len(head) - len(evidence)
        ctx.report(line, column, head + short(first.detail, max(room, 30)) + evidence)
