"""The run memo: what a run computes once and shares across the files it checks."""
from __future__ import annotations

import os
from typing import Iterable

from . import garbage
from .document import Document


class RunMemo:
    """What a run computes once and shares across files (``ctx.memo``): loaded dictionaries,
    a folder's parsed guides, repository URL counts.

    It also records, for the file being checked, every other input the rules read
    (:meth:`depends_on`), so the cache can tell when a result is stale.
    """

    def __init__(self, debug: bool = False):
        self.debug = debug
        self._cache: dict = {}
        self._inputs: dict = {}
        self._digests: dict = {}
        self._folder: str | None = None
        self._folder_keys: list = []
        self._building: list[list] = []
        self.deps: dict[str, tuple[str, str]] | None = None  # path -> (by, digest) of the current file
        # a new object for each file's check, None between checks: what the rules of one file
        # ask for in turn can be answered once (lint.translations.align.pair_for)
        self.file_check: object | None = None
        #: spelling answers kept between runs (a lint.answers.AnswerStore), when the cache is on
        self.answers = None

    def get(self, key, factory, inputs: Iterable[str] = (), scope: str = "process"):
        """A value built once per process. ``inputs``: files the value was built from (a
        dictionary's .dic/.aff); every file that uses the value depends on them (by mtime/size).
        ``scope="folder"``: drop the value when the run moves on to another folder (parsed
        sibling guides), so memory stays flat however many files a run checks."""
        if key not in self._cache:
            # inputs declared while the value is built (by nested get() calls or depends_on)
            # belong to the value: every later user of it depends on them too
            collected = [(path, "stat") for path in inputs]
            self._building.append(collected)
            try:
                value = factory()
            finally:
                self._building.pop()
            self._cache[key] = value
            self._inputs[key] = tuple(collected)
            if scope == "folder":
                self._folder_keys.append(key)
        if self.deps is not None or self._building:
            for path, by in self._inputs.get(key, ()):
                self.depends_on(path, by)
        return self._cache[key]

    @property
    def building(self) -> bool:
        """Whether a value is being built: what is declared now belongs to it too."""
        return bool(self._building)

    def peek(self, key):
        """The value ``get`` built for ``key``, or None; builds nothing and declares nothing."""
        return self._cache.get(key)

    def depends_on(self, path: str, by: str = "content") -> None:
        """The file being checked reads ``path`` (a file, or a folder's listing); ``by`` is
        "content" (hash of the bytes) or "stat" (mtime and size, for large data files).
        Declaring a path that does not exist is fine: its appearance invalidates too."""
        path = os.path.abspath(path)
        for collected in self._building:
            collected.append((path, by))
        if self.deps is None:
            return
        from .cache import input_digest

        key = (path, by)
        digest = self._digests.get(key)
        if digest is None:
            digest = self._digests[key] = input_digest(path, by)
        self.deps[path] = (by, digest)

    def begin_file(self, path: str | None = None, track: bool = True) -> None:
        """A file's check starts. ``track``: record the inputs it reads (for the cache); a
        run without a cache skips digesting its siblings and data files for nothing."""
        self.deps = {} if track else None
        self.file_check = object()
        if path is not None:
            folder = os.path.dirname(os.path.abspath(path))
            left = folder != self._folder and self._folder is not None
            if left:
                for key in self._folder_keys:
                    value = self._cache.pop(key, None)
                    self._inputs.pop(key, None)
                    if isinstance(value, Document):
                        value.release()
                self._folder_keys = []
            # what was built before the first file (the guides the staged-change notes parsed)
            # is kept until the run leaves the first file's folder
            self._folder = folder
            garbage.file_started(left)

    def end_file(self) -> dict[str, tuple[str, str]]:
        deps, self.deps = self.deps or {}, None
        self.file_check = None
        return deps

    def forget(self, path: str) -> None:
        """``path`` was rewritten (by --fix): digest it afresh when next declared."""
        path = os.path.abspath(path)
        for by in ("content", "stat"):
            self._digests.pop((path, by), None)


#: the memo's former name, which plug-ins and scripts written before the rename use
Services = RunMemo
