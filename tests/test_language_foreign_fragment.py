import pytest
from conftest import findings_of

from lint import dictionaries

RULE = "language/foreign-fragment"


def _needs(*languages):
    for language in languages:
        if dictionaries.find_dictionary(language, dictionaries.search_dirs()) is None:
            pytest.skip(f"no Hunspell dictionary for {language}")


LT_LABELS = ("# POP konfigūracija\n\n"
             "Email Address: Jūsų el. pašto adresas\n"
             "Password: Slaptažodis, kurį nurodėte kurdami paskyrą.\n"
             "Username: Visas el. pašto adresas\n"
             "Incoming server:SSL0.OVH.NET\n"
             "Incoming Server Port:995 arba 110\n"
             "Outgoing Server Port:465 arba 587\n")


def test_a_block_of_english_labels_in_a_lithuanian_guide_is_one_finding():
    _needs("lt", "en")
    [f] = findings_of(LT_LABELS, path="guide.lt-lt.md", rule=RULE)
    assert (f.line, f.column, f.end_line) == (3, 1, 8)
    assert "English, not Lithuanian" in f.message


def test_a_french_sentence_in_an_italian_guide_names_french():
    _needs("it", "fr", "en")
    text = ("# Configurazione\n\nSelezionare il protocollo IMAP per continuare.\n\n"
            "Vous devez ensuite saisir votre adresse e-mail complète.\n")
    [f] = findings_of(text, path="guide.it-it.md", rule=RULE)
    assert (f.line, f.column) == (5, 1)
    assert "French, not Italian" in f.message


def test_a_guide_left_in_english_gets_one_finding():
    _needs("lt", "en")
    sentences = ["You can configure your email address on your phone.",
                 "Open the application and choose the account type.",
                 "Enter your full email address and the password you chose.",
                 "Then check that the incoming server is correct.",
                 "Finally save the settings and send a test message."]
    text = "# Objective\n\n" + "\n\n".join(sentences) + "\n"
    [f] = findings_of(text, path="guide.lt-lt.md", rule=RULE)
    assert f.line == 3
    assert "this guide looks written in English" in f.message


def test_names_quoted_labels_titles_and_short_labels_do_not_trigger_it():
    _needs("fi", "en")
    text = ("# Asetukset\n\n"
            "Avaa Outlook ja valitse **Use the following server settings** jatkaaksesi.\n\n"
            'Rastita "Outgoing server requires authentication" ja klikkaa Finish.\n\n'
            "Port: 465\n\n"
            "- [Dedicated Server - Network Security Dashboard](https://example.com)\n\n"
            "Mikäli saat seuraavan virheen:\n\n"
            "Todo sync for this account exists now.\n\n"
            "550 would not change perms on the file\n\n"
            "`Use the same user name and password for outgoing emails`\n")
    assert findings_of(text, path="guide.fi-fi.md", rule=RULE) == []


def test_an_english_guide_with_french_product_words_is_english():
    _needs("en", "fr")
    text = "Log in to the OVHcloud Control Panel and open the Web Cloud section of your account.\n"
    assert findings_of(text, path="guide.en-gb.md", rule=RULE) == []
