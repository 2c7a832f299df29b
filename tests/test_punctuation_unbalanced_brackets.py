from conftest import findings_of

RULE = "punctuation/unbalanced-brackets"


def found(text, path="a/guide.en-gb.md"):
    return [(f.line, f.column, f.message) for f in findings_of(text, path=path, rule=RULE)]


def test_a_parenthesis_left_after_a_link_is_reported_where_it_is():
    line = "Choose [**Email Pro**](https://www.ovhcloud.com/en-gb/emails/email-pro/)) or MX Plan."
    assert found(f"# T\n\n{line}\n") == [(3, line.index("))") + 2, "')' closes nothing: no '(' before it in this block")]


def test_a_parenthesis_or_bracket_never_closed():
    text = "# T\n\nChoose Rescue (see the [section below](#rescue). Then reboot.\n\n1. Service: ([here Other)\n"
    assert found(text) == [(3, 15, "'(' is never closed in this block"),
                           (5, 14, "'[' is never closed in this block")]


def test_quotes_that_no_quoting_style_pairs():
    french = "Consultez les guides de [premiers pas](#start) » et la suite."
    german = "Lesen Sie den Teil „Weitere Informationen\" dieser Anleitung."
    assert [f[:2] for f in found(f"# T\n\n{french}\n\n{german}\n", "a/guide.fr-fr.md")] == [
        (3, french.index("»") + 1), (5, german.index("„") + 1)]
    [(_, _, message)] = found("# T\n\nKlikkaa ”Tallenna.\n", "a/guide.fi-fi.md")
    assert message == "'”' opens a quote that is never closed (no '”' after it)"


def test_markdown_syntax_smileys_numbering_urls_and_each_languages_quotes_are_not_brackets():
    text = ("# T (beta)\n\n- [link](https://en.wikipedia.org/wiki/Mars_(planet)) and (nested [x](#a))\n"
            "- Steps: a) log in, b) click, 1) done :) ;-)\n"
            "- See https://en.wikipedia.org/wiki/Mercury_(planet) and `f(x`, \\( escaped\n"
            "- “English”, «français» and {placeholder(}\n- „Deutsch“ »dansk«\n- „polski”\n- ”suomi”\n\n"
            "| a (b) | c |\n|---|---|\n| (x) | [y] |\n\n```\n(unclosed in code\n```\n")
    assert found(text) == []


def test_bbcode_left_by_the_old_cms_is_left_to_legacy_residue():
    text = "# T\n\nSyötä salasana [url=”https://www.ovh-hosting.fi/managerv3”]hallintapaneelissa[/url] nyt.\n"
    assert found(text, "a/guide.fi-fi.md") == []
