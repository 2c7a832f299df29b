import difflib

from lint.registry import register
from lint.rule import Option, Rule

from .schema import known_keys


@register
class UnknownKey(Rule):
    """
    What it does
        Reports a front matter key the repository does not use, and suggests the closest
        known key when it looks like a typo (``titel`` for ``title``).

    Why is this bad?
        A misspelt key is ignored by the site: the guide silently loses its title, order
        or deprecation flag.

    Options
        allowed: extra keys your repository uses, besides those in
        ``rules/frontmatter/keys.yaml``.

    Example
        ---
        titel: Configure Outlook
        ---

    Use instead
        ---
        title: Configure Outlook
        ---
    """

    id = "frontmatter/unknown-key"
    severity = "warning"
    summary = "front matter key is not a known key"
    tags = ("frontmatter",)
    options = {"allowed": Option([], "more keys to accept besides those of keys.yaml")}

    def check(self, doc, ctx):
        known = set(known_keys()) | set(ctx.option("allowed"))
        for key, (line, column) in doc.frontmatter.key_lines.items():
            if key in known:
                continue
            close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.7)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            ctx.report(line, column, f"unknown front matter key '{key}'{hint}",
                       end_column=column + len(key))
