"""translation/outdated names the source's commit (its plain cases are in tests/cases/translation/)."""
from translation_helpers import FI, FR


def test_outdated_names_the_source_commit_when_in_git(write, tmp_path):
    import shutil
    import subprocess

    if shutil.which("git") is None:
        import pytest

        pytest.skip("git is not installed")
    write("guide/guide.fr-fr.md", FR)
    write("guide/guide.fi-fi.md", FI)
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(git[:3] + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-q", "-m", "first version"], check=True)
    write("guide/guide.fr-fr.md", FR.replace("|ssl0.ovh.net|993|", "|ssl0.ovh.net|995|"))
    subprocess.run(git + ["commit", "-q", "-am", "Port 995 for POP"], check=True)
    from translation_helpers import check, of

    found = of(check(tmp_path / "guide" / "guide.fi-fi.md"), "translation/outdated")
    assert len(found) == 1 and "Port 995 for POP" in found[0].message and "commit " in found[0].message
