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
