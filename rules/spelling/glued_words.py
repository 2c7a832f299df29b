import re
from functools import lru_cache
from pathlib import Path

from lint import dictionaries
from lint.data import load_yaml
from lint.finding import Edit
from lint.registry import register
from lint.rule import Rule

UP = r"A-ZÀ-ÖØ-ÞĀ-ſ"
ACRONYM_HEAD = re.compile(rf"([A-Z]{{2,6}})([a-zà-öø-ÿ][^\W\d_]{{3,}})")  # SSLaktivoitu
ACRONYM_TAIL = re.compile(r"([a-zà-öø-ÿ][^\W\d_]{4,}?)([A-Z]{2,6})")  # aktiivisellaSSL
CASE_CHANGE = re.compile(rf"([a-zà-öø-ÿ][a-zà-öø-ÿ]{{2,}})([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{{3,}})")  # alueYhteenvedon
NUMBER_HEAD = re.compile(r"(\d{3,})([^\W\d_]{4,})")  # 200sähköpostiviestiä
NUMBER_TAIL = re.compile(r"([^\W\d_]{4,})(\d{2,})")  # porte143
PROTOCOL_TAIL = re.compile(r"([a-zà-öø-ÿ][^\W\d_]{4,}?)([A-Z]{2,6})(\d)")  # accountPOP3


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_yaml(Path(__file__).with_suffix(".yaml")) or {}


@lru_cache(maxsize=1)
def _acronyms() -> frozenset[str]:
    return frozenset(dictionaries.data().get("acronyms", []))


@register
class GluedWords(Rule):
    """
    What it does
        Reports a token the dictionary does not know that is two words written without the
        space between them, and suggests the split: a known acronym and a word
        (`SSLaktivoitu` -> `SSL aktivoitu`, `aktiivisellaSSL`), two words joined at a
        change of case (`DNS-alueYhteenvedon` -> `DNS-alue Yhteenvedon`), a word and a short
        function word that never ends a compound (`tarpeidenvuoksi` -> `tarpeiden vuoksi`,
        `Konfigurationsind`), and a number glued to a word (`200sähköpostiviestiä`,
        `porte143`, `accountPOP3`).

    Why is this bad?
        A lost space is invisible to a writer's eye and a translation tool's check, but a
        reader has to stop and decode the word, and search and screen readers see one
        unknown word. A word the dictionary knows, compounds included, is never reported;
        since Finnish, German and Dutch write compounds as one word, two known words
        joined are only reported with evidence of a slip: an acronym, a change of case
        inside the word, a function word, or a number. Names with inner capitals that are
        products (`OVHcloud`, `WordPress`) are in the product names list.

    Example
        |Portti|SSLaktivoitu|SSLdeaktivoitu|

    Use instead
        |Portti|SSL aktivoitu|SSL deaktivoitu|
    """

    id = "spelling/glued-words"
    severity = "warning"
    summary = "two words written without the space between them"
    tags = ("spelling",)
    fix = "unsafe"

    def check(self, doc, ctx):
        language = doc.language
        if not language:
            return
        lex = dictionaries.lexicon(ctx, doc)
        if lex.speller is None:
            return
        english = dictionaries.speller(ctx, "en", note=False) if language != "en" else None
        # a pure function of the word here (its kind follows from its text: see
        # dictionaries.classify): prose repeats its words, across guides too. The answers are
        # kept per word, and a guide is read word by word only where a text holds a glued word;
        # a plain word that does not end like a function word has no split (_splittable)
        ends = _language_data(language)[3]
        answers, words = dictionaries.finding_words(
            doc, ctx, lex, (self.id, id(english), language), ("word", "mixed", "digits"),
            lambda text, kind: glued(text, kind, lex, language, english),
            lambda text, kind: kind != "word" or text.lower().endswith(ends))
        for word in words:
            text = word.text
            head, tail = answers[text]
            column = word.column + len(head)
            ctx.report(word.line, word.column, f"'{text}' looks like two words: '{head} {tail}'",
                       end_column=word.end_column,
                       edits=[Edit(word.line, column, word.line, column, " ")])

    @staticmethod
    def _mixed(text, lex):
        m = ACRONYM_HEAD.fullmatch(text)
        if m and m.group(1) in _acronyms() and _prefixed_word(lex, m.group(2)):
            return m.group(1), m.group(2)
        m = ACRONYM_TAIL.fullmatch(text)
        if m and m.group(2) in _acronyms() and _word(lex, m.group(1)):
            return m.group(1), m.group(2)
        m = CASE_CHANGE.fullmatch(text)
        if m and _word(lex, m.group(1)) and _word(lex, m.group(2)):
            return m.group(1), m.group(2)
        return None

    @staticmethod
    def _function_word(text, lex, function_words):
        lower = text.lower()
        for tail in function_words:
            if len(lower) - len(tail) >= 4 and lower.endswith(tail):
                head = text[:-len(tail)]
                if lex.accepted(head):
                    return head, text[-len(tail):]
        return None

    @staticmethod
    def _number(text, lex, units, language, english):
        m = PROTOCOL_TAIL.fullmatch(text)
        if m and m.group(2) in _acronyms() and _word(lex, m.group(1)):
            return m.group(1), m.group(2) + m.group(3)
        m = NUMBER_HEAD.fullmatch(text)
        if m and m.group(2).islower() and m.group(2) not in units and _word(lex, m.group(2)):
            return m.group(1), m.group(2)
        # word + number: `porte143`; names of machines and users (`server01`, `user10`) are
        # English words with numbers, so only words English does not know count
        m = NUMBER_TAIL.fullmatch(text)
        if (m and language != "en" and m.group(1).islower() and not m.group(2).startswith("0")
                and lex.accepted(m.group(1)) and not (english and english.known(m.group(1)))):
            return m.group(1), m.group(2)
        return None


