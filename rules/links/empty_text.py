import re

from lint.registry import register
from lint.rule import Rule

#: an unresolved link to a guide by its legacy number, as markup/legacy-residue's
#: `legacy-guide-link` pattern reads it
LEGACY_TARGET = re.compile(r"\{legacy\}\s*\d|<legacy:\s*\d")
LEGACY_OWNER = "markup/legacy-residue"


def has_visible_text(node) -> bool:
    """True when a link shows the reader something: words, code, an image or inline HTML."""
    for child in node.children:
        if child.type in ("image", "inline_html"):
            return True
        if child.type in ("text", "codespan") and child.text.strip():
            return True
        if child.children and has_visible_text(child):
            return True
    return False


@register
class EmptyText(Rule):
    """
    What it does
        Reports a link whose visible text is empty or blank: `[](https://...)`, `[ ](...)`.
        A link that shows an image (`[![](images/logo.png)](https://...)`) is
        not empty. Images themselves are not checked: `![](images/shot.png)` without alt text
        is the usual way of writing screenshots in these guides, and alt text is another rule's
        matter.

    Why is this bad?
        The reader sees nothing to click: the sentence around it reads "see the guide ." and
        the target is lost. In converted guides the text was usually dropped with the markup
        of an older CMS (`[]({legacy}1596)`).

    One defect, one finding
        An empty link to a legacy guide number (`[]({legacy}1596)`) is reported by
        `markup/legacy-residue`, which names the guide the link was meant for; this rule stays
        silent on it while that rule is enabled. An empty link glued to a word
        (`ohjetta[](https://...)`) is reported here only: `links/missing-space` would advise a
        space, which leaves the link empty.

    Example
        Lisätietoja SSH-protokollasta löydät tästä [](https://fi.wikipedia.org/wiki/SSH).

    Use instead
        Lisätietoja SSH-protokollasta löydät [Wikipediasta](https://fi.wikipedia.org/wiki/SSH).
    """

    id = "links/empty-text"
    severity = "warning"
    summary = "link with no visible text"
    tags = ("links", "rendering")

    def check(self, doc, ctx):
        legacy_owned = ctx.effective is not None and LEGACY_OWNER in ctx.effective.rules
        for node in doc.walk("link"):
            if node.attrs.get("autolink") or has_visible_text(node):
                continue
            line = doc.line(node.line)
            if not line.startswith("[", node.column - 1):
                continue  # not where we think it is: do not guess
            close = line.find("]", node.column - 1)
            end = close + 2 if close >= 0 else node.column + 1
            stop = node.end_column - 1 if node.end_line == node.line else len(line)
            if legacy_owned and close >= 0 and LEGACY_TARGET.search(line, close + 1, stop):
                continue  # `[]({legacy}1596)`: markup/legacy-residue's finding
            target = node.attrs.get("url", "")
            ctx.report(node.line, node.column, f"link to '{target}' has no visible text", end_column=end)
