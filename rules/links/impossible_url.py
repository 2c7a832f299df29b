import re

from lint.finding import Edit
from lint.registry import register
from lint.rule import Rule

from ._prose import single_line_prose
from ._targets import targets

SCHEMES = r"(?:https?|ftps?|sftp)"
# `https://https://x`, `http://http//x`: the scheme typed twice (a scheme later in the path,
# `http://a.fi/https://b`, is links/malformed-target's "two URLs glued together")
DOUBLED = re.compile(r"(?i)\b" + SCHEMES + r"://+(?P<second>" + SCHEMES + r":?/+)")
# `https ://`, `https: //`, `https:/ /`, `https:// www.ovh.com`: a space inside the scheme
SPACED = re.compile(r"(?i)\b(?P<scheme>" + SCHEMES + r")(?P<gap>[ \t\u00a0]+:[ \t\u00a0]*/[ \t\u00a0]*/|:[ \t\u00a0]+/[ \t\u00a0]*/"
                    r"|:/[ \t\u00a0]+/|://[ \t\u00a0]+(?=(?:www\.|[\w-]+\.[a-z]{2,}/)))")
# `sivullawww.ovh.fi`: a web address glued to the word before it
GLUED_WWW = re.compile(r"(?<=[^\W\d_])www\.[\w-]+\.[a-z]{2,}", re.I)


@register
class ImpossibleUrl(Rule):
    """
    What it does
        Reports a URL, in prose or as a link destination, that cannot be right:

        - the scheme written twice: `https://https://www.ovh.com/...`;
        - a space inside the scheme: `https ://`, `https: //`, `https:// www.ovh.com`;
        - `www.` glued to the word before it: `sivullawww.ovh-hosting.fi`.

    Why is this bad?
        A reader who copies the address gets an error page; a browser cannot open it, and
        in prose the renderer does not make a link of it. These come from pasting a URL
        over another and from translation tools that move spaces.

    Fix
        Removes the doubled scheme or the space; a glued `www.` gets a space before it
        (unsafe: the text's words change).

    Example
        (none of the 245 real guides has one today; readers found them in other guides)
        Kirjaudu osoitteessa https://https://www.ovh.com/manager/ tai sivullawww.ovh-hosting.fi.

    Use instead
        Kirjaudu osoitteessa https://www.ovh.com/manager/ tai sivulla www.ovh-hosting.fi.
    """

    id = "links/impossible-url"
    severity = "warning"
    summary = "a URL that cannot be right: doubled scheme, space in the scheme, www. glued to a word"
    tags = ("links")
    fix = "unsafe"  # it removes or splits words of the URL

    def check(self, doc, ctx):
        for t in targets(doc, "link", "image"):
            m = DOUBLED.match(t.url)
            if m:
                self._doubled(ctx, t.line, t.column, m)
        lines = doc.lines
        count = len(lines)
        for node in doc.memo(single_line_prose):
            # doc.line() inlined: this runs for every text node of every guide
            raw = lines[node.line - 1][node.column - 1:node.end_column - 1] if 0 < node.line <= count else ""
            if "/" in raw:
                for m in DOUBLED.finditer(raw):
                    self._doubled(ctx, node.line, node.column, m)
                for m in SPACED.finditer(raw):
                    start = node.column + m.start("gap")
                    fixed = re.sub(r"[ \t\u00a0]", "", m.group("gap"))
                    ctx.report(node.line, node.column + m.start(),
                               f"space inside '{m.group().strip()}': the address cannot be opened",
                               end_column=node.column + m.end(),
                               edits=[Edit(node.line, start, node.line, start + len(m.group("gap")), fixed)])
            if "www." in raw:
                for m in GLUED_WWW.finditer(raw):
                    column = node.column + m.start()
                    ctx.report(node.line, column, f"'{m.group()}' is glued to the word before it",
                               end_column=node.column + m.end(), edits=[Edit(node.line, column, node.line, column, " ")])

    @staticmethod
    def _doubled(ctx, line, column, m):
        start = column + m.start("second")
        ctx.report(line, column + m.start(), f"scheme written twice: '{m.group()}'",
                   end_column=column + m.end(), edits=[Edit(line, start, line, column + m.end(), "")])
