"""Pairing: which file is a translation's source, missing sources, and parsing only what is needed."""
from lint.document import Document
from lint.translations.pairing import pair

from translation_helpers import FI, FR, check, of, pair_findings

PATTERN = r"(?:^|/)[^/]+\.(?P<locale>[a-z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?)\.md$"


def test_source_is_fr_fr_then_en_gb_then_the_only_other_file(write):
    write("a/guide.fr-fr.md", FR)
    write("a/guide.en-gb.md", FR)
    fi = write("a/guide.fi-fi.md", FI)
    found = pair(str(fi), ["fr-fr", "en-gb"], PATTERN)
    assert found.source.endswith("guide.fr-fr.md") and not found.fallback
    assert pair(str(fi).replace("fi-fi", "fr-fr"), ["fr-fr", "en-gb"], PATTERN).is_source

    write("b/guide.en-gb.md", FR)
    fi_b = write("b/guide.fi-fi.md", FI)
    assert pair(str(fi_b), ["fr-fr", "en-gb"], PATTERN).source.endswith("b/guide.en-gb.md")

    write("c/guide.de-de.md", FR)
    fi_c = write("c/guide.fi-fi.md", FI)
    only = pair(str(fi_c), ["fr-fr", "en-gb"], PATTERN)
    assert only.source.endswith("c/guide.de-de.md") and only.fallback
    assert pair(str(fi_c).replace("fi-fi", "de-de"), ["fr-fr", "en-gb"], PATTERN).is_source


def test_the_source_itself_gets_no_translation_finding(write):
    write("guide/guide.fi-fi.md", FI.replace("993", "995"))
    source = write("guide/guide.fr-fr.md", FR)
    assert [f for f in check(source) if f.rule.startswith("translation/")] == []


def test_two_files_without_source_locale_are_still_compared(write):
    write("y/guide.de-de.md", FR)
    fi = write("y/guide.fi-fi.md", FI.replace("|ssl0.ovh.net|993|", "|ssl0.ovh.net|995|"))
    found = check(fi)
    assert "compared with guide.de-de.md" in of(found, "translation/missing-source")[0].message
    assert of(found, "translation/number-mismatch")


def test_source_locale_is_configurable(write):
    from translation_helpers import config_file

    config = config_file(write, "source_locale: de-de\n")
    write("z/guide.de-de.md", FR)
    write("z/guide.fr-fr.md", FI)
    fi = write("z/guide.fi-fi.md", FI.replace("|ssl0.ovh.net|993|", "|ssl0.ovh.net|995|"))
    found = check(fi, config)
    numbers = of(found, "translation/number-mismatch")
    assert numbers and "source line" in numbers[0].message
    assert of(check(str(fi).replace("fi-fi", "fr-fr"), config), "translation/missing-source") == []


def test_a_pre_commit_run_parses_only_the_file_and_its_source(write, monkeypatch):
    write("g/guide.fr-fr.md", FR)
    for locale in ("de-de", "es-es", "it-it", "pl-pl", "en-gb"):
        write(f"g/guide.{locale}.md", FI)
    fi = write("g/guide.fi-fi.md", FI)
    parsed = []
    original = Document.from_source.__func__

    def counting(cls, source, path, locale=None):
        parsed.append(str(path).rsplit("/", 1)[-1])
        return original(cls, source, path, locale)

    monkeypatch.setattr(Document, "from_source", classmethod(counting))
    check(fi)
    assert sorted(parsed) == ["guide.fi-fi.md", "guide.fr-fr.md"]


def test_the_source_is_parsed_once_for_all_its_translations(write, monkeypatch):
    from lint.runner import Services

    write("h/guide.fr-fr.md", FR)
    paths = [write(f"h/guide.{locale}.md", FI) for locale in ("de-de", "fi-fi", "it-it")]
    parsed = []
    original = Document.from_source.__func__

    def counting(cls, source, path, locale=None):
        parsed.append(str(path).rsplit("/", 1)[-1])
        return original(cls, source, path, locale)

    monkeypatch.setattr(Document, "from_source", classmethod(counting))
    services = Services()
    for path in paths:
        check(path, services=services)
    assert parsed.count("guide.fr-fr.md") == 1


def test_identical_structure_gives_no_finding(write):
    found = pair_findings(write, FI)
    assert [f for f in found if f.rule.startswith("translation/")] == []
