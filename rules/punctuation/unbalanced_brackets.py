import re

from lint.registry import register
from lint.rule import Rule
from rules.markup._inline import block_prose
from rules.markup.legacy_residue import _builtin as legacy_patterns

# what is not prose inside a text node, blanked before counting: escapes, bare URLs (Wikipedia
# titles hold parentheses), placeholders and attribute lists, smileys
NOT_PROSE = [(re.compile(p), needs) for p, needs in (
    (r"\\.", ("\\",)),
    (r"\b(?:[a-z][a-z0-9+.-]*://|www\.)(?:[^\s<>()]|\([^\s<>()]*\))*(?<![.,;:!?\"'”»])", ("://", "www.")),
    (r"\{[^{}]*\}", ("{",)),
    (r"(?<![\w)])[:;=][-'^o]?[)(\]\[DPp](?![\w(])|\^\^", (":", ";", "=", "^")),
)]
# `1)`, `a)`, `iv)` numbering items inside a sentence: not a closing parenthesis
ENUMERATOR = re.compile(r"(?:^|(?<=[\s(\"“«]))(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})$")
PAIRS = {"(": ")", "[": "]"}
CLOSERS = {")": "(", "]": "["}
BRACKETS = frozenset("()[]")
# every way the languages of the guides pair double quotes; a block is balanced when one of
# them pairs all its quotes (“…” English, „…“ German and Czech, „…” Polish and Hungarian,
# ”…” Finnish and Swedish; «…» French, »…« German and Danish)
QUOTE_SCHEMES = {
    "curly": (("“", "”"), ("„", "“"), ("„", "”"), ("”", "”"), ("“", "“")),
    "guillemets": (("«", "»"), ("»", "«")),
}
# the style a language writes first, so that a lone quote is named from its point of view
PREFERRED = {"fi": "”", "sv": "”", "de": "„", "cs": "„", "sk": "„", "lt": "„", "pl": "„", "hu": "„",
             "ro": "„", "nl": "„"}
QUOTE_FAMILY = {c: family for family, schemes in QUOTE_SCHEMES.items() for pair in schemes for c in pair}
# a piece holding none of these is skipped; in the others only these characters are looked at
MARKS = re.compile("[][()“”„«»]")
MARKS_AND_HALVES = re.compile("[][()“”„«»\0]")


def _enumerates(text: str, i: int) -> bool:
    """The `)` at ``i`` ends a numbering item such as `1)` or `b)`; only the few characters
    before it are read (a long line of parentheses must not be read again for each)."""
    start = max(0, i - 6)
    return ENUMERATOR.search(("x" if start else "") + text[start:i]) is not None


def _blank(m: re.Match) -> str:
    return " " * len(m.group())


# the `]` of a broken BBCode half (`[tässä esimerkissä i]OVH`, `/b]`): it closes a `[` opened
# before it when there is one, and is otherwise residue, never a stray bracket
HALF_CLOSE = "\0"


def _masked(raw: str) -> tuple[str, frozenset]:
    """The line with what is not prose blanked, and the offsets BBCode residue covered."""
    residue = set()
    if "]" in raw:
        # BBCode left by the old CMS (`[url="…"]`, `/green]`) is markup/legacy-residue's to report;
        # first, before the URL inside `[url="…"]` is blanked
        for _name, pattern, _message, needs in legacy_patterns():
            if "]" in pattern.pattern and (not needs or needs in raw):
                raw = pattern.sub(lambda m: _residue(m, residue), raw)
    for pattern, needs in NOT_PROSE:
        # a substring test first: a URL pattern tried at every word start of a long line is slow
        if any(n in raw for n in needs):
            raw = pattern.sub(_blank, raw)
    return raw, frozenset(residue)


def _residue(m: re.Match, residue: set) -> str:
    text = m.group()
    residue.update(range(m.start(), m.end()))
    if text.endswith("]") and text.count("]") > text.count("["):
        return " " * (len(text) - 1) + HALF_CLOSE
    return " " * len(text)


def _touches(residue: frozenset, offset: int) -> bool:
    """A bracket glued to BBCode residue (`[blue]]`, `/!\\]/b]`) is part of that residue."""
    return offset - 1 in residue or offset + 1 in residue


def _pairs(marks, opener, closer):
    """The unpaired marks of one scheme (empty: it balances), or None when a mark is foreign."""
    stack, stray = [], []
    for mark in marks:
        c = mark[2]
        if c not in (opener, closer):
            return None
        if opener == closer:
            if stack:
                stack.pop()
            else:
                stack.append(mark)
        elif c == opener:
            stack.append(mark)
        elif stack:
            stack.pop()
        else:
            stray.append(mark)
    return stray + stack


