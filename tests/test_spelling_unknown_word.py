import pytest
from conftest import findings_of

import lint
from lint import dictionaries
from lint.config import Config

RULE = "spelling/unknown-word"
ON = {"enable": [RULE], "rules": {RULE: {"locales": ["*"]}}}


def _needs(language):
    if dictionaries.find_dictionary(language, dictionaries.search_dirs()) is None:
        pytest.skip(f"no Hunspell dictionary for {language}")


def test_off_by_default_where_its_precision_was_not_measured():
    _needs("en")
    assert findings_of("Teh colour.\n", rule=RULE) == []


def test_an_unknown_word_is_reported_with_the_first_suggestion_when_enabled():
    _needs("en")
    text = "# T\n\nYou will recieve a confirmation email.\n"
    [f] = findings_of(text, config=Config(data=ON), rule=RULE)
    assert (f.line, f.column, f.end_column) == (3, 10, 17)
    assert "'receive'" in f.message


def test_compounds_english_labels_code_and_caps_are_accepted():
    _needs("fi")
    text = ("Avaa sähköpostitilille asetukset ja valitse Settings.\n\n"
            "Aja `satavilla` ja SATAVILLA osoitteessa satavilla.example.com.\n")
    assert findings_of(text, path="guide.fi-fi.md", config=Config(data=ON), rule=RULE) == []


def test_project_words_from_config_and_words_file(write):
    _needs("en")
    config = Config(data={**ON, "words": ["Kubernetesy"]})
    assert findings_of("Use Kubernetesy daily.\n", config=config, rule=RULE) == []
    write(".guidelint.yaml", "rules: {spelling/unknown-word: {locales: [en]}}\n")
    write(".guidelint-words.txt", "Frobnicator\n")
    guide = write("docs/guide.en-gb.md", "Run the Frobnicator and the Blorptool.\n")
    found = [f for f in lint.check_paths([str(guide)]) if f.rule == RULE]
    assert [f.message.split("'")[1] for f in found] == ["Blorptool"]
