"""What the language server knows between requests: the open buffers, the configuration of
each, the last findings of each, and the edits its code actions offer.

Nothing here speaks the protocol (``lint.server.protocol`` does), so it is used and tested
without pygls. A buffer is checked exactly as ``guidelint check - --stdin-filename PATH``
checks it: the same configuration discovery, rules, suppressions and positions. Cross-locale
rules read the folder's other guides from their open buffers when there are some, from the
disk otherwise.
"""
from __future__ import annotations

import difflib
import os
import re
import traceback
from dataclasses import dataclass, field

from ..config import CONFIG_NAMES, Config, ConfigError, FileConfig
from ..dictionaries import WORDS_FILE
from ..document import Document, locale_from_path
from ..finding import Finding
from ..fix import Reported, apply_fixes, applicable, fix_document
from ..internal import CONFIG_ERROR, ENGINE_CHECKS, RULE_ERROR
from ..document import PARSED_GUIDE
from ..runner import ConfigResolver, FileResult, RunMemo, check_document, parse_and_check
from ..source import UndecodableFile, decode
from ..translations import pairing
from .positions import UTF16, LineTable

#: values worth keeping from one check to the next: dictionaries take seconds to load, the
#: repository's URL counts a scan of every guide. Everything else a rule memoised (parsed
#: siblings, pairings, alignments, anchors of other files) may be stale after an edit.
KEPT_ACROSS_CHECKS = frozenset({
    "guidelint.dictionaries", "guidelint.speller", "guidelint.product_names",
    "links/near-duplicate-url", "links/near-duplicate-url/root",
})

#: files whose saving changes what every open guide's check reads
SETTINGS_FILES = frozenset(CONFIG_NAMES) | {WORDS_FILE}

