"""translation/link-mismatch, image-mismatch, code-mismatch, heading-mismatch, anchor-leak."""
from translation_helpers import FI, FR, config_file, pair_findings


# links ----------------------------------------------------------------------------------

def test_links_differing_only_by_locale_are_the_same(write):
    # FR has ovhSubsidiary=fr, FI has ovhSubsidiary=fi; /fr/ against /fi/ too
    source = FR.replace("Échangez avec notre communauté.",
                        "Voir [la page](https://www.ovhcloud.com/fr/web-hosting/) et [MS](https://support.microsoft.com/fr-fr/kb/281382).")
    target = FI.replace("Keskustele käyttäjäyhteisömme kanssa.",
                        "Katso [sivu](https://www.ovhcloud.com/fi/web-hosting/) ja [MS](https://support.microsoft.com/fi-fi/kb/281382).")
    assert pair_findings(write, target, source, rule="translation/link-mismatch") == []


def test_a_guide_link_pointing_elsewhere_is_reported_at_its_destination(write):
    target = FI.replace("/pages/web/emails/feature_redirections", "/pages/web/emails/email_creation")
    found = pair_findings(write, target, rule="translation/link-mismatch")
    assert [(f.line, f.column) for f in found] == [(30, 29)]
    assert "email_creation here" in found[0].message and "source line 30" in found[0].message


def test_a_link_on_one_side_only(write):
    target = FI.replace("[uudelleenohjausopas](/pages/web/emails/feature_redirections)", "uudelleenohjausopas")
    target = target.replace("ja [hallintapaneeli](https://www.ovh.com/auth/?action=gotomanager&ovhSubsidiary=fi)",
                            "ja hallintapaneeli")
    found = pair_findings(write, target, rule="translation/link-mismatch")
    assert len(found) == 2 and all("is missing here" in f.message for f in found)
    assert {f.line for f in found} == {30}


# images ---------------------------------------------------------------------------------

def test_a_missing_image(write):
    target = FI.replace("![loppu](images/step2.png){.thumbnail}\n\n", "")
    found = pair_findings(write, target, rule="translation/image-mismatch")
    assert len(found) == 1 and "'step2.png' of source line 36 is missing here" in found[0].message


def test_images_in_another_order(write):
    target = FI.replace("images/step1.png", "images/TMP").replace("images/step2.png", "images/step1.png") \
        .replace("images/TMP", "images/step2.png")
    found = pair_findings(write, target, rule="translation/image-mismatch")
    assert len(found) == 1 and "another order" in found[0].message and found[0].line == 17


def test_a_localised_screenshot_is_not_a_mismatch(write):
    target = FI.replace("images/step1.png", "images/fi/step1-fi.png")
    assert pair_findings(write, target, rule="translation/image-mismatch") == []


# code -----------------------------------------------------------------------------------

def test_a_changed_command_is_reported_on_its_line(write):
    target = FI.replace("openssl s_client -connect ssl0.ovh.net:993", "openssl s_client -connect ssl0.ovh.net:995")
    found = pair_findings(write, target, rule="translation/code-mismatch")
    assert [(f.line, f.column) for f in found] == [(27, 1)]
    assert "source line 27" in found[0].message


def test_translated_comments_are_fine_unless_configured(write):
    # FI's code block has a Finnish comment: fine by default
    assert pair_findings(write, FI, rule="translation/code-mismatch") == []
    config = config_file(write, "rules:\n  translation/code-mismatch:\n    ignore_comments: false\n")
    found = pair_findings(write, FI, rule="translation/code-mismatch", config=config)
    assert len(found) == 1 and "tarkista yhteys" in found[0].message


def test_inline_code_changed_but_ui_labels_and_placeholders_may_be_translated(write):
    source = FR.replace("Lancez ensuite la commande suivante :",
                        "Éditez `/etc/hosts`, cliquez sur `Suivant`{.action} et tapez `ssh votre_utilisateur@serveur` :")
    good = FI.replace("Suorita sitten seuraava komento:",
                      "Muokkaa `/etc/hosts`, klikkaa `Seuraava`{.action} ja kirjoita `ssh käyttäjäsi@serveur`:")
    assert pair_findings(write, good, source, rule="translation/code-mismatch") == []
    bad = good.replace("`/etc/hosts`", "`/etc/host`")
    found = pair_findings(write, bad, source, rule="translation/code-mismatch")
    assert len(found) == 1 and "`/etc/host`" in found[0].message and found[0].column == 9


# headings -------------------------------------------------------------------------------

def test_a_heading_at_another_level(write):
    target = FI.replace("### Vaihe 2: Tarkista", "## Vaihe 2: Tarkista")
    found = pair_findings(write, target, rule="translation/heading-mismatch")
    assert [(f.line, f.column) for f in found] == [(32, 1)]
    assert "level 2 here, 3 at source line 32" in found[0].message


def test_a_missing_heading(write):
    target = FI.replace("## Lue lisää\n\n", "")
    found = pair_findings(write, target, rule="translation/heading-mismatch")
    assert len(found) == 1 and "'Aller plus loin' (level 2, source line 38) is missing here" in found[0].message
    assert found[0].line == 37  # where it belongs: after the image, not on the next paragraph (38)


# anchors --------------------------------------------------------------------------------

def test_a_french_anchor_left_in_a_finnish_guide(write):
    source = FR.replace("Échangez avec notre communauté.", "Voir [l'étape 1](#étape-1--ajouter-le-compte).")
    target = FI.replace("Keskustele käyttäjäyhteisömme kanssa.", "Katso [vaihe 1](#étape-1--ajouter-le-compte).")
    found = pair_findings(write, target, source, rule="translation/anchor-leak")
    assert [(f.line, f.column) for f in found] == [(40, 17)]
    assert "source line 13" in found[0].message


def test_a_legacy_compound_anchor_and_an_html_anchor(write):
    source = FR.replace("## Aller plus loin", '## Aller plus loin <a name="gofurther"></a>')
    target = FI.replace("Keskustele käyttäjäyhteisömme kanssa.",
                        "Katso [tili](#en_pratique_partie_1_etape_1_ajouter_le_compte) ja [lisää](#gofurther).")
    found = pair_findings(write, target, source, rule="translation/anchor-leak")
    assert len(found) == 2
    assert "legacy compound id" in found[0].message and "source line 11" in found[0].message
    assert "'#gofurther'" in found[1].message and "source line 38" in found[1].message


def test_an_anchor_of_the_translation_is_fine(write):
    target = FI.replace("Keskustele käyttäjäyhteisömme kanssa.", "Katso [vaihe 1](#vaihe-1-lisää-tili).")
    assert pair_findings(write, target, rule="translation/anchor-leak") == []
