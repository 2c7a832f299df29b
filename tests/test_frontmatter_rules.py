from conftest import findings_of

GOOD = "---\ntitle: Configure Outlook\nslug: configure-outlook\nexcerpt: ''\n---\n\n# Outlook\n"


def test_a_correct_front_matter_gives_no_finding():
    assert [f for f in findings_of(GOOD) if f.rule.startswith("frontmatter/")] == []


def test_yaml_syntax_error_is_reported_at_the_yaml_errors_line():
    text = "---\ntitle: ok\nslug: [unclosed\nexcerpt: x\n---\n"
    [f] = findings_of(text, rule="frontmatter/invalid-yaml")
    assert f.line in (3, 4) and f.severity == "error"


def test_unterminated_front_matter():
    [f] = findings_of("---\ntitle: x\n\n# Heading\n", rule="frontmatter/invalid-yaml")
    assert f.line == 1 and "never closed" in f.message


def test_front_matter_that_is_a_list_is_not_a_mapping():
    [f] = findings_of("---\n- a\n- b\n---\n", rule="frontmatter/invalid-yaml")
    assert "mapping" in f.message


def test_duplicate_key_is_reported_on_the_second_occurrence():
    text = "---\ntitle: Configurer\nslug: a\ntitle: Configure\n---\n"
    [f] = findings_of(text, rule="frontmatter/duplicate-key")
    assert (f.line, f.column) == (4, 1) and "line 2" in f.message


def test_missing_slug_and_title():
    [f] = findings_of("---\nexcerpt: x\n---\n", rule="frontmatter/missing-key")
    assert "'title'" in f.message and "'slug'" in f.message


def test_slug_is_not_required_in_the_format_that_replaced_it_with_updated():
    text = "---\ntitle: T\nupdated: 2024-01-19\n---\n"
    assert findings_of(text, rule="frontmatter/missing-key") == []


def test_a_readme_without_front_matter_is_not_a_guide():
    assert findings_of("# Readme\n", path="docs/README.md", rule="frontmatter/missing-key") == []
    assert findings_of("# Guide\n", path="docs/guide.fi-fi.md", rule="frontmatter/missing-key") != []


def test_bad_values():
    text = ("---\ntitle: T\nslug: Configure Outlook\ndeprecated: 'yes'\n"
            "legacy_guide_number: x12\norder: 08\n---\n")
    found = {f.line: f.message for f in findings_of(text, rule="frontmatter/bad-value")}
    assert sorted(found) == [3, 4, 5]
    assert "slug" in found[3] and "true or false" in found[4] and "g1234" in found[5]


def test_unknown_key_suggests_the_closest_known_key():
    [f] = findings_of("---\ntitel: T\nslug: s\ntitle: T\n---\n", rule="frontmatter/unknown-key")
    assert (f.line, f.column, f.end_column) == (2, 1, 6) and "did you mean 'title'" in f.message


def test_deprecated_guide_is_reported_as_info_at_the_key():
    [f] = findings_of("---\ntitle: T\nslug: s\ndeprecated: true\n---\n", rule="frontmatter/deprecated")
    assert (f.line, f.column, f.severity) == (4, 1, "info")
    assert findings_of("---\ntitle: T\nslug: s\ndeprecated: false\n---\n", rule="frontmatter/deprecated") == []


def test_skip_deprecated_checks_nothing_else(write):
    config = write(".guidelint.yaml", "skip_deprecated: true\n")
    text = "---\ntitle: T\nslug: s\ndeprecated: true\n---\n\nSome  text.\n"
    found = findings_of(text, path=str(config.parent / "guide.en-gb.md"), config=str(config))
    assert [f.rule for f in found] == ["frontmatter/deprecated"]


def test_an_unclosed_quote_is_reported_where_it_opens():
    text = "---\ntitle: 'Scheduling tasks\nslug: s\n---\n"
    [f] = findings_of(text, rule="frontmatter/invalid-yaml")
    assert (f.line, f.column) == (2, 8) and "quoted scalar" in f.message
