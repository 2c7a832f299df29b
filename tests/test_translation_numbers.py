"""The locale formats of numbers that translation/number-mismatch compares."""
import pytest

from lint.translations.numbers import find_numbers


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


def test_spelled_numbers_are_whole_words_of_the_text():
    from lint.translations.numbers import spelled

    words = {"fr": {"deux": 2, "un": 1, "première": 1}, "xx": {"deux mille": 2000, "a-b": 7, "un": 1}}
    assert spelled(words, "fr", "Les deux premières étapes") == {"2"}
    assert spelled(words, "fr", "Première étape, un_fichier, deuxième") == {"1"}
    assert spelled(words, "fr", "aucun, undo, deux2") == set()
    # table words with a space or a dash are looked for as written, between non-word characters
    assert spelled(words, "xx", "Deux mille ou a-b, un") == {"2000", "7", "1"}
    assert spelled(words, "xx", "deux milles, xa-b") == set()
    assert spelled(words, "en", "two") == set()
