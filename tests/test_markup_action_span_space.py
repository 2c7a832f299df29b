from conftest import findings_of
from fix_helpers import fixed

RULE = "markup/action-span-space"


def test_spaces_inside_ui_labels_are_reported_and_removed():
    line = "Cliquez sur `Suivant `{.action}, puis sur ` Configurer le firewall`{.action} (2)."
    text = f"# T\n\n{line}\n"
    found = findings_of(text, path="a/guide.fr-fr.md", rule=RULE)
    assert [f.column for f in found] == [line.index("`Suivant") + 1, line.index("` Conf") + 1]
    assert "write `Suivant`" in found[0].message
    assert fixed(text, RULE, "a/guide.fr-fr.md") == (
        "# T\n\nCliquez sur `Suivant`{.action}, puis sur `Configurer le firewall`{.action} (2).\n")


def test_a_leading_space_glued_to_the_text_before_moves_out_of_the_label():
    text = "# T\n\n1. Go to `Control Panel`{.action}>` Network and Internet`{.action}.\n"
    assert fixed(text, RULE) == "# T\n\n1. Go to `Control Panel`{.action}> `Network and Internet`{.action}.\n"


def test_code_without_a_ui_class_and_padded_double_backquotes_are_fine():
    text = "# T\n\nRun ` ls -la ` or `` `x` ``{.action}, click `Next`{.action} and ` Back `{.external}.\n"
    assert findings_of(text, rule=RULE) == []
