import pytest
from conftest import findings_of

import lint
from lint import dictionaries

RULE = "spelling/unknown-word"


def _needs(language):
    if dictionaries.find_dictionary(language, dictionaries.search_dirs()) is None:
        pytest.skip(f"no Hunspell dictionary for {language}")


def test_off_by_default_where_its_precision_was_not_measured():
    _needs("en")
    assert findings_of("Teh colour.\n", rule=RULE) == []


def test_project_words_from_the_words_file_beside_the_configuration(write):
    _needs("en")
    write(".guidelint.yaml", "rules: {spelling/unknown-word: {locales: [en]}}\n")
    write(".guidelint-words.txt", "Frobnicator\n")
    guide = write("docs/guide.en-gb.md", "Run the Frobnicator and the Blorptool.\n")
    found = [f for f in lint.check_paths([str(guide)]) if f.rule == RULE]
    assert [f.message.split("'")[1] for f in found] == ["Blorptool"]
