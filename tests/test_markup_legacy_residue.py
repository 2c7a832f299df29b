import pytest

from conftest import findings_of

RULE = "markup/legacy-residue"
FI = "pages/web/emails/guide/guide.fi-fi.md"


def one(text, path=FI, config=None):
    found = findings_of(text, path=path, rule=RULE, config=config)
    assert len(found) == 1, found
    return found[0]


def test_bbcode_link_says_which_markdown_link_it_meant():
    f = one("# T\n\nKirjaudu [url=”https://www.ovh-hosting.fi/managerv3”]hallintapaneelissa[/url] nyt.\n")
    assert (f.line, f.column, f.end_column) == (3, 10, 78)
    assert "[hallintapaneelissa](https://www.ovh-hosting.fi/managerv3)" in f.message
    assert f.edits == ()


def test_bbcode_link_with_colour_tags_inside_is_one_finding_and_strips_them():
    f = one("# T\n\nVer [url=#etapa_3][blue]etapa 3[/blue][/url].\n", path="x/guide.es-es.md")
    assert f.column == 5
    assert "[etapa 3](#etapa_3)" in f.message


def test_half_converted_bbcode_link_without_its_opening_bracket():
    f = one('# T\n\nUse url="#cyberduck_ftp]FTP[/url] to connect.\n', path="x/guide.en-gb.md")
    assert f.column == 5
    assert "[FTP](#cyberduck_ftp)" in f.message


@pytest.mark.parametrize("line, column, tag", [
    ("Käynnistä ensin Thunderbird[/ blue].", 28, "[/blue]"),
    ("wordt geconfigureerd in POP[/ b] op een Nokia.", 28, "[/b]"),
    ("SMTP-vastaus koostuu kolminumeroisesta[/lue] luvusta.", 39, "[/lue]"),
    ("Klikkaa Open[/orange ] ja jatka.", 13, "[/orange]"),
])
def test_closing_tags_and_their_spaced_forms(line, column, tag):
    f = one(f"# T\n\n{line}\n")
    assert (f.line, f.column) == (3, column)
    assert tag in f.message


def test_broken_halves_of_tags():
    text = ("# T\n\n"
            "Klikkaa blue]\"Manuaalinen konfiguraatio\" jatkaaksesi.\n\n"   # 3:9
            "Palvelimen osoite on SSL0.OVH.NET. b]”Portti” on 465.\n\n"      # 5:36
            "SSL włączonym/green] lub wyłączonym.\n\n"                       # 7:14
            "/!\\]/b] Kuten kuvakaappauksesta näkyy.\n")                     # 9:1 and 9:5
    found = findings_of(text, path=FI, rule=RULE)
    assert [(f.line, f.column) for f in found] == [(3, 9), (5, 36), (7, 14), (9, 1), (9, 5)]
    assert "bold" in found[1].message
    assert "[!warning]" in found[3].message


def test_half_tag_glued_to_the_next_word_inside_brackets():
    f = one("# T\n\nValitse ([tässä esimerkissä i]OVH Webhotelli) listasta.\n")
    assert (f.line, f.column) == (3, 29)
    assert "italic" in f.message


def test_colour_tag_that_replaced_a_link_text():
    f = one("# T\n\n- [blue]](https://www.ovh-hosting.fi/g1287.konfigurointi-mail-macos)\n")
    assert (f.line, f.column, f.end_column) == (3, 3, 9)
    assert "colour" in f.message


def test_legacy_guide_placeholders_in_link_targets_and_angle_brackets():
    text = "# T\n\n- []({legacy}1596).\n\nLue [täällä]({legacy}1302).\n\nPréférez FileZilla : <legacy:1380>\n"
    found = findings_of(text, path=FI, rule=RULE)
    assert [(f.line, f.column, f.end_column) for f in found] == [(3, 6, 18), (5, 14, 26), (7, 22, 35)]
    assert "1596" in found[0].message and "1380" in found[2].message


def test_misplaced_dot_of_an_attribute_list_is_a_placeholder():
    f = one("# T\n\nClick the `Network`.{action} menu.\n", path="x/guide.en-gb.md")
    assert f.column == 21
    assert "{.action}" in f.message


def test_positions_inside_blockquotes_and_after_multibyte_text():
    f = one("# T\n\n> [!primary]\n> Ääkköset ensin: Thunderbird[/ blue].\n")
    assert (f.line, f.column) == (4, 30)


def test_repository_patterns_extend_the_list(write):
    cfg = write(".guidelint.yaml", "rules:\n  markup/legacy-residue:\n    patterns:\n"
                "      - {name: comment-junk, regex: '!-{3,}>', message: 'comment marker junk {match}'}\n")
    text = "# T\n\nCall \"!---->http://example.ovh/cron.php\" daily.\n"
    assert findings_of(text, path="x/guide.en-gb.md", rule=RULE) == []
    f = one(text, path="x/guide.en-gb.md", config=str(cfg))
    assert f.column == 7 and f.message == "comment marker junk !---->"


def test_what_looks_like_residue_but_is_fine_is_not_reported():
    text = (
        "---\ntitle: '{legacy} in front matter is not text'\n---\n\n# T\n\n"
        "![](images/img_1501.jpg){.thumbnail}\n\n"
        "Click `Bare Metal Cloud`{.action} then [Webmail](https://webmail.ovh.net){.external}.\n\n"
        "![kuva](images/a.png){.thumbnail .w-640} and [x](y){.ref}\n\n"
        "## Heading {#custom-id}\n\n"
        "> [!primary]\n> Note.\n\n"
        "> [!api]\n>\n> @api {v1} /ip POST /ip/{ip}/park\n>\n\n"
        "The array shows [UU], [F], [SWAP] and [+]; the subject gets [spam] prepended.\n\n"
        "See [Part b](https://example.com/b) and [hébergement web](https://example.com/){.external}.\n\n"
        "```\n[b]code[/b] {legacy}1234 [url=x]y[/url]\n```\n\n"
        "Inline `[/url]` and `{name}` are code.\n\n"
        "<!-- [/url] in a comment -->\n\n"
        "<style>\ndetails>summary{cursor:pointer}\n</style>\n\n"
        "Pick a value in [a, b] or [0, b], the folder [photos/b] and [Option i].\n\n"
        "Prices {2} and ${HOME}, {{ template }} and 1/i\\n are not CMS markup.\n"
    )
    assert findings_of(text, path=FI, rule=RULE) == []


CORPUS_EXPECTED = {
    # line numbers people found reading these guides (/tmp/research ground truth), nothing else
    "web/emails/how_to_configure_windows_8/guide.fi-fi.md": {45, 59, 65, 152},
    "web/emails/email_roundcube/guide.fi-fi.md": {109, 223, 384},
    "web/emails/advanced_use_email/guide.fi-fi.md": {52, 64, 75, 97, 108, 203},
    "web/emails/how_to_configure_windows_10/guide.en-gb.md": set(),
    "web/emails/how_to_configure_android/guide.fr-ca.md": set(),
}


def test_real_guides_get_exactly_their_residue(corpus):
    import lint
    from lint.config import Config
    for rel, lines in CORPUS_EXPECTED.items():
        found = lint.check_paths([str(corpus / "ovh-docs/pages" / rel)], config=Config(data={"select": [RULE]}))
        assert {f.line for f in found} == lines, rel
