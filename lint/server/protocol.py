"""The Language Server Protocol side of ``guidelint server``, on pygls 2 and lsprotocol.

Diagnostics are published on open and save at once, and on change after a pause in typing
(the debounce). A guide whose source translation is open is re-checked when the source is.
Saving ``.guidelint.yaml`` (or any configuration or word list) re-checks every open guide.
"""
from __future__ import annotations

import asyncio
import inspect
import os
import sys
from dataclasses import dataclass
from urllib.parse import urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__, registry
from ..explain import explain
from ..fix import applicable
from ..internal import ENGINE_CHECKS
from .positions import UTF8, UTF16, UTF32
from .session import Checked, Session, TextChange

NAME = "guidelint"
DEBOUNCE_MS = 250
FIX_ALL_KIND = "source.fixAll.guidelint"
SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}
ENCODINGS = {types.PositionEncodingKind.Utf8: UTF8, types.PositionEncodingKind.Utf16: UTF16,
             types.PositionEncodingKind.Utf32: UTF32}


@dataclass
class Settings:
    config: str | None = None
    debounce_ms: int = DEBOUNCE_MS
    docs_url: str | None = None  # a template with {rule}, {family}, {name}; None: the rule's source file
    debug: bool = False


def docs_url(rule: str, template: str | None) -> str | None:
    """Where a rule's documentation is: the template filled in, or by default the file that
    defines the rule, whose docstring is what ``guidelint explain`` prints."""
    family, _, name = rule.partition("/")
    if template:
        try:
            return template.format(rule=rule, family=family, name=name)
        except (KeyError, IndexError, ValueError):  # a placeholder we do not fill: the link as given
            return template
    cls = registry.load().get(rule)
    try:
        source = inspect.getsourcefile(cls) if cls is not None else (
            inspect.getsourcefile(sys.modules["lint.internal"]) if rule in ENGINE_CHECKS else None)
    except TypeError:
        source = None
    return from_fs_path(os.path.abspath(source)) if source else None


class GuidelintServer(LanguageServer):
    def __init__(self, settings: Settings):
        super().__init__(NAME, __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.settings = settings
        self.session = Session(settings.config, settings.debug)
        self.paths: dict[str, str] = {}  # uri -> path
        self.uris: dict[str, str] = {}  # path -> uri
        self.pending: dict[str, asyncio.TimerHandle] = {}

    # buffers --------------------------------------------------------------------------
    def path_of(self, uri: str) -> str:
        path = self.paths.get(uri)
        if path is None:
            path = to_fs_path(uri) if urlparse(uri).scheme == "file" else None
            if not path:  # an unsaved buffer: configuration found from the working folder
                path = os.path.join(os.getcwd(), os.path.basename(urlparse(uri).path) or "untitled.md")
            self.paths[uri], self.uris[path] = path, uri
        return path

    def sync(self, uri: str) -> str:
        path = self.path_of(uri)
        self.session.update(path, self.workspace.get_text_document(uri).source)
        return path

    # checking -------------------------------------------------------------------------
    def publish(self, path: str) -> Checked | None:
        uri = self.uris.get(path)
        if uri is None or path not in self.session.buffers:
            return None
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        self.session.update(path, self.workspace.get_text_document(uri).source)
        checked = self.session.check(path)
        version = self.workspace.get_text_document(uri).version
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=[self.diagnostic(checked, f) for f in checked.findings]))
        return checked

    def current(self, uri: str) -> Checked | None:
        """The check of the buffer as it is now: an edit still waiting for its debounce is
        checked at once, so that an action's edits never apply to text that has moved on."""
        path = self.path_of(uri)
        if path not in self.session.buffers:
            return None
        checked = self.session.results.get(path)
        if checked is None or checked.text != self.workspace.get_text_document(uri).source:
            checked = self.publish(path)
        return checked

    def publish_with_dependents(self, path: str) -> None:
        self.publish(path)
        for other in self.session.dependents(path):
            self.publish(other)

    def publish_all(self) -> None:
        for path in sorted(self.session.buffers):
            self.publish(path)

    def later(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        path = self.path_of(uri)
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(self.settings.debounce_ms / 1000,
                                            lambda: self._guarded(self.publish_with_dependents, path))

    def _guarded(self, action, *args) -> None:
        try:
            action(*args)
        except Exception as e:  # noqa: BLE001 - a timer callback must not take the server down
            self.window_log_message(types.LogMessageParams(
                type=types.MessageType.Error, message=f"guidelint: {type(e).__name__}: {e}"))

    # conversions ------------------------------------------------------------------------
    def diagnostic(self, checked: Checked, finding) -> types.Diagnostic:
        href = docs_url(finding.rule, self.settings.docs_url)
        return types.Diagnostic(
            range=self.range_of(checked, finding),
            message=finding.message,
            severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
            code=finding.rule,
            code_description=types.CodeDescription(href=href) if href else None,
            source=NAME,
        )

    @staticmethod
    def range_of(checked: Checked, finding) -> types.Range:
        start = checked.table.position(finding.line, finding.column)
        end = checked.table.position(finding.end_line, finding.end_column)
        if end < start:
            end = start
        return types.Range(types.Position(*start), types.Position(*end))

    @staticmethod
    def text_edit(change: TextChange) -> types.TextEdit:
        return types.TextEdit(types.Range(types.Position(*change.start), types.Position(*change.end)),
                              change.text)

    def workspace_edit(self, uri: str, version: int | None, changes: list[TextChange]) -> types.WorkspaceEdit:
        edits = [self.text_edit(c) for c in changes]
        caps = self.client_capabilities.workspace
        if caps and caps.workspace_edit and caps.workspace_edit.document_changes:
            return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
                types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version), edits)])
        return types.WorkspaceEdit(changes={uri: edits})