SUPPRESS = "<!-- guidelint-disable-next-line {rule} -->"
SUPPRESS_HERE = "<!-- guidelint-disable {rule} --><!-- guidelint-enable {rule} -->"
DELIMITER_ROW = re.compile(r"^[\s>]*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


class ServerMemo(RunMemo):
    """A run memo that lives as long as the server, forgetting between checks what an edit can
    make stale."""

    def start_check(self, live: frozenset[int] = frozenset()) -> None:
        """Forget what an edit may have made stale. ``live``: ids of the sibling documents
        this check is given unchanged; what rules derived from one of them (its blocks, its
        anchors: keys that end with the document's id) still holds, and the document being
        alive, its id cannot name another one."""
        for key in list(self._cache):
            head = key[0] if isinstance(key, tuple) else key
            if head in KEPT_ACROSS_CHECKS or (isinstance(key, tuple) and len(key) > 2
                                              and type(key[-1]) is int and key[-1] in live):
                continue
            self._cache.pop(key, None)
            self._inputs.pop(key, None)
        self._folder, self._folder_keys, self.deps = None, [], None

    def forget_everything(self) -> None:
        self._cache.clear()
        self._inputs.clear()
        self._digests.clear()


@dataclass
class Checked:
    """One check of one buffer: the text it saw and what it found."""

    path: str
    text: str
    findings: list[Finding]
    table: LineTable
    doc: Document | None = None
    effective: FileConfig | None = None
    fix_all: list["TextChange"] | None = field(default=None, repr=False)
    baseline: object = None  # the configuration's lint.baseline.Baseline, when it names one
    unfiltered: list[Finding] | None = field(default=None, repr=False)  # before the baseline


@dataclass
class TextChange:
    """An edit in LSP coordinates: (line, character) start and end, and the new text."""

    start: tuple[int, int]
    end: tuple[int, int]
    text: str


class Session:
    def __init__(self, config: str | None = None, debug: bool = False, encoding: str = UTF16):
        self.config_path = config
        self.debug = debug
        self.encoding = encoding
        self.services = ServerMemo(debug=debug)
        self.buffers: dict[str, str] = {}
        self.results: dict[str, Checked] = {}
        self._resolver: ConfigResolver | None = None
        self._stamps: dict[str, tuple[int, int] | None] = {}
        self._parsed: dict[str, tuple[str, Document]] = {}  # open buffers parsed as siblings
        self._saved: dict[str, tuple[tuple[int, int] | None, Document]] = {}  # saved siblings
        self._baselines: dict[str, tuple] = {}  # path -> (stamp, Baseline)

    # buffers ------------------------------------------------------------------------
    def update(self, path: str, text: str) -> None:
        self.buffers[path] = text

    def close(self, path: str) -> None:
        self.buffers.pop(path, None)
        self.results.pop(path, None)
        self._parsed.pop(path, None)

    # configuration ------------------------------------------------------------------
    @staticmethod
    def is_settings_file(path: str) -> bool:
        return os.path.basename(path) in SETTINGS_FILES

    def reload_settings(self) -> None:
        """A configuration or word list changed: read them again, forget every memo."""
        self._resolver = None
        self._stamps.clear()
        self._saved.clear()
        self._parsed.clear()
        self._baselines.clear()
        self.services.forget_everything()

    def _resolver_for(self) -> ConfigResolver:
        if self._resolver is None:
            explicit = Config.load(self.config_path) if self.config_path else None
            self._resolver = ConfigResolver(explicit)
        return self._resolver

    def _effective(self, path: str) -> FileConfig | None:
        """The file's configuration; None when it is excluded. A configuration file edited
        by another program since it was read is read again."""
        resolver = self._resolver_for()
        config = resolver.config_for(path)
        if config.path and self._stamps.setdefault(config.path, _stamp(config.path)) != _stamp(config.path):
            self.reload_settings()
            resolver = self._resolver_for()
            config = resolver.config_for(path)
            self._stamps[config.path or ""] = _stamp(config.path) if config.path else None
        if config.excluded(path):
            return None
        return resolver.effective_for(path)

    # checking -----------------------------------------------------------------------
    def check(self, path: str) -> Checked:
        """Check the open buffer of ``path``; never raises: a buffer that cannot be checked
        gets one finding that says why."""
        text = self.buffers.get(path, "")
        table = LineTable(text, self.encoding)
        try:
            effective = self._effective(path)
        except ConfigError as e:
            return self._store(Checked(path, text, [_engine(path, CONFIG_ERROR, f"configuration error: {e}")], table))
        except Exception as e:  # noqa: BLE001 - a broken plug-in or file system must not stop the server
            return self._store(Checked(path, text, [self._crash(path, "reading the configuration", e)], table))
        if effective is None:
            return self._store(Checked(path, text, [], table))
        try:
            self._prepare(path, effective)
            checked = parse_and_check(path, effective, self.services,
                                      data=text.encode("utf-8", "surrogatepass"))
            self._keep_saved_siblings(path)
        except Exception as e:  # noqa: BLE001 - see above
            return self._store(Checked(path, text, [self._crash(path, "checking", e)], table))
        if isinstance(checked, FileResult):
            return self._store(Checked(path, text, checked.findings, table))
        doc, findings = checked
        everything = list(findings)
        baseline, trouble = self._baseline(path)
        if baseline is not None:
            # as `guidelint check` does with the configuration's baseline: only what it did not
            # record; the engine's own findings always show
            findings = ([f for f in findings if f.rule in ENGINE_CHECKS]
                        + baseline.new_in([f for f in findings if f.rule not in ENGINE_CHECKS]))
            findings.sort(key=Finding.sort_key)
        if trouble is not None:
            findings.insert(0, trouble)
        return self._store(Checked(path, text, findings, table, doc, effective, baseline=baseline,
                                   unfiltered=everything))

    def _baseline(self, path: str):
        """(the configuration's baseline, None) or (None, a finding saying why it is unusable)."""
        config = self._resolver_for().config_for(path)
        where = config.baseline
        if not where:
            return None, None
        stamp = _stamp(where)
        known = self._baselines.get(where)
        if known is not None and known[0] == stamp:
            return known[1], None
        from ..baseline import Baseline, BaselineError

        try:
            baseline = Baseline(where)
        except BaselineError as e:
            return None, _engine(path, CONFIG_ERROR, f"{config.path}: baseline: {e}: every finding is shown")
        self._baselines[where] = (stamp, baseline)
        return baseline, None

    def _store(self, checked: Checked) -> Checked:
        self.results[checked.path] = checked
        return checked

    def _crash(self, path: str, doing: str, e: Exception) -> Finding:
        if self.debug:
            traceback.print_exc()
        return _engine(path, RULE_ERROR, f"guidelint failed while {doing}: {type(e).__name__}: {e}")

    def _prepare(self, path: str, effective: FileConfig) -> None:
        """Give the cross-locale rules the folder's other guides: open buffers as they are
        (a source being edited) instead of their saved files, and saved files parsed by an
        earlier check while they have not changed. The rules look a guide up under the key
        the runner shares parsed siblings by."""
        folder = os.path.dirname(os.path.abspath(path))
        siblings: dict[str, Document] = {}
        for other, text in self.buffers.items():
            if other != path and os.path.dirname(os.path.abspath(other)) == folder:
                doc = self._parse(other, text, effective.locale_pattern)
                if doc is not None:
                    siblings[os.path.abspath(other)] = doc
        for other, (stamp, doc) in list(self._saved.items()):
            if os.path.dirname(other) != folder or other in siblings or other == os.path.abspath(path):
                continue
            if _stamp(other) == stamp:
                siblings[other] = doc
            else:
                del self._saved[other]
        self.services.start_check(frozenset(id(doc) for doc in siblings.values()))
        for other, doc in siblings.items():
            self.services.get((PARSED_GUIDE, other), lambda d=doc: d, scope="folder")

    def _keep_saved_siblings(self, path: str) -> None:
        """Remember the saved guides the rules parsed for this check, for the next one."""
        mine = os.path.abspath(path)
        open_paths = {os.path.abspath(p) for p in self.buffers}
        for key in list(self.services._cache):
            if (isinstance(key, tuple) and len(key) == 2 and key[0] == PARSED_GUIDE
                    and key[1] != mine and key[1] not in open_paths):
                doc = self.services.peek(key)
                known = self._saved.get(key[1])
                if doc is not None and (known is None or known[1] is not doc):
                    self._saved[key[1]] = (_stamp(key[1]), doc)

    def _parse(self, path: str, text: str, pattern: str) -> Document | None:
        known = self._parsed.get(path)
        if known is not None and known[0] == text:
            return known[1]
        try:
            doc = Document.from_source(decode(text.encode("utf-8", "surrogatepass")), path,
                                       locale_from_path(path, pattern))
        except (UndecodableFile, RecursionError):
            return None  # its own check reports why; the translation falls back to the file
        self._parsed[path] = (text, doc)
        return doc

    def dependents(self, path: str) -> list[str]:
        """The open translations whose source is ``path``: re-checked when it changes."""
        out = []
        folder = os.path.dirname(os.path.abspath(path))
        for other in sorted(self.buffers):
            if other == path or os.path.dirname(os.path.abspath(other)) != folder:
                continue
            try:
                effective = self._effective(other)
                if effective is None:
                    continue
                found = pairing.pair(other, effective.source_locales, effective.locale_pattern,
                                     effective.locale)
            except Exception:  # noqa: BLE001 - its own check will report the configuration
                continue
            if found.source and os.path.abspath(found.source) == os.path.abspath(path):
                out.append(other)
        return out

    # code actions -------------------------------------------------------------------
    def finding_changes(self, checked: Checked, finding: Finding) -> list[TextChange]:
        """The edits of one finding's fix, as the engine would apply them; [] when they do
        not apply to this text (stale, overlapping)."""
        if checked.doc is None or not applicable(finding, unsafe=True):
            return []
        source = checked.doc.source
        _, applied, _ = apply_fixes(source, [finding], unsafe=True)
        if not applied:
            return []
        starts = [0]
        for text, ending in zip(source.lines, source.endings):
            starts.append(starts[-1] + len(text) + len(ending))
        changes = []
        for edit in finding.edits:
            start = starts[edit.line - 1] + edit.column - 1
            end = starts[min(edit.end_line, len(source.lines) + 1) - 1] + edit.end_column - 1
            ending = source.endings[edit.line - 1] if edit.line <= len(source.endings) else ""
            # as the engine writes it: a line break in a fix takes the line's own ending
            replacement = edit.replacement.replace("\r\n", "\n").replace("\r", "\n")
            replacement = replacement.replace("\n", ending or source.dominant_ending)
            if source.text[start:end] != replacement:
                changes.append(TextChange(checked.table.at_offset(start), checked.table.at_offset(end),
                                          replacement))
        return changes

    def fix_all_changes(self, checked: Checked) -> list[TextChange]:
        """Every safe fix of the buffer, applied pass after pass as ``guidelint check --fix``
        does, as line-level edits of the buffer."""
        if checked.doc is None or checked.effective is None:
            return []
        if not any(applicable(f) for f in checked.findings):
            return []
        self._prepare(checked.path, checked.effective)
        try:
            # with a baseline, as `check --fix` does: only what is reported is fixed
            reported = Reported(baseline=checked.baseline) if checked.baseline is not None else None
            effective, memo = checked.effective, self.services
            outcome = fix_document(checked.doc, checked.unfiltered or checked.findings,
                                   lambda fixed: check_document(fixed, effective, memo), reported=reported)
        except Exception as e:  # noqa: BLE001 - an action that fails offers nothing, the server lives
            self._crash(checked.path, "fixing", e)
            return []
        if outcome.data is None:
            return []
        new_text = decode(outcome.data).text
        return self._line_changes(checked, new_text)

    def _line_changes(self, checked: Checked, new_text: str) -> list[TextChange]:
        table = LineTable(checked.text, self.encoding)
        old_lines = table.text.splitlines(keepends=True)
        new_lines = new_text.splitlines(keepends=True)
        starts = [0]
        for line in old_lines:
            starts.append(starts[-1] + len(line))
        changes = []
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            changes.append(TextChange(table.at_offset(starts[i1]), table.at_offset(starts[i2]),
                                      "".join(new_lines[j1:j2])))
        return changes

    def suppress_change(self, checked: Checked, finding: Finding) -> TextChange | None:
        """Insert ``<!-- guidelint-disable-next-line RULE -->`` so that it silences the
        finding's line and changes nothing a reader sees.

        Between blocks a comment line is invisible; inside a paragraph, a tight list or a
        table it would end the block, so there it goes at the end of the line before (in a
        table row, inside its last cell; under the delimiter row, in the row's own last cell
        as a disable/enable pair). None for a line in a code block, where comments are
        examples, not directives, and in front matter."""
        doc = checked.doc
        if doc is None or finding.rule.startswith("internal/"):
            return None
        line = finding.line
        if line in doc.code_lines or not 1 <= line <= len(doc.lines):
            return None
        directive = SUPPRESS.format(rule=finding.rule)
        table = checked.table
        before = line - 1
        if before >= doc.body_first_line and doc.line(before).strip() and _continues_block(doc, before, line):
            if _in_table(doc, before):
                if DELIMITER_ROW.match(doc.line(before)):
                    # text in the delimiter row would unmake the table: silence the row itself,
                    # from a disable to an enable on that one line
                    return _in_last_cell(table, line, doc.line(line), SUPPRESS_HERE.format(rule=finding.rule))
                return _in_last_cell(table, before, doc.line(before), directive)
            text = doc.line(before)
            at = len(text.rstrip())
            if text[:at].endswith("\\"):
                at -= 1  # keep the backslash that breaks the line last
            position = table.position(before, at + 1)
            return TextChange(position, position, f" {directive}")
        if line < doc.body_first_line:
            return None  # front matter: a comment there would be YAML
        text = doc.line(line)
        prefix = text[:len(text) - len(text.lstrip(" \t>"))]
        ending = doc.source.endings[line - 1] or doc.source.dominant_ending
        position = table.position(line, 1)
        return TextChange(position, position, f"{prefix}{directive}{ending}")


    def suppress_block_changes(self, checked: Checked, finding: Finding) -> list[TextChange]:
        """For a finding inside a code block, where a comment is an example and not a
        directive: ``guidelint-disable RULE`` on a line before the block and
        ``guidelint-enable RULE`` on a line after it, indented as the block is (so that a block
        inside a list item stays inside it). [] for a line outside code blocks."""
        doc = checked.doc
        if doc is None or finding.rule.startswith("internal/") or finding.line not in doc.code_lines:
            return []
        block = next((node for node in doc.walk("block_code")
                      if node.line <= finding.line <= node.end_line), None)
        if block is None:
            return []
        first = doc.line(block.line)
        prefix = first[:len(first) - len(first.lstrip(" \t>"))]
        if not first.lstrip(" >").startswith(("```", "~~~")):  # indented code: its indent is the code
            prefix = prefix[:len(prefix) - len(prefix.lstrip(">"))] if ">" in prefix else ""
        table = checked.table
        ending = doc.source.endings[block.line - 1] or doc.source.dominant_ending
        start = table.position(block.line, 1)
        after = block.end_line + 1
        if after <= len(doc.lines):
            end, before_text, after_text = table.position(after, 1), "", ending
        else:  # the block ends the file
            end = table.end()
            before_text = "" if doc.source.endings[-1] else ending
            after_text = ending if doc.source.endings[-1] else ""
        return [TextChange(start, start, f"{prefix}<!-- guidelint-disable {finding.rule} -->{ending}"),
                TextChange(end, end, f"{before_text}{prefix}<!-- guidelint-enable {finding.rule} -->{after_text}")]

def _continues_block(doc: Document, before: int, line: int) -> bool:
    """Is ``line`` inside the same paragraph, list or table as the line before it?"""
    for node in doc.walk("paragraph", "block_text", "table", "list"):
        if node.line <= before and node.end_line >= line:
            return True
    return False


def _in_last_cell(table: LineTable, line: int, text: str, comment: str) -> TextChange:
    """Insert ``comment`` at the end of a table row's last cell (before its closing pipe)."""
    stripped = text.rstrip()
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        position = table.position(line, len(stripped))
        return TextChange(position, position, f" {comment} ")
    position = table.position(line, len(stripped) + 1)
    return TextChange(position, position, f" {comment}")


def _in_table(doc: Document, line: int) -> bool:
    return any(node.line <= line <= node.end_line for node in doc.walk("table"))


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _engine(path: str, check, message: str) -> Finding:
    return Finding(path, 1, 1, 1, 1, check.id, check.severity, message)

