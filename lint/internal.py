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

ENGINE_CHECKS = {c.id: c for c in (UNREADABLE, TOO_COMPLEX, RULE_ERROR, CONFIG_ERROR)}
