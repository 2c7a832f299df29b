from conftest import findings_of

RULE = "links/missing-space"


def test_link_glued_on_both_sides_gives_two_findings_with_fixes():
    line = "Salasana: salasana, jonka määrittelit[hallintapaneelissa](https://www.ovh.com/manager/)OVH:n sähköpostitilille."
    before, after = findings_of(f"# T\n\n{line}\n", path="a/guide.fi-fi.md", rule=RULE)
    assert (before.line, before.column) == (3, line.index("[") + 1)
    assert (after.line, after.column) == (3, line.index("OVH:n") + 1)
    assert before.edits[0].replacement == " " and before.edits[0].column == before.column
    assert after.edits[0].column == after.column and "OVH" in after.message


def test_image_glued_and_word_after_an_attribute_list():
    text = "# T\n\nKuva![](images/a.png) ja [linkki](https://x.fi){.external}sana.\n"
    found = findings_of(text, path="a/guide.fi-fi.md", rule=RULE)
    assert [(f.line, f.column) for f in found] == [(3, 5), (3, text.split("\n")[2].index("sana.") + 1)]


def test_punctuation_case_endings_emphasis_and_quotes_are_fine():
    text = ("# T\n\n[OVH](https://ovh.com):n palvelut, (katso [ohje](https://x.fi)), \"[a](b)\" ja "
            "**[lihava](https://x.fi)**, polku/[x](y) ja [E-mail Pro](https://x.fi)-tili.\n\n"
            "- [Lista](https://x.fi)\n\n![](images/a.png){.thumbnail}\n\nosoitteessa <https://x.fi>.\n")
    assert findings_of(text, path="a/guide.fi-fi.md", rule=RULE) == []


def test_languages_without_spaces_are_exempt():
    text = "# T\n\n設定は[管理画面](https://x.jp)から行います。\n"
    assert findings_of(text, path="a/guide.ja-jp.md", rule=RULE) == []
    assert len(findings_of(text.replace("設定は", "Asetus"), path="a/guide.fi-fi.md", rule=RULE)) == 2


def test_glued_link_inside_a_list_item_points_at_the_original_column():
    [f] = findings_of("# T\n\n- Ohje:katso[tästä](https://x.fi)\n", path="a/guide.fi-fi.md", rule=RULE)
    assert (f.line, f.column) == (3, 13)


def test_space_inside_the_link_text_is_moved_out():
    line = "Connectez-vous à[ l'espace client OVHcloud](https://www.ovh.com/manager/)."
    [f] = findings_of(f"# T\n\n{line}\n", path="a/guide.fr-fr.md", rule=RULE)
    assert f.column == line.index("[") + 1 and "inside the link text" in f.message
    [edit] = f.edits
    assert (edit.column, edit.end_column, edit.replacement) == (f.column, f.column + 2, " [")


def test_autolinks_glued_to_words():
    line = "Webmail osoitteessa<https://www.ovh.it/mail/>corrispondente."
    before, after = findings_of(f"# T\n\n{line}\n", path="a/guide.it-it.md", rule=RULE)
    assert (before.column, after.column) == (line.index("<") + 1, line.index(">") + 2)
