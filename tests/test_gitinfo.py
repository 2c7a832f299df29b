"""Git evidence for translation/outdated: git is asked only where it can answer."""
import subprocess

from lint.translations import gitinfo


def test_a_guide_outside_any_work_tree_starts_no_git_process(tmp_path, monkeypatch):
    guide = tmp_path / "guide.en-gb.md"
    guide.write_text("# Title\n", encoding="utf-8")
    monkeypatch.delenv("GIT_DIR", raising=False)
    monkeypatch.delenv("GIT_WORK_TREE", raising=False)
    started = []
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: started.append(a))

    assert gitinfo.blame(str(guide), 1) is None
    assert started == []


def test_a_guide_inside_a_work_tree_is_blamed(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    guide = tmp_path / "docs" / "guide.en-gb.md"
    guide.parent.mkdir()
    guide.write_text("# Title\n", encoding="utf-8")
    monkeypatch.delenv("GIT_DIR", raising=False)
    started = []

    def fake_run(command, **kwargs):
        started.append(command)
        return subprocess.CompletedProcess(command, 0, stdout="abcdef1234567890 1 1 1\nsummary Title\n")
    monkeypatch.setattr(subprocess, "run", fake_run)

    info = gitinfo.blame(str(guide), 1)
    assert (info["commit"], info["summary"]) == ("abcdef1234", "Title")
    assert started[0][:4] == ["git", "-C", str(guide.parent), "blame"]
