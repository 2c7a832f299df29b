"""--fix / --diff: fixes applied on the original text, atomically, idempotently, nothing else touched."""
import os
import stat

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lint.fix as fix_module
from lint.document import Document
from lint.finding import Edit, Finding
from lint.fix import apply_fixes
from lint.runner import ConfigResolver, Services, check_document
from lint.source import decode

from scale_helpers import run_cli

BROKEN = ("# Title\r\n\r\nPorts 995 and 465  use SSL.\r\nSee [the guide](https://example.com/g)for details.\n"
          "Another   gap\rand  one more.\r\n\r\n| Port | Use |\n| 993 | IMAP |\n")


def _fix(monkeypatch, capsys, tmp_path, *extra):
    return run_cli(monkeypatch, capsys, tmp_path, "check", "g.en-gb.md", "--no-cache", "--fix",
                   "--select", "whitespace,links/missing-space,tables/missing-delimiter", *extra)


def test_fix_keeps_line_endings_bom_and_permissions_and_is_idempotent(tmp_path, monkeypatch, capsys):
    path = tmp_path / "g.en-gb.md"
    path.write_bytes(b"\xef\xbb\xbf" + BROKEN.encode("utf-8"))
    os.chmod(path, 0o640)
    code, out, _ = _fix(monkeypatch, capsys, tmp_path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert "465 use SSL.\r\n" in text and "guide](https://example.com/g) for" in text
    assert "Another gap\rand one more.\r\n" in text
    assert "| Port | Use |\n|" in text and "| 993 | IMAP |\n" in text
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert "fixed" in out.splitlines()[-1]
    before = path.read_bytes()
    code, out, _ = _fix(monkeypatch, capsys, tmp_path)
    assert path.read_bytes() == before
    assert "; 0 fixed" in out and code == 0
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".guidelint-tmp")]


def test_diff_writes_nothing(tmp_path, monkeypatch, capsys):
    path = tmp_path / "g.en-gb.md"
    path.write_bytes(BROKEN.encode())
    code, out, err = _fix(monkeypatch, capsys, tmp_path, "--diff")
    assert path.read_bytes() == BROKEN.encode()
    assert out.startswith("--- a/g.en-gb.md\n+++ b/g.en-gb.md\n")
    assert "\n-Ports 995 and 465  use SSL.\r\n" in out and "\n+Ports 995 and 465 use SSL.\r\n" in out
    assert code == 1 and "would change 1 file" in err


def test_failure_between_write_and_rename_leaves_the_original(tmp_path, monkeypatch, capsys):
    path = tmp_path / "g.en-gb.md"
    path.write_bytes(BROKEN.encode())

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fix_module.os, "replace", broken_replace)
    code, out, _ = _fix(monkeypatch, capsys, tmp_path)
    assert path.read_bytes() == BROKEN.encode()
    assert os.listdir(tmp_path) == ["g.en-gb.md"]  # no temporary file left behind
    assert code == 2 and "cannot write the fix" in out


def test_unsafe_fixes_need_the_flag(tmp_path, monkeypatch, capsys):
    from lint import registry

    from lint.rule import Rule

    class Shout(Rule):
        """Test rule: an unsafe fix that changes a word."""
        id, severity, summary, fix = "testonly/shout", "warning", "says hello quietly", "unsafe"

        def check(self, doc, ctx):
            for n, line in enumerate(doc.lines, 1):
                if line.startswith("hello"):
                    ctx.report(n, 1, "shout", end_column=6, edits=[Edit(n, 1, n, 6, "HELLO")])

    registry.load()
    registry.register(Shout)
    try:
        path = tmp_path / "g.en-gb.md"
        path.write_text("hello world\n")
        run_cli(monkeypatch, capsys, tmp_path, "check", "g.en-gb.md", "--fix", "--select", "testonly/shout")
        assert path.read_text() == "hello world\n"
        run_cli(monkeypatch, capsys, tmp_path, "check", "g.en-gb.md", "--fix", "--unsafe-fixes",
                "--select", "testonly/shout")
        assert path.read_text() == "HELLO world\n"
    finally:
        registry._RULES.pop(Shout.id, None)


def _finding(line, col, end_line, end_col, text, rule="whitespace/double-space"):
    return Finding("g.md", line, col, end_line, end_col, rule, "warning", "m",
                   edits=(Edit(line, col, end_line, end_col, text),))


def test_overlapping_edits_wait_for_the_next_pass():
    source = decode(b"a  b   c\n")
    first, overlapping, later = _finding(1, 2, 1, 4, " "), _finding(1, 3, 1, 6, "_"), _finding(1, 5, 1, 8, " ")
    text, applied, spans = apply_fixes(source, [later, overlapping, first])
    assert text == "a b c\n" and applied == [first, later] and spans == [(1, 3), (4, 7)]


def test_edits_with_newlines_take_the_line_ending_of_their_line():
    source = decode(b"one\r\ntwo\r\n")
    text, applied, _ = apply_fixes(source, [_finding(1, 4, 1, 4, "\nmore")])
    assert text == "one\r\nmore\r\ntwo\r\n"


def test_edits_outside_the_file_are_ignored():
    source = decode(b"one\n")
    text, applied, _ = apply_fixes(source, [_finding(5, 1, 5, 2, "x"), _finding(1, 9, 1, 10, "x")])
    assert text == "one\n" and applied == []


WORDS = st.sampled_from(["port", "SSL", "[link](https://x.y/z)", "| a | b |", "`code  x`", "ääkkönen",
                         "**bold**", "-", "1."])
GAPS = st.sampled_from([" ", "  ", "   ", ""])
LINE = st.lists(st.tuples(WORDS, GAPS), min_size=0, max_size=8).map(lambda ws: "".join(w + g for w, g in ws))
ENDING = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(st.tuples(LINE, ENDING), min_size=1, max_size=12), bom=st.booleans())
def test_a_fix_changes_only_the_reported_spans(lines, bom):
    text = "".join(line + ending for line, ending in lines)
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    doc = Document.from_bytes(data, "docs/g.en-gb.md", "en-gb")
    resolver = ConfigResolver()
    effective = resolver.effective_for("docs/g.en-gb.md")
    findings = check_document(doc, effective, Services())
    fixed, applied, spans = apply_fixes(doc.source, findings, unsafe=False)
    for f in applied:  # every applied fix was reported, with the span it changed
        assert f in findings and f.edits
    # independently of apply_fixes: the text outside the applied edits' spans is unchanged
    src = doc.source
    starts = [0]
    for line, ending in zip(src.lines, src.endings):
        starts.append(starts[-1] + len(line) + len(ending))

    def offset(line, column):
        return starts[line - 1] + column - 1

    edits = sorted((offset(e.line, e.column), offset(e.end_line, e.end_column),
                    e.replacement.replace("\r\n", "\n").replace("\r", "\n")
                    .replace("\n", src.endings[e.line - 1] or src.dominant_ending))
                   for f in applied for e in f.edits)
    edits = [(s, e, r) for s, e, r in edits if src.text[s:e] != r]  # no-op edits change nothing
    pos_o = pos_f = 0
    for start, end, replacement in edits:
        kept = src.text[pos_o:start]
        assert fixed[pos_f:pos_f + len(kept)] == kept
        pos_f += len(kept)
        assert fixed[pos_f:pos_f + len(replacement)] == replacement
        pos_f += len(replacement)
        pos_o = end
    assert fixed[pos_f:] == src.text[pos_o:]
    assert [(s, e) for s, e, _ in edits] == spans
