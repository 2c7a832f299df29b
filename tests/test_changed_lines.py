"""Changed-lines mode: a change is judged by what it adds, not by the file's older findings."""
import json
import os
import shutil
import subprocess

import pytest

from lint.changes import ChangedFile

from scale_helpers import run_cli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

OLD = "# Title\n\nOld  gap one.\n\nOld  gap two.\n\nA clean line.\n"


def git(cwd, *args) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def repo(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "g.en-gb.md").write_text(OLD)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "old guide")
    return tmp_path


def check(monkeypatch, capsys, cwd, *args):
    code, out, err = run_cli(monkeypatch, capsys, cwd, "check", "--no-cache", "--select", "whitespace",
                             "--format", "json", *args)
    return code, [(f["path"], f["line"]) for f in json.loads(out)["findings"]] if out else [], err


def test_staged_mode_reports_only_the_lines_the_commit_touches(repo, monkeypatch, capsys):
    guide = repo / "docs" / "g.en-gb.md"
    guide.write_text(OLD.replace("A clean line.", "A  new gap."))
    git(repo, "add", ".")
    code, found, _ = check(monkeypatch, capsys, repo, "--changed-lines-only", "docs/g.en-gb.md")
    assert (code, found) == (1, [("docs/g.en-gb.md", 7)])
    code, out, _ = run_cli(monkeypatch, capsys, repo, "check", "--no-cache", "--select", "whitespace",
                           "--changed-lines-only", "docs/g.en-gb.md")
    assert out.splitlines()[-1].endswith("; 2 findings on unchanged lines")
    # the same file without the filter still has its two old findings
    assert [line for _, line in check(monkeypatch, capsys, repo, "docs/g.en-gb.md")[1]] == [3, 5, 7]

    guide.write_text(OLD.replace("A clean line.", "A new gap, fixed."))
    git(repo, "add", ".")
    assert check(monkeypatch, capsys, repo, "--changed-lines-only", "docs/g.en-gb.md")[:2] == (0, [])


def test_only_staged_lines_count_and_untracked_files_are_wholly_new(repo, monkeypatch, capsys):
    (repo / "docs" / "g.en-gb.md").write_text(OLD + "\nUnstaged  gap.\n")  # not staged
    (repo / "docs" / "new.en-gb.md").write_text("Brand  new.\n")  # never added
    code, found, _ = check(monkeypatch, capsys, repo, "--changed-lines-only", "docs")
    assert found == [("docs/new.en-gb.md", 1)]


def test_before_the_first_commit_every_staged_line_is_new(tmp_path, monkeypatch, capsys):
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "g.en-gb.md").write_text("First  gap.\n\nSecond  gap.\n")
    (tmp_path / "unstaged.en-gb.md").write_text("Untracked  gap.\n")
    git(tmp_path, "add", "g.en-gb.md")
    code, found, _ = check(monkeypatch, capsys, tmp_path, "--changed-lines-only", "g.en-gb.md")
    assert found == [("g.en-gb.md", 1), ("g.en-gb.md", 3)]


