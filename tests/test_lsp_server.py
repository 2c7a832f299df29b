"""`guidelint server` driven over stdio by a small LSP client, as an editor drives it.

The guide is a seed-like Finnish translation (tests/data/lsp) with an emoji before its
defects and CRLF line endings on some lines: LSP columns are UTF-16 code units, so `ä` is
one and `📱` two."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest.importorskip("lsprotocol")

from lsp_client import ROOT, LspClient  # noqa: E402

DATA = Path(__file__).parent / "data" / "lsp"
GUIDE = "pages/web/emails/phone/guide.fi-fi.md"
SOURCE = "pages/web/emails/phone/guide.fr-fr.md"


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def span(text: str, line: int, needle: str, length: int | None = None) -> dict:
    """The LSP range of ``needle`` on 0-based ``line`` of ``text``."""
    row = text.splitlines()[line]
    start = utf16(row[:row.index(needle)])
    return {"start": {"line": line, "character": start},
            "end": {"line": line, "character": start + (utf16(needle) if length is None else length)}}


def apply(text: str, edits: list[dict]) -> str:
    """Apply LSP text edits (UTF-16 positions) to text the way an editor does."""
    lines = text.splitlines(keepends=True) or [""]

    def offset(position: dict) -> int:
        line, character = position["line"], position["character"]
        if line >= len(lines):
            return len(text)
        row = lines[line]
        before = sum(len(r) for r in lines[:line])
        units = 0
        for i, c in enumerate(row):
            if units >= character or c in "\r\n":
                return before + i
            units += utf16(c)
        return before + len(row)

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                       reverse=True):
        s, e = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:s] + edit["newText"] + text[e:]
    return text


def edits_of(action: dict, uri: str) -> list[dict]:
    edit = action["edit"]
    if "documentChanges" in edit:
        return [e for change in edit["documentChanges"] if change["textDocument"]["uri"] == uri
                for e in change["edits"]]
    return edit["changes"][uri]


class Editor:
    """One open buffer in the client: its text and version, kept in step with the server."""

    def __init__(self, client: LspClient, path: Path, text: str | None = None):
        self.client, self.path, self.uri = client, path, path.as_uri()
        self.text = path.read_bytes().decode("utf-8") if text is None else text
        self.version = 1
        mark = client.mark()
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": self.uri, "languageId": "markdown", "version": 1, "text": self.text}})
        self.diagnostics = client.diagnostics(self.uri, mark, version=1)

    def change(self, text: str, edits: list[dict] | None = None) -> list[dict]:
        """Send the new text (as incremental edits when given) and wait for the re-check."""
        self.version += 1
        mark = self.client.mark()
        changes = [{"range": e["range"], "text": e["newText"]} for e in
                   sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                          reverse=True)] if edits else [{"text": text}]
        self.text = text
        self.client.notify("textDocument/didChange", {
            "textDocument": {"uri": self.uri, "version": self.version}, "contentChanges": changes})
        self.diagnostics = self.client.diagnostics(self.uri, mark, version=self.version)
        return self.diagnostics

    def actions(self, diagnostic: dict) -> list[dict]:
        return self.client.request("textDocument/codeAction", {
            "textDocument": {"uri": self.uri}, "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]}})

    def close(self) -> None:
        self.client.notify("textDocument/didClose", {"textDocument": {"uri": self.uri}})

    def by_rule(self, rule: str) -> list[dict]:
        return [d for d in self.diagnostics if d["code"] == rule]


CAPABILITIES = {"workspace": {"workspaceEdit": {"documentChanges": True}},
                "textDocument": {"codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["quickfix", "source"]}}}}}


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("docs")
    shutil.copytree(DATA, root, dirs_exist_ok=True)
    return root


@pytest.fixture(scope="module")
def client(tree):
    client = LspClient(cwd=tree)
    client.initialize(tree, {"debounce": 20}, CAPABILITIES)
    yield client
    assert client.close() == 0


def test_the_fixture_has_crlf_lines():
    data = (DATA / GUIDE).read_bytes()
    assert b"\r\n" in data and b"\n\n" in data  # mixed: a checkout that normalised it would hide a bug


def test_diagnostics_on_open_point_at_the_defects_in_utf16_columns(client, tree):
    editor = Editor(client, tree / GUIDE)
    text = editor.text
    doubled, = editor.by_rule("spelling/doubled-letter")
    assert doubled["range"] == span(text, 8, "ensimmäisenn")
    assert doubled["range"]["start"]["character"] == 43  # 42 characters before, 📱 counts two
    glued, = editor.by_rule("links/missing-space")
    assert glued["range"] == span(text, 12, "[hallintapaneelissa]", 1)
    ports, = editor.by_rule("ports/direction-mismatch")
    assert ports["range"] == span(text, 17, "Saapuvan postin palvelimen portti")
    assert ports["severity"] == 1 and glued["severity"] == 2
    assert ports["source"] == "guidelint"
    href = ports["codeDescription"]["href"]
    assert href.startswith("file://") and href.endswith("/rules/ports/direction_mismatch.py")
    editor.close()


def test_diagnostics_are_those_of_guidelint_check(client, tree):
    editor = Editor(client, tree / GUIDE)
    out = subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", "--format", "json", GUIDE],
                         cwd=tree, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    findings = json.loads(out.stdout)["findings"]
    lines = editor.text.splitlines()

    def column(line: int, col: int) -> int:
        return utf16(lines[line - 1][:col - 1])

    expected = sorted((f["rule"], f["line"] - 1, column(f["line"], f["column"]), f["message"]) for f in findings)
    got = sorted((d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"], d["message"])
                 for d in editor.diagnostics)
    assert got == expected
    # the leaked anchor is one finding: translation/anchor-leak supersedes links/broken-anchor
    assert {rule for rule, *_ in got} == {"links/missing-space", "ports/direction-mismatch",
                                          "spelling/doubled-letter", "translation/anchor-leak"}
    editor.close()


def test_quick_fix_then_change_removes_the_diagnostic(client, tree):
    editor = Editor(client, tree / GUIDE)
    glued, = editor.by_rule("links/missing-space")
    before = list(editor.diagnostics)
    actions = editor.actions(glued)
    fix = next(a for a in actions if a["title"] == "Fix links/missing-space")
    assert fix["kind"] == "quickfix" and fix["isPreferred"] is True
    assert fix["diagnostics"][0]["code"] == "links/missing-space"
    fixed = apply(editor.text, edits_of(fix, editor.uri))
    assert "määrittelit [hallintapaneelissa]" in fixed
    assert fixed.count("\r\n") == editor.text.count("\r\n")
    after = editor.change(fixed, edits_of(fix, editor.uri))
    assert not [d for d in after if d["code"] == "links/missing-space"]
    assert sorted(d["code"] for d in after) == sorted(d["code"] for d in editor.diagnostics)
    assert len(after) == len(before) - 1
    editor.close()


def test_unsafe_fix_is_marked_and_not_preferred(client, tree):
    editor = Editor(client, tree / GUIDE)
    ports, = editor.by_rule("ports/direction-mismatch")
    fix, = [a for a in editor.actions(ports) if a["title"].startswith("Fix ")]
    assert "unsafe" in fix["title"] and not fix.get("isPreferred")
    fixed = apply(editor.text, edits_of(fix, editor.uri))
    assert "Lähtevän postin palvelimen portti: lähtevien viestien palvelimen portti: 465" in fixed
    assert not [d for d in editor.change(fixed) if d["code"] == "ports/direction-mismatch"]
    editor.close()


def test_fix_all_applies_every_safe_fix_and_nothing_else(client, tree):
    editor = Editor(client, tree / GUIDE)
    glued, = editor.by_rule("links/missing-space")
    fix_all, = [a for a in editor.actions(glued) if a["title"].startswith("Fix all safe fixes")]
    fixed = apply(editor.text, edits_of(fix_all, editor.uri))
    guide = tree / GUIDE
    copy = guide.with_name("copy.fi-fi.md")
    copy.write_bytes(guide.read_bytes())
    subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", "--fix", str(copy)], cwd=tree,
                   capture_output=True, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert fixed == copy.read_bytes().decode("utf-8")  # what `check --fix` writes
    copy.unlink()
    assert fixed != editor.text
    codes = [d["code"] for d in editor.change(fixed)]
    assert "links/missing-space" not in codes and "ports/direction-mismatch" in codes  # unsafe: left
    only = client.request("textDocument/codeAction", {
        "textDocument": {"uri": editor.uri}, "range": {"start": {"line": 0, "character": 0},
                                                       "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    assert only == []  # nothing safe left to fix
    editor.close()


def test_suppress_action_silences_the_line_and_changes_nothing_else(client, tree):
    editor = Editor(client, tree / GUIDE)
    before = sorted(d["code"] for d in editor.diagnostics)
    for rule in ("spelling/doubled-letter", "ports/direction-mismatch", "links/missing-space"):
        diagnostic, = editor.by_rule(rule)
        suppress, = [a for a in editor.actions(diagnostic) if a["title"] == f"Suppress {rule} on this line"]
        text = apply(editor.text, edits_of(suppress, editor.uri))
        assert f"<!-- guidelint-disable-next-line {rule} -->" in text
        after = sorted(d["code"] for d in editor.change(text))
        before.remove(rule)
        assert after == before
    # the port lines are one paragraph: the comment went to the end of the line above, not
    # on a line of its own that would split the paragraph
    assert "ssl0.ovh.net <!-- guidelint-disable-next-line ports/direction-mismatch -->\n" in editor.text
    editor.close()


def test_hover_on_a_diagnostic_shows_the_rules_explanation(client, tree):
    editor = Editor(client, tree / GUIDE)
    doubled, = editor.by_rule("spelling/doubled-letter")
    position = {"line": doubled["range"]["start"]["line"], "character": doubled["range"]["start"]["character"] + 3}
    hover = client.request("textDocument/hover", {"textDocument": {"uri": editor.uri}, "position": position})
    explained = subprocess.run([sys.executable, "-m", "lint", "explain", "spelling/doubled-letter"],
                               capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": ""}).stdout
    assert hover["contents"]["kind"] == "markdown"
    assert explained.strip() in hover["contents"]["value"]
    assert client.request("textDocument/hover", {"textDocument": {"uri": editor.uri},
                                                 "position": {"line": 0, "character": 0}}) is None
    editor.close()


def test_translation_is_rechecked_against_the_open_source_buffer(client, tree):
    translation = Editor(client, tree / GUIDE)
    assert translation.by_rule("translation/anchor-leak")
    mark = client.mark()
    source = Editor(client, tree / SOURCE)
    client.diagnostics(translation.uri, mark)  # opening the source re-checks it too
    renamed = source.text.replace("## Étape 2 : paramètres du serveur", "## Étape 2 : configuration")
    mark = client.mark()
    source.change(renamed)
    republished = client.diagnostics(translation.uri, mark)  # not edited, re-checked all the same
    assert not [d for d in republished if d["code"] == "translation/anchor-leak"]
    mark = client.mark()
    source.close()  # the translation reads the saved source again
    assert [d for d in client.diagnostics(translation.uri, mark) if d["code"] == "translation/anchor-leak"]
    translation.close()


def test_a_source_changed_on_disk_rechecks_its_open_translations(client, tree):
    translation = Editor(client, tree / GUIDE)
    assert translation.by_rule("translation/anchor-leak")
    source = tree / SOURCE
    original = source.read_bytes()
    try:
        source.write_bytes(original.replace("## Étape 2 : paramètres du serveur".encode(), b"## Etape 2 : configuration"))
        mark = client.mark()
        client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": source.as_uri(), "type": 2}]})
        assert not [d for d in client.diagnostics(translation.uri, mark) if d["code"] == "translation/anchor-leak"]
    finally:
        source.write_bytes(original)
    translation.close()


def test_saving_the_configuration_rechecks_open_guides(client, tree):
    editor = Editor(client, tree / GUIDE)
    config = tree / ".guidelint.yaml"
    original = config.read_text()
    try:
        client.notify("textDocument/didOpen", {"textDocument": {  # an editor attached to YAML too
            "uri": config.as_uri(), "languageId": "yaml", "version": 1, "text": original}})
        config.write_text(original + "ignore: [spelling]\nseverity: {links/missing-space: error}\n")
        mark = client.mark()
        client.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
        diagnostics = client.diagnostics(editor.uri, mark)
        codes = [d["code"] for d in diagnostics]
        assert [d["severity"] for d in diagnostics if d["code"] == "links/missing-space"] == [1]  # error
        assert not [m for m in client.notifications[mark:] if m.get("params", {}).get("uri") == config.as_uri()]
        assert "spelling/doubled-letter" not in codes and "links/missing-space" in codes
        config.write_text(original + "ignore: [nonsense]\n")
        mark = client.mark()
        client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
        broken, = client.diagnostics(editor.uri, mark)
        assert broken["code"] == "internal/config-error" and "nonsense" in broken["message"]
    finally:
        config.write_text(original)
        mark = client.mark()
        client.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
        assert "spelling/doubled-letter" in [d["code"] for d in client.diagnostics(editor.uri, mark)]
    editor.close()


def test_bad_input_gets_one_diagnostic_and_the_server_lives_on(client, tree):
    nul = Editor(client, tree / "pages/web/emails/phone/binary.fi-fi.md", "# Otsikko\n\nteksti\x00roskaa\n")
    assert [(d["code"], d["range"]["start"]) for d in nul.diagnostics] == \
        [("internal/unreadable", {"line": 2, "character": 6})]
    nul.close()
    surrogate = Editor(client, tree / "pages/web/emails/phone/odd.fi-fi.md", "# Otsikko\n\n\ud800\n")
    assert [d["code"] for d in surrogate.diagnostics] == ["internal/unreadable"]
    surrogate.close()
    deep = Editor(client, tree / "pages/web/emails/phone/deep.fi-fi.md", ">" * 5000 + " x\n" + "[" * 5000 + "\n")
    assert "internal/rule-error" not in [d["code"] for d in deep.diagnostics]
    deep.close()
    client.proc.stdin.write(b"Content-Length: 5\r\n\r\n{bad}")  # not even JSON
    client.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"nonsense": 1}})
    assert Editor(client, tree / GUIDE).by_rule("spelling/doubled-letter")  # still answering


def test_changes_in_a_burst_are_checked_once_after_the_pause(tree):
    slow = LspClient(cwd=tree)
    slow.initialize(tree, {"debounce": 400})
    try:
        editor = Editor(slow, tree / GUIDE)
        mark = slow.mark()
        for version, word in enumerate(["ensimmäisenn", "ensimmäise", "ensimmäisen"], start=2):
            text = editor.text.replace("ensimmäisenn", word)
            slow.notify("textDocument/didChange", {"textDocument": {"uri": editor.uri, "version": version},
                                                  "contentChanges": [{"text": text}]})
        final = slow.diagnostics(editor.uri, mark, version=4)
        published = [m["params"]["version"] for m in slow.notifications[mark:]
                     if m.get("method") == "textDocument/publishDiagnostics"]
        assert published == [4]  # one check, of the text as it was when typing paused
        assert "spelling/doubled-letter" not in [d["code"] for d in final]
    finally:
        assert slow.close() == 0


def test_a_code_action_during_the_debounce_answers_for_the_text_as_it_is(tree):
    slow = LspClient(cwd=tree)
    slow.initialize(tree, {"debounce": 5000})
    try:
        editor = Editor(slow, tree / GUIDE)
        moved = "Uusi rivi.\n\n" + editor.text  # every line two further down
        slow.notify("textDocument/didChange", {"textDocument": {"uri": editor.uri, "version": 2},
                                              "contentChanges": [{"text": moved}]})
        glued, = editor.by_rule("links/missing-space")  # where it was before the edit
        actions = editor.actions({**glued, "range": {"start": {"line": 14, "character": 0},
                                                     "end": {"line": 14, "character": 200}}})
        fix = next(a for a in actions if a["title"] == "Fix links/missing-space")
        assert edits_of(fix, editor.uri)[0]["range"]["start"]["line"] == 14
        assert "määrittelit [hallintapaneelissa]" in apply(moved, edits_of(fix, editor.uri))
    finally:
        assert slow.close() == 0


def test_a_client_that_counts_in_utf8_gets_byte_columns(tree):
    bytewise = LspClient(cwd=tree)
    result = bytewise.initialize(tree, {}, {"general": {"positionEncodings": ["utf-8", "utf-16"]}})
    try:
        assert result["capabilities"]["positionEncoding"] == "utf-8"
        editor = Editor(bytewise, tree / GUIDE)
        doubled, = editor.by_rule("spelling/doubled-letter")
        row = editor.text.splitlines()[8]
        start = len(row[:row.index("ensimmäisenn")].encode("utf-8"))
        assert doubled["range"]["start"] == {"line": 8, "character": start}
        assert doubled["range"]["end"]["character"] == start + len("ensimmäisenn".encode("utf-8"))
    finally:
        assert bytewise.close() == 0


def test_without_the_lsp_extra_the_command_says_how_to_install_it():
    blocked = ("import sys; sys.modules['pygls'] = None; sys.modules['lsprotocol'] = None\n"
               "from lint.cli import main; sys.exit(main(['server']))")
    out = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert out.returncode == 2
    assert "pip install 'guidelint[lsp]'" in out.stderr and "Traceback" not in out.stderr
