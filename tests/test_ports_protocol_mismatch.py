from conftest import findings_of
from lint.config import Config

RULE = "ports/protocol-mismatch"


def test_pop_ports_in_an_imap_section_table_without_delimiter_row():
    text = ("# T\n\n## IMAP nustatymai\n"
            "IMAP konfigūravimas su įjungta ir išjungta SSL apsauga:\n\n"
            "Incoming Server Port:993 arba 143\n\n"
            "|Prievadai|SSLįjungta|SSLišjungta|\n"
            "|Įeinantis|995|110|\n"
            "|Išeinantis|465|587|\n")
    alone = Config(data={"ignore": ["ports/table-prose-mismatch"]})  # it owns this statement otherwise
    [f] = findings_of(text, path="docs/guide.lt-lt.md", config=alone, rule=RULE)
    assert (f.line, f.column, f.end_column) == (9, 12, 15)
    assert "995, 110" in f.message and "IMAP nustatymai" in f.message


def test_imap_ports_in_a_finnish_pop_section_label_line():
    text = ("# T\n\n## POP-asetukset\n\n"
            "Saapuvan postin palvelimen portti: saapuvien sähköpostiviestien palvelimen portti: 993 tai 143\n"
            "Lähtevän postin palvelimen portti: lähtevien sähköpostiviestien palvelimen portti: 465 tai 587\n")
    [f] = findings_of(text, path="docs/guide.fi-fi.md", rule=RULE)
    assert (f.line, f.column) == (5, 84)


def test_the_heading_wins_over_an_intro_sentence_naming_the_other_protocol():
    text = ("# T\n\n## IMAP konfigūravimas\n"
            "POP konfigūravimas su įjungta ir išjungta SSL apsauga:\n\n"
            "Incoming Server Port:993 arba 143\n")
    assert findings_of(text, path="docs/guide.lt-lt.md", rule=RULE) == []


def test_a_declared_account_type_is_checked_even_under_a_matching_heading():
    text = ("# T\n\n### Parametre du compte e-mail en IMAP\n\n"
            "- Information sur le Serveur entrant :\n"
            "    - Mon serveur de messagerie pour courrier entrant est un serveur :  **POP3**\n"
            "    - Serveur entrant : **SSL0.OVH.NET**\n"
            "    - Port : **993**\n"
            "- Informations sur le serveur sortant :\n"
            "    - Port : **465**\n")
    [f] = findings_of(text, path="docs/guide.fr-fr.md", rule=RULE)
    assert (f.line, f.column) == (8, 16)
    assert "line 6 declares POP3" in f.message
    assert findings_of(text.replace("**993**", "**995**"), path="docs/guide.fr-fr.md", rule=RULE) == []


def test_a_port_next_to_the_other_protocols_host_name():
    text = ("# T\n\n## Instructions\n\nFor **POP** configuration, the values are:\n\n"
            "|Server type|Server name|Encryption method|Port|\n|---|---|---|---|\n"
            "|Incoming|imap.mail.ovh.ca|SSL/TLS|995|\n"
            "|Outgoing|smtp.mail.ovh.ca|SSL/TLS|465|\n")
    [f] = findings_of(text, path="docs/guide.en-us.md", rule=RULE)
    assert (f.line, f.column) == (9, 36)
    assert "imap.mail.ovh.ca" in f.message
    assert findings_of(text.replace("imap.mail", "pop.mail"), path="docs/guide.en-us.md", rule=RULE) == []


def test_a_one_protocol_title_sets_the_protocol_when_the_heading_names_none():
    tabs = ("# T\n\n## Settings\n\n> [!tabs]\n> **For IMAP configuration (recommended)**\n>>\n"
            ">> |Server type|Server name|Port (with SSL)|Port (without SSL)|\n>> |---|---|---|---|\n"
            ">> |Incoming|SSL0.OVH.NET|993|143|\n>>\n"
            "> **For POP configuration**\n>>\n"
            ">> |Server type|Server name|Port (with SSL)|Port (without SSL)|\n>> |---|---|---|---|\n"
            ">> |Incoming|SSL0.OVH.NET|995|110|\n")
    assert findings_of(tabs, rule=RULE) == []
    swapped = tabs.replace("|995|110|", "|993|143|")
    [f] = findings_of(swapped, rule=RULE)
    assert (f.line, f.column) == (16, 27)
    assert "For POP configuration" in f.message


def test_labels_naming_the_protocol_and_sections_about_both_are_not_reported():
    text = ("# T\n\n## IMAP\n\nIncoming Server (POP3)110.\n\n"
            "## Rappel des parametres POP - IMAP\n\nPort serveur entrant : **995** ou **110**\n\n"
            "## POP\n\nIncoming server port: 993 or 995\n")
    assert findings_of(text, rule=RULE) == []


def test_sentences_are_judged_by_the_protocol_they_name_or_else_by_the_section():
    text = ("# T\n\n## POP nustatymai\n\n"
            "Prievadai 143 ir 587 atitinka SSL su išjungta apsauga.\n\n"
            "IMAP naudoja prievadą 993, o POP - 995.\n\n"
            "Jei naudojate IMAP, prievadas 993.\n")
    [f] = findings_of(text, path="docs/guide.lt-lt.md", rule=RULE)
    assert (f.line, f.column) == (5, 11)
