import re
from functools import lru_cache
from pathlib import Path

from lint import dictionaries
from lint.data import load_yaml
from lint.finding import Edit
from lint.registry import register
from lint.rule import Rule

RUN = re.compile(r"([^\W\d_])\1+", re.I)


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_yaml(Path(__file__).with_suffix(".yaml")) or {}


@lru_cache(maxsize=50_000)  # prose repeats its words
def _reductions(word: str) -> tuple[tuple[int, int, str], ...]:
    """(run start, run length, word with one letter of that run removed) for each run."""
    return tuple((m.start(), m.end() - m.start(), word[:m.start()] + word[m.start() + 1:])
                 for m in RUN.finditer(word))


@register
class DoubledLetter(Rule):
    """
    What it does
        Reports a word the dictionary of the guide's language rejects when writing one of
        its doubled or tripled letters once less gives a word the dictionary accepts
        (`ensimmäisenn` -> `ensimmäisen`). Hunspell dictionaries lack most compounds, so a
        candidate is also accepted when it is a chain of known words (`sähköposti` +
        `tilille`) while the reported word is not. In Finnish, Estonian and Hungarian,
        which never write a letter three times in a row, a tripled letter is reported even
        without a dictionary; German compounds such as `Schifffahrt` are never reported.

    Why is this bad?
        A doubled letter is the most common slip of a typing hand and, in Finnish, changes
        a word's grammar or meaning (`tuli` / `tuuli`). Spell checkers in editors are rarely
        set to the guide's language, so these slips reach the published page.

    Example
        Syötä ensimmäisenn kenttään sähköpostiosoite kokonaisuudessaan.

    Use instead
        Syötä ensimmäisen kenttään sähköpostiosoite kokonaisuudessaan.

    Notes
        Code, URLs, e-mail addresses, host names, words with digits, words in ALL CAPS,
        names with inner capitals and product names (`product_names` setting) are skipped;
        words of the project word lists (`words` setting, `.guidelint-words.txt`) are
        accepted. In a guide that is not in English, a word English accepts is left alone
        (interface labels quoted in English). The fix replaces the word when there is a
        single suggestion; it is unsafe because a dictionary can miss a real word.
    """

    id = "spelling/doubled-letter"
    severity = "warning"
    summary = "a doubled or tripled letter the dictionary does not accept"
    tags = ("spelling",)
    fix = "unsafe"

    def check(self, doc, ctx):
        language = doc.language
        if not language:
            return
        rules = policy(language)
        lex = dictionaries.lexicon(ctx, doc)
        if lex.speller is None and not rules.forbidden:
            return
        english = None
        if language != "en":
            english = dictionaries.speller(ctx, "en", note=False)
        # a pure function of the word here: prose repeats its words, across guides too. The
        # answers are kept per word, and a guide is read word by word only where a text holds a
        # slip; a word with no letter twice in a row is no slip (slip finds no run): the regex tells
        answers, words = dictionaries.finding_words(
            doc, ctx, lex, (self.id, id(english), language), ("word",),
            lambda text, _kind: slip(text, lex, english, rules), lambda text, _kind: RUN.search(text))
        for word in words:
            text = word.text
            suggestion, letter, length = answers[text]
            times = "three times" if length >= 3 else "twice"
            if suggestion:
                message = f"'{text}' has '{letter}' written {times}: did you mean '{suggestion}'?"
                edits = [Edit(word.line, word.column, word.line, word.end_column, suggestion)]
            else:
                message = f"'{text}' has '{letter}' written three times in a row"
                edits = []
            ctx.report(word.line, word.column, message, end_column=word.end_column, edits=edits)


def slip(text: str, lex, english, policy: "_Policy"):
    """(suggestion or None, letter, run length) when the word is a doubled-letter slip."""
    runs = [r for r in _reductions(text) if text[r[0]].lower() not in policy.ignore]
    if not runs or lex.project_word(text):
        return None
    return _judge(text, runs, lex, english, policy)


