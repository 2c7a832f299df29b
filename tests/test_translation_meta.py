"""translation/frontmatter-mismatch, untranslated, structure-mismatch, outdated."""
from translation_helpers import FI, FR, of, pair_findings


# front matter ---------------------------------------------------------------------------

def test_deprecated_in_the_source_is_reported_on_each_live_translation(write):
    source = FR.replace("order: 2\n", "order: 2\ndeprecated: true\n")
    write("guide/guide.de-de.md", FI)
    found = pair_findings(write, FI, source, rule="translation/frontmatter-mismatch")
    assert [(f.line, f.column) for f in found] == [(1, 1)]
    assert "live here but deprecated in the source (source line 5" in found[0].message
    from translation_helpers import check, of
    de = of(check(write("guide/guide.de-de.md", FI)), "translation/frontmatter-mismatch")
    assert len(de) == 1


def test_hidden_here_and_live_in_the_source(write):
    target = FI.replace("order: 2\n", "order: 2\nhidden: true\n")
    found = pair_findings(write, target, rule="translation/frontmatter-mismatch")
    assert [(f.line, f.column, f.end_column) for f in found] == [(5, 1, 7)]
    assert "hidden here but live in the source" in found[0].message


def test_legacy_number_forms_agree_and_a_different_one_does_not(write):
    # FI has g1967 where FR has 1967: the same guide
    assert pair_findings(write, FI, rule="translation/frontmatter-mismatch") == []
    target = FI.replace("legacy_guide_number: g1967", "legacy_guide_number: g1297").replace("order: 2", "order: 7")
    found = pair_findings(write, target, rule="translation/frontmatter-mismatch")
    # each locale sorts its menu in its own language: order is not compared by default
    assert [(f.line, f.message) for f in found] == [
        (3, "legacy_guide_number is 'g1297' here, 1967 at source line 3")]


def test_a_legacy_number_of_the_source_missing_here(write):
    target = FI.replace("legacy_guide_number: g1967\n", "")
    found = pair_findings(write, target, rule="translation/frontmatter-mismatch")
    assert [(f.line, f.message) for f in found] == [
        (1, "legacy_guide_number 1967 of the source (line 3) is missing from this front matter")]


def test_a_retired_translation_is_reported_once(write):
    # deprecated here, live in the source: frontmatter-mismatch's finding, not frontmatter/deprecated's too
    target = FI.replace("order: 2\n", "order: 2\ndeprecated: true\n")
    found = pair_findings(write, target)
    assert [f.rule for f in found if f.line == 5] == ["translation/frontmatter-mismatch"]
    # a guide deprecated in every locale: frontmatter/deprecated's, the locales agree
    source = FR.replace("order: 2\n", "order: 2\ndeprecated: true\n")
    found = pair_findings(write, target, source)
    assert [f.rule for f in found if f.line == 5] == ["frontmatter/deprecated"]


def test_configurable_keys(write):
    from translation_helpers import config_file

    config = config_file(write, "rules:\n  translation/frontmatter-mismatch:\n    keys: [section]\n")
    source = FR.replace("order: 2\n", "order: 2\nsection: Emails\n")
    target = FI.replace("order: 2\n", "order: 2\nsection: Tietokone\n")
    found = pair_findings(write, target, source, rule="translation/frontmatter-mismatch", config=config)
    assert len(found) == 1 and found[0].line == 5 and found[0].message.startswith("section is")


# untranslated ---------------------------------------------------------------------------

def test_a_paragraph_left_in_the_source_language(write):
    target = FI.replace("Tarkista, että ruutu on rastitettu, ja sulje sitten ikkuna.",
                        "Vérifiez que la case est cochée, puis fermez la fenêtre.")
    found = pair_findings(write, target, rule="translation/untranslated")
    assert [(f.line, f.column) for f in found] == [(34, 1)]
    assert "source line 34" in found[0].message


