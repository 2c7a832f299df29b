import pytest

from conftest import findings_of
from rules.links.malformed_target import scheme_problem

RULE = "links/malformed-target"


def one(line, path="a/guide.fi-fi.md"):
    found = findings_of(f"# T\n\n{line}\n", path=path, rule=RULE)
    assert len(found) == 1, found
    return found[0]


def test_double_parentheses_are_reported_at_the_destination():
    line = "Salasana [área de cliente]((https://www.ovh.com/auth/?action=gotomanager)) ok."
    f = one(line, "a/guide.es-es.md")
    assert (f.line, f.column) == (3, line.index("((") + 2)
    assert "starts with '('" in f.message


@pytest.mark.parametrize("url", ["htps://x.fi/a", "https//x.fi/a", "http:/x.fi", "https:///x.fi", "hhttps://x.fi"])
def test_scheme_typos(url):
    assert "scheme" in one(f"[x]({url})").message or "//" in one(f"[x]({url})").message


def test_space_and_unbalanced_parenthesis_make_no_link_and_are_found_in_the_text():
    line = "Katso [« Informations »](./#informations-techniques de-votre-hebergement) ici."
    f = one(line)
    assert f.column == line.index("](") + 3 and "space" in f.message
    line = "Katso [Foo](https://en.wikipedia.org/wiki/Foo_(bar) ici."
    assert "unbalanced" in one(line).message


def test_glued_urls_trailing_colon_and_path_in_angle_brackets():
    assert "two URLs" in one("[FTP](http://www.ovh-hosting.fi/https://docs.ovh.com/fi/hosting/)").message
    assert "ends with ':'" in one("[here](https://ssl0.ovh.net/en/:)").message
    f = one("- For Email Pro: </pages/web/emails-pro/first_config>")
    assert f.column == 18 and "autolink needs a scheme" in f.message


def test_well_formed_targets_are_fine():
    text = ("# T\n\n[a](https://x.fi/a(b)c) [b](<images/a b.png>) [c](https://x.fi \"title\") "
            "[d](mailto:a@b.fi) [e](../guide/) [f](https://web.archive.org/web/2020/https://x.fi/) "
            "[g](https://x.fi/?from=https://y.fi/) <https://x.fi> [h](#a) [i]({legacy}12) `[x](a b)`\n\n"
            "```\n[x](a b)\n```\n\n(see [x](https://x.fi)) and a <b>tag</b>\n")
    assert findings_of(text, path="a/guide.fi-fi.md", rule=RULE) == []


def test_scheme_problem_api():
    assert scheme_problem("https://x.fi") is None
    assert scheme_problem("tel:+358") is None
    assert scheme_problem("https::/x") is not None
