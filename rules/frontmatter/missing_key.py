from lint.registry import register
from lint.rule import Option, Rule


@register
class MissingKey(Rule):
    """
    What it does
        Reports a guide whose front matter lacks a required key (by default ``title`` and
        ``slug``), or that has no front matter at all.

    Why is this bad?
        The site needs the title for the page and the menu, and the slug for the URL.

    Options
        required: the keys every guide must have.
        superseded_by: a key that makes a required key unnecessary. By default ``slug`` is
        not required in a guide that has ``updated``: ovh/docs dropped slugs from the guide
        format that introduced ``updated``, so those guides are correct without one.

    Example
        ---
        excerpt: How to configure Outlook
        ---

    Use instead
        ---
        title: Configure Outlook
        slug: configure-outlook
        excerpt: How to configure Outlook
        ---
    """

    id = "frontmatter/missing-key"
    severity = "warning"
    summary = "front matter lacks a required key"
    tags = ("frontmatter",)
    options = {
        "required": Option(["title", "slug"], "the keys every guide must have"),
        "superseded_by": Option({"slug": "updated"},
                                "required key -> a key whose presence makes it unnecessary"),
    }

    def check(self, doc, ctx):
        fm = doc.frontmatter
        if any(p.kind in ("invalid-yaml", "unterminated", "not-mapping") for p in fm.problems):
            return  # frontmatter/invalid-yaml already says why nothing can be read
        missing = [key for key in ctx.option("required") if key not in fm.data
                   and ctx.option("superseded_by").get(key) not in fm.data]
        if not missing or (not fm.present and doc.locale is None):
            return  # a README or other page that is not a guide needs no front matter
        names = ", ".join(f"'{k}'" for k in missing)
        if not fm.present:
            ctx.report(1, 1, f"no front matter: {names} required")
        else:
            ctx.report(fm.start_line, 1, f"front matter lacks {names}", end_column=4)
