"""Changed-lines mode: report only what a change introduces.

``--changed-lines-only`` reads the staged change (``git diff --cached``), ``--new-from-rev
REV`` the change from ``REV`` (its merge base with ``HEAD``, as a pull request's diff shows it)
to the files on disk, uncommitted edits included. A finding is reported when one of its
lines was added or modified by the change; a file git does not track at all counts as wholly
new. Anchors: golangci-lint's ``--new-from-rev``, reviewdog's ``-filter-mode=added``, darker.

A pure deletion touches the lines on either side of it: what a removed line breaks (a table
that lost its delimiter row, a list that lost its blank line) is reported next to the gap.
Files whose lines end in a lone CR are counted by git as one line: any change to such a
file counts as touching all of it.

Findings that are not about a line (the engine's ``internal/*``) always pass: an unreadable
file or a missing dictionary is news whatever the change.

:func:`outdated_translations` adds, for a changed source guide, a ``changes/source-changed``
note on each translation whose counterparts of the rewritten or removed source blocks the
change left alone.
"""
from __future__ import annotations

import difflib
import os
import re
import subprocess
from dataclasses import dataclass

from .finding import Finding


class ChangesError(Exception):
    pass


_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


@dataclass(frozen=True)
class ChangedFile:
    """The lines a change added or modified in one file (``whole``: every line)."""

    lines: frozenset[int] = frozenset()
    whole: bool = False

    def touches(self, first: int, last: int) -> bool:
        if self.whole:
            return True
        return any(line in self.lines for line in range(first, max(first, last) + 1))

    def keeps(self, f: Finding) -> bool:
        """True when ``f`` is on a touched line, or is not about a line at all."""
        return f.rule.startswith("internal/") or self.touches(f.line, f.end_line)

    def after_rewrite(self, old: list[str], new: list[str]) -> "ChangedFile":
        """The same touched lines after the file's lines went from ``old`` to ``new`` (a fix
        pass): unchanged lines keep their state, a rewritten region is touched if any of the
        lines it replaced was."""
        if self.whole:
            return self
        moved: set[int] = set()
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if tag == "equal":
                moved.update(j1 + 1 + k for k in range(i2 - i1) if i1 + 1 + k in self.lines)
            elif any(line in self.lines for line in range(i1 + 1, i2 + 1)):
                moved.update(range(j1 + 1, j2 + 1))
        return ChangedFile(frozenset(moved))


UNCHANGED = ChangedFile()
NEW = ChangedFile(whole=True)


