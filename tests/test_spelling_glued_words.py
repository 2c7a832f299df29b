import pytest
from conftest import findings_of

from lint import dictionaries

RULE = "spelling/glued-words"


def _needs(language):
    if dictionaries.find_dictionary(language, dictionaries.search_dirs()) is None:
        pytest.skip(f"no Hunspell dictionary for {language}")


def test_an_acronym_glued_to_a_word_is_split_by_the_fix():
    _needs("fi")
    text = "# Portit\n\n|Portti|SSLaktivoitu|SSLdeaktivoitu|\n|---|---|---|\n|Saapuva|995|110|\n"
    found = findings_of(text, path="guide.fi-fi.md", rule=RULE)
    assert [(f.line, f.column, f.end_column) for f in found] == [(3, 9, 21), (3, 22, 36)]
    assert "'SSL aktivoitu'" in found[0].message
    [edit] = found[0].edits
    assert (edit.line, edit.column, edit.end_column, edit.replacement) == (3, 12, 12, " ")
    assert found[0].fix.applicability == "unsafe" and not found[0].fixable


def test_a_word_glued_to_an_acronym_and_words_joined_at_a_change_of_case():
    _needs("fi")
    text = ("Käytä yhteyttä aktiivisellaSSL-suojauksella.\n\n"
            "Valitse DNS-alueYhteenvedon välilehti.\n")
    found = findings_of(text, path="guide.fi-fi.md", rule=RULE)
    assert [(f.line, f.column) for f in found] == [(1, 16), (3, 13)]
    assert "'alue Yhteenvedon'" in found[1].message


def test_function_words_and_numbers_glued_to_words():
    _needs("fi")
    _needs("it")
    _needs("de")
    text = "Kiintiö on 200sähköpostiviestiä tarpeidenvuoksi, voit tyhjentääsen.\n"
    found = findings_of(text, path="guide.fi-fi.md", rule=RULE)
    assert [f.message.split("'")[3] for f in found] == [
        "200 sähköpostiviestiä", "tarpeiden vuoksi", "tyhjentää sen"]
    [f] = findings_of("Le porte143 e 587.\n", path="guide.it-it.md", rule=RULE)
    assert f.column == 4
    [f] = findings_of("Für die **IMAP**-Konfigurationsind die Werte:\n", path="guide.de-de.md", rule=RULE)
    assert f.column == 18


def test_compounds_names_and_inflections_are_not_glued_words():
    _needs("fi")
    _needs("en")
    _needs("es")
    fi = ("Sähköpostitilille, verkkotunnukseen ja ulkopuolisen palvelimen passiivisen tilan.\n\n"
          "OVHcloud, MXplan, iPhone, WordPress ja phpMyAdmin.\n\n"
          "Palvelin SSL0.OVH.NET ja `SSLaktivoitu`.\n")
    assert findings_of(fi, path="guide.fi-fi.md", rule=RULE) == []
    en = "Use a softRAID, the old 60free/demo1g offers, 64bits and IPv6 on server01.\n"
    assert findings_of(en, path="guide.en-gb.md", rule=RULE) == []
    assert findings_of("Puede modificarlos.\n", path="guide.es-es.md", rule=RULE) == []


def test_a_protocol_name_glued_to_a_label():
    _needs("it")
    [f] = findings_of("Tipo di accountPOP3\n", path="guide.it-it.md", rule=RULE)
    assert (f.column, f.end_column) == (9, 20)
    assert "'account POP3'" in f.message


def test_english_words_in_compounds_are_not_split():
    _needs("fi")
    _needs("de")
    assert findings_of("Tarkista internetyhteys ja internetselaimessa.\n", path="guide.fi-fi.md",
                       rule=RULE) == []
    assert findings_of("Die Firewallregeln auf dem Clientgerät.\n", path="guide.de-de.md", rule=RULE) == []
