"""The link destination scanner lint.markdown puts in mistune must answer exactly as mistune's."""
import random

import pytest

from lint import markdown
from lint.document import Document

pytestmark = pytest.mark.skipif(not markdown._use_faster_helpers(),
                                reason="this mistune version keeps its own scanner")

CASES = ["(https://docs.ovh.com/fi/emails/)", "(a b)", "(<x y>)", "(a\\)b)", "(a(b)c)", "(a((b)",
         "(\x01)", "(  x)", "(a\\", "(a\\q)", "(" * 30 + ")" * 30, "(\x7f)", "(a\tb)", "((a)\\(b)",
         "(é ü)", "()", "(", "(\\\\)", "(a)\n(b)"]


def _random_destinations(count: int) -> list[str]:
    rng = random.Random(16)
    alphabet = "ab()\\ \t\n<>\x01\x7f.:/é"
    return ["(" + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(count)]


@pytest.mark.parametrize("block", [False, True])
def test_link_destinations_are_scanned_as_mistune_scans_them(block):
    for src in CASES + _random_destinations(3000):
        for start in (0, 1):
            for depth in (2, 20):
                ours = markdown._parse_link_href(src, start, block, max_nested_level=depth)
                theirs = markdown._MISTUNE_PARSE_LINK_HREF(src, start, block, max_nested_level=depth)
                assert ours == theirs, (src, start, depth)


def test_a_link_with_parentheses_in_its_url_keeps_its_destination():
    doc = Document.from_text("See [the guide](https://example.com/a_(b)_c) and [x](y\\)z).\n")
    links = list(doc.walk("link"))
    assert [link.attrs["url"] for link in links] == ["https://example.com/a_(b)_c", "y)z"]
    assert [link.attrs["dest_raw"] for link in links] == ["https://example.com/a_(b)_c", "y\\)z"]