def test_changed_lines_mode_works_from_a_folder_inside_the_repository(repo, monkeypatch, capsys):
    (repo / "other").mkdir()
    (repo / "other" / "kept.en-gb.md").write_text("Tracked  gap.\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "another folder")
    guide = repo / "docs" / "g.en-gb.md"
    guide.write_text(OLD.replace("A clean line.", "A  new gap."))
    git(repo, "add", ".")
    # run from docs/: the staged diff and the list of tracked files are the repository's
    code, found, _ = check(monkeypatch, capsys, repo / "docs", "--changed-lines-only", "g.en-gb.md",
                           "../other/kept.en-gb.md")
    assert found == [("g.en-gb.md", 7)]


def test_new_from_rev_reports_what_a_branch_changed_since_its_base(repo, monkeypatch, capsys):
    git(repo, "checkout", "-q", "-b", "topic")
    guide = repo / "docs" / "g.en-gb.md"
    guide.write_text("# Title\n\nInserted  above.\n\n" + OLD.split("\n\n", 1)[1])
    git(repo, "commit", "-q", "-am", "topic edit")
    guide.write_text(guide.read_text() + "\nUncommitted  too.\n")
    code, found, _ = check(monkeypatch, capsys, repo, "--new-from-rev", "main", "docs")
    assert [line for _, line in found] == [3, 11]
    code, _, err = check(monkeypatch, capsys, repo, "--new-from-rev", "no-such-branch", "docs")
    assert code == 2 and "'no-such-branch' is not a commit" in err


def test_outside_a_repository_changed_lines_mode_is_a_usage_error(tmp_path, monkeypatch, capsys):
    (tmp_path / "g.en-gb.md").write_text(OLD)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    code, _, err = check(monkeypatch, capsys, tmp_path, "--changed-lines-only", "g.en-gb.md")
    assert code == 2 and "not in a git repository" in err


def test_fix_in_changed_lines_mode_fixes_only_the_reported_findings(repo, monkeypatch, capsys):
    guide = repo / "docs" / "g.en-gb.md"
    guide.write_text(OLD.replace("A clean line.", "A  new gap."))
    git(repo, "add", ".")
    run_cli(monkeypatch, capsys, repo, "check", "--no-cache", "--select", "whitespace", "--fix",
            "--changed-lines-only", "docs/g.en-gb.md")
    assert guide.read_text() == OLD.replace("A clean line.", "A new gap.")


def test_fix_with_a_baseline_leaves_the_baselined_lines_alone(repo, monkeypatch, capsys):
    run_cli(monkeypatch, capsys, repo, "check", "--no-cache", "--select", "whitespace",
            "--write-baseline", "baseline.json", "docs")
    guide = repo / "docs" / "g.en-gb.md"
    guide.write_text(OLD + "\nA  new gap.\n")
    code, out, _ = run_cli(monkeypatch, capsys, repo, "check", "--no-cache", "--select", "whitespace",
                           "--fix", "--baseline", "baseline.json", "docs")
    assert guide.read_text() == OLD + "\nA new gap.\n"
    assert out.splitlines()[-1].startswith("0 findings") and "1 fixed" in out


def test_the_configured_baseline_is_honoured_without_arguments(repo, monkeypatch, capsys):
    (repo / ".guidelint.yaml").write_text("baseline: ci/baseline.json\nselect: [whitespace]\n")
    code, _, err = check(monkeypatch, capsys, repo, "docs")
    assert code == 2 and "ci/baseline.json does not exist" in err and "--write-baseline" in err
    (repo / "ci").mkdir()
    run_cli(monkeypatch, capsys, repo, "check", "--no-cache", "--write-baseline", "ci/baseline.json", "docs")
    (repo / "docs" / "g.en-gb.md").write_text(OLD + "\nA  new gap.\n")
    code, found, _ = check(monkeypatch, capsys, repo / "docs", ".")  # the config is found above
    assert (code, found) == (1, [("./g.en-gb.md", 9)])


def stage_guides(repo, committed: dict[str, str], staged: dict[str, str]):
    """docs/mail/ with the ``committed`` guides (name to text) in a commit, then ``staged``
    written over them and staged; the folder."""
    folder = repo / "docs" / "mail"
    folder.mkdir()
    for name, text in committed.items():
        (folder / name).write_text(text)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "guides")
    for name, text in staged.items():
        (folder / name).write_text(text)
    git(repo, "add", ".")
    return folder


def test_a_changed_source_lists_the_translations_it_puts_out_of_date(repo, monkeypatch, capsys):
    source = "# Ports\n\nUse port 993.\n\nThen restart.\n"
    stage_guides(repo, {"guide.fr-fr.md": source,
                        "guide.fi-fi.md": "# Portit\n\nKäytä porttia 993.\n\nKäynnistä uudelleen.\n",
                        "guide.de-de.md": "# Ports\n\nPort 993 nutzen.\n\nNeu starten.\n"},
                 {"guide.fr-fr.md": source.replace("993", "995"),
                  "guide.de-de.md": "# Ports\n\nPort 995 nutzen.\n\nNeu starten.\n"})  # kept up
    code, out, _ = run_cli(monkeypatch, capsys, repo, "check", "--no-cache", "--fail-on", "info",
                           "--changed-lines-only", "docs/mail/guide.fr-fr.md", "docs/mail/guide.de-de.md")
    assert code == 0, out  # information, never a failure
    notes = [line for line in out.splitlines() if "changes/source-changed" in line]
    assert notes == ["docs/mail/guide.fi-fi.md:3:1: info changes/source-changed guide.fr-fr.md changed "
                     "at line 3 in the staged change; the matching line 3 of this translation may be "
                     "out of date"]


