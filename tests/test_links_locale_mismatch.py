import pytest

from conftest import findings_of
from lint import Config
from lint.locales import contradictions, locale_markers, normalize_url

RULE = "links/locale-mismatch"
MANAGER_IE = "https://www.ovh.com/auth/?action=gotomanager&from=https://www.ovh.ie/&ovhSubsidiary=ie"
MANAGER_FI = "https://www.ovh.com/auth/?action=gotomanager&from=https://www.ovh-hosting.fi/&ovhSubsidiary=fi"


def test_irish_manager_link_in_a_finnish_guide_is_reported_once_at_the_domain():
    line = f"Salasana: salasana, joka on määritelty [hallintapaneelissa]({MANAGER_IE})."
    [f] = findings_of(f"# T\n\n{line}\n", path="a/guide.fi-fi.md", rule=RULE)
    column = line.index("www.ovh.ie") + 1
    assert (f.line, f.column, f.end_column) == (3, column, column + len("www.ovh.ie"))
    assert "ovhSubsidiary=ie" in f.message


def test_finnish_manager_link_and_links_without_markers_are_fine():
    text = (f"# T\n\n[hallintapaneelissa]({MANAGER_FI}) ja [ohje](https://docs.ovh.com/fi/emails/x/)\n\n"
            "[Webmail](https://www.ovh.com/manager/web/) [php](https://www.php.net/manual/en/x.php)\n")
    assert findings_of(text, path="a/guide.fi-fi.md", rule=RULE) == []


def test_french_path_in_an_english_guide_points_at_the_segment():
    line = "- [Windows 8](https://www.ovh.co.uk/fr/hosting/guides/g1281.x)"
    [f] = findings_of(f"# T\n\n{line}\n", path="a/guide.en-gb.md", rule=RULE)
    assert f.column == line.index("fr/hosting") + 1


def test_english_page_of_a_third_party_site_is_a_deliberate_choice():
    text = ("# T\n\n[junkmail](https://support.microsoft.com/en-us/getsupport?locale=en-us) and "
            "[forum](https://community.ovh.com/en/)\n")
    assert findings_of(text, path="a/guide.de-de.md", rule=RULE) == []
    # ...but a French third-party page in a Finnish guide is a copy slip
    text = "# T\n\n[KB](https://support.microsoft.com/fr-fr/kb/281382)\n"
    [f] = findings_of(text, path="a/guide.fi-fi.md", rule=RULE)
    assert "fr-fr" in f.message


def test_english_ovh_guide_from_a_finnish_guide_is_reported_unless_allowed(write):
    text = "# T\n\n[Outlook](https://docs.ovh.com/gb/en/emails-pro/configuration-outlook-2016/)\n"
    assert len(findings_of(text, path="a/guide.fi-fi.md", rule=RULE)) == 1
    assert findings_of(text, path="a/guide.en-gb.md", rule=RULE) == []
    # the Singapore guide has its own docs.ovh.com/sg/en/ pages
    assert len(findings_of(text, path="a/guide.en-sg.md", rule=RULE)) == 1
    cfg = write(".guidelint.yaml", "rules:\n  links/locale-mismatch: {allow_english: true}\n")
    assert findings_of(text, path="a/guide.fi-fi.md", rule=RULE, config=str(cfg)) == []


def test_locale_map_from_config_replaces_the_default_entry(write):
    text = f"# T\n\n[manager]({MANAGER_IE})\n"
    cfg = write(".guidelint.yaml", "locale_map:\n  fi-fi: {domains: [ovh.ie], params: {ovhSubsidiary: ie}}\n")
    assert findings_of(text, path="a/guide.fi-fi.md", rule=RULE, config=str(cfg)) == []
    assert len(findings_of(text, path="a/guide.fi-fi.md", rule=RULE)) == 1


def test_country_prefix_matters_on_ovh_sites_and_autolinks_are_checked():
    text = "# T\n\n[web](https://www.ovh.com/ca/fr/hebergement-web/) et <https://www.ovh.com/fr/mail/>.\n"
    [f] = findings_of(text, path="a/guide.fr-ca.md", rule=RULE)
    assert f.column == text.split("\n")[2].index("fr/mail") + 1
    text = "# T\n\n[webmail](https://ssl0.ovh.net/en/) [mail](https://mail.ovh.net/cz/)\n"
    assert findings_of(text, path="a/guide.cs-cz.md", rule=RULE) == []


def test_locale_map_entry_keeps_the_default_keys_it_does_not_name(write):
    cfg = write(".guidelint.yaml", "locale_map:\n  fi-fi: {params: {ovhSubsidiary: ie}}\n")
    text = "# T\n\n[m](https://www.ovh.com/manager/?ovhSubsidiary=ie) [w](https://www.ovh-hosting.fi/x)\n"
    assert findings_of(text, path="a/guide.fi-fi.md", rule=RULE, config=str(cfg)) == []
    text = "# T\n\n[m](https://www.ovh.ie/x)\n"
    assert len(findings_of(text, path="a/guide.fi-fi.md", rule=RULE, config=str(cfg))) == 1


def test_canadian_mail_servers_are_no_country_marker():
    text = "# T\n\n[IMAP](https://imap.mail.ovh.ca/) [x](https://ca.ovh.com/auth/?ovhSubsidiary=qc)\n"
    assert findings_of(text, path="a/guide.en-us.md", rule=RULE)[0].message.count("ca.ovh.com") == 1


def test_no_locale_no_finding():
    assert findings_of(f"# T\n\n[m]({MANAGER_IE})\n", path="a/README.md", rule=RULE) == []


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
