from lint.document import Document
from lint.pipe_rows import cells, is_delimiter_row, looks_like_row, split_cells


def test_cells_carry_their_offset_in_the_row():
    assert cells("|Portti|995|") == [(1, "Portti"), (8, "995")]
    assert cells("|a|b|c  ") == [(1, "a"), (3, "b"), (5, "c")]


def test_outer_pipes_are_optional():
    assert split_cells("a | b") == ["a ", " b"]
    assert split_cells("|a|b|") == ["a", "b"]


def test_escaped_pipes_and_pipes_in_code_spans_do_not_split():
    assert split_cells(r"|x \| y|escaped|") == [r"x \| y", "escaped"]
    assert split_cells("|`a|b`|``c|d``|") == ["`a|b`", "``c|d``"]
    # a backslash before the last pipe escapes itself, not the pipe
    assert split_cells("|a|\\\\|") == ["a", "\\\\"]


def test_rows_and_delimiter_rows_inside_block_quotes():
    assert looks_like_row("> |a|b|") and not looks_like_row("> | one cell")
    assert is_delimiter_row("> |---|:-:|") and not is_delimiter_row("|---|x|")


def test_document_memo_computes_once_per_document():
    calls = []

    def count_lines(doc):
        calls.append(doc.path)
        return len(doc.lines)

    doc = Document.from_text("a\nb\n", "guide.fi-fi.md")
    assert doc.memo(count_lines) == doc.memo(count_lines) == 2
    assert calls == ["guide.fi-fi.md"]