@register
class UnbalancedBrackets(Rule):
    """
    What it does
        Reports, within one paragraph, heading, list item or table cell, a parenthesis or
        square bracket that is never closed or never opened, and double quotes that no
        quoting style pairs: a `)` left after a link (`[Email Pro](https://…))`), a `(`
        never closed, a `»` with no `«`, a `“` with no closing quote.

        It reads Markdown, not characters: link and image brackets, list markers, code,
        URLs (which may hold parentheses), attribute lists and escaped characters are not
        counted; numbered items inside a sentence (`1)`, `b)`) and smileys (`:)`) are not
        brackets. Quotes count as paired in any style the guides' languages use: “…”,
        „…“, „…”, ”…”, «…», »…«.

        BBCode residue of the old CMS belongs to markup/legacy-residue: its brackets, a
        bracket glued to it (`[blue]]`, `/!\\]/b]`) and a `[` that a broken tag half closes
        (`([tässä esimerkissä i]OVH`) are not reported here.

    Why is this bad?
        A stray bracket left by an edit or a broken link shows on the page, and an
        unclosed parenthesis or quote leaves the reader to guess where an aside ends.
        Counting characters is not enough on Markdown (pofilter's `brackets` check gives 177
        hits on the OVHcloud guides, 2 of them real): the link syntax must be read first.

    Example
        (email_change_password/guide.en-gb.md)
        … [**Email Pro**](https://www.ovhcloud.com/en-gb/emails/email-pro/)) or **MX Plan** …

        (how_to_configure_gmail/guide.de-de.md)
        Genauere Informationen finden Sie im Teil „Weiterführende Informationen" dieser Anleitung.

    Use instead
        … [**Email Pro**](https://www.ovhcloud.com/en-gb/emails/email-pro/) or **MX Plan** …

        Genauere Informationen finden Sie im Teil „Weiterführende Informationen“ dieser Anleitung.
    """

    id = "punctuation/unbalanced-brackets"
    severity = "warning"
    summary = "a bracket or quote never closed or never opened"
    tags = ("punctuation",)

    def check(self, doc, ctx):
        masked = {}
        for _block, pieces in block_prose(doc):
            stack, quotes = [], {"curly": [], "guillemets": []}
            opened = {"(": 0, "[": 0}  # what the stack holds, so a closer need not search it
            for line, column, raw in pieces:
                if MARKS.search(raw) is None:
                    continue
                # masked on the whole line: a BBCode link or a URL may span several text nodes
                if line not in masked:
                    masked[line] = _masked(doc.line(line))
                whole, residue = masked[line]
                text = whole[column - 1:column - 1 + len(raw)]
                for m in MARKS_AND_HALVES.finditer(text):
                    i, c = m.start(), m.group()
                    if c == HALF_CLOSE:
                        if stack and stack[-1][2] == "[":
                            opened[stack.pop()[2]] -= 1
                    elif c in BRACKETS and _touches(residue, column - 1 + i):
                        continue  # markup/legacy-residue reports it, with the tag it belongs to
                    elif c in PAIRS:
                        stack.append((line, column + i, c))
                        opened[c] += 1
                    elif c in CLOSERS:
                        if stack and stack[-1][2] == CLOSERS[c]:
                            opened[stack.pop()[2]] -= 1
                        elif c == ")" and _enumerates(text, i):
                            continue
                        elif opened[CLOSERS[c]]:
                            while stack[-1][2] != CLOSERS[c]:
                                mark = stack.pop()
                                opened[mark[2]] -= 1
                                self._unclosed(ctx, mark)
                            opened[stack.pop()[2]] -= 1
                        else:
                            ctx.report(line, column + i, f"'{c}' closes nothing: no '{CLOSERS[c]}' before it "
                                       "in this block", end_column=column + i + 1)
                    elif c in QUOTE_FAMILY:
                        quotes[QUOTE_FAMILY[c]].append((line, column + i, c))
            for mark in stack:
                self._unclosed(ctx, mark)
            for family, marks in quotes.items():
                if marks:
                    self._quotes(ctx, family, marks, PREFERRED.get(doc.language or ""))

    def _unclosed(self, ctx, mark):
        line, column, c = mark
        ctx.report(line, column, f"'{c}' is never closed in this block", end_column=column + 1)

    def _quotes(self, ctx, family, marks, preferred):
        best = None
        schemes = sorted(QUOTE_SCHEMES[family], key=lambda pair: pair[0] != preferred)
        for opener, closer in schemes:
            stray = _pairs(marks, opener, closer)
            if stray == []:
                return
            if stray is not None and (best is None or len(stray) < len(best[0])):
                best = (stray, opener, closer)
        if best is None:
            line, column, c = marks[0]
            ctx.report(line, column, f"quotes {' '.join(m[2] for m in marks)} in this block pair in no quoting style",
                       end_column=column + 1)
            return
        stray, opener, closer = best
        line, column, c = stray[0]
        if opener != closer and c == closer:
            message = f"'{c}' closes a quote that was never opened (no '{opener}' before it)"
        else:
            message = f"'{c}' opens a quote that is never closed (no '{closer}' after it)"
        ctx.report(line, column, message, end_column=column + 1)
