"""A finding carries its fix and the fix's applicability; --fix, [*], the counts and JSON read it."""
import json
import shutil

from lint import registry
from lint.finding import Edit
from lint.rule import Rule

from conftest import ROOT
from scale_helpers import run_cli


class Dashes(Rule):
    """Test rule: '--' becomes an en dash. Between digits (a range) that is safe; elsewhere it
    may be a command-line option, so the same rule marks that fix unsafe."""
    id, severity, summary, fix = "testonly/dashes", "warning", "double hyphen", "safe"

    def check(self, doc, ctx):
        for n, line in enumerate(doc.lines, 1):
            at = line.find("--")
            if at >= 0:
                in_range = line[at - 1:at].isdigit() and line[at + 2:at + 3].isdigit()
                ctx.report(n, at + 1, "double hyphen", end_column=at + 3,
                           edits=[Edit(n, at + 1, n, at + 3, "\u2013")],
                           applicability="safe" if in_range else "unsafe")


def _with_rule(fn):
    registry.load()
    registry.register(Dashes)
    try:
        return fn()
    finally:
        registry._RULES.pop(Dashes.id, None)


GUIDE = "Pages 10--12.\nRun it with --force.\n"


def test_the_rule_decides_each_findings_applicability(tmp_path, monkeypatch, capsys):
    path = tmp_path / "g.en-gb.md"
    path.write_text(GUIDE)

    def go():
        args = ("check", "g.en-gb.md", "--no-cache", "--select", Dashes.id)
        text = run_cli(monkeypatch, capsys, tmp_path, *args)[1]
        data = json.loads(run_cli(monkeypatch, capsys, tmp_path, *args, "--format", "json")[1])
        sarif = json.loads(run_cli(monkeypatch, capsys, tmp_path, *args, "--format", "sarif")[1])
        run_cli(monkeypatch, capsys, tmp_path, *args, "--fix")
        return text, data, sarif

    text, data, sarif = _with_rule(go)
    assert [r["properties"]["fix"] for r in sarif["runs"][0]["results"]] == [
        {"applicability": "safe"}, {"applicability": "unsafe"}]
    assert "g.en-gb.md:1:9: warning testonly/dashes double hyphen [*]" in text
    assert "g.en-gb.md:2:13: warning testonly/dashes double hyphen [unsafe fix]" in text
    assert text.splitlines()[-1].endswith("1 fixable with --fix; 1 more with --fix --unsafe-fixes")
    assert [(f["line"], f["fixable"], f["fix"]) for f in data["findings"]] == [
        (1, True, {"applicability": "safe"}), (2, False, {"applicability": "unsafe"})]
    assert data["summary"]["fixable"] == {"safe": 1, "unsafe": 1}
    assert path.read_text() == "Pages 10\u201312.\nRun it with --force.\n"  # the unsafe one waits


def test_after_fix_the_summary_counts_what_is_left_for_unsafe_fixes(tmp_path, monkeypatch, capsys):
    (tmp_path / "g.en-gb.md").write_text(GUIDE)
    code, out, _ = _with_rule(lambda: run_cli(monkeypatch, capsys, tmp_path, "check", "g.en-gb.md",
                                              "--no-cache", "--select", Dashes.id, "--fix"))
    assert out.splitlines()[-1].endswith("; 1 fixed; 1 left for --unsafe-fixes")


def test_fixable_count_is_what_diff_applies_on_the_examples(tmp_path, monkeypatch, capsys):
    tree = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", tree)
    args = ("check", "--no-cache", "--config", ".guidelint.yaml", ".")
    data = json.loads(run_cli(monkeypatch, capsys, tree, *args, "--format", "json")[1])
    safe = data["summary"]["fixable"]["safe"]
    assert safe == sum(f["fixable"] for f in data["findings"]) > 0
    _, _, err = run_cli(monkeypatch, capsys, tree, *args, "--diff")
    assert f"guidelint: {safe} fixes would change" in err
    _, _, err = run_cli(monkeypatch, capsys, tree, *args, "--diff", "--unsafe-fixes")
    assert f"guidelint: {safe + data['summary']['fixable']['unsafe']} fixes would change" in err


def test_unsafe_fixes_alone_is_a_usage_error(tmp_path, monkeypatch, capsys):
    (tmp_path / "g.en-gb.md").write_text(GUIDE)
    code, _, err = run_cli(monkeypatch, capsys, tmp_path, "check", "g.en-gb.md", "--unsafe-fixes")
    assert code == 2 and "--unsafe-fixes needs --fix or --diff" in err


def test_no_rule_keeps_a_second_source_of_fix_safety():
    # the finding says whether it is fixable; a tag would drift from it (#18)
    assert [rid for rid, cls in registry.load().items() if "fixable" in cls.tags] == []
