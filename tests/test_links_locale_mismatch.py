import pytest

from lint import Config
from lint.locales import contradictions, locale_markers, normalize_url

MANAGER_IE = "https://www.ovh.com/auth/?action=gotomanager&from=https://www.ovh.ie/&ovhSubsidiary=ie"


@pytest.mark.parametrize("url, kinds", [
    ("https://docs.ovh.com/gb/en/x/", ["path", "path"]),
    ("https://www.ovhcloud.com/en-gb/x", ["path"]),
    (MANAGER_IE, ["domain", "param"]),
    ("https://example.com/it/x?lang=fi", ["path", "param"]),
    ("https://example.com/docs/fr/x", []),
    ("images/fr/x.png", []),
])
def test_locale_markers(url, kinds):
    markers = locale_markers(url)
    assert [m.kind for m in markers] == kinds
    for m in markers:
        assert url[m.offset:m.end] == m.raw


def test_normalize_url_compares_links_beyond_their_locale():
    assert normalize_url("https://www.ovh.com/fr/x?ovhSubsidiary=FR") == \
        normalize_url("https://www.ovh.com/fi/x?ovhSubsidiary=FI")
    assert normalize_url("https://docs.ovh.com/gb/en/emails/a/") == normalize_url("https://docs.ovh.com/fi/emails/a")
    assert normalize_url("https://docs.ovh.com/fi/emails/a") != normalize_url("https://docs.ovh.com/fi/emails/b")


def test_contradictions_api():
    assert [m.raw for m in contradictions(MANAGER_IE, "fi-fi")] == ["www.ovh.ie", "ie"]
    assert contradictions(MANAGER_IE, "en-ie") == []
    assert contradictions(MANAGER_IE, None) == []


def test_example_config_maps_fi_fi():
    from conftest import ROOT
    cfg = Config.load(ROOT / "examples" / ".guidelint.yaml")
    assert cfg.data["locale_map"]["fi-fi"]["params"] == {"ovhSubsidiary": "fi"}