def test_code_urls_names_and_short_blocks_are_not_untranslated(write):
    source = FR.replace("Échangez avec notre communauté.", "Voir `ssl0.ovh.net` et <https://community.ovh.com>.")
    target = FI.replace("Keskustele käyttäjäyhteisömme kanssa.", "Voir `ssl0.ovh.net` et <https://community.ovh.com>.")
    # same text, but under the minimum length once code and URLs are set aside
    assert pair_findings(write, target, source, rule="translation/untranslated") == []


def test_same_language_pairs_are_not_untranslated(write):
    found = pair_findings(write, FR, FR, target="guide/guide.fr-ca.md", rule="translation/untranslated")
    assert found == []


# structure ------------------------------------------------------------------------------

def test_structure_mismatch_is_reported_once_where_the_guides_part(write):
    target = FI.replace("|ssl0.ovh.net|993|", "|ssl0.ovh.net|993|\n|ssl0.ovh.net|995|") \
        .replace("## Lue lisää\n\n", "").replace("![loppu](images/step2.png){.thumbnail}\n\n", "")
    found = pair_findings(write, target)
    structure = of(found, "translation/structure-mismatch")
    assert len(structure) == 1
    assert structure[0].line == 22 and "this table row" in structure[0].message
    assert "near source line 21" in structure[0].message
    # the dropped heading and image are their own rules' findings, not counted twice here
    assert "0 source block(s) unpaired, 1 block(s) here unpaired" in structure[0].message
    # both belong on line 36, after the paragraph the source has before them
    assert [f.line for f in of(found, "translation/heading-mismatch")] == [36]
    assert [f.line for f in of(found, "translation/image-mismatch")] == [36]


def test_a_split_paragraph_is_not_a_structure_change(write):
    target = FI.replace("Avaa ohjelma ja klikkaa painiketta lisätäksesi uuden tilin.",
                        "Avaa ohjelma.\n\nKlikkaa painiketta lisätäksesi uuden tilin.")
    assert pair_findings(write, target, rule="translation/structure-mismatch") == []


# outdated -------------------------------------------------------------------------------

def test_content_drift_makes_a_translation_outdated(write):
    # the source's command changed: the verdict sits on the title line and names the first drift
    source = FR.replace("-connect ssl0.ovh.net:993", "-connect ssl0.ovh.net:995 -starttls imap")
    found = pair_findings(write, FI, source, rule="translation/outdated")
    assert [(f.line, f.column) for f in found] == [(2, 1)]
    assert "first at line 27: code block changed" in found[0].message and len(found[0].message) < 200


def test_a_single_qa_slip_is_not_drift(write):
    # one number that differs is number-mismatch's finding; the guide is still up to date
    source = FR.replace("|ssl0.ovh.net|993|", "|ssl0.ovh.net|995|")
    found = pair_findings(write, FI, source)
    assert [f.rule for f in found if f.rule.startswith("translation/")] == ["translation/number-mismatch"]


def test_cosmetic_source_changes_do_not_make_it_outdated(write):
    # emphasis style, reflowed lines, a canonicalised link: no meaning-bearing token changed
    source = FR.replace("Ouvrez le logiciel et cliquez sur le bouton pour ajouter un nouveau compte.",
                        "Ouvrez le *logiciel* et cliquez sur le **bouton**\npour ajouter un nouveau compte.")
    source = source.replace("https://www.ovh.com/auth/?action=gotomanager&ovhSubsidiary=fr",
                            "https://www.ovh.com/auth/?action=gotomanager&ovhSubsidiary=FR")
    assert pair_findings(write, FI, source, rule="translation/outdated") == []


def test_a_step_added_to_the_source_makes_it_outdated(write):
    source = FR.replace("Vérifiez que la case est cochée, puis fermez la fenêtre.",
                        "Vérifiez que la case est cochée, puis fermez la fenêtre.\n\n- redémarrez le logiciel")
    found = pair_findings(write, FI, source, rule="translation/outdated")
    assert len(found) == 1 and "list item 'redémarrez le logiciel' only in the source" in found[0].message


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
    from translation_helpers import check, of

    found = of(check(tmp_path / "guide" / "guide.fi-fi.md"), "translation/outdated")
    assert len(found) == 1 and "Port 995 for POP" in found[0].message and "commit " in found[0].message
