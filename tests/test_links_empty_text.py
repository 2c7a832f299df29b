from conftest import findings_of
from lint.config import Config

RULE = "links/empty-text"


def test_empty_and_blank_link_texts_are_reported_at_the_bracket():
    text = "# T\n\nLöydät tästä [](https://fi.wikipedia.org/wiki/SSH).\n\n- []({legacy}1175)\n\nKatso [ ](https://x.fi) ja [**](https://y.fi).\n"
    alone = Config(data={"ignore": ["markup/legacy-residue"]})  # it owns `[]({legacy}1175)` otherwise
    found = findings_of(text, path="a/guide.fi-fi.md", config=alone, rule=RULE)
    assert [(f.line, f.column) for f in found] == [(3, 14), (5, 3), (7, 7)]
    assert "fi.wikipedia.org" in found[0].message and found[0].end_column == 16


def test_images_image_links_and_code_are_not_empty():
    text = ("# T\n\n![](images/shot.png){.thumbnail}\n\n[![](images/logo.png)](https://x.fi) "
            "[`ssh`](https://x.fi) [<img src=\"a.png\">](https://x.fi) <https://x.fi> [ok](https://x.fi)\n\n"
            "```\n[](not a link)\n```\n")
    assert findings_of(text, path="a/guide.fi-fi.md", rule=RULE) == []
