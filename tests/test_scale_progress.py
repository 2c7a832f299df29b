"""The progress bar: on a terminal for big runs only; never on a pipe or in CI."""
import io

from lint import progress

from scale_helpers import make_tree, run_cli


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_wanted_only_on_a_tty_outside_ci_for_big_runs():
    assert progress.wanted(1000, Tty(), environ={})
    assert not progress.wanted(1000, io.StringIO(), environ={})  # a pipe
    assert not progress.wanted(1000, Tty(), environ={"CI": "true"})
    assert not progress.wanted(300, Tty(), environ={})


def test_bar_draws_and_clears():
    out = Tty()
    bar = progress.Progress(400, out)
    bar(400)
    bar.close()
    assert "400/400 files" in out.getvalue() and out.getvalue().endswith("\r")


def test_no_progress_on_a_pipe(write, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(progress, "MIN_FILES", 0)
    monkeypatch.delenv("CI", raising=False)
    make_tree(write, folders=2)
    _, _, err = run_cli(monkeypatch, capsys, tmp_path, "check", "docs", "--no-cache")
    assert err == ""  # capsys's stderr is not a terminal
