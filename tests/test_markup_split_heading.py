from conftest import findings_of
from fix_helpers import fixed

RULE = "markup/split-heading"


def test_a_title_wrapped_onto_the_next_line_is_reported_and_joined():
    text = "# T\n\n## Uudelleenohjaus kahteen sähköpostiosoitteeseen \n(B ja C)\nTilanne:\n"
    [f] = findings_of(text, path="a/guide.fi-fi.md", rule=RULE)
    assert (f.line, f.column) == (4, 1) and "continues the heading of line 3" in f.message
    assert fixed(text, RULE, "a/guide.fi-fi.md") == (
        "# T\n\n## Uudelleenohjaus kahteen sähköpostiosoitteeseen (B ja C)\nTilanne:\n")


def test_a_heading_that_stops_on_a_hyphen_or_comma_goes_on_below():
    text = "# T\n\n## Configure the e-mail\nclient\n\nText.\n\n### Ports, hosts,\nand SSL\n"
    assert [f.line for f in findings_of(text, rule=RULE)] == [4, 9]


def test_paragraphs_that_start_under_a_heading_are_not_its_tail():
    text = ("# T\n\n## Step 1\nOpen the settings.\n\n## What is cgi-bin?\ncgi-bin cannot be read from a browser:\n\n"
            "## Ports\n- 993\n\n## Server\nSelect the server\nthen click Next.\n\n## Code\n[/code]\n")
    assert findings_of(text, rule=RULE) == []
