"""The dictionary service and the prose tokenizer shared by the spelling and language rules."""
import os

from lint import dictionaries
from lint.document import Document


def _words(text, kinds=("word",)):
    doc = Document.from_text(text, "guide.fi-fi.md", "fi-fi")
    return [(w.text, w.line, w.column) for w in dictionaries.prose_words(doc, kinds=kinds)]


def test_prose_words_have_positions_and_skip_what_is_not_a_word():
    text = ("# Otsikko\n\nSyötä `koodi` osoitteeseen https://www.ovh.com/fi tai ssl0.ovh.net,\n"
            "posti@example.com, POP3, IMAP, OVHcloud, iPhone ja SSL-suojaus.\n\n"
            "```\nensimmäisenn\n```\n\n![kuva](a.png) pcc-XXX-XXX\n")
    assert _words(text) == [("Otsikko", 1, 3), ("Syötä", 3, 1), ("osoitteeseen", 3, 15),
                            ("tai", 3, 51), ("ja", 4, 49), ("suojaus", 4, 56)]


def test_word_kinds_let_rules_choose():
    text = "SSLaktivoitu, DNS, 200viestiä, OVHcloud ja sull’ ja **O**utlook\n"
    doc = Document.from_text(text, "guide.fi-fi.md", "fi-fi")
    kinds = [(w.text, w.kind, w.glued) for w in dictionaries.prose_words(
        doc, kinds=("word", "mixed", "caps", "digits", "product", "elided"))]
    assert kinds == [("SSLaktivoitu", "mixed", False), ("DNS", "caps", False),
                     ("200viestiä", "digits", False), ("OVHcloud", "product", False),
                     ("ja", "word", False), ("sull", "elided", False), ("ja", "word", False)]


def test_locales_map_to_dictionary_names():
    assert dictionaries.candidate_names("fi-fi")[0] == "fi_FI"
    assert dictionaries.candidate_names("fr-ca")[0] == "fr"
    assert dictionaries.candidate_names("en-us")[:2] == ["en_US", "en_GB"]
    assert dictionaries.candidate_names("en-asia")[0] == "en_GB"
    assert dictionaries.candidate_names("es-us")[0] == "es_US"
    assert "es_ES" in dictionaries.candidate_names("es-us")
    assert dictionaries.candidate_names("pt-pt")[0] == "pt_PT"
    assert dictionaries.candidate_names("lt-lt")[0] == "lt"


def test_configured_folders_come_first(tmp_path):
    for ext in ("aff", "dic"):
        (tmp_path / f"fi_FI.{ext}").write_text("SET UTF-8\n" if ext == "aff" else "1\nsana\n")
    name, folder = dictionaries.find_dictionary("fi-fi", dictionaries.search_dirs([str(tmp_path)]))
    assert (name, folder) == ("fi_FI", str(tmp_path))
    assert dictionaries.find_dictionary("zz-zz", [str(tmp_path)]) is None
    assert os.path.isdir(folder)



def test_document_words_are_found_once_per_document():
    doc = Document.from_text("Syötä **koodi** ja OVHcloud.\n", "guide.fi-fi.md", "fi-fi")
    products = frozenset({"OVHcloud"})
    words = dictionaries.document_words(doc, products)
    assert [(w.text, w.kind) for w in words] == [("Syötä", "word"), ("koodi", "word"),
                                                 ("ja", "word"), ("OVHcloud", "product")]
    assert dictionaries.document_words(doc, products) is words  # the rules share one list


def test_an_address_typed_without_its_scheme_is_not_prose():
    text = "Avaa osoite (esim. mypersonaldomain.ovh/import.php, tai omadomain.fi/) ja/tai jatka.\n"
    assert [w for w, _, _ in _words(text)] == ["Avaa", "osoite", "esim", "tai", "ja", "tai", "jatka"]


def _asking_rule(doc, memo):
    from lint.rule import Context
    from rules.spelling.doubled_letter import DoubledLetter

    return Context(DoubledLetter(), doc, {}, memo, "warning")


def test_a_guide_s_lexicon_is_found_once_per_file_checked_and_its_inputs_declared_for_each():
    from lint.memo import RunMemo

    memo = RunMemo()
    doc = Document.from_text("Hello world.\n", "guide.en-gb.md", "en-gb")
    memo.begin_file(doc.path)
    first = dictionaries.lexicon(_asking_rule(doc, memo), doc)
    declared = dict(memo.deps)  # the dictionary's files, when the machine has one
    assert dictionaries.lexicon(_asking_rule(doc, memo), doc) is first  # the next rule's
    memo.end_file()
    memo.begin_file("other/guide.fi-fi.md")  # the guide read again while another file is checked
    assert dictionaries.lexicon(_asking_rule(doc, memo), doc) is first
    assert memo.deps == declared  # that file depends on the dictionary too


def test_every_rule_that_asks_for_a_missing_dictionary_gets_the_note():
    from lint.memo import RunMemo

    memo = RunMemo()
    doc = Document.from_text("Hello world.\n", "guide.zz-zz.md", "zz-zz")
    memo.begin_file(doc.path)
    asked = [_asking_rule(doc, memo) for _ in range(3)]
    for ctx in asked:
        assert dictionaries.lexicon(ctx, doc).speller is None
    assert [[f.rule for f in ctx.findings] for ctx in asked] == [["internal/no-dictionary"]] * 3


def test_finding_words_judges_each_word_once_and_reads_only_the_texts_holding_a_finding():
    lex = dictionaries.Lexicon(None, frozenset(), frozenset())
    asked = []

    def judge(text, kind):
        asked.append((text, kind))
        return "slip" if text == "toimii" else None

    def findings(text):
        doc = Document.from_text(text, "guide.fi-fi.md", "fi-fi")
        answers, words = dictionaries.finding_words(doc, None, lex, "rule", ("word", "mixed"), judge,
                                                    lambda text, kind: True)
        return [(w.text, w.line, w.column, answers[w.text]) for w in words]

    # `utlook` touches markup (a glued fragment) and 200viestiä has digits: neither is read
    assert findings("SSLaktivoitu ja **O**utlook toimii\n\n200viestiä ja toimii\n") == [
        ("toimii", 1, 29, "slip"), ("toimii", 3, 15, "slip")]
    assert findings("Ja toimii.\n") == [("toimii", 1, 4, "slip")]
    assert asked == [("SSLaktivoitu", "mixed"), ("ja", "word"), ("toimii", "word"), ("Ja", "word")]
