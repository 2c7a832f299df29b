"""Spelling answers kept between runs: a dictionary is loaded only for words it was never asked.

Loading a Hunspell dictionary costs 0.05 to 0.5 s (pt_PT), more than checking a guide. A
translator's commit re-checks one or two guides whose words were nearly all asked at the
previous commit; without these answers, that commit would load the guide's dictionary, the
English one and the source language's again to answer the same questions.

One table per spelling backend and dictionary (its label, and the size and mtime of its
files), in the result cache's per-code folder, so a new guidelint or a changed dictionary
starts afresh. A table holds what :class:`lint.dictionaries.Speller` asked the backend: each
word's verdict and the suggestions it asked for. Tables are written atomically at the end
of a run that learnt something, and read with a checksum: a torn or foreign file is
ignored, never an error. Worker processes send what they learnt back with each file's
result (:meth:`AnswerStore.drain`), so the parent's tables are complete.
"""
from __future__ import annotations

import hashlib
import marshal
import os

from .atomic import replace_file
from .checksum import read_checksummed, with_checksum

#: a table stops growing here (a few MB): a run over generated text need not fill the disk
MAX_WORDS = 400_000
PREFIX = "answers-"


class Table:
    """One backend's answers: ``known`` (word to verdict) and ``suggest`` (word to suggestions),
    and what was added since the last :meth:`AnswerStore.drain`."""

    def __init__(self, known: dict, suggest: dict):
        self.known, self.suggest = known, suggest
        self.new_known: dict[str, bool] = {}
        self.new_suggest: dict[str, tuple[str, ...]] = {}

    def learn_known(self, word: str, verdict: bool) -> None:
        if len(self.known) < MAX_WORDS:
            self.new_known[word] = verdict

    def learn_suggest(self, word: str, found: tuple[str, ...]) -> None:
        if len(self.suggest) < MAX_WORDS:
            self.new_suggest[word] = found


class AnswerStore:
    def __init__(self, folder: str, prepare=None):
        """``prepare``: makes the folder (the cache's, with its tag) before the first write."""
        self.folder, self._prepare = folder, prepare
        self._tables: dict[str, Table] = {}
        self._dirty: set[str] = set()

    @staticmethod
    def key(backend) -> str:
        """What the answers depend on: the backend and dictionary, and its files as they are."""
        parts = [type(backend).__name__, backend.label]
        for path in backend.inputs:
            try:
                st = os.stat(path)
                parts.append(f"{path}|{st.st_size}|{st.st_mtime_ns}")
            except OSError:
                parts.append(f"{path}|absent")
        return hashlib.blake2b("\n".join(parts).encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()

    def table(self, backend) -> Table:
        key = self.key(backend)
        table = self._tables.get(key)
        if table is None:
            known, suggest = self._read(key)
            table = self._tables[key] = Table(known, suggest)
        return table

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, PREFIX + key + ".marshal")

    def _read(self, key: str) -> tuple[dict, dict]:
        body = read_checksummed(self._path(key))
        try:
            known, suggest = marshal.loads(body) if body is not None else ({}, {})
        except (ValueError, EOFError, TypeError):
            return {}, {}
        if isinstance(known, dict) and isinstance(suggest, dict):
            return known, suggest
        return {}, {}

    def drain(self) -> dict:
        """What every table learnt since the last drain (for a worker's result)."""
        learnt = {}
        for key, table in self._tables.items():
            if table.new_known or table.new_suggest:
                learnt[key] = (table.new_known, table.new_suggest)
                table.new_known, table.new_suggest = {}, {}
        return learnt

    def merge(self, learnt: dict) -> None:
        """Answers learnt in this process or in a worker, to be saved at the end of the run."""
        for key, (known, suggest) in learnt.items():
            table = self._tables.get(key)
            if table is None:
                table = self._tables[key] = Table(*self._read(key))
            table.known.update(known)
            table.suggest.update(suggest)
            self._dirty.add(key)

    def save(self) -> None:
        for key in sorted(self._dirty):
            table = self._tables[key]
            body = marshal.dumps((table.known, table.suggest))
            try:
                if self._prepare is not None:
                    self._prepare()
                os.makedirs(self.folder, exist_ok=True)
                replace_file(self._path(key), with_checksum(body))
            except (OSError, ValueError):
                pass  # a read-only or full disk makes these answers lost, not the run wrong
        self._dirty.clear()
