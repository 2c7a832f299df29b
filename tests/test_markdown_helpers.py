"""The string scanners lint.markdown puts in mistune must answer exactly as mistune's own."""
import random

import pytest

from lint import markdown
from lint.document import Document

pytestmark = pytest.mark.skipif(not markdown._use_faster_helpers(),
                                reason="this mistune version keeps its own scanners")

DESTINATIONS = ["(https://docs.ovh.com/fi/emails/)", "(a b)", "(<x y>)", "(a\\)b)", "(a(b)c)", "(a((b)",
                "(\x01)", "(  x)", "(a\\", "(a\\q)", "(" * 30 + ")" * 30, "(\x7f)", "(a\tb)", "((a)\\(b)",
                "(é ü)", "()", "(", "(\\\\)", "(a)\n(b)"]
ROWS = ["| a | b |", "a|b", "| a \\| b | c |", "| a \\\\| b |", "|", "", "\\|", "| x |\\\\\\|y|", "||"]
TEXTS = ["**bold** text", "snake_case_name", "", "*", "no markers", "a*b_c", "__x__"]


def _random_strings(alphabet: str, count: int) -> list[str]:
    rng = random.Random(16)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(count)]


@pytest.mark.parametrize("block", [False, True])
def test_link_destinations_are_scanned_as_mistune_scans_them(block):
    theirs = markdown.MISTUNE_HELPERS["_parse_link_href"]
    for src in DESTINATIONS + ["(" + s for s in _random_strings("ab()\\ \t\n<>\x01\x7f.:/é", 3000)]:
        for start in (0, 1):
            for depth in (2, 20):
                expected = theirs(src, start, block, max_nested_level=depth)
                assert markdown._parse_link_href(src, start, block, max_nested_level=depth) == expected, src


def test_table_rows_are_split_as_mistune_splits_them():
    theirs = markdown.MISTUNE_HELPERS["_split_table_cells"]
    for row in ROWS + _random_strings("ab |\\\\", 3000):
        assert markdown._split_table_cells(row) == theirs(row), row


def test_emphasis_runs_are_found_as_mistune_finds_them():
    theirs = markdown.MISTUNE_HELPERS["_next_delimiter_run"]
    for text in TEXTS + _random_strings("ab*_ ", 1000):
        for pos in range(len(text) + 2):
            assert markdown._next_delimiter_run(text, pos) == theirs(text, pos), (text, pos)


def test_links_cells_and_emphasis_keep_their_meaning():
    doc = Document.from_text("See [the guide](https://example.com/a_(b)_c) and [x](y\\)z).\n\n"
                             "| a \\| b | **c** |\n|---|---|\n| snake_case | *d* |\n")
    assert [link.attrs["url"] for link in doc.walk("link")] == ["https://example.com/a_(b)_c", "y)z"]
    assert [cell.plain_text() for cell in doc.walk("table_cell")] == ["a | b", "c", "snake_case", "d"]
    assert [node.type for node in doc.walk("strong", "emphasis")] == ["strong", "emphasis"]
