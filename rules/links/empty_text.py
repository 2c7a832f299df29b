from lint.registry import register
from lint.rule import Rule


def _has_content(node) -> bool:
    for child in node.children:
        if child.type in ("image", "inline_html"):
            return True
        if child.type in ("text", "codespan") and child.text.strip():
            return True
        if child.children and _has_content(child):
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
        for node in doc.walk("link"):
            if node.attrs.get("autolink") or _has_content(node):
                continue
            line = doc.line(node.line)
            if not line.startswith("[", node.column - 1):
                continue  # not where we think it is: do not guess
            close = line.find("]", node.column - 1)
            end = close + 2 if close >= 0 else node.column + 1
            target = node.attrs.get("url", "")
            ctx.report(node.line, node.column, f"link to '{target}' has no visible text", end_column=end)