class Changes:
    """Touched lines per file of a git change, looked up by a checked file's path."""

    def __init__(self, files: dict[str, ChangedFile], root: str, tracked: frozenset[str],
                 description: str, base_rev: str | None = None):
        self.files = files          # real path -> ChangedFile
        self.root = root            # the repository's top folder (real path)
        self.tracked = tracked      # paths git tracks (in the index), relative to root
        self.description = description
        self.base_rev = base_rev    # the revision the change is compared with (None: the index)

    def for_path(self, path: str) -> ChangedFile:
        real = os.path.realpath(path)
        found = self.files.get(real)
        if found is not None:
            return found
        if not real.startswith(os.path.join(self.root, "")):
            return NEW  # outside the repository: nothing to compare with
        rel = real[len(self.root) + 1:].replace(os.sep, "/")
        return UNCHANGED if rel in self.tracked else NEW

    def base_text(self, path: str) -> bytes | None:
        """The file as it was before the change (at ``HEAD`` for the staged change, at the
        base revision otherwise); None when it did not exist there."""
        rel = os.path.relpath(os.path.realpath(path), self.root).replace(os.sep, "/")
        try:
            done = subprocess.run(["git", "show", f"{self.base_rev or 'HEAD'}:{rel}"], cwd=self.root,
                                  capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout if done.returncode == 0 else None

    # -- reading git ------------------------------------------------------------------------

    @classmethod
    def staged(cls, cwd: str = ".") -> "Changes":
        """The change ``git commit`` would record now: the index against ``HEAD``."""
        # the three questions are independent: asked at once, a pre-commit run waits for one
        # git start-up instead of three. `diff --cached` with no revision compares with HEAD,
        # or with nothing before the first commit; `ls-files --full-name :/` lists the whole
        # repository from any folder in it.
        top, diff, listed = _git_at_once(cwd or ".", ("rev-parse", "--show-toplevel"), (*_DIFF, "--cached"),
                                         ("ls-files", "-z", "--full-name", "--", ":/"))
        root = _toplevel(cwd, top)
        return cls(_parse(_output(diff), root), root, _listed(_output(listed)), "the staged change")

    @classmethod
    def since(cls, rev: str, cwd: str = ".") -> "Changes":
        """The change from ``rev``'s merge base with ``HEAD`` to the files on disk."""
        root = _toplevel(cwd)
        if not _git(root, "rev-parse", "--verify", "-q", f"{rev}^{{commit}}", check=False).strip():
            raise ChangesError(f"--new-from-rev: '{rev}' is not a commit in {root}")
        base = _git(root, "merge-base", rev, "HEAD", check=False).strip() or rev
        diff = _git(root, *_DIFF, base)
        changes = cls(_parse(diff, root), root, _tracked(root), f"the change since {rev}", base)
        for name in _git(root, "ls-files", "-z", "--others", "--exclude-standard").split("\0"):
            if name:  # untracked: wholly new
                changes.files[os.path.realpath(os.path.join(root, name))] = NEW
        return changes


# the plain text of a diff whatever the user's git configuration says
_DIFF = ("-c", "core.quotePath=false", "diff", "-U0", "-M", "--no-color", "--no-ext-diff",
         "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", "--diff-filter=d")


def _git(cwd: str, *args: str, check: bool = True) -> str:
    return _output(_git_at_once(cwd, args)[0], check)


def _git_at_once(cwd: str, *commands: tuple[str, ...]) -> list[tuple[tuple[str, ...], int, bytes, bytes]]:
    """Run git ``commands`` side by side in ``cwd``: (arguments, exit status, stdout, stderr) of each."""
    started = []
    try:
        for args in commands:
            started.append((args, subprocess.Popen(["git", *args], cwd=cwd, stdin=subprocess.DEVNULL,
                                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)))
        done = []
        for args, proc in started:
            out, err = proc.communicate(timeout=120)
            done.append((args, proc.returncode, out, err))
        return done
    except FileNotFoundError:
        raise ChangesError("git is not installed: changed-lines mode needs it") from None
    except subprocess.TimeoutExpired as e:  # name the command waited for, not the last started
        raise ChangesError(f"git {_named(e.cmd[1:])} took too long") from None
    finally:
        for _args, proc in started:
            if proc.returncode is None:
                proc.kill()
                proc.wait()


def _named(args) -> str:
    """A git command as messages name it: its words without the options."""
    return " ".join(a for a in args if not a.startswith("-"))[:60]


def _output(done: tuple[tuple[str, ...], int, bytes, bytes], check: bool = True) -> str:
    args, status, out, err = done
    if check and status != 0:
        message = err.decode("utf-8", "replace").strip().splitlines()
        raise ChangesError(f"git {_named(args)}: "
                           f"{message[-1] if message else 'failed'}")
    return out.decode("utf-8", "surrogateescape")


def _toplevel(cwd: str, done=None) -> str:
    try:
        found = _output(done) if done is not None else _git(cwd or ".", "rev-parse", "--show-toplevel")
    except ChangesError:
        raise ChangesError(f"{os.path.abspath(cwd)} is not in a git repository: "
                           "changed-lines mode needs one") from None
    return os.path.realpath(found.strip())


def _tracked(root: str) -> frozenset[str]:
    return _listed(_git(root, "ls-files", "-z"))


def _listed(names: str) -> frozenset[str]:
    # names as git lists them: resolving each would stat every file of a large repository
    return frozenset(n for n in names.split("\0") if n)


def _unquote(name: str) -> str:
    """A path as git prints it: C-quoted when it holds a quote, a backslash or a control
    character (core.quotePath=false keeps other non-ASCII as is)."""
    if not name.startswith('"'):
        return name
    body = name[1:-1]
    raw = bytearray()
    i = 0
    escapes = {"n": 10, "t": 9, '"': 34, "\\": 92, "a": 7, "b": 8, "f": 12, "r": 13, "v": 11}
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if re.fullmatch(r"[0-7]{3}", body[i + 1:i + 4]):  # a byte of a non-ASCII name
                raw.append(int(body[i + 1:i + 4], 8))
                i += 4
                continue
            raw.append(escapes.get(nxt, ord(nxt)))
            i += 2
            continue
        raw.extend(c.encode("utf-8", "surrogateescape"))
        i += 1
    return raw.decode("utf-8", "surrogateescape")


def _parse(diff: str, root: str) -> dict[str, ChangedFile]:
    """Touched lines per file of a ``git diff -U0`` (new-side line numbers)."""
    touched: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.split("\n"):
        if line.startswith("+++ "):
            name = line[4:].rstrip("\t")
            if name == "/dev/null":
                current = None
                continue
            name = _unquote(name)
            name = name[2:] if name.startswith("b/") else name
            current = touched.setdefault(os.path.realpath(os.path.join(root, name)), set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if not m:
                continue
            start, count = int(m.group(1)), int(m.group(2) or 1)
            if count:
                current.update(range(start, start + count))
            else:  # a deletion after line `start`: its neighbours
                current.update((start, start + 1))
    out = {}
    for path, lines in touched.items():
        out[path] = NEW if lines and _lone_cr(path) else ChangedFile(frozenset(lines))
    return out


def _lone_cr(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return False
    return b"\r" in data.replace(b"\r\n", b"")


def outdated_translations(changes: Changes, files: list[str], effective_for, memo=None) -> list[Finding]:
    """For each checked source guide the change touched, one ``changes/source-changed`` note
    per translation of its folder whose blocks matching the source blocks the change rewrote
    or removed were not changed too. ``effective_for(path)``: the file's configuration.
    ``memo``: the run's :class:`lint.memo.RunMemo`, which keeps the guides parsed here for
    the checks that follow (the hook's run parses the source and its translation once)."""
    from .budget import TooComplex, seconds_for, time_budget

    notes = []
    for path in files:
        changed = changes.for_path(path)
        if not (changed.whole or changed.lines):
            continue
        effective = effective_for(path)
        try:  # a pathological guide is reported by its own check, not here
            with time_budget(seconds_for(effective.settings)):
                notes.extend(_source_changed(path, changed, changes, effective, memo))
        except TooComplex:
            continue
    return notes


def _source_changed(path: str, changed: ChangedFile, changes: Changes, effective, memo=None) -> list[Finding]:
    """The notes of one changed guide: none unless it is its folder's source."""
    from .internal import SOURCE_CHANGED
    from .translations import pairing
    from .translations.align import make_pair
    from .translations.blocks import extract

    notes = []
    found = pairing.pair(path, effective.source_locales, effective.locale_pattern)
    if not found.is_source:
        return []
    source = _parse_guide(path, found.locale, effective=effective, memo=memo)
    if source is None:
        return []
    sblocks = extract(source)
    before = _parse_guide(path, found.locale, changes.base_text(path))
    old_blocks = extract(before) if before is not None else []
    rewritten, removed = _retranslate(sblocks, changed, old_blocks if before is not None else None)
    if not rewritten and not removed:
        return []  # front matter, spacing or punctuation only: nothing to translate
    for locale, other in sorted(found.siblings.items()):
        if os.path.realpath(other) == os.path.realpath(path):
            continue
        target = _parse_guide(other, locale, effective=effective, memo=memo)
        if target is None:
            continue
        pair = make_pair(source, target, sblocks=sblocks)
        if pair.retired:
            continue
        target_changed = changes.for_path(other)
        stale = _stale_lines(pair, rewritten, target_changed, len(target.lines))
        gone = []
        if removed:  # what the translation still says of the removed source blocks
            old_pair = make_pair(before, target, sblocks=old_blocks)
            gone = _stale_lines(old_pair, removed, target_changed, len(target.lines),
                                counterparts_only=True)
        if not stale and not gone:
            continue
        tlines = sorted({t for t, _ in stale + gone})
        what = []
        if stale:
            what.append(f"changed at {_lines_text(sorted({s for _, s in stale}))}")
        if gone:
            what.append(f"removed its former {_lines_text(sorted({s for _, s in gone}))}")
        notes.append(Finding(
            other, tlines[0], 1, tlines[0], 2, SOURCE_CHANGED.id, SOURCE_CHANGED.severity,
            f"{os.path.basename(path)} {' and '.join(what)} in {changes.description}; "
            f"the matching {_lines_text(tlines)} of this translation may be out of date",
            source_line=target.line(tlines[0])))
    return notes


def _meaning(block) -> tuple:
    """What a translator translates of a block: its words, numbers, code, links and images,
    not its spacing or punctuation (a double space fixed in the source changes nothing)."""
    return (block.kind, block.level, tuple(re.findall(r"\w+", block.text.lower())),
            " ".join(block.code.split()), tuple(c.text for c in block.codes),
            tuple(link.text for link in block.links), tuple(image.text for image in block.images))


def _retranslate(sblocks, changed: ChangedFile, old_blocks) -> tuple[set[int], set[int]]:
    """The source blocks translations must follow: indexes of the blocks the change added or
    rewrote, and indexes (in ``old_blocks``) of the blocks it removed, found by comparing the
    blocks' meanings in order. ``old_blocks``: the source's blocks before the change, None
    when the source is new (every touched block counts)."""
    if old_blocks is None:
        return {i for i, b in enumerate(sblocks) if changed.touches(b.line, b.end_line)}, set()
    rewritten, gone = set(), set()
    matcher = difflib.SequenceMatcher(None, [_meaning(b) for b in old_blocks],
                                      [_meaning(b) for b in sblocks], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            rewritten.update(range(j1, j2))
        if tag == "delete" or (tag == "replace" and i2 - i1 > j2 - j1):
            gone.update(range(i1 + (j2 - j1 if tag == "replace" else 0), i2))
    return rewritten, gone


def _stale_lines(pair, touched: set[int], target_changed: ChangedFile, last_line: int,
                 counterparts_only: bool = False) -> list[tuple[int, int]]:
    """(translation line, source line) of each changed source block whose counterpart the
    change left alone; a new source block with no counterpart points at the next one
    (unless ``counterparts_only``: a removed block without one leaves nothing to update)."""
    stale = []
    for k, (i, j) in enumerate(pair.ops):
        if i is None or i not in touched:
            continue
        sline = pair.sblocks[i].line
        if j is not None:
            block = pair.tblocks[j]
            if not target_changed.touches(block.line, block.end_line):
                stale.append((block.line, sline))
            continue
        if counterparts_only:
            continue
        following = next((pair.tblocks[jj].line for _, jj in pair.ops[k + 1:] if jj is not None), None)
        line = following or max(1, last_line)
        if not target_changed.touches(line, line):
            stale.append((line, sline))
    return stale


def _lines_text(lines: list[int]) -> str:
    shown = ", ".join(str(n) for n in lines[:6]) + (", ..." if len(lines) > 6 else "")
    return f"line{'s' if len(lines) > 1 else ''} {shown}"


def _parse_guide(path: str, locale: str | None, data: bytes | None = None, effective=None, memo=None):
    """The guide at ``path`` (or ``data`` as that guide), None when it cannot be read; with
    a ``memo``, the file's guide is parsed once for these notes and the run's checks."""
    from .document import Document

    try:
        if data is None:
            with open(path, "rb") as f:
                data = f.read()
            if memo is not None and effective is not None:
                from .check import shared_document
                from .source import decode

                return shared_document(path, decode(data), locale, effective, memo)
        return Document.from_bytes(data, path, locale)
    except Exception:  # noqa: BLE001 - an unreadable guide is its own check's business
        return None
