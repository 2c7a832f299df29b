import lint
from conftest import findings_of

RULE = "links/missing-image"


def check(path):
    return [f for f in lint.check_paths([str(path)]) if f.rule == RULE]


def test_missing_file_and_wrong_case_are_reported_with_a_suggestion(write):
    write("g/images/img_1501.jpg", b"")
    write("g/images/img_1502.png", b"")
    guide = write("g/guide.fi-fi.md", "# T\n\n![](images/img_1501.JPG){.thumbnail}\n\n![](images/img_1503.png)\n\n"
                                      "![](images/img_1502.png)\n")
    first, second = check(guide)
    assert (first.line, first.column) == (3, 5)
    assert "did you mean 'images/img_1501.jpg'" in first.message
    assert (second.line, "no such file" in second.message) == (5, True)


def test_urls_absolute_paths_and_existing_files_are_fine(write):
    write("g/images/a b.png", b"")
    guide = write("g/guide.en-gb.md", "# T\n\n![](https://x.org/a.png) ![](data:image/png;base64,AAAA) "
                                      "![](/images/site.png) ![](images/a%20b.png) ![](<images/a b.png>)\n")
    assert check(guide) == []


def test_a_guide_copied_without_any_of_its_images_is_not_reported(write):
    guide = write("lone/guide.fi-fi.md", "# T\n\n![](images/img_1501.jpg)\n\n![](images/img_1502.jpg)\n")
    assert check(guide) == []
    # ...but a wrong folder next to images that are found is
    write("lone/images/img_1502.jpg", b"")
    guide.write_text("# T\n\n![](imgaes/img_1501.jpg)\n\n![](images/img_1502.jpg)\n")
    [f] = check(guide)
    assert "no such folder" in f.message


def test_text_without_a_file_behind_it_is_skipped():
    assert findings_of("# T\n\n![](images/nothing.png)\n", path="nowhere/guide.fi-fi.md", rule=RULE) == []