def _overlaps(a: types.Range, b: types.Range) -> bool:
    a0, a1 = (a.start.line, a.start.character), (a.end.line, a.end.character)
    b0, b1 = (b.start.line, b.start.character), (b.end.line, b.end.character)
    return a0 <= b1 and b0 <= a1


def _wanted(kind: str, only: list[str] | None) -> bool:
    return not only or any(kind == o or kind.startswith(o + ".") for o in only)


def build(settings: Settings) -> GuidelintServer:
    server = GuidelintServer(settings)

    @server.feature(types.INITIALIZE)
    def initialize(ls: GuidelintServer, params: types.InitializeParams):
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        if isinstance(options.get("debounce"), (int, float)) and options["debounce"] >= 0:
            ls.settings.debounce_ms = int(options["debounce"])
        if isinstance(options.get("docsUrl"), str):
            ls.settings.docs_url = options["docsUrl"]
        if isinstance(options.get("config"), str) and options["config"]:
            ls.settings.config = options["config"]
            ls.session.config_path = options["config"]
        ls.session.encoding = ENCODINGS.get(ls.workspace.position_encoding, UTF16)

    @server.feature(types.INITIALIZED)
    def initialized(ls: GuidelintServer, params):
        caps = ls.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps else None
        if watched and watched.dynamic_registration:
            ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
                id="guidelint-settings", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=[
                    types.FileSystemWatcher(glob_pattern=f"**/{name}")
                    for name in (".guidelint.yaml", ".guidelint.yml", "pyproject.toml", ".guidelint-words.txt",
                                 "*.md")]),
            )]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: GuidelintServer, params: types.DidOpenTextDocumentParams):
        path = ls.path_of(params.text_document.uri)
        if Session.is_settings_file(path):
            return  # not a guide: its saving re-checks the guides
        ls.sync(params.text_document.uri)
        ls.publish_with_dependents(path)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: GuidelintServer, params: types.DidChangeTextDocumentParams):
        if not Session.is_settings_file(ls.path_of(params.text_document.uri)):
            ls.sync(params.text_document.uri)
            ls.later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: GuidelintServer, params: types.DidSaveTextDocumentParams):
        path = ls.path_of(params.text_document.uri)
        if Session.is_settings_file(path):
            ls.session.reload_settings()
            ls.publish_all()
            return
        ls.sync(params.text_document.uri)
        ls.publish_with_dependents(path)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: GuidelintServer, params: types.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        path = ls.path_of(uri)
        handle = ls.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        ls.session.close(path)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        for other in ls.session.dependents(path):  # they read the saved file again
            ls.publish(other)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: GuidelintServer, params: types.DidChangeWatchedFilesParams):
        paths = [to_fs_path(c.uri) or "" for c in params.changes]
        if any(Session.is_settings_file(p) for p in paths):
            ls.session.reload_settings()
            ls.publish_all()
            return
        # a source guide changed on disk (a pull, another program): its open translations
        # compare with it again, unless it is open here, where the buffer is what counts
        again = {other for p in paths if p and p not in ls.session.buffers for other in ls.session.dependents(p)}
        for other in sorted(again):
            ls.publish(other)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]))
    def code_action(ls: GuidelintServer, params: types.CodeActionParams):
        uri = params.text_document.uri
        checked = ls.current(uri)
        if checked is None:
            return []
        version = ls.workspace.get_text_document(uri).version
        only = params.context.only
        actions: list[types.CodeAction] = []
        safe_here = False
        for finding in checked.findings:
            diagnostic = ls.diagnostic(checked, finding)
            if not _overlaps(diagnostic.range, params.range):
                continue
            if _wanted(types.CodeActionKind.QuickFix, only):
                changes = ls.session.finding_changes(checked, finding)
                if changes:
                    safe = applicable(finding)
                    safe_here |= safe
                    title = (f"Fix {finding.rule}" if safe else
                             f"Fix {finding.rule} (unsafe: changes words, review it)")
                    actions.append(types.CodeAction(
                        title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                        is_preferred=safe, edit=ls.workspace_edit(uri, version, changes)))
                suppress = ls.session.suppress_change(checked, finding)
                if suppress is not None:
                    actions.append(types.CodeAction(
                        title=f"Suppress {finding.rule} on this line", kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic], edit=ls.workspace_edit(uri, version, [suppress])))
                around = ls.session.suppress_block_changes(checked, finding)
                if around:
                    actions.append(types.CodeAction(
                        title=f"Suppress {finding.rule} in this code block", kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic], edit=ls.workspace_edit(uri, version, around)))
        fix_all_kinds = []
        if safe_here:
            fix_all_kinds.append(types.CodeActionKind.QuickFix)
        if only and _wanted(FIX_ALL_KIND, only) and any(o != types.CodeActionKind.QuickFix for o in only):
            fix_all_kinds.append(FIX_ALL_KIND)
        if fix_all_kinds:
            if checked.fix_all is None:
                checked.fix_all = ls.session.fix_all_changes(checked)
            if checked.fix_all:
                for kind in fix_all_kinds:
                    actions.append(types.CodeAction(
                        title="Fix all safe fixes in this file (guidelint)", kind=kind,
                        edit=ls.workspace_edit(uri, version, checked.fix_all)))
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: GuidelintServer, params: types.HoverParams):
        checked = ls.current(params.text_document.uri)
        if checked is None:
            return None
        at = types.Range(params.position, params.position)
        parts, seen, first = [], set(), None
        for finding in checked.findings:
            where = ls.range_of(checked, finding)
            if not _overlaps(where, at) or finding.rule in seen:
                continue
            seen.add(finding.rule)
            first = first or where
            text = explain(finding.rule) or finding.rule
            parts.append(f"**{finding.rule}**: {finding.message}\n\n```text\n{text.rstrip()}\n```")
        if not parts:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value="\n\n---\n\n".join(parts)), range=first)

    return server


def serve(settings: Settings) -> int:
    protocol_out = sys.stdout.buffer
    sys.stdout = sys.stderr  # a plug-in's stray print() must not corrupt the JSON-RPC stream
    build(settings).start_io(sys.stdin.buffer, protocol_out)
    return 0
