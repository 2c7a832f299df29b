import re

from lint.registry import register
from lint.rule import Rule

# what is left of a heading once its markup is gone: emphasis marks, hashes, an {#id}
MARKUP_ONLY = re.compile(r"[\s*_~#`]*")


@register
class EmptyHeading(Rule):
    """
    What it does
        Reports a heading with no visible text: `##` alone on its line, or a heading made
        only of spaces, emphasis marks or an `{#id}` (`## ** **`, `### {#step-2}`).

    Why is this bad?
        The page gets an empty entry in its table of contents and a gap where a title was
        meant; usually the title was lost when a guide was converted or translated, or a
        `#` line was typed by mistake.

    Example
        (none of the 245 real guides has one today; this is the shape a lost title takes)

        ##

        Voit nyt määrittää sähköpostiohjelman.

    Use instead
        ## Sähköpostiohjelman määrittäminen

        Voit nyt määrittää sähköpostiohjelman.
    """

    id = "markup/empty-heading"
    severity = "warning"
    summary = "heading with no visible text"
    tags = ("markup", "rendering")

    def check(self, doc, ctx):
        for node in doc.headings:
            text = node.plain_text()
            if node.attrs.get("id"):
                text = re.sub(r"\s*\{\s*#[^{}]*\}\s*$", "", text)
            if text and not MARKUP_ONLY.fullmatch(text):
                continue
            if any(c.type in ("image", "inline_html") for c in node.walk()):
                continue
            line = doc.line(node.line)
            ctx.report(node.line, node.column, f"level-{node.attrs.get('level', 1)} heading has no text",
                       end_column=len(line.rstrip()) + 1 if node.end_line == node.line else None)