@lru_cache(maxsize=64)
def policy(language: str) -> "_Policy":
    return _Policy(language)


class _Policy:
    def __init__(self, language: str):
        data = _data()
        self.forbidden = language in data.get("triple_forbidden", [])
        self.allowed = language in data.get("triple_allowed", [])
        self.ignore = set(data.get("ignore_letters", []))
        self.vowels = set(data.get("vowels", ""))
        pattern = (data.get("legit_after_vowel_run") or {}).get(language)
        self.after_vowel = re.compile(pattern, re.I) if pattern else None
        self.final_consonant_only = language in data.get("doubled_consonant_only_final", [])
        self.compound_tails = self.forbidden  # languages whose dictionary lacks compounds


def _judge(text, runs, lex, english, policy):
    """(suggestion or None, letter, run length) when the word is a slip, else None."""
    speller = lex.speller
    if speller is not None and not policy.forbidden and not any(
            lex.accepted(candidate) for _, _, candidate in _candidates(text, runs, policy)):
        # no candidate is a word, so nothing below can find a slip (outside the languages that
        # forbid triple letters): asked first because Hunspell rejects a word in microseconds
        # but takes tens of milliseconds to accept a long compound (`Kommunikationsendpunkt`)
        return None
    if speller is not None and speller.known(text):
        return None
    triple = [r for r in runs if r[1] >= 3]
    if policy.forbidden and triple:
        start, length, candidate = triple[0]
        suggestion = None
        if speller is not None and (lex.accepted(candidate) or (
                lex.compound_known(candidate) and not lex.compound_known(text))):
            suggestion = candidate
        return suggestion, text[start], length
    if speller is None:
        return None
    if english is not None and english.known(text):
        return None
    if policy.allowed and triple and lex.compound_known(text):
        return None
    chosen = []
    for start, length, candidate in _candidates(text, runs, policy):
        letter = text[start].lower()
        if lex.accepted(candidate):
            # suggestions are slow: only asked once a candidate is a known word. Hunspell
            # lacks many correct forms, so its first suggestion must agree; Voikko knows
            # them, so a rejected word whose candidate it suggests at all is a slip
            suggestions = speller.suggest(text)
            agree = suggestions[:1] if not speller.compounds else suggestions
            if lex.project_word(candidate) or candidate.lower() in (s.lower() for s in agree):
                chosen.append((start, length, candidate))
        elif (policy.compound_tails and letter in policy.vowels
              and _tail_compound(lex, text, candidate, start) and not lex.compound_known(text)):
            chosen.append((start, length, candidate))
    suggestions = list(dict.fromkeys(c for _, _, c in chosen))
    if len(suggestions) != 1:
        return None
    start, length, candidate = chosen[0]
    return candidate, text[start], length


def _candidates(text: str, runs, policy: "_Policy"):
    """The runs whose reduction may be the word meant: a doubled vowel before an ending the
    language writes after one, or a consonant doubled before the end where only a final one
    is a slip, are not."""
    for start, length, candidate in runs:
        after = text[start + length:]
        if text[start].lower() in policy.vowels:
            if policy.after_vowel is not None and policy.after_vowel.fullmatch(after):
                continue
        elif policy.final_consonant_only and after:
            continue
        yield start, length, candidate


def _tail_compound(lex, text: str, candidate: str, position: int) -> bool:
    """The candidate is head + known tail, the corrected run lying inside the tail, and the
    dictionary's first suggestion for the word's own tail is that tail."""
    speller = lex.speller
    lower = candidate.lower()
    for i in range(3, position):
        head, tail = lower[:i], lower[i:]
        if len(tail) >= 4 and speller.known(tail) and (speller.known(head)
                                                       or speller.compound_known(head)):
            first = speller.suggest(text[i:].lower())[:1]
            if first and first[0].lower() == tail:
                return True
    return False
