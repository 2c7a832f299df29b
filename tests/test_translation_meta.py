"""Translation rules across several findings or files: outdated's git evidence, one finding
per defect between rules (their plain cases are in tests/cases/translation/)."""
from translation_helpers import FI, FR, of, pair_findings


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
    write("guide/guide.fr-fr.md", FR.replace("-connect ssl0.ovh.net:993", "-connect ssl0.ovh.net:995"))
    subprocess.run(git + ["commit", "-q", "-am", "Port 995 for POP"], check=True)
    from translation_helpers import check

    found = of(check(tmp_path / "guide" / "guide.fi-fi.md"), "translation/outdated")
    assert len(found) == 1 and "Port 995 for POP" in found[0].message and "commit " in found[0].message


def test_outdated_names_no_commit_older_than_the_translation(write, tmp_path):
    # the source line changed before the translation's last commit: the commit explains nothing
    import shutil
    import subprocess

    if shutil.which("git") is None:
        import pytest

        pytest.skip("git is not installed")
    write("guide/guide.fr-fr.md", FR.replace("-connect ssl0.ovh.net:993", "-connect ssl0.ovh.net:995"))
    write("guide/guide.fi-fi.md", FI)
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(git[:3] + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-q", "-m", "Port 995 for POP"], check=True)
    write("guide/guide.fi-fi.md", FI.replace("Tavoite", "Tavoitteet"))
    subprocess.run(git + ["commit", "-q", "-am", "fi: wording"], check=True)
    from translation_helpers import check

    found = of(check(tmp_path / "guide" / "guide.fi-fi.md"), "translation/outdated")
    assert len(found) == 1 and "commit" not in found[0].message and len(found[0].message) < 200


def test_a_single_qa_slip_is_not_drift(write):
    # one number that differs is number-mismatch's finding; the guide is still up to date
    source = FR.replace("|ssl0.ovh.net|993|", "|ssl0.ovh.net|995|")
    found = pair_findings(write, FI, source)
    assert [f.rule for f in found if f.rule.startswith("translation/")] == ["translation/number-mismatch"]


def test_one_drift_is_one_finding_per_line(write):
    # a row added, a heading and an image dropped: each reported once, by the rule that owns it,
    # and the verdict on the title line
    target = FI.replace("|ssl0.ovh.net|993|", "|ssl0.ovh.net|993|\n|ssl0.ovh.net|995|") \
        .replace("## Lue lisää\n\n", "").replace("![loppu](images/step2.png){.thumbnail}\n\n", "")
    found = [f for f in pair_findings(write, target) if f.rule.startswith("translation/")]
    assert [(f.line, f.rule) for f in found] == [
        (2, "translation/outdated"), (22, "translation/structure-mismatch"),
        (36, "translation/heading-mismatch"), (36, "translation/image-mismatch")]
    structure = of(found, "translation/structure-mismatch")[0]
    assert "0 source block(s) unpaired, 1 block(s) here unpaired" in structure.message


def test_a_retired_translation_is_reported_once(write):
    # deprecated here, live in the source: frontmatter-mismatch's finding, not frontmatter/deprecated's too
    target = FI.replace("order: 2\n", "order: 2\ndeprecated: true\n")
    found = pair_findings(write, target)
    assert [f.rule for f in found if f.line == 5] == ["translation/frontmatter-mismatch"]
    # a guide deprecated in every locale: frontmatter/deprecated's, the locales agree
    source = FR.replace("order: 2\n", "order: 2\ndeprecated: true\n")
    found = pair_findings(write, target, source)
    assert [f.rule for f in found if f.line == 5] == ["frontmatter/deprecated"]
