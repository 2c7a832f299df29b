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
