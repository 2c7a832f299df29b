"""The real pre-commit hook, installed by pre-commit itself from this checkout."""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BAD = "---\ntitle: T\nslug: t\n---\n\n# T\n\nKaksi  välilyöntiä.\n"
GOOD = "---\ntitle: T\nslug: t\n---\n\n# T\n\nYksi välilyönti.\n"


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"})


def test_hook_fails_on_a_bad_guide_and_passes_on_a_good_one(tmp_path):
    repo = tmp_path / "docs"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "guide.fi-fi.md").write_text(BAD, encoding="utf-8")
    (repo / "ok.fi-fi.md").write_text(GOOD, encoding="utf-8")
    git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}

    def run(name):
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "guidelint",
                               "--files", name], cwd=repo, env=env, capture_output=True, text=True,
                              timeout=600)

    bad = run("guide.fi-fi.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "whitespace/double-space" in bad.stdout
    good = run("ok.fi-fi.md")
    assert good.returncode == 0, good.stdout + good.stderr
