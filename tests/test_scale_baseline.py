"""--write-baseline / --baseline: old findings stay quiet across edits that shift lines."""
import json

from scale_helpers import run_cli

OLD = "# Title\n\nPorts 995 and 465  use SSL.\n\nAnother  gap here.\n"


def _check(monkeypatch, capsys, cwd, *extra):
    return run_cli(monkeypatch, capsys, cwd, "check", "docs", "--no-cache", "--select", "whitespace",
                   "--format", "json", *extra)


def test_baseline_survives_a_line_shift_and_counts_fixed(write, tmp_path, monkeypatch, capsys):
    guide = write("docs/g.en-gb.md", OLD)
    write("docs/other.en-gb.md", "Old  one.\n")
    code, out, err = _check(monkeypatch, capsys, tmp_path, "--write-baseline", "baseline.json")
    assert len(json.loads(out)["findings"]) == 3 and "wrote 3 findings" in err
    recorded = json.loads((tmp_path / "baseline.json").read_text())["findings"]
    assert {r["rule"] for r in recorded} == {"whitespace/double-space"}

    # lines inserted above, one old finding fixed, one new finding added
    guide.write_text("# Title\n\nIntro.\n\nMore intro.\n\nPorts 995 and 465  use SSL.\n\nAnother gap here.\n"
                     "\nA  new gap.\n")
    code, out, _ = _check(monkeypatch, capsys, tmp_path, "--baseline", "baseline.json")
    report = json.loads(out)
    assert [(f["line"], f["column"]) for f in report["findings"]] == [(11, 2)]
    assert report["summary"]["baseline_findings_fixed"] == 1
    assert code == 1

    # text format says it in words; a run from another folder matches the same entries
    code, out, _ = run_cli(monkeypatch, capsys, tmp_path / "docs", "check", ".", "--no-cache",
                           "--select", "whitespace", "--baseline", "../baseline.json")
    assert out.count("whitespace/double-space") == 1 and "1 baseline finding fixed" in out


def test_a_second_identical_defect_is_new(write, tmp_path, monkeypatch, capsys):
    guide = write("docs/g.en-gb.md", "A  b.\n")
    _check(monkeypatch, capsys, tmp_path, "--write-baseline", "baseline.json")
    guide.write_text("A  b.\n\nA  b.\n")
    _, out, _ = _check(monkeypatch, capsys, tmp_path, "--baseline", "baseline.json")
    assert len(json.loads(out)["findings"]) == 1


def test_unchecked_files_are_not_counted_as_fixed(write, tmp_path, monkeypatch, capsys):
    write("docs/a/g.en-gb.md", "A  b.\n")
    write("docs/b/g.en-gb.md", "C  d.\n")
    _check(monkeypatch, capsys, tmp_path, "--write-baseline", "baseline.json")
    _, out, _ = run_cli(monkeypatch, capsys, tmp_path, "check", "docs/a", "--no-cache", "--select",
                        "whitespace", "--format", "json", "--baseline", "baseline.json")
    report = json.loads(out)
    assert report["findings"] == [] and report["summary"]["baseline_findings_fixed"] == 0


def test_a_broken_baseline_is_a_usage_error(write, tmp_path, monkeypatch, capsys):
    write("docs/g.en-gb.md", "x\n")
    write("baseline.json", "{not json")
    code, _, err = _check(monkeypatch, capsys, tmp_path, "--baseline", "baseline.json")
    assert code == 2 and "not a guidelint baseline" in err
