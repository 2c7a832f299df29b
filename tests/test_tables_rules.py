from conftest import findings_of

MISSING = "# Ports\n\n|Portti|SSL aktivoitu|SSL deaktivoitu|\n|Saapuva|995|110|\n|Lähtevä|465|587|\n"


def test_rows_without_delimiter_are_reported_at_the_first_row_with_a_fix():
    [f] = findings_of(MISSING, rule="tables/missing-delimiter")
    assert (f.line, f.column) == (3, 1)
    [edit] = f.edits
    assert (edit.line, edit.column) == (3, len("|Portti|SSL aktivoitu|SSL deaktivoitu|") + 1)
    assert edit.replacement == "\n|---|---|---|"


def test_a_real_table_and_a_single_piped_line_are_fine():
    text = ("|a|b|\n|---|:-:|\n|1|2|\n\nA sentence with | one pipe | inside.\n\n"
            "```\n|x|y|\n|1|2|\n```\n")
    assert findings_of(text, rule="tables/missing-delimiter") == []


def test_rows_inside_a_block_quote_keep_their_prefix_in_the_fix():
    [f] = findings_of("> |a|b|\n> |1|2|\n", rule="tables/missing-delimiter")
    assert f.column == 3 and f.edits[0].replacement == "\n> |---|---|"


def test_fix_uses_the_files_line_ending():
    [f] = findings_of(MISSING.replace("\n", "\r\n"), rule="tables/missing-delimiter")
    assert f.edits[0].replacement == "\r\n|---|---|---|"


COUNTS = "|Ports|On|Off|\n|---|---|---|\n|Incoming|993|\n|Outgoing|465|587|\n|X|1|2|3|\n"


def test_column_count_reports_rows_whose_extra_cells_are_dropped():
    found = [(f.line, f.message) for f in findings_of(COUNTS, rule="tables/column-count")]
    assert found == [(5, "row has 4 cells, the header has 3")]


def test_short_rows_are_reported_when_asked(write):
    config = write(".guidelint.yaml", "rules:\n  tables/column-count: {report_short_rows: true}\n")
    found = findings_of(COUNTS, path=str(config.parent / "g.en-gb.md"), config=str(config),
                        rule="tables/column-count")
    assert [f.line for f in found] == [3, 5]


def test_escaped_pipes_and_code_spans_do_not_split_cells():
    text = "|Cmd|Meaning|\n|---|---|\n|`a|b`|pipe in code|\n|x \\| y|escaped|\n"
    assert findings_of(text, rule="tables/column-count") == []
