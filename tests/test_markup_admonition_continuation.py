from conftest import findings_of
from fix_helpers import fixed

RULE = "markup/admonition-continuation"

LOST = ("# T\n\n> [!primary]\n>\nNote that the names of the network interfaces may differ from your own.\n>\n\n"
        "Text after the box.\n")


def test_a_line_between_an_admonition_and_its_resumed_quote_lost_its_marker():
    [f] = findings_of(LOST, rule=RULE)
    assert (f.line, f.column) == (5, 1) and "box that starts at line 3" in f.message
    assert fixed(LOST, RULE) == LOST.replace("\nNote", "\n> Note")


def test_text_after_a_box_with_only_its_marker_and_lazy_lines_inside_it():
    text = "# T\n\n  > [!warning]\n  Back up your data first.\n\n> [!primary]\n> First line\nsecond line\n"
    assert [f.line for f in findings_of(text, rule=RULE)] == [4, 8]
    assert fixed(text, RULE) == ("# T\n\n  > [!warning]\n  > Back up your data first.\n\n"
                                 "> [!primary]\n> First line\n> second line\n")


def test_a_paragraph_after_a_finished_box_and_plain_quotes_are_fine():
    text = ("# T\n\n> [!primary]\n> Keep your password safe.\n>\nIn the Advanced tab, enter these settings:\n\n"
            "> A quote\nlazily continued.\n\n> [!warning]\n> Careful.\n\n- list\n")
    assert findings_of(text, rule=RULE) == []
