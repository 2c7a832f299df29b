"""The composite GitHub Action (action.yml), its shell steps run here as a runner would run them.

Each `run:` script is taken from action.yml, its `${{ ... }}` expressions filled in from the
inputs (or their defaults), and run with `bash --noprofile --norc -eo pipefail` (GitHub's
`shell: bash`) in a small docs tree, with GITHUB_OUTPUT and GITHUB_STEP_SUMMARY pointing at
temporary files. The install step is not run: the test's own environment has guidelint."""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BAD = "---\ntitle: T\nslug: t\n---\n\n# T\n\nTwo  spaces.\n"
GOOD = "---\ntitle: T\nslug: t\n---\n\n# T\n\nOne space.\n"
pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps are bash")
EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


@pytest.fixture(scope="module")
def action():
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def _fill(text: str, inputs: dict, tree: Path) -> str:
    def value(match):
        name = match.group(1)
        if name.startswith("inputs."):
            return str(inputs[name[len("inputs."):]])
        if name == "github.action_path":
            return str(ROOT)
        raise AssertionError(f"the test does not know the expression {name!r}")

    return EXPRESSION.sub(value, text)


def run_action(action, tree: Path, tmp_path: Path, **given) -> tuple[int, str, dict, str]:
    """Run the action's shell steps in ``tree``: (status, stdout, step outputs, step summary)."""
    inputs = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    unknown = set(given) - set(inputs)
    assert not unknown, f"action.yml has no input {unknown}"
    inputs.update(given)
    output, summary = tmp_path / "github_output", tmp_path / "step_summary"
    output.write_text("")
    summary.write_text("")
    bin_dir = str(Path(sys.executable).parent)  # the venv's guidelint, as the install step gives
    status, stdout = 0, ""
    for step in action["runs"]["steps"]:
        if "run" not in step:
            continue
        script = _fill(step["run"], inputs, tree)
        if "pip install" in script:
            continue
        env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ["PATH"],
               "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary),
               **{k: _fill(str(v), inputs, tree) for k, v in (step.get("env") or {}).items()}}
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                              cwd=tree, env=env, capture_output=True, text=True, timeout=120)
        assert "Traceback" not in done.stderr, done.stderr
        stdout += done.stdout
        status = done.returncode
        if status:
            break
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
    return status, stdout, outputs, summary.read_text()


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "repo"
    for folder, text in (("a", BAD), ("b", GOOD), ("c", BAD), ("d", GOOD)):
        (root / "pages" / folder).mkdir(parents=True)
        (root / "pages" / folder / "guide.en-gb.md").write_text(text)
    (root / ".guidelint.yaml").write_text("select: [whitespace]\n")
    return root


def test_the_action_installs_guidelint_from_its_own_checkout(action):
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    [install] = [s for s in steps if "pip install" in s.get("run", "")]
    assert '"${{ github.action_path }}[dictionaries]"' in install["run"]
    assert all(s.get("shell") == "bash" for s in steps if "run" in s)


def test_findings_annotate_write_sarif_and_fail_the_step(action, tree, tmp_path):
    status, stdout, outputs, summary = run_action(action, tree, tmp_path, paths="pages")
    assert status == 1 and outputs == {"sarif-file": "guidelint.sarif", "exit-code": "1"}
    assert stdout.count("::warning file=pages/") == 2
    sarif = json.loads((tree / "guidelint.sarif").read_text())
    assert sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                  for r in sarif["runs"][0]["results"]) == ["pages/a/guide.en-gb.md", "pages/c/guide.en-gb.md"]
    assert "| `whitespace/double-space` | warning | 2 |" in summary


def test_a_baseline_lets_the_step_pass_on_old_findings(action, tree, tmp_path):
    subprocess.run([str(Path(sys.executable).parent / "guidelint"), "check", "--write-baseline",
                    "baseline.json", "pages"], cwd=tree, check=True, capture_output=True)
    status, stdout, outputs, _ = run_action(action, tree, tmp_path, paths="pages", baseline="baseline.json")
    assert status == 0 and outputs["exit-code"] == "0" and "::warning" not in stdout
    (tree / "pages" / "b" / "guide.en-gb.md").write_text(BAD)  # a new finding
    status, stdout, outputs, _ = run_action(action, tree, tmp_path, paths="pages", baseline="baseline.json")
    assert status == 1 and stdout.count("::warning file=pages/b/") == 1


def test_the_fail_level_and_the_annotation_cap_are_inputs(action, tree, tmp_path):
    status, stdout, outputs, _ = run_action(action, tree, tmp_path, paths="pages", **{
        "fail-on": "error", "max-annotations": "1"})
    assert status == 0 and outputs["exit-code"] == "0"
    assert stdout.count("::warning ") == 1 and "1 annotated (at most 1 of each level)" in stdout


def test_shards_together_report_every_finding_once(action, tree, tmp_path):
    found = []
    for shard in ("1/2", "2/2"):
        status, _, _, _ = run_action(action, tree, tmp_path, paths="pages", shard=shard,
                                     **{"sarif-file": f"shard-{shard[0]}.sarif"})
        results = json.loads((tree / f"shard-{shard[0]}.sarif").read_text())["runs"][0]["results"]
        found += [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
        assert status == (1 if results else 0)
    assert sorted(found) == ["pages/a/guide.en-gb.md", "pages/c/guide.en-gb.md"]


def test_a_wrong_path_is_an_error_not_a_pass(action, tree, tmp_path):
    (tree / "empty").mkdir()
    status, stdout, outputs, _ = run_action(action, tree, tmp_path, paths="empty")
    assert status == 2 and outputs["exit-code"] == "2" and "::" not in stdout


def test_paths_with_spaces_between_them_are_several_paths(action, tree, tmp_path):
    status, stdout, _, _ = run_action(action, tree, tmp_path, paths="pages/a pages/b")
    assert status == 1 and stdout.count("::warning ") == 1
