from lint.registry import register
from lint.rule import Rule


@register
class Deprecated(Rule):
    """
    What it does
        Reports a guide whose front matter says ``deprecated: true``.

        A translation deprecated while its source guide is live is left to
        ``translation/frontmatter-mismatch``, which says so more precisely (one finding per
        defect); with that rule disabled, this one reports it.

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
    cross_file = True  # a translation retired alone is frontmatter-mismatch's finding

    def check(self, doc, ctx):
        if doc.frontmatter.data.get("deprecated") is True:
            if _retired_alone(doc, ctx):
                return
            line, column = doc.frontmatter.key_lines["deprecated"]
            ctx.report(line, column, "guide is marked deprecated: retire it or drop the flag",
                       end_column=column + len("deprecated"))


def _retired_alone(doc, ctx) -> bool:
    """A translation deprecated while its source is live, which frontmatter-mismatch reports."""
    effective = ctx.effective
    if effective is None or "translation/frontmatter-mismatch" not in effective.rules:
        return False
    from lint.translations.align import pair_for

    pair = pair_for(doc, ctx)
    return pair is not None and pair.retired
