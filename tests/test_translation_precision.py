"""False-alarm patterns of the translation rules seen on the corpus, each next to the defect
the rule must still report (issue #13). Fixed as patterns: the guides here are made up."""
from translation_helpers import FI, FR, of, pair_findings


def rules(found, prefix="translation/"):
    return [(f.line, f.rule) for f in found if f.rule.startswith(prefix)]


def test_a_dropped_link_is_reported_even_with_another_link_to_the_site_nearby(write):
    source = FR.replace("Échangez avec notre communauté.",
                        "Faites appel à un [prestataire](https://partner.ovhcloud.com/fr/).\n\n"
                        "Voir l'[espace client](https://www.ovh.com/manager/).")
    target = FI.replace("Keskustele käyttäjäyhteisömme kanssa.",
                        "Ota yhteyttä palveluntarjoajaan.\n\nKatso [hallintapaneeli](https://www.ovh.com/manager/).")
    found = pair_findings(write, target, source, rule="translation/link-mismatch")
    assert [f.line for f in found] == [40] and "partner.ovhcloud.com/fr/ of source line 40" in found[0].message


def test_numbers_that_are_markup_or_rephrased_are_not_compared(write):
    source = FR.replace("Échangez avec notre communauté.",
                        "Saisissez les 3 informations suivantes depuis votre connexion 3G.\n\n- J-1\n- J-3")
    target = FI.replace("Keskustele käyttäjäyhteisömme kanssa.",
                        "Syötä seuraavat tiedot internetyhteydellä.\n\n- 1. päivänä\n- 3. päivänä")
    assert pair_findings(write, target, source, rule="translation/number-mismatch") == []
    # the same list with a wrong day is still a finding
    wrong = target.replace("- 3. päivänä", "- 2. päivänä")
    found = pair_findings(write, wrong, source, rule="translation/number-mismatch")
    assert len(found) == 1 and "3 of the source is missing here" in found[0].message


def test_a_version_of_the_title_may_be_repeated_in_the_text(write):
    source = FR.replace("title: Configurer le client", "title: Configurer Outlook 2016")
    target = FI.replace("Avaa ohjelma ja klikkaa", "Avaa Outlook 2016 ja klikkaa")
    assert pair_findings(write, target, source, rule="translation/number-mismatch") == []


def test_a_split_command_block_and_translated_placeholders_are_not_code_differences(write):
    source = FR.replace("openssl s_client -connect ssl0.ovh.net:993",
                        "openssl s_client -connect ssl0.ovh.net:993\nping -c 4 votredomaine.ovh")
    target = FI.replace("openssl s_client -connect ssl0.ovh.net:993\n```",
                        "openssl s_client -connect ssl0.ovh.net:993\n```\n\nJa:\n\n```bash\nping -c 4 omadomain.ovh\n```")
    assert pair_findings(write, target, source, rule="translation/code-mismatch") == []
    # a changed option is still reported, at the line that differs, not the opening fence
    changed = target.replace("ping -c 4", "ping -c 40")
    found = pair_findings(write, changed, source, rule="translation/code-mismatch")
    assert [f.line for f in found] == [33] and "ping -c 40" in found[0].message


def test_a_flattened_translation_misses_the_wrapper_not_the_step(write):
    # the source wraps its steps in "## En pratique"; the translation dropped it and promoted
    # the steps to level 2: the wrapper is missing, the steps are at another level
    target = FI.replace("## Käytännössä\n\n", "").replace("### Vaihe", "## Vaihe")
    found = rules(pair_findings(write, target, rule="translation/heading-mismatch"))
    messages = [f.message for f in pair_findings(write, target, rule="translation/heading-mismatch")]
    assert len(found) == 2
    assert "'En pratique' (level 2, source line 11) is missing here" in messages[0]
    assert "heading level 2 here, 3 at source line 13" in messages[1] and "(and the 1 heading(s) after it" in messages[1]


def test_a_size_glued_to_its_unit_is_the_same_number_in_a_decimal_comma_locale(write):
    source = FR.replace("Échangez avec notre communauté.", "La partition `/dev/md2` fait 888.8GB.")
    target = FI.replace("Keskustele käyttäjäyhteisömme kanssa.", "Osio `/dev/md2` on 888,8 GB.")
    assert pair_findings(write, target, source, rule="translation/number-mismatch") == []
    # another size is still a finding
    wrong = target.replace("888,8 GB", "88,8 GB")
    found = pair_findings(write, wrong, source, rule="translation/number-mismatch")
    assert len(found) == 1 and "source has 888.8 where this has 88,8" in found[0].message


