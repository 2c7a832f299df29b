import re

from lint.finding import Edit
from lint.registry import register
from lint.rule import Option, Rule

MASK = "\ue000"  # stands for code, URLs, e-mail addresses, attribute lists: never a space, never a letter
TAG = "\ue001"  # stands for HTML tags and link destinations
SPACES = " \t\u00a0\u202f"

# what is not prose on a line, in the order it is blanked out (same length, so columns hold);
# each pattern comes with the substrings it cannot match without: most lines hold none of them,
# and a substring test is far cheaper than a regex scan
NOT_PROSE = [(re.compile(p), needs) for p, needs in (
    (r"(`+)(?:(?!\1).)+?\1", ("`",)),                                     # inline code
    (r"<[a-z][a-z0-9+.-]*:[^\s<>]*>", ("<",)),                            # <autolinks>
    (r"<!--.*?(?:-->|$)", ("<!--",)),                                     # HTML comments
    (r"</?[A-Za-z][^<>]*>", ("<",)),                                       # inline HTML
    (r"(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)", ("](",)),  # link and image destinations
    (r"\{[^{}\n]*\}", ("{",)),                                             # attribute lists, placeholders
    (r"\b(?:[a-z][a-z0-9+.-]*://|mailto:|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?\"'”»]",
     ("://", "mailto:", "www.")),                                         # bare URLs
    (r"(?<![\w.+%-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", ("@",)),              # e-mail addresses (whole runs only: linear)
    (r"&#?\w+;", ("&",)),                                                  # HTML entities
    (r"\\[\\`*_{}\[\]()#+\-.!:;,?]", ("\\",)),                            # backslash escapes
)]
NOT_PROSE_NEEDS = re.compile("|".join(re.escape(n) for _, needs in NOT_PROSE for n in needs))
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s")
QUOTE_PREFIX = re.compile(r"^(?:\s{0,3}>)*")

WORD_END = r"[^\W_]|[)\]*_\"”»'’" + MASK + TAG + "]"
# a mark glued to the next word: `tyyppi:POP3`, `concerned,and`, `(RBX),en`, `Salasana:[link](...)`
GLUED_AFTER = re.compile(r"(?<=" + WORD_END + r")(?P<mark>[:,;])(?=[^\W_]|\[(?![!/\s])|[\"“”«]\w|\*\*\w|" + MASK + ")")
# ` :465` in a French guide: the space after the colon is missing, the one before is right
SPACED_GLUED_COLON = re.compile(r"(?<=[ \u00a0\u202f])(?P<mark>:)(?=[^\W_])")
# a question mark glued to the next sentence: `kirjautumisessa?Tarkista` (not `!`: Yahoo!Mail)
GLUED_SENTENCE = re.compile(r"(?<=[^\W\d_])(?P<mark>[?])(?=[^\W\d_][^\W\d_])")
# a space before a full stop or comma: `**IMAP** .`, `"To" ,`, `{.external} .`
SPACE_BEFORE = re.compile(r"(?:(?<=" + WORD_END + r")|(?<=\.\.\.))(?P<space>[ \t\u00a0\u202f]+)(?P<mark>[.,])(?!\.)(?=[\s)\"”»]|$)")
# a space before : ; ? ! where the locale wants none: `Adres Email :`, `Example :`
SPACE_BEFORE_HIGH = re.compile(r"(?<=" + WORD_END + r")(?P<space>[ \t\u00a0\u202f]+)(?P<mark>[:;?!])(?=\s|$)")
# French: the space (or no-break space) that : ; ? ! want before them
FRENCH_MISSING = re.compile(r"(?<=[^\W_]|[)\]*_\"”»" + MASK + TAG + r"])(?P<mark>[:;?!])(?=\s|$)")

