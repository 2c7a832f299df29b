"""translation/number-mismatch, with the locale formats of numbers."""
import pytest

from lint.translations.numbers import find_numbers
from translation_helpers import FI, FR, config_file, pair_findings

RULE = "translation/number-mismatch"


def values(text):
    return [sorted(n.values) for n in find_numbers(text)]


@pytest.mark.parametrize("a, b", [
    ("1,5 Go", "1.5 GB"),            # decimal comma / point
    ("1 000 e-mails", "1,000 emails"),  # thousands: space / comma
    ("1\u202f000 e-mails", "1.000 E-Mails"),  # narrow no-break space / German point
    ("le 1er juin", "June 1st"),     # ordinals
    ("2e étape", "2. Schritt"),
    ("1.234,5", "1,234.5"),
])
def test_locale_formats_are_the_same_number(a, b):
    assert set().union(*values(a)) & set().union(*values(b))


def test_dates_times_hosts_and_urls_are_not_numbers():
    assert values("le 04/06/2018 à 13h17 sur ssl0.ovh.net, voir https://x.fr/2/ ou IPv6") == []


def test_a_changed_port_is_reported_on_the_target_with_the_source_line(write):
    target = FI.replace("|ssl0.ovh.net|993|", "|ssl0.ovh.net|995|")
    found = pair_findings(write, target, rule=RULE)
    assert [(f.line, f.column) for f in found] == [(21, 15)]
    assert "source line 21" in found[0].message and "993" in found[0].message and "995" in found[0].message


def test_formats_ordinals_and_words_do_not_count_as_differences(write):
    source = FR.replace("Ouvrez le logiciel", "Ouvrez les 2 fenêtres du logiciel (1,5 Go, 1 000 comptes, 1er essai)")
    target = FI.replace("Avaa ohjelma", "Avaa ohjelman kaksi ikkunaa (1.5 GB, 1,000 tiliä, 1. yritys)")
    assert pair_findings(write, target, source, rule=RULE) == []


def test_a_spelled_number_on_the_target_does_not_invent_a_digit(write):
    # "un" is also an article: a word never stands for a number the other side lacks
    source = FR.replace("Ouvrez le logiciel", "Ouvrez un logiciel")
    target = FI.replace("Avaa ohjelma", "Avaa 3 ohjelmaa")
    found = pair_findings(write, target, source, rule=RULE)
    assert len(found) == 1 and "3 is not in the source" in found[0].message


def test_a_missing_number_is_reported_at_the_block(write):
    source = FR.replace("Ouvrez le logiciel", "Ouvrez le logiciel en version 16")
    found = pair_findings(write, FI, source, rule=RULE)
    assert [(f.line, f.column) for f in found] == [(15, 1)]
    assert "16 of the source is missing here" in found[0].message


def test_allowed_numbers_option(write):
    config = config_file(write, "rules:\n  translation/number-mismatch:\n    allowed_numbers: ['995', '993']\n")
    target = FI.replace("|ssl0.ovh.net|993|", "|ssl0.ovh.net|995|")
    assert pair_findings(write, target, rule=RULE, config=config) == []


def test_the_last_updated_line_and_step_numbers_in_headings_are_not_compared(write):
    source = FR.replace("## Objectif", "**Dernière mise à jour le 4 juin 2018**\n\n## Objectif")
    target = FI.replace("## Tavoite", "**Päivitetty 3. heinäkuuta 2019**\n\n## Tavoite").replace(
        "### Vaihe 2: Tarkista", "### Vaihe 7: Tarkista")
    assert pair_findings(write, target, source, rule=RULE) == []
