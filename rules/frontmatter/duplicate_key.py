from lint.registry import register
from lint.rule import Rule


@register
class DuplicateKey(Rule):
    """
    What it does
        Reports a front matter key that appears twice.

    Why is this bad?
        YAML loaders silently keep the last value, so the first one, often the one a
        translator just corrected, is ignored without a word.

    Example
        ---
        title: Configurer Outlook
        title: Configure Outlook
        ---

    Use instead
        ---
        title: Configurer Outlook
        ---
    """

    id = "frontmatter/duplicate-key"
    severity = "error"
    summary = "front matter key appears twice"
    tags = ("frontmatter",)

    def check(self, doc, ctx):
        for problem in doc.frontmatter.problems:
            if problem.kind == "duplicate-key":
                ctx.report(problem.line, problem.column, problem.message)
