from lint.registry import register
from lint.rule import Rule


@register
class InvalidYaml(Rule):
    """
    What it does
        Reports front matter that is not valid YAML, is never closed, or is not a mapping,
        at the line and column of the YAML error.

    Why is this bad?
        The site generator cannot read the guide's title, slug or flags: the build fails
        or, worse, publishes the guide without them.

    Example
        ---
        title: 'Configure Outlook
        slug: configure-outlook
        ---

    Use instead
        ---
        title: 'Configure Outlook'
        slug: configure-outlook
        ---
    """

    id = "frontmatter/invalid-yaml"
    severity = "error"
    summary = "front matter is not valid YAML"
    tags = ("frontmatter",)

    def check(self, doc, ctx):
        for problem in doc.frontmatter.problems:
            if problem.kind in ("invalid-yaml", "unterminated", "not-mapping"):
                ctx.report(problem.line, problem.column, problem.message)
