from lint.registry import register
from lint.rule import Rule


@register
class Deprecated(Rule):
    """
    What it does
        Reports a guide whose front matter says ``deprecated: true``.

    Why is this bad?
        A deprecated guide is still built and shipped; listing them lets a docs team see
        and retire them. Set ``skip_deprecated: true`` in the configuration to check nothing
        else in deprecated guides.

    Example
        ---
        deprecated: true
        title: Configure Windows Phone
        ---

    Use instead
        Remove the guide, or remove the key once the guide is current again.
    """

    id = "frontmatter/deprecated"
    severity = "info"
    summary = "guide is marked deprecated"
    tags = ("frontmatter", "lifecycle")

    def check(self, doc, ctx):
        if doc.frontmatter.data.get("deprecated") is True:
            line, column = doc.frontmatter.key_lines["deprecated"]
            ctx.report(line, column, "guide is marked deprecated: retire it or drop the flag",
                       end_column=column + len("deprecated"))
