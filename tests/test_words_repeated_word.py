from conftest import findings_of

RULE = "words/repeated-word"


def test_a_word_written_twice_is_reported_at_the_second_one_with_a_fix():
    [f] = findings_of("# T\n\nNot using the the same password.\n", rule=RULE)
    assert (f.line, f.column, f.end_column) == (3, 15, 18)
    [edit] = f.edits
    assert (edit.line, edit.column, edit.end_column, edit.replacement) == (3, 14, 18, "")
    assert f.fix.applicability == "unsafe" and not f.fixable


def test_case_is_ignored_and_a_link_text_continues_the_sentence():
    text = "A palavra-passe que definiu no seu espaço [Espaço Cliente](https://x.pt/).\n"
    [f] = findings_of(text, path="guide.pt-pt.md", rule=RULE)
    assert (f.line, f.column) == (1, 44)
    assert f.edits == ()  # the two words are in different nodes: left to a person


def test_a_repeated_pair_of_words_is_reported():
    text = "Tap the three dots to the right of the of the account name.\n"
    [f] = findings_of(text, rule=RULE)
    assert (f.column, f.end_column) == (40, 46)
    assert "'of the'" in f.message


def test_finnish_repetition():
    [f] = findings_of("Valitse postilaatikossa olevaa olevaa kansiota.\n", path="guide.fi-fi.md", rule=RULE)
    assert f.column == 32


def test_legit_repetitions_are_not_reported():
    text = ("Nous nous connectons, puis vous vous identifiez.\n\n"
            "- Port\n- Port\n\n| SSL | SSL |\n|-----|-----|\n| 993 | 993 |\n\n"
            "Salasana: salasana.\n\nPortit 995 995 ja `code code`.\n\n"
            "Port\nPort 993\n\n**Delivery status notification** Status notification when sent.\n\n"
            "Click Connect to connect to your FTP server.\n\n"
            "Order Web Cloud Databases databases.\n")
    assert findings_of(text, path="guide.fr-fr.md", rule=RULE) == []
    assert findings_of("Die Datei, die die Daten enthält.\n", path="guide.de-de.md", rule=RULE) == []
    assert findings_of("Hij zegt dat dat klopt.\n", path="guide.nl-nl.md", rule=RULE) == []


def test_punctuation_between_the_words_separates_them():
    text = "Click Next. Next, choose the server; server names vary.\n"
    assert findings_of(text, rule=RULE) == []


def test_a_repeated_phrase_is_one_finding_and_german_die_die_needs_a_comma():
    text = "Go to the Web Cloud section of your Web Cloud section of your Control Panel.\n"
    [f] = findings_of(text, rule=RULE)
    assert (f.column, f.end_column) == (37, 62)
    assert "repeats the 5 words" in f.message
    [f] = findings_of("Geben Sie die die zuvor erzeugte Adresse ein.\n", path="guide.de-de.md", rule=RULE)
    assert f.column == 15


def test_a_capital_at_the_start_of_a_sentence_is_not_a_name():
    found = [f for f in findings_of("# T\n\nStart it. It it is quick.\n", path="g.en-gb.md")
             if f.rule == "words/repeated-word"]
    assert [(f.line, f.column) for f in found] == [(3, 14)]
