from conftest import findings_of

RULE = "whitespace/double-space"


def test_disable_next_line_silences_only_the_next_line():
    text = "<!-- guidelint-disable-next-line whitespace/double-space -->\nA  b.\n\nC  d.\n"
    assert [f.line for f in findings_of(text, rule=RULE)] == [4]


def test_disable_and_enable_bracket_a_region_and_families_work():
    text = "A  b.\n\n<!-- guidelint-disable whitespace -->\n\nC  d.\n\n<!-- guidelint-enable whitespace -->\n\nE  f.\n"
    assert [f.line for f in findings_of(text, rule=RULE)] == [1, 9]


def test_disable_without_ids_silences_everything_to_the_end():
    text = "A  b.\n\n<!-- guidelint-disable -->\n\nC  d.\n"
    assert [f.line for f in findings_of(text, rule=RULE)] == [1]


def test_an_unknown_rule_in_a_suppression_is_reported():
    text = "<!-- guidelint-disable-next-line whitespace/double-spaces -->\nA  b.\n"
    found = [f for f in findings_of(text) if f.rule in ("suppressions/unknown-rule", RULE)]
    assert [(f.rule, f.line) for f in found] == [("suppressions/unknown-rule", 1), (RULE, 2)]


def test_a_directive_inside_a_code_block_is_an_example_not_a_directive():
    text = "```\n<!-- guidelint-disable -->\n```\n\nA  b.\n"
    assert [f.line for f in findings_of(text, rule=RULE)] == [5]
