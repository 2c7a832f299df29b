from conftest import findings_of


def test_skip_deprecated_checks_nothing_else(write):
    config = write(".guidelint.yaml", "skip_deprecated: true\n")
    text = "---\ntitle: T\nslug: s\ndeprecated: true\n---\n\nSome  text.\n"
    found = findings_of(text, path=str(config.parent / "guide.en-gb.md"), config=str(config))
    assert [f.rule for f in found] == ["frontmatter/deprecated"]
