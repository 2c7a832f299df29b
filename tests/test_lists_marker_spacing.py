from conftest import findings_of

RULE = "lists/marker-spacing"
FI = "pages/web/emails/guide/guide.fi-fi.md"


def spots(text, path=FI):
    return [(f.line, f.column, f.end_column) for f in findings_of(text, path=path, rule=RULE)]


def test_dash_glued_to_the_text_next_to_real_items_is_reported_with_a_fix():
    text = ("# T\n\n- Nimi: postituslistasi nimi\n- Omistaja: omistajan osoite\n\n"
            "-Vastaus: määritä vastausosoite\n-Kieli: valitse kieli\n\n- Jäsenet: kirjaukset\n")
    found = findings_of(text, path=FI, rule=RULE)
    assert [(f.line, f.column, f.end_column) for f in found] == [(6, 1, 2), (7, 1, 2)]
    assert [(e.line, e.column, e.replacement) for e in found[0].edits] == [(6, 2, " ")]


def test_link_item_two_blank_lines_after_its_siblings():
    text = "# T\n\n- [Windows 8](https://example.fi/w8)\n\n\n-[Windows Phone](https://example.fi/wp)\n"
    assert spots(text) == [(6, 1, 2)]


def test_numbered_lines_glued_to_their_marker_form_their_own_context():
    text = ("# T\n\n1.Vardas: Įveskite vardą;\n2.El. pašto adresas: Visas adresas;\n\n"
            "3.Paskyros tipas: POP3\n")
    assert spots(text, path="x/guide.lt-lt.md") == [(3, 1, 3), (4, 1, 3), (6, 1, 3)]


def test_glued_marker_inside_a_blockquote_points_at_the_marker():
    text = "# T\n\n> [!primary]\n>\n> - Yksi kohta\n> -Toinen kohta\n"
    assert spots(text) == [(6, 3, 4)]


def test_dot_used_as_a_bullet_on_consecutive_lines():
    text = ("# T\n\nKansio näkyy samassa puussa kuin seuraavat kansiot:\n"
            ". Drafts: Luonnokset\n. Junk: Roskaposti\n")
    found = findings_of(text, path=FI, rule=RULE)
    assert [(f.line, f.column) for f in found] == [(4, 1), (5, 1)]
    assert found[0].edits[0].replacement == "-"


def test_empty_item_whose_text_went_to_the_next_line():
    text = ("# T\n\n> [!success]\n>\n> - \n> Vous avez la possibilité d'enregistrer.\n"
            "> - \n> Si vous ne connaissez pas vos identifiants.\n")
    assert spots(text, path="x/guide.fr-fr.md") == [(5, 3, 4), (7, 3, 4)]


def test_first_item_that_lost_its_marker():
    text = ("# T\n\n## Voraussetzungen\n\n Sie sind Administrator eines Servers.\n"
            "- Sie können die DNS-Zone verwalten.\n")
    assert spots(text, path="x/guide.de-de.md") == [(5, 1, 2)]


def test_a_lone_glued_line_far_from_any_list_is_not_reported():
    assert spots("# T\n\nText here.\n\n-Kieli: valitse kieli\n\nMore text.\n") == []


def test_what_looks_like_a_glued_marker_but_is_fine():
    text = (
        "# T\n\n"
        "1.  Text with the two spaces CommonMark allows\n2.    Four spaces\n"
        "-  Two spaces after a dash\n\n"
        "- -A --append: appends a rule\n- --dport: destination port\n"
        "-A chain rules follow\n-rf removes recursively\n--option value\n\n"
        "- item\n-1 is a negative number\n-5 °C outside\n1.5 is a decimal\n18.4.2018 is a date\n\n"
        "- item\n**bold** line\n*Notez qu'il vous est possible*\n\n---\n\n"
        "## 2.Vaihe: Tilien hallinta\n\n"
        "- item\n1\\. Switch to a fixed IP\n\\- Port 21\n\n"
        "- 1. Text in a bullet\n - one-space indented item\n\n"
        "| a | b |\n|---|---|\n|-x | 1.Name |\n\n"
        "```\n- item\n-Text in code\n1.Name\n```\n\n"
        "Title\n-\n\nText.\n\n"
        "Sie benötigen:\n- ein Konto\n\n"
        "<div>\n- item\n-Text in HTML\n</div>\n"
    )
    assert spots(text) == []


CORPUS_EXPECTED = {
    # line numbers people found reading these guides (/tmp/research ground truth), nothing else
    "web/emails/email_roundcube/guide.fi-fi.md": {207, 208, 209, 210, 241, 242, 243, 244, 245, 246},
    "web/emails/feature_mailing_list/guide.fi-fi.md": {42, 43, 44},
    "web/emails/how_to_configure_outlook_2010/guide.lt-lt.md": {39, 40, 42, 43, 44, 46, 47, 110, 111, 112},
    "web/emails/how_to_configure_outlook_2010/guide.fr-fr.md": set(),  # `1.` on every item is fine
    "web/emails/email_roundcube/guide.en-gb.md": set(),  # 4-space nested sub-items
}


def test_real_guides_get_exactly_their_broken_list_lines(corpus):
    import lint
    from lint.config import Config
    for rel, lines in CORPUS_EXPECTED.items():
        found = lint.check_paths([str(corpus / "ovh-docs/pages" / rel)], config=Config(data={"select": [RULE]}))
        assert {f.line for f in found} == lines, rel
