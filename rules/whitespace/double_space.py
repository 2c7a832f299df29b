import re

from lint.finding import Edit
from lint.registry import register
from lint.rule import Rule

RUN = re.compile(r"(?<=\S)( {2,})(?=\S)")


@register
class DoubleSpace(Rule):
    """
    What it does
        Reports two or more spaces between words of prose.

    Why is this bad?
        Doubled spaces are left behind by edits and by translation tools; they show in
        source diffs and, in some renderers, on the page. Indentation, the padding that
        aligns table columns, a hard line break (two spaces at the end of a line), the
        spacing allowed after a list marker, and code are not prose and are not reported.

    Example
        Portit 995 ja 465 vastaavat  aktivoitua SSL-suojausta.

    Use instead
        Portit 995 ja 465 vastaavat aktivoitua SSL-suojausta.
    """

    id = "whitespace/double-space"
    severity = "warning"
    summary = "two or more spaces inside prose"
    tags = ("whitespace", "fixable")
    fix = "safe"

    def check(self, doc, ctx):
        for node in doc.prose_text_nodes():
            if not node.exact or node.line != node.end_line or node.inside("table_cell"):
                continue
            for m in RUN.finditer(node.text):
                column = node.column + m.start(1)
                end = column + len(m.group(1))
                ctx.report(node.line, column, f"{len(m.group(1))} spaces between words",
                           end_column=end, edits=[Edit(node.line, column, node.line, end, " ")])
