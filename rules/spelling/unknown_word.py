from lint import dictionaries
from lint.registry import register
from lint.rule import Option, Rule


@register
class UnknownWord(Rule):
    """
    What it does
        Reports every word of the prose that the Hunspell dictionary of the guide's
        language does not know, with the dictionary's first suggestion. Compounds made of
        known words (`sähköposti` + `tilille`) are accepted, and so are, in a guide that is
        not in English, words English knows (interface labels), unless `accept_english` is
        false.

    Why is this bad?
        A misspelt word costs readers trust and search engines the page. This rule is off
        by default because real dictionaries are incomplete (the Finnish one lacks many
        inflected forms): enable it, then teach it the project's vocabulary with the
        `words` setting or a `.guidelint-words.txt` file (one word a line) next to the
        guides or above them. Code, URLs, e-mail addresses, host names, words with digits,
        ALL CAPS, names with inner capitals and product names (`product_names`) are skipped.

    Example
        You will recieve a confirmation email.

    Use instead
        You will receive a confirmation email.
    """

    id = "spelling/unknown-word"
    severity = "warning"
    summary = "a word the dictionary of the guide's language does not know"
    tags = ("spelling",)
    enabled_by_default = False
    options = {
        "accept_english": Option(True, "accept words English knows in a guide of another language"),
        "min_length": Option(3, "shorter words are not checked", minimum=1),
    }

    def check(self, doc, ctx):
        if not doc.language:
            return
        lex = dictionaries.lexicon(ctx, doc)
        if lex.speller is None:
            return
        english = None
        if doc.language != "en" and ctx.option("accept_english"):
            english = dictionaries.speller(ctx, "en", note=False)
        shortest = ctx.option("min_length")
        for word in dictionaries.prose_words(doc, ctx):
            text = word.text
            if len(text) < shortest or lex.accepted(text) or lex.compound_known(text):
                continue
            if english is not None and english.known(text):
                continue
            first = lex.speller.suggest(text)[:1]
            hint = f": did you mean '{first[0]}'?" if first else ""
            ctx.report(word.line, word.column, f"'{text}' is not in the {lex.speller.name} "
                       f"dictionary or the project word lists{hint}", end_column=word.end_column)
