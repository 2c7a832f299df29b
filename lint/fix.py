"""Autofix: apply the edits findings carry to the ORIGINAL text of a file.

Fixes are data (:class:`~lint.finding.Edit`, 1-based line/column, end exclusive). A finding's
edits are applied together or not at all; a finding whose edits overlap one already taken
is left for the next pass. After each pass the text is checked again, until no fix applies
(at most :data:`MAX_PASSES`), so running ``--fix`` twice changes nothing the second time.
Line endings (CRLF, CR, mixed), the encoding and byte order mark, and the file's
permissions are kept; the file is replaced atomically (temporary file in the same folder,
then ``os.replace``), so an interrupted write leaves the original intact.
"""
from __future__ import annotations

import difflib
import os
import stat
from dataclasses import dataclass, field
from typing import Callable

from .atomic import replace_file
from .document import Document
from .finding import Finding
from .source import SourceText, decode, encode

MAX_PASSES = 10


def applicable(finding: Finding, unsafe: bool = False) -> bool:
    """True if ``--fix`` (with ``--unsafe-fixes`` when ``unsafe``) applies this finding's
    edits: the finding's own applicability says, as the rule decided it."""
    fix = finding.fix
    return fix is not None and fix.applies(unsafe)


class _Invalid(Exception):
    pass


def _line_starts(source: SourceText) -> list[int]:
    starts, pos = [], 0
    for line, ending in zip(source.lines, source.endings):
        starts.append(pos)
        pos += len(line) + len(ending)
    return starts


def apply_fixes(source: SourceText, findings: list[Finding], unsafe: bool = False
                ) -> tuple[str, list[Finding], list[tuple[int, int]]]:
    """Apply the applicable, non-overlapping fixes to ``source.text``.

    Returns the new text, the findings whose fixes were applied, and the spans (offsets in
    the original text, end exclusive) that were replaced.
    """
    text, lines, endings = source.text, source.lines, source.endings
    starts = _line_starts(source)

    def offset(line: int, column: int) -> int:
        if line == len(lines) + 1 and column == 1:
            return len(text)
        if not 1 <= line <= len(lines) or column < 1:
            raise _Invalid
        if column - 1 > len(lines[line - 1]) + len(endings[line - 1]):
            raise _Invalid
        return starts[line - 1] + column - 1

    def ending_of(line: int) -> str:
        if 1 <= line <= len(endings) and endings[line - 1]:
            return endings[line - 1]
        return source.dominant_ending

    candidates = []
    for f in findings:
        if not applicable(f, unsafe):
            continue
        try:
            spans = []
            for e in f.edits:
                s, end = offset(e.line, e.column), offset(e.end_line, e.end_column)
                if end < s:
                    raise _Invalid
                replacement = e.replacement.replace("\r\n", "\n").replace("\r", "\n")
                replacement = replacement.replace("\n", ending_of(e.line))
                if text[s:end] != replacement:
                    spans.append((s, end, replacement))
        except _Invalid:
            continue
        if spans:
            spans.sort()
            candidates.append((spans[0][0], f.sort_key(), f, spans))
    candidates.sort(key=lambda c: (c[0], c[1]))
    taken: list[tuple[int, int, str]] = []
    applied: list[Finding] = []
    for _, _, f, spans in candidates:
        if _overlaps(spans, spans, same=True) or _overlaps(spans, taken):
            continue  # left for the next pass
        taken.extend(spans)
        applied.append(f)
    if not taken:
        return text, [], []
    taken.sort()
    out, pos = [], 0
    for s, end, replacement in taken:
        out.append(text[pos:s])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out), applied, [(s, end) for s, end, _ in taken]


def _overlaps(spans, others, same: bool = False) -> bool:
    for i, (s1, e1, _) in enumerate(spans):
        for j, (s2, e2, _) in enumerate(others):
            if same and i >= j:
                continue
            if (s1 < e2 and s2 < e1) or s1 == s2:
                return True
    return False


@dataclass
class Reported:
    """Which of one file's findings the run reports, so that ``--fix`` fixes only those:
    the ones a baseline does not absorb, on the lines a change touched."""

    changed: object = None   # a lint.changes.ChangedFile, or None: every line
    baseline: object = None  # a lint.baseline.Baseline, or None

    def select(self, findings: list[Finding]) -> list[Finding]:
        if self.baseline is not None:
            findings = self.baseline.new_in(findings)
        if self.changed is not None:
            findings = [f for f in findings if self.changed.keeps(f)]
        return findings

    def after(self, old: SourceText, new: SourceText) -> "Reported":
        """The same selection once a fix pass rewrote the text (line numbers may have moved)."""
        if self.changed is None:
            return self
        return Reported(self.changed.after_rewrite(list(old.lines), list(new.lines)), self.baseline)


@dataclass
class FixOutcome:
    findings: list[Finding]  # what remains after fixing
    fixed: int = 0
    data: bytes | None = None  # the fixed file's bytes, None when nothing changed
    original: bytes | None = None
    diff: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)  # first pass, original offsets
    reported: Reported | None = None  # the selection, its lines moved to the fixed text

    def write(self, path: str) -> None:
        if self.data is not None:
            write_atomic(path, self.data, expect=self.original)


def fix_document(doc, findings: list[Finding], recheck: Callable[[Document], list[Finding]],
                 unsafe: bool = False, diff: bool = False, reported: Reported | None = None) -> FixOutcome:
    """Fix ``doc`` in memory, re-checking after each pass; return what changed and what remains.
    With ``reported``, only the findings it selects are fixed (a baseline, changed lines).

    ``recheck`` gives a fixed document's findings with the caller's rules and configuration:
    the fix loop applies edits and never runs the rules itself, so it needs no runner."""
    source = doc.source
    original_text = source.text
    outcome = FixOutcome(findings)
    current = doc
    for number in range(MAX_PASSES):
        candidates = outcome.findings if reported is None else reported.select(outcome.findings)
        text, applied, spans = apply_fixes(current.source, candidates, unsafe)
        if not applied:
            break
        if number == 0:
            outcome.spans = spans
        outcome.fixed += len(applied)
        new_source = decode(encode(text, source.encoding))
        if reported is not None:
            reported = reported.after(current.source, new_source)
        current = Document.from_source(new_source, doc.path, doc.locale)
        outcome.findings = recheck(current)
    outcome.reported = reported
    if current.source.text != original_text:
        outcome.original = encode(original_text, source.encoding)
        outcome.data = encode(current.source.text, source.encoding)
        if diff:
            outcome.diff = "".join(
                line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
                for line in difflib.unified_diff(
                    _physical_lines(source), _physical_lines(current.source),
                    fromfile=f"a/{doc.path}", tofile=f"b/{doc.path}"))
    return outcome


def _physical_lines(source: SourceText) -> list[str]:
    return [line + ending for line, ending in zip(source.lines, source.endings) if line or ending]


class ChangedOnDisk(OSError):
    pass


def write_atomic(path: str, data: bytes, expect: bytes | None = None) -> None:
    """Replace the file at ``path`` (the target of a symbolic link) with ``data``: written
    to a temporary file in the same folder, permissions copied, then renamed over it."""
    target = os.path.realpath(path)
    st = os.stat(target)
    if expect is not None:
        with open(target, "rb") as f:
            if f.read() != expect:
                raise ChangedOnDisk(0, "the file changed while it was checked; not fixed")
    replace_file(target, data, mode=stat.S_IMODE(st.st_mode), durable=True)
