import re

from lint.registry import register
from lint.rule import Rule

from ._inline import block_prose

# what the parser left as text: a code span opener with no closer, `**`/`__` with no partner,
# `_` opening a word and never closed (`_Suivant`); escaped ones (`\*\*`) are text on purpose
# a delimiter with a space on both sides can neither open nor close: written as text on purpose
# (`2 ** 8`, "press the ` key")
BACKTICKS = re.compile(r"(?<!\\)(?<!\s(?=`+\s))`+(?!(?<=\s`)\s)")
DOUBLE = re.compile(r"(?<![\\*_])(?<!\s(?=\*\*\s|__\s))(\*\*|__)(?![*_])")
# `_` opening emphasis at a word start, the word a plain one (not `_config.yml`, `__init__`)
WORD_END = r"(?:[\s,;:!?)]|\.(?!\w)|$)"
UNDERSCORE_OPEN = re.compile(r"(?:^|(?<=[\s(\"“«]))_(?=[^\W\d_][^\W_]*" + WORD_END + ")")
UNDERSCORE_CLOSE = re.compile(r"(?<=[^\W\d_]{2})_(?=" + WORD_END + ")")
BOLD_IN_CODE = re.compile(r"^\*\*[^*`/\\=()<>$]*[^\W\d_][^*`/\\=()<>$]*\*\*$")


@register
class UnbalancedInline(Rule):
    """
    What it does
        Reports inline markup that the renderer could not pair, so it shows on the page:

        - a code span opened with a backquote that never closes (`` `Suivant ``);
        - `**` or `__` with no partner (`**Étape 1 :**Ouvrez`: CommonMark does not close bold
          after punctuation glued to a word, so both pairs of stars are printed);
        - `_` that opens emphasis at the start of a word and never closes (`_Suivant`), or
          closes a word with no opener (`Suivant_`);
        - `**` typed inside a code span as if it made bold (`` `**Suivant**` ``).

        Escaped characters (`\\*\\*`), code spans and `snake_case` or `_config.yml` names are
        left alone.

    Why is this bad?
        The reader sees stars, underscores or backquotes in the text, and some renderers
        make the rest of the paragraph bold or code. Such pairs are often broken in
        translation, when a space or a word moves around a delimiter.

    Example
        Für alle Betriebssysteme und Distributionen **muss**** Ihre virtuelle Maschine mit
        der virtuellen MAC-Adresse konfiguriert werden

        (network_bridging/guide.de-de.md: the page shows the two extra stars)

    Use instead
        Für alle Betriebssysteme und Distributionen **muss** Ihre virtuelle Maschine mit
        der virtuellen MAC-Adresse konfiguriert werden
    """

    id = "markup/unbalanced-inline"
    severity = "warning"
    summary = "a code span, bold or emphasis delimiter the renderer could not pair"
    tags = ("markup", "rendering")

    def check(self, doc, ctx):
        for _block, pieces in block_prose(doc):
            for line, column, raw in pieces:
                if "`" in raw:
                    for m in BACKTICKS.finditer(raw):
                        ctx.report(line, column + m.start(),
                                   f"'{m.group()}' opens a code span that never closes: it is shown as text",
                                   end_column=column + m.end())
                if "**" in raw or "__" in raw:
                    for m in DOUBLE.finditer(raw):
                        ctx.report(line, column + m.start(),
                                   f"'{m.group()}' has no partner the renderer accepts: it is shown as text "
                                   "(a bold closer needs no space before it, and a word or a space after it)",
                                   end_column=column + m.end())
                if "_" in raw:
                    for pattern, what in ((UNDERSCORE_OPEN, "opens emphasis that never closes"),
                                          (UNDERSCORE_CLOSE, "closes emphasis that was never opened")):
                        for m in pattern.finditer(raw):
                            ctx.report(line, column + m.start(), f"'_' {what}: it is shown as text",
                                       end_column=column + m.end())
        for node in doc.walk("codespan"):
            if BOLD_IN_CODE.match(node.text):
                ctx.report_node(node, f"'**' inside the code span `{node.text}` is shown as stars, not "
                                "bold: put the stars outside the backquotes")
