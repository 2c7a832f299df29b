import re

from lint.finding import Edit
from lint.registry import register
from lint.rule import Option, Rule

# a line that starts a block of its own, or a sentence: not the rest of a heading
OWN_BLOCK = re.compile(r"^[ \t]*(?:#|\[\s*/|[-*+>|]|\d{1,9}[.)]\s|```|~~~|<|!\[|\[!|\{)")
SENTENCE_END = re.compile(r"[.:!?;…]['\"”»)*_]*\s*$")
# what a heading cannot end with when it is complete: a hyphen, a comma, an opening bracket
OPEN_END = re.compile(r"(?:[-–,(/&+]|\s)$")


@register
class SplitHeading(Rule):
    """
    What it does
        Reports an ATX heading whose title goes on on the next line: a short line right
        under the heading (no blank line) that ends no sentence and either starts in lower
        case or with a bracket, or follows a heading that stops on a space, a hyphen or a
        comma.

    Why is this bad?
        A heading ends at its line: the second half falls into the next paragraph, the
        table of contents and the anchor get half the title, and the paragraph begins with
        a fragment. It happens when a long title is wrapped by an editor.

    Fix
        Joins the two lines (safe).

    Example
        (feature_redirections/guide.fi-fi.md)
        ## Sähköpostiosoitteeseen A saapuneiden viestien uudelleenohjaus kahteen sähköpostiosoitteeseen
        (B ja C)

    Use instead
        ## Sähköpostiosoitteeseen A saapuneiden viestien uudelleenohjaus kahteen sähköpostiosoitteeseen (B ja C)
    """

    id = "markup/split-heading"
    severity = "warning"
    summary = "a heading wrapped onto the next line, whose second half falls into the paragraph"
    tags = ("markup", "rendering")
    fix = "safe"
    options = {"max_words": Option(6, "a next line of more words is a paragraph, not the heading's rest", minimum=1)}

    def check(self, doc, ctx):
        for node in doc.headings:
            if node.attrs.get("style") != "atx" or node.inside("block_quote", "list_item"):
                continue
            number = node.end_line + 1
            if number in doc.code_lines:
                continue
            heading, rest = doc.line(node.end_line), doc.line(number)
            stripped = rest.strip()
            if (not stripped or OWN_BLOCK.match(rest) or SENTENCE_END.search(stripped)
                    or len(stripped.split()) > ctx.option("max_words") or node.attrs.get("id")):
                continue
            follows = doc.line(number + 1).strip()
            starts_low = stripped[0].islower() or stripped[0] in "([«“„\"'"
            if not (starts_low or OPEN_END.search(heading)):
                continue
            if follows and not SENTENCE_END.search(follows) and not starts_low:
                continue  # a one-line lead-in of a longer paragraph, not a title's tail
            kept = heading.rstrip()
            ctx.report(number, len(rest) - len(rest.lstrip()) + 1,
                       f"'{stripped}' continues the heading of line {node.end_line}: "
                       "a heading ends at its line, so this falls into the next paragraph",
                       end_column=len(rest.rstrip()) + 1,
                       edits=[Edit(node.end_line, len(kept) + 1, number, len(rest) - len(rest.lstrip()) + 1,
                                   "" if kept.endswith(("-", "/")) else " ")])
