import pytest
from conftest import findings_of

import lint
from lint import dictionaries, spellers
from lint.config import Config

RULE = "spelling/doubled-letter"


def _needs(language):
    if dictionaries.find_dictionary(language, dictionaries.search_dirs()) is None:
        pytest.skip(f"no Hunspell dictionary for {language} (install guidelint[dictionaries])")


def test_a_doubled_final_letter_is_reported_with_the_word_the_dictionary_knows():
    _needs("fi")
    text = "# Vaihe 5\n\nSyötä ensimmäisenn kenttään sähköpostiosoite kokonaisuudessaan.\n"
    [f] = findings_of(text, path="guide.fi-fi.md", rule=RULE)
    assert (f.line, f.column, f.end_column) == (3, 7, 19)
    assert "'ensimmäisen'" in f.message
    assert not f.fix_safe
    [edit] = f.edits
    assert edit.replacement == "ensimmäisen"


def test_a_tripled_letter_in_a_compound_the_dictionary_lacks_gets_its_suggestion():
    _needs("fi")
    text = "Salasana: salasana, jonka määrittelit OVH:n sähköpostitilillle.\n"
    [f] = findings_of(text, path="guide.fi-fi.md", rule=RULE)
    assert (f.line, f.column) == (1, 45)
    assert f.edits[0].replacement == "sähköpostitilille"


def test_a_doubled_vowel_inside_a_compound_is_found_through_its_known_tail():
    _needs("fi")
    text = "Viestit ohjataan sähköpostilaatiikkoon.\n"
    [f] = findings_of(text, path="guide.fi-fi.md", rule=RULE)
    assert f.edits[0].replacement == "sähköpostilaatikkoon"


def test_correct_finnish_forms_missing_from_the_dictionary_are_not_reported():
    _needs("fi")
    # illatives, possessives, long verb endings, doubled consonants of inflection
    text = ("Lähtevän palvelimen autentikointi on tehtävä lähetykseen. Siirrä roskakoriin.\n"
            "Kirjoita sukunimeesi ja etunimeesi. Palvelu suosittelee tätä, ja tili lukittuu.\n"
            "Tiedot ovat hallussasi, se on maksullista ja vastauskoodeista saa apua.\n"
            "Koodit siirrettäviin tiedostoihin ja postilaatikkosi käytännöistä.\n")
    assert findings_of(text, path="guide.fi-fi.md", rule=RULE) == []


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


def test_german_compounds_with_three_letters_are_correct():
    _needs("de")
    text = "Die Schifffahrt und die Kontrolllampe sind korrekt geschrieben.\n"
    assert findings_of(text, path="guide.de-de.md", rule=RULE) == []


def test_other_languages_use_the_dictionary_first_suggestion():
    _needs("fr")
    _needs("en")
    assert [f.message for f in findings_of("### Mot de passse\n", path="guide.fr-fr.md", rule=RULE)] \
        == ["'passse' has 's' written three times: did you mean 'passe'?"]
    # an accent is missing, not a letter doubled: not this rule's business
    assert findings_of("Options avancees, puis Acces.\n", path="guide.fr-fr.md", rule=RULE) == []
    [f] = findings_of("The firewall is aalso active.\n", path="guide.en-gb.md", rule=RULE)
    assert f.edits[0].replacement == "also"
    assert findings_of("Enter it and reenter it.\n", path="guide.en-gb.md", rule=RULE) == []


def test_code_urls_hosts_caps_products_and_fragments_are_skipped():
    _needs("fi")
    text = ("Aja `ensimmäisenn` tai katso https://example.com/ensimmäisenn ja\n"
            "ensimmäisenn.example.com, ENSIMMÄISENN, ensimmäisenn@example.com.\n\n"
            "```\nensimmäisenn\n```\n\n**O**utlook **W**eb **A**ccess\n")
    assert findings_of(text, path="guide.fi-fi.md", rule=RULE) == []


def test_project_word_lists_are_accepted(write):
    _needs("fi")
    config = Config(data={"words": ["ensimmäisenn"]})
    assert findings_of("Syötä ensimmäisenn kenttään.\n", path="guide.fi-fi.md", config=config,
                       rule=RULE) == []
    write(".guidelint-words.txt", "# product words\nsadoillle\n")
    guide = write("docs/guide.fi-fi.md", "Viestit sadoillle vastaanottajille.\n")
    assert [f for f in lint.check_paths([str(guide)]) if f.rule == RULE] == []
