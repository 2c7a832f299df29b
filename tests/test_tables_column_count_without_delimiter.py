from conftest import findings_of

RULE = "tables/column-count"


def test_rows_without_a_delimiter_row_are_counted_against_their_first_row():
    text = "# T\n\n|Ports|On|Off|\n|Incoming|993|143|\n|Outgoing|465|5|87|\n"
    assert [(f.line, f.message) for f in findings_of(text, rule=RULE)] == [(5, "row has 4 cells, the header has 3")]


def test_a_first_row_narrower_than_most_rows_below_it_is_reported_once():
    text = ("# T\n\n|354| Palvelin on vastaanottanut osoitteet\n|420|Toimitusaika ylittyi|Yhteysongelma.|\n"
            "|421|Palvelu ei saatavilla|Viestikanava sulkeutuu.|\n|449|Reititysvirhe|Exchange.|\n")
    [f] = findings_of(text, path="a/guide.fi-fi.md", rule=RULE)
    assert (f.line, f.column) == (3, 1)
    assert f.message.startswith("first row has 2 cells but 3 of the 3 rows below have 3")