# parentheses glued to the word outside them, or padded inside: `Incoming(IMAP)`, `(SSL)tulisi`,
# `( ou`, `**@** )`; `(s)`, `(re)` and `f(x)` (three lower-case letters at most) and argument lists are words
# (the lookbehinds come after the first character: a pattern that starts with one is tried at
# every position of the line)
PAREN_GLUED_BEFORE = re.compile(r"\((?:(?<=[^\W\d_]{2}\()|(?<=" + MASK + r"\())(?=[^\W_])(?P<inner>[^()\n]{1,60})\)")
PAREN_GLUED_AFTER = re.compile(r"\((?P<inner>[^()\n]{1,60})\)(?=[^\W\d_]{2}|(?<=[A-Z0-9]\))\d{2})")
PAREN_PADDED = re.compile(r"\((?P<open>[ \t]+)(?=\S)|(?P<close>[ \t](?<=\S[ \t])[ \t]*)\)")
WORD_INSIDE = re.compile(r"[a-zà-ÿ]{1,3}|.*[,=$].*")

# French and Italian elided words keep no space after the apostrophe: `l'authentification`,
# `sull’applicazione`; a space, or a line break in the middle of a paragraph, separates them
ELIDED = {"fr": r"l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu",
          "it": r"l|d|un|dell|dall|sull|nell|all|coll|quest|quell|tutt|c|s|m|t|v|n"}
# what every finding of the elision pattern needs: an apostrophe before a space or the line's
# end (the pattern itself starts with a lookbehind, tried at every position of the line)
ELIDED_GAP = re.compile(r"['’](?:[ \t]|$)")
CONTINUATION = re.compile(r"^\s*(?![-+*]\s|\d{1,9}[.)]\s|#|\||>|\[!|$)")

# languages that open with „ (or ‚) and close with “: there “ followed by a space is right
LOW_OPENING_QUOTES = {"de", "cs", "sk", "lt", "lv", "et", "is", "bg", "ro", "hu", "pl", "hr", "sl", "sr", "ka", "uk", "ru"}
FRENCH_GUILLEMETS = re.compile(r"«(?=[^\s\u00a0\u202f])|(?<=[^\s\u00a0\u202f])»")

# Finnish (and Swedish) case endings after an abbreviation, a number or a name: OVH:n, 100:lle, SMTP:tä
CASE_ENDING = re.compile(r"[a-zåäö]{1,6}(?![^\W\d_])")
SPF_MECHANISMS = {"include", "a", "mx", "ip4", "ip6", "exists", "ptr", "redirect", "exp", "v"}
NAMED_PORT = re.compile(r"(?:^|[\s(\"“«])([\w.-]+\.[A-Za-z]{2,})$")  # host names before ":993"

# Cheap necessary conditions for the patterns above, which start with a lookbehind and so make
# the regex engine try every position of every line: these start with the characters themselves
MARK_BEFORE_NON_SPACE = re.compile(r"[:,;]\S")  # GLUED_AFTER
SPACE_THEN_COLON = re.compile(r"[ \u00a0\u202f]:")  # SPACED_GLUED_COLON
SPACE_THEN_STOP = re.compile(r"[ \t\u00a0\u202f][.,]")  # SPACE_BEFORE
SPACE_THEN_HIGH_MARK = re.compile(r"[ \t\u00a0\u202f][:;?!]")  # SPACE_BEFORE_HIGH
# each check of _line() but the French one needs one of these (the conditions above, merged):
# `[:,;]\S`, `[?()"”“]` or a space before `[.,:;!]`, each found by its punctuation mark, so
# one character class is scanned for instead of three alternatives tried at every position
ANY_CHECK = re.compile(r"[?()\"”“:,;.!](?:(?<=[?()\"”“])|(?<=[:,;])(?=\S)|(?<=[ \t\u00a0\u202f][.,:;!]))")
# every check below needs one of these on the line (masking only ever removes them): more than
# half the lines of a guide, blank ones included, hold none
PUNCTUATION = re.compile("[:,;?().!\"“”'’«»]")


class _Lines(dict):
    """(masked text, nothing found) by (line, in a table), and how many characters are kept."""

    size = 0


_KEPT: dict = {}  # (language, french_missing) -> _Lines
LINES_KEPT = 1_000_000


def _mask(line: str) -> str:
    if NOT_PROSE_NEEDS.search(line) is None:
        return line  # most lines: no pattern's substring, no loop over the patterns
    for index, (pattern, needs) in enumerate(NOT_PROSE):
        for needle in needs:  # a plain loop: a generator for any() costs more than the test itself
            if needle in line:
                char = TAG if index in (2, 3, 4) else MASK
                line = pattern.sub(lambda m: char * len(m.group()), line)
                break
    return line


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "([\"“«|":
        start -= 1
    return text[start:end]


