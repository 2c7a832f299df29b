from conftest import findings_of

RULE = "links/missing-image"


def test_text_without_a_file_behind_it_is_skipped():
    assert findings_of("# T\n\n![](images/nothing.png)\n", path="nowhere/guide.fi-fi.md", rule=RULE) == []
