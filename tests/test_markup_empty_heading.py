from conftest import findings_of

RULE = "markup/empty-heading"


def test_a_hash_line_and_a_heading_of_markup_only_are_reported():
    text = "# Opas\n\n##\n\nVoit nyt määrittää ohjelman.\n\n### ** **\n\n## {#vaihe-2}\n"
    found = findings_of(text, path="a/guide.fi-fi.md", rule=RULE)
    assert [(f.line, f.column, f.message) for f in found] == [
        (3, 1, "level-2 heading has no text"), (7, 1, "level-3 heading has no text"),
        (9, 1, "level-2 heading has no text")]


def test_headings_with_text_or_an_image_and_hashes_in_code_are_fine():
    text = "# Opas\n\n## Vaihe 2 {#vaihe-2}\n\n#### ![logo](images/logo.png)\n\n```sh\n#\n```\n\n#hashtag\n"
    assert findings_of(text, path="a/guide.fi-fi.md", rule=RULE) == []
