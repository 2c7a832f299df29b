from lint import registry, suppress
from lint.registry import register
from lint.rule import Rule


@register
class UnknownRule(Rule):
    """
    What it does
        Reports a ``<!-- guidelint-disable ... -->`` comment (or ``-enable``,
        ``-disable-next-line``) that names a rule or family guidelint does not know.

    Why is this bad?
        A misspelt rule id suppresses nothing, so the finding it was meant to silence
        keeps failing the build, or the comment outlives a renamed rule unnoticed.

    Example
        <!-- guidelint-disable-next-line tables/missing-delimeter -->

    Use instead
        <!-- guidelint-disable-next-line tables/missing-delimiter -->
    """

    id = "suppressions/unknown-rule"
    severity = "warning"
    summary = "suppression comment names an unknown rule"
    tags = ("suppressions",)

    def check(self, doc, ctx):
        known = set(registry.load())
        for unknown in suppress.parse(doc.lines, doc.code_lines, known).unknown:
            ctx.report(unknown.line, unknown.column,
                       f"'{unknown.name}' is not a guidelint rule or family; this suppresses nothing")
