from conftest import findings_of

RULE = "ports/ssl-claim"


def test_english_sentence_giving_plain_ports_as_ssl_enabled():
    [f] = findings_of("# T\n\nPorts 110 and 587 correspond to SSL enabled.\n", rule=RULE)
    assert (f.line, f.column, f.end_column) == (3, 7, 10)
    assert "ports 110, 587 are said to be SSL enabled" in f.message
    assert "the SSL enabled ports are 465, 993, 995" in f.message


def test_finnish_deaktivoitua_is_disabled_and_the_seed_sentences_are_correct():
    good = ("# T\n\nPortit 110 ja 587 vastaavat deaktivoitua SSL-suojausta.\n"
            "Portit 995 ja 465 vastaavat  aktivoitua SSL-suojausta.\n")
    assert findings_of(good, path="docs/guide.fi-fi.md", rule=RULE) == []
    bad = good.replace("vastaavat deaktivoitua", "vastaavat aktivoitua")
    [f] = findings_of(bad, path="docs/guide.fi-fi.md", rule=RULE)
    assert (f.line, f.column) == (3, 8)


def test_two_sentences_on_one_line_are_judged_separately():
    line = ("Les ports  **110**  et  **587**  correspondent à la sécurisation SSL désactivée. "
            "Les ports  **995**  et  **143**  correspondent à la sécurisation SSL activée.")
    [f] = findings_of("# T\n\n" + line + "\n", path="docs/guide.fr-fr.md", rule=RULE)
    assert (f.line, f.column) == (3, line.index("143") + 1)
    assert "port 143 is said to be SSL enabled" in f.message


def test_ssl_columns_of_a_table_without_delimiter_row():
    text = ("# T\n\n|Portti|SSLaktivoitu|SSLdeaktivoitu|\n"
            "|Saapuva|110|995|\n|Lähtevä|465|587|\n")
    found = findings_of(text, path="docs/guide.fi-fi.md", rule=RULE)
    assert [(f.line, f.column) for f in found] == [(4, 10), (4, 14)]


def test_with_and_without_ssl_headers_and_a_yes_no_ssl_column():
    text = ("# T\n\n|Server type|Server name|Port (with SSL)|Port (without SSL)|\n|---|---|---|---|\n"
            "|Incoming|SSL0.OVH.NET|993|143|\n|Outgoing|SSL0.OVH.NET|587|465|\n\n"
            "|Server type|Server name|SSL|Port|\n|---|---|---|---|\n|Incoming|ssl0.ovh.net|Yes|143|\n")
    found = findings_of(text, rule=RULE)
    assert [(f.line, f.column) for f in found] == [(6, 24), (6, 28), (10, 28)]


def test_polish_and_dutch_disabled_words_and_glued_italian_numbers():
    [f] = findings_of("# T\n\nPorty 995 i 465 dotyczą wyłączonego protokołu SSL.\n", path="docs/guide.pl-pl.md", rule=RULE)
    assert (f.line, f.column) == (3, 7)
    ok_nl = "# T\n\nDe poorten 143 en 587 komen overeen met de SSL beveiliging gedeactiveerd.\n"
    assert findings_of(ok_nl, path="docs/guide.nl-nl.md", rule=RULE) == []
    ok_it = ("# T\n\nLe porte143 e 587 corrispondono alla securizzazione SSL disattivata.\n"
             "Le porte993 e 465 corrispondono alla securizzazione SSL attivata.\n")
    assert findings_of(ok_it, path="docs/guide.it-it.md", rule=RULE) == []
    bad_it = ok_it.replace("porte143", "porte993", 1).replace("porte993 e 465 corrispondono", "porte143 e 465 corrispondono")
    found = findings_of(bad_it, path="docs/guide.it-it.md", rule=RULE)
    assert [(f.line, f.column) for f in found] == [(3, 9), (4, 9)]


def test_sentences_saying_both_naming_starttls_or_no_ssl_are_not_judged():
    text = ("# T\n\nConfiguration POP avec sécurisation SSL activée ou désactivée : ports 995 ou 110.\n\n"
            "Port 587 uses STARTTLS, which is enabled by default.\n\n"
            "Port 587 requires authentication to be enabled.\n")
    assert findings_of(text, path="docs/guide.fr-fr.md", rule=RULE) == []