def test_a_source_change_of_spacing_or_punctuation_puts_no_translation_out_of_date(
        repo, monkeypatch, capsys):
    folder = stage_guides(
        repo, {"guide.fr-fr.md": "# Ports\n\nUtilisez le port  993 .\n\nPuis redémarrez.\n",
               "guide.fi-fi.md": "# Portit\n\nKäytä porttia 993.\n\nKäynnistä uudelleen.\n"},
        {"guide.fr-fr.md": "# Ports\n\nUtilisez le port 993.\n\nPuis redémarrez.\n"})
    code, out, _ = run_cli(monkeypatch, capsys, repo, "check", "--no-cache", "--changed-lines-only",
                           "docs/mail/guide.fr-fr.md")
    assert "changes/source-changed" not in out
    (folder / "guide.fr-fr.md").write_text("# Ports\n\nPuis redémarrez.\n")  # a paragraph removed
    git(repo, "add", ".")
    code, out, _ = run_cli(monkeypatch, capsys, repo, "check", "--no-cache", "--changed-lines-only",
                           "docs/mail/guide.fr-fr.md")
    assert ("docs/mail/guide.fi-fi.md:3:1: info changes/source-changed guide.fr-fr.md removed its "
            "former line 3 in the staged change; the matching line 3 of this translation") in out


def test_a_missing_dictionary_is_one_note_per_locale_per_run(tmp_path, monkeypatch, capsys):
    for name in ("a/guide.zz-zz.md", "b/guide.zz-zz.md", "c/guide.zz-zz.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# Otsikko\n\nSanaa.\n")
    code, out, _ = run_cli(monkeypatch, capsys, tmp_path, "check", "--no-cache", "--format", "json", ".")
    notes = [f for f in json.loads(out)["findings"] if "dictionary" in f["message"]]
    assert [(f["path"], f["rule"], f["line"]) for f in notes] == [("./a/guide.zz-zz.md", "internal/no-dictionary", 1)]
    assert "'zz-zz'" in notes[0]["message"]


def test_touched_lines_follow_a_fix_that_adds_a_line():
    changed = ChangedFile(frozenset({2, 4}))
    moved = changed.after_rewrite(["a", "b", "c", "d"], ["a", "b", "b2", "c", "d"])
    assert moved.lines == frozenset({2, 5})
    assert changed.after_rewrite(["a", "b", "c", "d"], ["a", "B", "c", "d"]).lines == frozenset({2, 4})


def test_paths_git_quotes_are_read_back(repo, monkeypatch, capsys):
    odd = repo / "docs" / 'say "hi"\tä.en-gb.md'
    odd.write_text("Fine.\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "odd name")
    odd.write_text("Fine.\n\nNew  gap.\n")
    git(repo, "-c", "core.quotePath=true", "add", ".")
    code, found, _ = check(monkeypatch, capsys, repo, "--changed-lines-only", "docs")
    assert found == [(f"docs/{odd.name}", 3)]


def test_the_hook_parses_each_staged_guide_once(repo, monkeypatch, capsys):
    """The staged-change notes and the checks share their parses: a translator's commit of a
    source and its translation parses each once, and the source as it was once more."""
    from lint.document import Document

    stage_guides(repo, {"guide.fr-fr.md": "# Ports\n\nUse port 993.\n",
                        "guide.fi-fi.md": "# Portit\n\nKäytä porttia 993.\n"},
                 {"guide.fr-fr.md": "# Ports\n\nUse port 995.\n",
                  "guide.fi-fi.md": "# Portit\n\nKäytä porttia 995.\n"})
    parsed = []
    real = Document.from_source.__func__
    monkeypatch.setattr(Document, "from_source",
                        classmethod(lambda cls, source, path, *a, **k: parsed.append(os.path.basename(path))
                                    or real(cls, source, path, *a, **k)))
    run_cli(monkeypatch, capsys, repo, "check", "--no-cache", "--changed-lines-only",
            "docs/mail/guide.fi-fi.md", "docs/mail/guide.fr-fr.md")
    assert sorted(parsed) == ["guide.fi-fi.md", "guide.fr-fr.md", "guide.fr-fr.md"]