def _colon_is_notation(text: str, i: int) -> bool:
    """Colons that are not punctuation: case endings, host:port, times, ratios, paths, SPF."""
    before, after = _word_before(text, i), text[i + 1:]
    bare = before.strip("*_\"”»'’)]" + MASK + TAG)
    if not bare:
        return False
    tail = bare[-1]
    if (tail.isupper() or tail.isdigit()) and CASE_ENDING.match(after):
        return True  # OVH:n, SMTP:tä, Outlook 2010:ssä, 100:lle
    if before[-1:].isdigit() and after[:1].isdigit():
        return True  # 10:30, 16:9, eth0:0
    if NAMED_PORT.search(bare) or "." in bare:
        return True  # ssl0.ovh.net:993
    if len(bare) == 1 and tail.isalpha():
        return True  # C:\Users, a:b
    if bare.lower() in SPF_MECHANISMS:
        return True  # include:mx.ovh.com
    if ":" in re.match(r"[^\s]*", after).group() or ":" in bare:
        return True  # MY:VI:RT:UA, IPv6, a:b:c
    if bare.isupper() and re.match(r"[A-ZÅÄÖ]{1,3}(?=[\s.,;:)!?]|$)(?!\.\w)", after):
        return True  # OVH:N, PHP-FPM:N: a case ending in the wrong case, not a missing space
    word_after = re.match(r"[^\W\d_]+(?=[\s),;!?]|\.(?!\w)|$)", after)
    if bare.islower() and word_after and word_after.group().islower():
        return True  # hostname:port, nomhôte:port
    return False


