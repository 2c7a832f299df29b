from conftest import findings_of
from fix_helpers import fixed

RULE = "tables/split-row"

TABLE = ("# T\n\n|Komento|Nimi|Kuvaus|\n|---|---|---|\n|pwd|print working directory|Näytä hakemisto.|\n"
         "| ll arg | long list | Näyttää tietoja tiedostosta arg. \n|\n|mkdir arg|make directory|Luo hakemisto.|\n"
         "|rm arg|remove|Poista\nviittaus arg.|\n")


def test_a_row_whose_closing_pipe_went_to_the_next_line_is_reported_and_joined():
    found = findings_of(TABLE, path="a/guide.fi-fi.md", rule=RULE)
    assert [(f.line, f.column, f.end_line) for f in found] == [
        (6, len("| ll arg | long list | Näyttää tietoja tiedostosta arg.") + 1, 7), (9, len("|rm arg|remove|Poista") + 1, 10)]
    assert fixed(TABLE, RULE, "a/guide.fi-fi.md") == TABLE.replace("arg. \n|\n", "arg. |\n").replace("Poista\nviittaus", "Poista viittaus")


def test_tables_without_closing_pipes_and_prose_with_pipes_are_fine():
    text = ("# T\n\n| a | b\n|---|---\n| 1 | 2\n| 3 | 4\n\nUse the | character\nin a sentence |\n\n"
            "```\n| x | y\nz |\n```\n")
    assert findings_of(text, rule=RULE) == []
