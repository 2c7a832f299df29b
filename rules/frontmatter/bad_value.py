from lint.registry import register
from lint.rule import Option, Rule

from .schema import KINDS, known_keys, value_problem


def _kinds_problem(types: dict) -> str | None:
    for key, kind in types.items():
        if kind not in KINDS:
            return f"{key}: unknown kind {kind!r} (known: {', '.join(KINDS)})"
    return None


@register
class BadValue(Rule):
    """
    What it does
        Reports a front matter value of the wrong kind: ``deprecated`` and ``hidden`` must be
        booleans, ``slug`` a URL slug, ``legacy_guide_number`` ``g1234`` or a number,
        ``order`` a whole number, ``updated`` a date (the kinds are data, in
        ``rules/frontmatter/keys.yaml``; add or override them with the ``types`` option).

    Why is this bad?
        ``deprecated: "yes"`` is a string, not true: the guide stays live. A slug with
        spaces or capitals makes a broken or duplicate URL.

    Example
        ---
        deprecated: yes please
        slug: Configure Outlook
        ---

    Use instead
        ---
        deprecated: true
        slug: configure-outlook
        ---
    """

    id = "frontmatter/bad-value"
    severity = "error"
    summary = "front matter value has the wrong type or shape"
    tags = ("frontmatter",)
    options = {"types": Option({}, "key -> the kind its value must be; adds to or overrides keys.yaml",
                               check=_kinds_problem)}

    def check(self, doc, ctx):
        kinds = {**known_keys(), **ctx.option("types")}
        for key, value in doc.frontmatter.data.items():
            kind = kinds.get(key)
            problem = value_problem(kind, value) if kind else None
            if problem:
                line, column = doc.frontmatter.key_lines.get(key, (1, 1))
                ctx.report(line, column, f"'{key}' {problem} (got {value!r})",
                           end_column=len(doc.line(line)) + 1)
