import re

from lint.finding import Edit
from lint.registry import register
from lint.rule import Rule

UI_CLASS = re.compile(r"\{\s*\.(?:action|ui|button|menu)\b[^{}]*\}")


@register
class ActionSpanSpace(Rule):
    """
    What it does
        Reports spaces at the start or end of an inline UI label, a code span followed by
        an attribute list such as `{.action}`: `` `Suivant `{.action} ``,
        `` ` Configurer le firewall`{.action} ``.

    Why is this bad?
        The label is rendered as a button-like box with a gap inside it, and the text does
        not match the interface the reader searches for. Translation tools often add the
        space when they move the backquote.

    Fix
        Removes the spaces inside the backquotes (safe); a leading space glued to the word
        before the label is moved out (`` >` Network`{.action} `` → `` > `Network`{.action} ``).

    Example
        (how_to_configure_outlook_2016/guide.pl-pl.md)
        Kliknij `Pozwól mi ręcznie skonfigurować moje konto `{.action}.

    Use instead
        Kliknij `Pozwól mi ręcznie skonfigurować moje konto`{.action}.
    """

    id = "markup/action-span-space"
    severity = "warning"
    summary = "spaces inside an inline UI label such as `Suivant `{.action}"
    tags = ("markup")
    fix = "safe"

    def check(self, doc, ctx):
        for parent in doc.walk("paragraph", "heading", "table_cell", "link", "strong", "emphasis"):
            children = parent.children
            for node, after in zip(children, children[1:]):
                if (node.type != "codespan" or after.attrs.get("role") != "attribute-list"
                        or not UI_CLASS.fullmatch(after.text.strip()) or node.line != node.end_line):
                    continue
                line = doc.line(node.line)
                raw = line[node.column - 1:node.end_column - 1]
                ticks = len(raw) - len(raw.lstrip("`"))
                inner = raw[ticks:len(raw) - ticks]
                if not inner.strip() or inner == inner.strip() or ticks != len(raw) - len(raw.rstrip("`")):
                    continue
                lead = len(inner) - len(inner.lstrip())
                trail = len(inner) - len(inner.rstrip())
                if ticks > 1 and lead == trail == 1:
                    continue  # `` `x` ``: CommonMark strips one space each side when backquotes are inside
                open_end = node.column + ticks
                close_start = node.end_column - ticks
                edits = []
                if lead and node.column > 1 and not line[node.column - 2].isspace():
                    # `>` Network`: the space belonged before the label, move it out
                    edits.append(Edit(node.line, node.column, node.line, open_end + lead, " " + "`" * ticks))
                elif lead:
                    edits.append(Edit(node.line, open_end, node.line, open_end + lead, ""))
                if trail:
                    edits.append(Edit(node.line, close_start - trail, node.line, close_start, ""))
                ctx.report(node.line, node.column, f"space inside the UI label `{inner}`{after.text.strip()}: "
                           f"write `{inner.strip()}`", end_column=node.end_column, edits=edits)
