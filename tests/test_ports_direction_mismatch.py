from conftest import findings_of

RULE = "ports/direction-mismatch"
FI = "docs/guide.fi-fi.md"


def test_finnish_double_label_is_judged_by_its_first_label():
    text = ("# T\n\n## POP-konfiguraatio\n"
            "Saapuvan postin palvelimen portti: saapuvien sähköpostiviestien palvelimen portti: 995 tai 110\n"
            "Lähtevän postin palvelin: lähtevien sähköpostiviestien palvelin: SSL0.OVH.NET\n"
            "Saapuvan postin palvelimen portti: lähtevien sähköpostiviestien palvelimen portti: 465 tai 587\n")
    [f] = findings_of(text, path=FI, rule=RULE)
    assert (f.line, f.column, f.end_column) == (6, 1, 34)
    assert f.severity == "error"
    assert "Lähtevän postin palvelimen portti" in f.message
    [edit] = f.edits
    assert (edit.line, edit.column, edit.end_column, edit.replacement) == (6, 1, 9, "Lähtevän")


def test_correct_finnish_lines_including_tuleva_and_a_french_ou_are_not_reported():
    text = ("# T\n\n"
            "Saapuvan postin palvelimen portti: saapuvien sähköpostiviestien palvelimen portti: 993 tai 143\n"
            "Lähtevän postin palvelimen portti: lähtevien sähköpostiviestien palvelimen portti: 465 tai 587\n"
            "Tuleva portti: tulevan postin portti, 993 tai 143\n"
            "Lähtevän palvelimen portti: Lähtevän palvelimen portti: 465 ou 587\n"
            "Incoming server port:993\n")
    assert findings_of(text, path=FI, rule=RULE) == []


def test_polish_inflected_label_both_ways():
    text = ("# IMAP\n\n"
            "Port serwera poczty przychodzącej:465 lub 587\n\n"
            "Port serwera poczty wychodzącej: 995 lub 110\n\n"
            "Port serwera poczty wychodzącej: 465 lub 587\n\n"
            "|Port|SSL|\n|Wchodzący|995|\n")
    found = findings_of(text, path="docs/guide.pl-pl.md", rule=RULE)
    assert [(f.line, f.column) for f in found] == [(3, 1), (5, 1)]
    assert "Port serwera poczty wychodzącej" in found[0].message
    assert "Port serwera poczty przychodzącej" in found[1].message


def test_lithuanian_table_without_delimiter_row_reports_the_row_header():
    text = ("# T\n\n## POP nustatymai\n\n"
            "|Prievadai|SSLįjungta|SSLišjungta|\n"
            "|Įeinantis|995|110|\n"
            "|Iįeinantis|465|587|\n\n"
            "Įeinančio serverio prievadas: 993\n")
    [f] = findings_of(text, path="docs/guide.lt-lt.md", rule=RULE)
    assert (f.line, f.column) == (7, 2)
    assert "Išeinantis" in f.message


def test_lithuanian_guides_with_english_labels_use_the_english_words():
    text = ("# IMAP\n\n"
            "Incoming Server Port:995 arba 110\n"
            "Outgoing Server Port:993 arba 143\n")
    [f] = findings_of(text, path="docs/guide.lt-lt.md", rule=RULE)
    assert (f.line, f.column) == (4, 1)
    assert "Incoming Server Port" in f.message


def test_pairs_run_together_in_one_french_line_each_keep_their_own_label():
    line = ("Adresse Email : Votre adresse e-mail. Serveur entrant : Le serveur de réception des e-mails :  "
            "**SSL0.OVH.NET** Port serveur entrant : Le port du serveur entrant :  **465**  ou  **587** "
            "Serveur sortant : Le serveur d'envoi des e-mails :  **SSL0.OVH.NET** Port serveur sortant : "
            "Le port du serveur sortant :  **465**  ou  **587**")
    [f] = findings_of("# IMAP\n\n" + line + "\n", path="docs/guide.fr-fr.md", rule=RULE)
    assert (f.line, f.column) == (3, line.index("Port serveur entrant") + 1)
    assert "Port serveur sortant" in f.message


def test_a_bare_port_row_takes_its_direction_from_the_bullet_above_the_table():
    good = ("- **Voor uitgaande mail:**\n\n|Informatie|Omschrijving|\n|---|---|\n"
            "|Server|Voer de ssl0.ovh.net server in.|\n|Poort|Voer poort '465' in.|\n")
    bad = good.replace("uitgaande", "inkomende")
    head = "# IMAP\n\n- **Voor inkomende mail:**\n\n|Informatie|Omschrijving|\n|---|---|\n|Poort|Voer poort '993' in.|\n\n"
    assert findings_of(head + good, path="docs/guide.nl-nl.md", rule=RULE) == []
    [f] = findings_of(head + bad, path="docs/guide.nl-nl.md", rule=RULE)
    assert (f.line, f.column) == (9, 5)
    assert "line 14" in f.message and "Voor uitgaande mail" in f.message


def test_a_bare_port_line_takes_its_direction_from_the_server_line_above():
    ok = "# IMAP\n\nSMTP-palvelin: ssl0.ovh.net\nPortti: 465\n\nSaapuva palvelin: ssl0.ovh.net\nPortti: 993\n"
    assert findings_of(ok, path=FI, rule=RULE) == []
    [f] = findings_of(ok.replace("Portti: 465", "Portti: 995"), path=FI, rule=RULE)
    assert (f.line, f.column) == (3, 1)


def test_br_parts_of_a_table_cell_are_read_as_lines():
    cell = ("|Enter in **Incoming mail**: <br>- Server **ssl0.ovh.net** <br>- Port **465**<br><br>"
            "Enter in **Outgoing mail**: <br>- Server **ssl0.ovh.net** <br>- Port **465**|![x](a.png)|")
    text = "# IMAP\n\n|a|b|\n|---|---|\n" + cell + "\n"
    [f] = findings_of(text, rule=RULE)
    assert (f.line, f.column) == (5, 2)


def test_labels_naming_both_directions_srv_records_and_sizes_are_not_reported():
    text = ("# T\n\n"
            "Incoming and outgoing ports: 993 and 465\n\n"
            "Incoming server: _submission._tcp.example.com SRV 0 0 465 ssl0.ovh.net\n\n"
            "Incoming mail size: 25 MB\n\n"
            "Use port 465 for incoming connections to the server.\n")
    assert findings_of(text, rule=RULE) == []


def test_guides_that_never_name_pop_or_imap_and_incoming_port_25_are_not_judged():
    firewall = "# Firewall\n\nIncoming port: 587\n\nOutgoing port: 993\n"
    assert findings_of(firewall, rule=RULE) == []
    mx = "# IMAP and MX\n\nIncoming mail server port: 25\n\nIncoming mail server port: 587\n"
    [f] = findings_of(mx, rule=RULE)
    assert f.line == 5
