"""Every node carries the line and column of the ORIGINAL file (hand-counted here)."""
from lint.document import Document


def doc(text, path="guide.en-gb.md"):
    return Document.from_bytes(text.encode("utf-8") if isinstance(text, str) else text, path)


def span(node):
    return (node.line, node.column, node.end_line, node.end_column)


def first(d, kind):
    return next(d.walk(kind))


def test_front_matter_offsets_the_body():
    d = doc("---\ntitle: T\n---\n\n# Heading\n\nSee [here](#x).\n")
    assert span(first(d, "heading")) == (5, 1, 5, 10)
    assert span(first(d, "link")) == (7, 5, 7, 15)
    assert d.frontmatter.key_lines["title"] == (2, 1)


def test_crlf_lines_have_the_same_columns_as_lf():
    d = doc(b"---\r\ntitle: T\r\n---\r\n\r\nText with a [link](u) here.\r\n")
    link = first(d, "link")
    assert span(link) == (5, 13, 5, 22)
    assert d.lines[4] == "Text with a [link](u) here."


def test_mixed_and_lone_cr_line_endings_each_end_a_line():
    d = doc(b"a\r\nb\rc\n\n`code` x\n")
    assert d.lines[:3] == ("a", "b", "c")
    assert span(first(d, "codespan")) == (5, 1, 5, 7)


def test_a_utf8_bom_is_not_a_column():
    d = doc(b"\xef\xbb\xbf# Title\n\nA [b](c)\n")
    assert span(first(d, "heading")) == (1, 1, 1, 8)
    assert span(first(d, "link")) == (3, 3, 3, 9)


def test_tabs_count_as_one_column():
    d = doc("Word\tand [x](y)\n")
    assert first(d, "link").column == 10


def test_non_ascii_columns_are_characters_not_bytes():
    d = doc("Syötä ensimmäisenn [kenttään](u)\n")
    assert first(d, "link").column == 20


def test_inline_nodes_inside_nested_block_quotes():
    d = doc("> outer\n>\n> > inner *em* and [l](u)\n")
    assert span(first(d, "emphasis")) == (3, 11, 3, 15)
    assert span(first(d, "link")) == (3, 20, 3, 26)


def test_inline_nodes_inside_nested_lists():
    text = "1. one\n2. two\n   - nested `code`\n     continued [l](u)\n"
    d = doc(text)
    assert span(first(d, "codespan")) == (3, 13, 3, 19)
    assert span(first(d, "link")) == (4, 16, 4, 22)
    items = list(d.walk("list_item"))
    assert [(i.line, i.column) for i in items] == [(1, 1), (2, 1), (3, 4)]


def test_list_inside_block_quote_inside_list():
    d = doc("- item\n\n  > quote with [l](u)\n  > - inner **b**\n")
    assert span(first(d, "link")) == (3, 16, 3, 22)
    assert span(first(d, "strong")) == (4, 13, 4, 18)


def test_table_rows_and_cells():
    d = doc("|a|bb|\n|---|---|\n|1|[x](y)|\n")
    rows = list(d.walk("table_row"))
    assert [r.line for r in rows] == [1, 3]
    cells = list(d.walk("table_cell"))
    assert [(c.line, c.column) for c in cells] == [(1, 2), (1, 4), (3, 2), (3, 4)]
    assert span(first(d, "link")) == (3, 4, 3, 10)


def test_code_block_and_heading_positions():
    d = doc("# T\n\n```sh\nls -l\n```\n\nAfter\n")
    code = first(d, "block_code")
    assert (code.line, code.end_line, code.text) == (3, 5, "ls -l\n")
    assert first(d, "paragraph").line == 7


def test_admonitions_and_attribute_lists_are_not_prose():
    d = doc("> [!warning]\n> Careful.\n\n![](img.png){.thumbnail}\n\n[l](u){.external} text\n")
    quote = first(d, "block_quote")
    assert quote.attrs["admonition"] == "warning"
    prose = [n.text for n in d.prose_text_nodes()]
    assert "[!warning]" not in prose and "{.thumbnail}" not in prose and "{.external}" not in prose
    assert " text" in prose


def test_escaped_characters_keep_positions():
    d = doc("A \\*literal\\* star and [l](u)\n")
    assert first(d, "link").column == 24


def test_heading_with_explicit_id():
    d = doc("## Set up {#setup}\n")
    assert first(d, "heading").attrs["id"] == "setup"


def test_setext_heading_spans_its_underline():
    d = doc("Title\n=====\n\ntext\n")
    assert span(first(d, "heading"))[:3] == (1, 1, 2)


def test_indented_code_is_placed_where_it_is():
    d = doc("# T\n\ntext\n\n    indented  code\n    more\n\nafter\n")
    assert span(first(d, "block_code"))[:3] == (5, 1, 6)
    assert d.code_lines == frozenset({5, 6})
