from conftest import findings_of

RULE = "whitespace/double-space"


def test_two_spaces_between_words_are_reported_at_the_first_space():
    [f] = findings_of("# T\n\nPortit 995 ja 465 vastaavat  aktivoitua SSL-suojausta.\n", rule=RULE)
    assert (f.line, f.column, f.end_column) == (3, 28, 30)
    assert f.fixable


def test_indentation_hard_breaks_tables_and_code_are_not_prose():
    text = ("# T\n\nA hard break  \nnext line.\n\n"
            "| a  | b   |\n|----|-----|\n| x  | y   |\n\n"
            "```\nlet  x = 1\n```\n\n`a  b` and\n\n1.  Allowed marker spacing\n")
    assert findings_of(text, rule=RULE) == []


def test_double_space_inside_a_blockquote_points_at_the_original_column():
    [f] = findings_of("# T\n\n> [!primary]\n> Some  text.\n", rule=RULE)
    assert (f.line, f.column) == (4, 7)


def test_double_spaces_next_to_bold_code_and_links_are_prose_too():
    text = "Choisissez  **POP** puis  `Ajouter` et  [lien](u).\n"
    assert [f.column for f in findings_of(text, rule=RULE)] == [11, 25, 39]


def test_a_list_item_whose_line_has_trailing_spaces_keeps_its_line():
    text = "- a\n- b :  c  \n\n\n> q\n"
    [f] = findings_of(text, rule=RULE)
    assert (f.line, f.column) == (2, 6)
