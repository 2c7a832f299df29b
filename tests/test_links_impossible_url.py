from conftest import findings_of
from fix_helpers import fixed

RULE = "links/impossible-url"


def test_a_doubled_scheme_in_prose_and_in_a_link_is_removed():
    text = "# T\n\nKirjaudu: https://https://www.ovh.com/manager/ tai [tästä](http://http://www.ovh-hosting.fi/).\n"
    found = findings_of(text, path="a/guide.fi-fi.md", rule=RULE)
    assert sorted((f.line, f.column) for f in found) == [(3, 11), (3, text.split("\n")[2].index("http://http") + 1)]
    assert fixed(text, RULE, "a/guide.fi-fi.md") == (
        "# T\n\nKirjaudu: https://www.ovh.com/manager/ tai [tästä](http://www.ovh-hosting.fi/).\n")


def test_a_space_inside_the_scheme_and_www_glued_to_a_word():
    line = "Go to https: //www.ovh.com/ or https:// www.ovh.com/manager/ on sivullawww.ovh-hosting.fi."
    text = f"# T\n\n{line}\n"
    assert [f.column for f in findings_of(text, rule=RULE)] == [line.index(u) + 1 for u in ("https: //", "https:// www", "www.ovh-h")]
    assert fixed(text, RULE) == ("# T\n\nGo to https://www.ovh.com/ or https://www.ovh.com/manager/ "
                                 "on sivulla www.ovh-hosting.fi.\n")


def test_good_urls_a_bare_scheme_and_code_are_fine():
    text = ("# T\n\nType https:// and then www.ovh.com, see http://a.fi/https://b (another rule's), "
            "[x](https://web.archive.org/web/2019/https://ovh.com) and `https://https://x`.\n\n"
            "```\ncurl https ://x\n```\n")
    assert findings_of(text, rule=RULE) == []
