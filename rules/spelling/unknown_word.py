import re

from lint import dictionaries
from lint.registry import register
from lint.rule import Option, Rule

from . import doubled_letter, glued_words

# Where this rule is on by default: the languages (with the backend) whose findings on the
# 245 corpus guides were read, a random sample of 30 or more each, and were real
# misspellings at least 9 times in 10. README.md gives the table.
MEASURED = ["fi:voikko"]


@register
class UnknownWord(Rule):
    """
    What it does
        Reports a word of the prose that the spelling backend of the guide's language does
        not know, with the backend's first suggestion: Voikko for Finnish when it is
        installed, else the Hunspell dictionary. Compounds made of known words are
        accepted, and so are, in a guide that is not in English, words English knows
        (interface labels, which `language/foreign-fragment` judges), unless
        `accept_english` is false. A word that `spelling/doubled-letter` or
        `spelling/glued-words` reports is left to that rule when it is on.

    Why is this bad?
        A misspelt word costs readers trust and search engines the page. Spelling is only
        as good as the dictionary, so this rule is on by default only for the languages
        where it was measured to be right 9 times in 10 (`locales` option: `fi:voikko`,
        Finnish checked with Voikko). Set `locales` to a list of languages or locales
        (`[fi, de-de]`; `lang:backend` to require a backend; `["*"]` for every language)
        to change that, and teach it the project's vocabulary with the `words` setting or a
        `.guidelint-words.txt` file; a word ending in `*` there is a stem (`skript*`).
        Code, URLs, host and file names, attribute lists, words with digits, ALL CAPS,
        names with inner capitals and product names (`product_names`), also inflected
        (`Thunderbirdillä`), the words of the terminology (`terms`), words the guide also
        shows as code, and the first, name column of a table are skipped; abbreviations
        are looked up with their full stop.

    Example
        Syötä salasana, jonka määrittelit OVH:n sähköpostitilillesi kokonaisuudesaan.

    Use instead
        Syötä salasana, jonka määrittelit OVH:n sähköpostitilillesi kokonaisuudessaan.
    """

    id = "spelling/unknown-word"
    severity = "warning"
    summary = "a word the dictionary of the guide's language does not know"
    tags = ("spelling",)
    options = {
        "accept_english": Option(True, "accept words English knows in a guide of another language"),
        "min_length": Option(3, "shorter words are not checked", minimum=1),
        "locales": Option(MEASURED, "languages or locales it reports in (`lang:backend` to require "
                          "voikko or hunspell; `*` for every language)", kind="list of strings",
                          check=lambda v: _locales_problem(v)),
    }

    def check(self, doc, ctx):
        if not doc.language:
            return
        lex = dictionaries.lexicon(ctx, doc)
        if lex.speller is None or not _wanted(ctx.option("locales"), doc.locale or doc.language,
                                              lex.speller):
            return
        english = None
        if doc.language != "en" and ctx.option("accept_english"):
            english = dictionaries.speller(ctx, "en", note=False)
        enabled = set(ctx.effective.rules) if ctx.effective is not None else set()
        doubled = doubled_letter.policy(doc.language) if doubled_letter.DoubledLetter.id in enabled else None
        glued = glued_words.GluedWords.id in enabled
        shortest = ctx.option("min_length")
        speller = lex.speller
        code = dictionaries.code_words(doc)
        inflects = doc.language in dictionaries.data().get("inflected_names", ())
        sources = [loc.split("-")[0].lower() for loc in (ctx.effective.source_locales if ctx.effective else [])]
        sources = [language for language in dict.fromkeys(sources) if language not in (doc.language, "en")]
        # whether the lexicon knows a word is a pure function of the word: kept per word,
        # across guides too, and a guide is read word by word only where a text holds one unknown
        _answers, words = dictionaries.finding_words(
            doc, ctx, lex, (self.id, shortest), ("word",),
            lambda text, _kind: _unknown(text, lex), lambda text, _kind: len(text) >= shortest)
        for word in words:
            text = word.text
            if english is not None and (english.known(text) or (
                    inflects and _inflected_name(text, english))):
                continue
            if speller.known(text + "."):
                continue  # `esim.`, `jne.`, `Huom!`: an abbreviation, known with its full stop
            if text.lower() in code or lex.stem_compound(text) or _key_cell(doc, word):
                continue
            if doubled is not None and doubled_letter.slip(text, lex, english, doubled) is not None:
                continue
            if glued and glued_words.glued(text, word.kind, lex, doc.language, english) is not None:
                continue
            if _source_word(text, sources, ctx):
                continue  # an untranslated word: language/foreign-fragment's business
            first = speller.suggest(text)[:1]
            hint = f": did you mean '{first[0]}'?" if first else ""
            ctx.report(word.line, word.column, f"'{text}' is not in the {speller.name} "
                       f"dictionary or the project word lists{hint}", end_column=word.end_column)



def _unknown(text: str, lex) -> bool | None:
    """True when neither the lexicon nor its compounds know the word (None: known)."""
    return None if lex.accepted(text) or lex.compound_known(text) else True


def _locales_problem(entries) -> str | None:
    for entry in entries:
        where, _, needs = entry.lower().partition(":")
        if not where or needs not in ("", "voikko", "hunspell"):
            return f"'{entry}' is not a language or locale, optionally with ':voikko' or ':hunspell'"
    return None


def _wanted(locales, locale: str, speller) -> bool:
    """Whether the `locales` option covers this guide's locale with its backend."""
    locale = locale.lower().replace("_", "-")
    language = locale.split("-")[0]
    backend = "voikko" if speller.name == "Voikko" else "hunspell"
    for entry in locales or ():
        where, _, needs = str(entry).lower().partition(":")
        if where in ("*", locale, language) and needs in ("", backend):
            return True
    return False


def _inflected_name(text: str, english) -> bool:
    """A capitalised English name with a case ending (`Yosemitea`, `Macissa`): Finnish,
    Lithuanian or Polish inflect names with no separator, and the name is not misspelt."""
    if not text[:1].isupper():
        return False
    for cut in range(1, min(5, len(text) - 3) + 1):
        head, ending = text[:-cut], text[-cut:]
        if ending.islower() and english.known(head):
            return True
    return False


DELIMITER_ROW = re.compile(r"\s*\|?\s*:?-{2,}")


def _key_cell(doc, word) -> bool:
    """The word is in the first cell of a table's body row, and that cell is a short name:
    the column that names commands, DNS records, options or products (`|rmdir arg|`,
    `|smtp|CNAME|`, `|Django Python|`), not prose. Tables that lost their delimiter row
    are read from the line itself."""
    line = doc.line(word.line)
    start = len(line) - len(line.lstrip())
    if not line.startswith("|", start):
        return False
    end = line.find("|", start + 1)
    if end < 0 or not start < word.column - 1 < end or len(line[start + 1:end].split()) > 3:
        return False
    following = doc.line(word.line + 1) if word.line < len(doc.lines) else ""
    return not DELIMITER_ROW.match(following)  # a header row's cells are labels: checked


def _source_word(text: str, languages: list, ctx) -> bool:
    """Known to a source language of the translation (`Création` in a Finnish guide).
    Those dictionaries load only when a word is unknown to the guide's own and English."""
    for language in languages:
        speller = dictionaries.speller(ctx, language, note=False)
        if speller is not None and speller.known(text):
            return True
    return False