@register
class PunctuationSpacing(Rule):
    """
    What it does
        Reports spacing around punctuation that the page shows wrong:

        - no space after a colon, comma or semicolon in prose (`Tilin tyyppi:POP3`,
          `concerned,and`, `Salasana:[hallintapaneelin kautta](...)`), nor after a question
          mark that ends a sentence (`kirjautumisessa?Tarkista`);
        - a space before a full stop or a comma (`**IMAP** .`, `kentässä "To" ,`);
        - a pair of straight quotes (or of `”` used on both sides) padded inside
          (`" Ajouter un compte "`) or glued to the word outside (`we"OVH Support"`);
        - in French and Italian, a space or a line break after an elided word (`l' authentification`,
          `activer l'` at the end of a line, `sull’ applicazione`);
        - a parenthesis glued to the word outside it (`Incoming(IMAP)`, `(SSL)tulisi`) or padded
          inside (`( ou ...`, `**@** )`); `(s)`, `(re)`, `f(x)` and argument lists are not;
        - outside French guides, a space before a colon, semicolon, question or exclamation
          mark (`Adres Email :`, `Example :`), which is French typography copied into
          another language.

        French guides (fr-fr, fr-ca, ...) put a space, often a no-break one, before `: ; ? !`;
        that is never reported. With the option `french_spacing: true` a French guide that
        leaves that space out (`votre offre e-mail:`, `« **Port SSH**»`) is reported too, with a fix that inserts
        a no-break space. It is off by default: in the OVHcloud guides the missing space is
        a house-style slip (47 places in 16 of 56 French guides), the page still reads well,
        and reviewers rate it minor; teams that enforce French typography turn it on.

        Not punctuation and never reported: code, URLs, link targets, e-mail addresses,
        attribute lists (`{.action}:`), HTML, times and ratios (`10:30`, `16:9`), host and port
        (`ssl0.ovh.net:993`), numbers (`1,5`, `1.000`), file names and domains (`guide.md`,
        `.htaccess`, `.NET`, `ovh.net`), versions, abbreviations (`e.g.`, `z.B.`), ellipses,
        emoticons, drive letters (`C:\\`), MAC and IPv6 addresses, SPF mechanisms
        (`include:mx.ovh.com`), notations such as `hostname:port`, and Finnish case endings
        after an abbreviation, a number or a name (`OVH:n`, `100:lle`, `SMTP:tä`).

    Why is this bad?
        A missing space glues two words into one on the page (`tyyppi:POP3`), a stray space
        leaves a full stop or comma alone at the start of the next line when the text wraps.
        Both are typical of translation tools and of converted guides.

    Example
        Tilin tyyppi:POP3
        Valitse lopuksi **IMAP** .

    Use instead
        Tilin tyyppi: POP3
        Valitse lopuksi **IMAP**.
    """

    id = "punctuation/spacing"
    severity = "warning"
    summary = "missing space after , ; : or a stray space before . , (and locale spacing rules)"
    tags = ("punctuation", "whitespace", "typography")
    fix = "safe"
    options = {"french_spacing": Option(False, "report a French guide's missing space before : ; ? !")}

    def check(self, doc, ctx):
        french = doc.language == "fr"
        elided = re.compile(r"(?i)(?<![\w'’])(?:" + ELIDED[doc.language] + r")(?P<mark>['’])(?P<space>[ \t]+(?=[\w*\[" + MASK + r"])|[ \t]*$)") \
            if doc.language in ELIDED else None
        french_missing = french and ctx.option("french_spacing")
        skip = set(doc.code_lines)
        for node in doc.walk("block_html"):
            skip.update(range(node.line, node.end_line + 1))
        delimiter_rows, table_rows = set(), set()
        for node in doc.walk("table"):
            delimiter_rows.add(node.line + 1)
            table_rows.update(range(node.line, node.end_line + 1))
        lines = doc.lines
        # a line's masked text, and whether _line found nothing on it, kept by line: guides
        # repeat lines (a guide's locales), and _line reads the line alone (and its language)
        kept = _KEPT.get((doc.language, french_missing))
        if kept is None or kept.size > LINES_KEPT:  # bounded by the characters kept
            kept = _KEPT[(doc.language, french_missing)] = _Lines()
        findings = ctx.findings
        for number in range(doc.body_first_line, len(lines) + 1):
            raw = lines[number - 1]
            if french_missing:
                if PUNCTUATION.search(raw) is None:
                    continue
            elif ANY_CHECK.search(raw) is None and (elided is None or ELIDED_GAP.search(raw) is None):
                # masking only ever removes what these find, never makes it: no check can
                # fire on this line, and it is not masked (three lines in four)
                continue
            if number in skip or number in delimiter_rows or REFERENCE_DEFINITION.match(raw):
                continue
            table_row = number in table_rows
            known = kept.get((raw, table_row))
            if known is None:
                start = QUOTE_PREFIX.match(raw).end()
                text = raw[:start].replace(">", MASK) + _mask(raw[start:])
                before = len(findings)
                self._line(ctx, number, text, french, french_missing, table_row)
                kept[(raw, table_row)] = (text, len(findings) == before)
                kept.size += len(raw)
            else:
                text, silent = known
                if not silent:
                    self._line(ctx, number, text, french, french_missing, table_row)
            if elided and ("'" in text or "’" in text) and ELIDED_GAP.search(text):
                self._elision(ctx, doc, number, text, elided, skip)

    def _elision(self, ctx, doc, number, text, elided, skip):
        for m in elided.finditer(text):
            i = m.start("mark")
            if m.group("space"):
                s, e = m.span("space")
                ctx.report(number, i + 1, "space after an elided word: it is written against the next word",
                           end_column=e + 1, edits=[Edit(number, s + 1, number, e + 1, "")])
                continue
            nxt = number + 1
            following = doc.line(nxt)
            if nxt in skip or nxt > len(doc.lines):
                continue
            quote = QUOTE_PREFIX.match(following)
            if quote.group().count(">") != QUOTE_PREFIX.match(doc.line(number)).group().count(">"):
                continue
            if not following[quote.end():].strip() or not CONTINUATION.match(following[quote.end():]):
                continue
            ctx.report(number, i + 1, "line break after an elided word: the page shows a space after "
                       "the apostrophe; join the word to the next line's first word", end_column=i + 2)

    def _quotes(self, ctx, number, text, low_opening=False):
        """Pairs of straight quotes (or of ” used on both sides, as Finnish does) on one line:
        padded inside (`" Ajouter un compte "`) or glued to the word outside (`we"OVH Support"`)."""
        if "“" in text and "„" not in text and not low_opening:  # “...”: the marks say which side they are on
            depth = 0
            for i, c in enumerate(text):
                if c == "“":
                    depth += 1
                    if text[i + 1:i + 2] == " ":
                        e = i + 1 + len(text[i + 1:]) - len(text[i + 1:].lstrip(" "))
                        ctx.report(number, i + 2, "space after the opening quotation mark", end_column=e + 1,
                                   edits=[Edit(number, i + 2, number, e + 1, "")])
                elif c == "”" and depth:
                    depth -= 1
                    if text[i - 1:i] == " " and text[:i].rstrip(" ")[-1:] not in ("“", ""):
                        s = len(text[:i].rstrip(" "))
                        ctx.report(number, s + 1, "space before the closing quotation mark", end_column=i + 1,
                                   edits=[Edit(number, s + 1, number, i + 1, "")])
        for quote in ('"', "”"):
            if quote == "”" and "“" in text:
                continue  # English “...”: the marks say which side they are on, pairing is not needed
            count = text.count(quote)
            if not count or count % 2:
                continue  # an odd count: the pairs cannot be told apart
            marks, i = [], text.find(quote)
            while i >= 0:  # str.find, not a Python loop over every character of the line
                marks.append(i)
                i = text.find(quote, i + 1)
            for a, b in zip(marks[::2], marks[1::2]):
                if a and (text[a - 1].isdigit() or text[b - 1:b].isdigit()):
                    break  # 15" and 17": inches, not quotes
                if text[a + 1:a + 2] in (" ", "\t"):
                    e = a + 1 + len(text[a + 1:]) - len(text[a + 1:].lstrip(" \t"))
                    ctx.report(number, a + 2, "space after the opening quotation mark", end_column=e + 1,
                               edits=[Edit(number, a + 2, number, e + 1, "")])
                if text[b - 1:b] in (" ", "\t") and b - 1 > a + 1:
                    s = len(text[:b].rstrip(" \t"))
                    ctx.report(number, s + 1, "space before the closing quotation mark", end_column=b + 1,
                               edits=[Edit(number, s + 1, number, b + 1, "")])
                if a and text[a - 1].isalpha():
                    ctx.report(number, a + 1, "no space before the opening quotation mark", end_column=a + 2,
                               edits=[Edit(number, a + 1, number, a + 1, " ")])
                if text[b + 1:b + 2].isalpha():
                    ctx.report(number, b + 1, "no space after the closing quotation mark", end_column=b + 2,
                               edits=[Edit(number, b + 2, number, b + 2, " ")])

    def _line(self, ctx, number, text, french, french_missing, table_row=False):
        if not french_missing and ANY_CHECK.search(text) is None:
            return  # most lines: one scan instead of one per check
        if MARK_BEFORE_NON_SPACE.search(text):
            self._glued_after(ctx, number, text, french)
        if SPACE_THEN_COLON.search(text):
            self._spaced_glued_colon(ctx, number, text)
        if "?" in text:
            self._glued_sentence(ctx, number, text)
        if "(" in text or ")" in text:
            self._parentheses(ctx, number, text)
        if not table_row and ('"' in text or "”" in text or "“" in text):
            self._quotes(ctx, number, text, ctx.doc.language in LOW_OPENING_QUOTES)
        if SPACE_THEN_STOP.search(text):
            self._space_before_stop(ctx, number, text)
        if not french:
            if SPACE_THEN_HIGH_MARK.search(text):
                self._space_before_high_mark(ctx, number, text)
        elif french_missing:
            self._french_missing(ctx, number, text)

    def _glued_after(self, ctx, number, text, french):
        for m in GLUED_AFTER.finditer(text):
            i = m.start("mark")
            mark = m.group("mark")
            if mark in ":;" and _colon_is_notation(text, i):
                continue  # (OVH;n and OVH;N are typos of a case ending, not a missing space)
            if mark == "," and text[i + 1:i + 2].isdigit() and text[i - 1:i].isdigit():
                continue  # 1,5
            if mark == ";" and french and text[i - 1:i] == " ":
                continue
            if text.count(MASK, i + 1, i + 2) and text[i - 1:i] == MASK:
                continue  # between two pieces of code or URL: `a`,`b`
            name = {":": "colon", ",": "comma", ";": "semicolon"}[mark]
            ctx.report(number, i + 1, f"no space after the {name}", end_column=i + 2,
                       edits=[Edit(number, i + 2, number, i + 2, " ")])

    def _spaced_glued_colon(self, ctx, number, text):
        for m in SPACED_GLUED_COLON.finditer(text):
            i = m.start("mark")
            if _colon_is_notation(text, i) or text[i + 1:i + 2] in "-)(":
                continue
            ctx.report(number, i + 1, "no space after the colon", end_column=i + 2,
                       edits=[Edit(number, i + 2, number, i + 2, " ")])

    def _glued_sentence(self, ctx, number, text):
        for m in GLUED_SENTENCE.finditer(text):
            i = m.start("mark")
            following = re.match(r"[^\W\d_]+", text[i + 1:]).group()
            if not following[0].isupper() or not following[1:2].islower():
                continue  # Yahoo!Mail-like names, ?id=, camelCase
            if not re.search(r"[^\W\d_]{2}$", text[:i]):
                continue
            ctx.report(number, i + 1, "no space after the question mark: the next sentence is glued to it",
                       end_column=i + 2, edits=[Edit(number, i + 2, number, i + 2, " ")])

    def _parentheses(self, ctx, number, text):
        for m in PAREN_GLUED_BEFORE.finditer(text):
            if WORD_INSIDE.fullmatch(m.group("inner")):
                continue
            i = m.start()
            ctx.report(number, i + 1, "no space before the opening parenthesis", end_column=i + 2,
                       edits=[Edit(number, i + 1, number, i + 1, " ")])
        for m in PAREN_GLUED_AFTER.finditer(text):
            if WORD_INSIDE.fullmatch(m.group("inner")) or m.group("inner").isdigit():
                continue
            i = m.end() - 1
            ctx.report(number, i + 1, "no space after the closing parenthesis", end_column=i + 2,
                       edits=[Edit(number, i + 2, number, i + 2, " ")])
        for m in PAREN_PADDED.finditer(text):
            group = "open" if m.group("open") else "close"
            s, e = m.span(group)
            where = "after the opening" if group == "open" else "before the closing"
            ctx.report(number, s + 1, f"space {where} parenthesis", end_column=e + 1,
                       edits=[Edit(number, s + 1, number, e + 1, "")])

    def _space_before_stop(self, ctx, number, text):
        for m in SPACE_BEFORE.finditer(text):
            s, e = m.span("space")
            mark = m.group("mark")
            name = "full stop" if mark == "." else "comma"
            ctx.report(number, s + 1, f"space before the {name}", end_column=e + 2,
                       edits=[Edit(number, s + 1, number, e + 1, "")])

    def _space_before_high_mark(self, ctx, number, text):
        for m in SPACE_BEFORE_HIGH.finditer(text):
            s, e = m.span("space")
            mark = m.group("mark")
            if mark in "!?" and text[s - 1:s] == MASK:
                continue
            ctx.report(number, s + 1,
                       f"space before '{mark}': French typography; this locale writes no space before it",
                       end_column=e + 2, edits=[Edit(number, s + 1, number, e + 1, "")])

    def _french_missing(self, ctx, number, text):
        for m in FRENCH_GUILLEMETS.finditer(text):
            i = m.start()
            at = i + 1 if m.group() == "«" else i
            ctx.report(number, i + 1, "French typography wants a (no-break) space inside « »",
                       end_column=i + 2, edits=[Edit(number, at + 1, number, at + 1, "\u00a0")])
        for m in FRENCH_MISSING.finditer(text):
            i = m.start("mark")
            if m.group("mark") == ":" and _colon_is_notation(text, i):
                continue
            ctx.report(number, i + 1,
                       f"French typography wants a (no-break) space before '{m.group('mark')}'",
                       end_column=i + 2, edits=[Edit(number, i + 1, number, i + 1, "\u00a0")])