def test_an_auto_linked_example_address_shown_as_text_is_not_a_missing_link(write):
    source = FR.replace("Échangez avec notre communauté.",
                        "Identifiant : votre adresse entière (ex: [test@ovh.net](mailto:test@ovh.net)).")
    target = FI.replace("Keskustele käyttäjäyhteisömme kanssa.",
                        "Käyttäjätunnus: koko osoitteesi (esim. test@ovh.net).")
    assert pair_findings(write, target, source, rule="translation/link-mismatch") == []
    # an address the translation no longer shows at all is still a missing link
    dropped = target.replace(" (esim. test@ovh.net)", "")
    found = pair_findings(write, dropped, source, rule="translation/link-mismatch")
    assert len(found) == 1 and "mailto:test@ovh.net of source line 40 is missing here" in found[0].message


def _dated(text, date):
    return text.replace("order: 2\n", f"order: 2\nupdated: {date}\n", 1)


ADDED = ("### Vaihe 3: Rocky Linux 9\n\nRocky Linux 9 käyttää komentoa `nmcli connection reload`, katso "
         "[kumppanit](https://partner.ovhcloud.com/fi/).\n\n## Lue lisää")


def test_content_a_newer_translation_adds_is_not_blamed_on_it(write):
    source = _dated(FR, "2023-05-02")
    newer = _dated(FI, "2023-12-11").replace("## Lue lisää", ADDED)
    assert rules(pair_findings(write, newer, source)) == []
    # the same addition in a translation made a week after its source is still reported
    older = _dated(FI, "2023-05-10").replace("## Lue lisää", ADDED)
    found = rules(pair_findings(write, older, source))
    assert found == [(2, "translation/outdated"), (39, "translation/heading-mismatch")]
    # being newer does not excuse what the translation lacks or changed
    dropped = newer.replace("Tarkista, että ruutu on rastitettu, ja sulje sitten ikkuna.\n\n", "") \
                   .replace("ssl0.ovh.net|993", "ssl0.ovh.net|995")
    found = rules(pair_findings(write, dropped, source))
    assert {"translation/number-mismatch", "translation/outdated"} <= {r for _, r in found}


def test_what_most_translations_add_is_the_source_lagging_not_each_translation(write):
    source = FR.replace("Vérifiez que la case est cochée", "Sous iOS 11, vérifiez que la case est cochée")
    ahead = FI.replace("Tarkista, että ruutu", "iOS 11, 12 ja 13: tarkista, että ruutu")
    for locale in ("de-de", "es-es", "it-it"):
        write(f"guide/guide.{locale}.md", ahead)
    write("guide/guide.pl-pl.md", FI.replace("Tarkista, että ruutu", "iOS 11: tarkista, että ruutu"))
    assert pair_findings(write, ahead, source, rule="translation/number-mismatch") == []
    # a number only this translation adds is still its own slip
    alone = FI.replace("Tarkista, että ruutu", "iOS 11 ja 15: tarkista, että ruutu")
    found = pair_findings(write, alone, source, rule="translation/number-mismatch")
    assert len(found) == 1 and "15 is not in the source" in found[0].message


def test_a_list_item_that_lost_its_marker_is_a_markup_slip_not_drift(write):
    source = FR.replace("Ouvrez le logiciel et cliquez sur le bouton pour ajouter un nouveau compte.",
                        "Prérequis :\n\n- Être administrateur d'un serveur e-mail configuré.\n"
                        "- Être en mesure de gérer la zone DNS du domaine.")
    slip = FI.replace("Avaa ohjelma ja klikkaa painiketta lisätäksesi uuden tilin.",
                      "Edellytykset:\n\nOlet konfiguroidun sähköpostipalvelimen ylläpitäjä.\n"
                      "- Pystyt hallinnoimaan verkkotunnuksen DNS-aluetta.")
    found = rules(pair_findings(write, slip, source))
    assert found == []
    # the item dropped for good, with no paragraph left in its place, is still drift
    dropped = slip.replace("Olet konfiguroidun sähköpostipalvelimen ylläpitäjä.\n", "")
    found = rules(pair_findings(write, dropped, source))
    assert found == [(2, "translation/outdated"), (18, "translation/structure-mismatch")]
