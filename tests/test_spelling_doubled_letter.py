import pytest

import lint
from lint import dictionaries, spellers

RULE = "spelling/doubled-letter"


def _needs(language):
    if dictionaries.find_dictionary(language, dictionaries.search_dirs()) is None:
        pytest.skip(f"no Hunspell dictionary for {language} (install guidelint[dictionaries])")


def test_a_tripled_letter_is_reported_in_finnish_even_without_a_dictionary(monkeypatch):
    monkeypatch.setattr(dictionaries, "search_dirs", lambda configured=(): [])
    monkeypatch.setattr(spellers, "voikko", lambda language: (None, "not installed"))
    text = "Tässä ohjesssa kerrotaan asetuksista.\n\nToinen kappale ohjesssa.\n"
    found = lint.check_text(text, path="guide.fi-fi.md")
    mine = [f for f in found if f.rule == RULE and f.severity != "info"]
    assert [(f.line, f.column) for f in mine] == [(1, 7), (3, 16)]
    assert mine[0].edits == ()
    notes = [f for f in found if f.severity == "info" and "dictionary" in f.message]
    assert len(notes) == 1  # one note per run, not per finding or per rule


def test_the_words_file_beside_the_guides_is_accepted(write):
    _needs("fi")
    write(".guidelint-words.txt", "# product words\nsadoillle\n")
    guide = write("docs/guide.fi-fi.md", "Viestit sadoillle vastaanottajille.\n")
    assert [f for f in lint.check_paths([str(guide)]) if f.rule == RULE] == []
