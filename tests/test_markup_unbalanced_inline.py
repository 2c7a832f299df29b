from conftest import findings_of

RULE = "markup/unbalanced-inline"


def spans(text, path="a/guide.fr-fr.md"):
    return [(f.line, f.column, f.end_column) for f in findings_of(text, path=path, rule=RULE)]


def test_a_code_span_that_never_closes_is_reported_at_its_backquote():
    assert spans("# T\n\nCliquez sur `Suivant puis valider.\n") == [(3, 13, 14)]


def test_bold_that_never_closes_or_cannot_close_is_reported_at_each_pair_of_stars():
    text = "# T\n\n1. **Étape 1 :**Ouvrez les paramètres.\n\nVous **devez**** le faire.\n\n**Attention, la suite\n"
    assert spans(text) == [(3, 4, 6), (3, 15, 17), (5, 15, 17), (7, 1, 3)]


def test_underscore_emphasis_that_never_closes_or_never_opened():
    assert spans("# T\n\nClick _Next and go on.\n\nClick Next_ and go on.\n", "a/guide.en-gb.md") == [
        (3, 7, 8), (5, 11, 12)]


def test_stars_inside_a_code_span_meant_as_bold():
    [f] = findings_of("# T\n\nCliquez sur `**Suivant**`.\n", path="a/guide.fr-fr.md", rule=RULE)
    assert (f.line, f.column) == (3, 13) and "put the stars outside" in f.message


def test_paired_markup_escapes_identifiers_globs_and_code_are_fine():
    text = ("# T\n\n**Étape 1 :** Ouvrez `ssh`, *x*, __y__, _z_ et **`code`**.\n\n"
            "Escaped \\*\\* and \\` stay, snake_case, _config.yml, __init__.py, `**/*.md`, `a ** b`.\n\n"
            "```\n**unclosed `code\n```\n\n| a | b |\n|---|---|\n| **x** | `y` |\n")
    assert spans(text) == []