@lru_cache(maxsize=64)
def _language_data(language: str):
    data = _data()
    function_words = data.get("function_words", {}).get(language, [])
    return (set(function_words),
            [re.compile(p, re.I) for p in data.get("not_glued", {}).get(language, [])],
            set(data.get("units", [])),
            tuple(function_words))  # for str.endswith


def glued(text: str, kind: str, lex, language: str, english):
    """(head, tail) when the word of that kind is two words glued together, else None."""
    function_words, not_glued, units, endings = _language_data(language)
    # most words have no shape a split needs: tell them before the dictionary, whose answer
    # for a long compound (`Netzwerkkonfiguration`) costs up to a millisecond
    if not _splittable(text, kind, endings) or lex.project_word(text):
        return None
    if kind == "word" and lex.speller.compounds:
        # Voikko reads `tarpeidenvuoksi` as a compound of `tarpeiden` + `vuoksi`: a split
        # before a function word is still the lost space, whatever the compound reading
        if lex.speller.known(text) and not _compound_on_function_word(text, lex, function_words):
            return None
    elif lex.speller.known(text):
        return None
    if kind == "mixed":
        return GluedWords._mixed(text, lex)
    if kind == "word":
        if not any(p.search(text) for p in not_glued):
            return GluedWords._function_word(text, lex, function_words)
        return None
    if kind == "digits":
        return GluedWords._number(text, lex, units, language, english)
    return None


def _splittable(text: str, kind: str, endings: tuple[str, ...]) -> bool:
    """Whether the word has a shape one of the splits above needs (a cheap test: when it has
    none, ``glued`` returns None whatever the dictionary says)."""
    if kind == "word":
        lower = text.lower()
        return lower.endswith(endings) and any(
            len(lower) - len(tail) >= 4 and lower.endswith(tail) for tail in endings)
    if kind == "mixed":
        return bool(ACRONYM_HEAD.fullmatch(text) or ACRONYM_TAIL.fullmatch(text) or CASE_CHANGE.fullmatch(text))
    if kind == "digits":
        return bool(PROTOCOL_TAIL.fullmatch(text) or NUMBER_HEAD.fullmatch(text) or NUMBER_TAIL.fullmatch(text))
    return False


def _compound_on_function_word(text: str, lex, function_words) -> bool:
    lower = text.lower()
    if not any(lower.endswith(w) for w in function_words):
        return False  # Voikko's analysis costs 0.1 ms: only for words that end like one
    readings = lex.speller.compound_parts(text)
    return bool(readings) and all(len(parts) > 1 and parts[-1].lower() in function_words
                                  for parts in readings)


def _word(lex, part: str) -> bool:
    return lex.accepted(part) or lex.compound_known(part)


def _prefixed_word(lex, part: str) -> bool:
    """A known word, or a known word behind a short prefix (`de`+`aktivoitu`, `ne`+`aktivní`):
    after a known acronym the dictionary's gaps in derived words should not hide the slip."""
    return _word(lex, part) or (len(part) >= 7 and any(
        lex.accepted(part[k:]) for k in (2, 3)))
