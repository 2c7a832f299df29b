"""The text report shows a window of a long line, so a megabyte line with many findings on it
prints a bounded amount per finding and the caret still sits under the defect."""
from lint.finding import Finding
from lint.reporters import Report, render
from lint.reporters.text import ELLIPSIS, WINDOW


def finding_at(line: str, column: int, width: int) -> Finding:
    return Finding("g.md", 1, column, 1, column + width, "links/broken-anchor", "warning",
                   "no heading", source_line=line)


def shown(line: str, column: int, width: int) -> tuple[str, str]:
    out = render(Report([finding_at(line, column, width)], files=1), "text").splitlines()
    return out[1][4:], out[2][4:]


def test_a_short_line_is_shown_whole():
    assert shown("a [l](#x) b", 3, 7) == ("a [l](#x) b", "  ^" + "~" * 6)


def test_a_long_line_is_cut_around_the_column_and_the_caret_points_at_the_defect():
    links = "".join(f"[l{i}](#x{i})" for i in range(20000))
    column = links.index("[l5000]") + 1
    text, caret = shown(links, column, len("[l5000](#x5000)"))
    assert len(text) <= WINDOW + 2
    assert text.startswith(ELLIPSIS) and text.endswith(ELLIPSIS)
    at = caret.index("^")
    assert text[at:].startswith("[l5000](#x5000)")
    assert caret[at:] == "^" + "~" * (len("[l5000](#x5000)") - 1)


def test_the_start_and_the_end_of_a_long_line_keep_their_own_edge():
    line = "x" * 500
    text, caret = shown(line, 1, 1)
    assert not text.startswith(ELLIPSIS) and text.endswith(ELLIPSIS) and caret == "^"
    text, caret = shown(line, 500, 1)
    assert text.startswith(ELLIPSIS) and not text.endswith(ELLIPSIS)
    assert caret.index("^") == len(text) - 1
