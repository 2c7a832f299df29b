from conftest import findings_of

RULE = "ports/table-prose-mismatch"
LT = "docs/guide.lt-lt.md"
SECTION = ("## IMAP nustatymai\n"
           "Incoming Server Port:993 arba 143\n"
           "Outgoing Server Port:465 arba 587\n\n"
           "Prievadai 143 ir 587 atitinka SSL su išjungta apsauga.\n\n"
           "|Prievadai|SSLįjungta|SSLišjungta|\n"
           "|Įeinantis|{a}|{b}|\n"
           "|Išeinantis|465|587|\n")


def test_a_table_without_delimiter_row_giving_the_other_protocols_ports():
    text = "# T\n\n" + SECTION.format(a=995, b=110)
    [f] = findings_of(text, path=LT, rule=RULE)
    assert (f.line, f.column) == (10, 12)
    assert "the table gives incoming ports 110, 995 (POP3)" in f.message
    assert "line 4" in f.message


def test_the_side_that_contradicts_the_heading_is_reported():
    text = ("# T\n\n## POP nustatymai\n"
            "Incoming Server Port:993 arba 143\n\n"
            "|Prievadai|SSLįjungta|SSLišjungta|\n|---|---|---|\n"
            "|Įeinantis|995|110|\n")
    [f] = findings_of(text, path=LT, rule=RULE)
    assert (f.line, f.column) == (4, 22)
    assert "the text gives" in f.message


def test_agreeing_and_partial_statements_are_fine():
    assert findings_of("# T\n\n" + SECTION.format(a=993, b=143), path=LT, rule=RULE) == []
    partial = ("# T\n\n## IMAP\n\nUse port 587 for the outgoing server.\n\nIMAP port: 993\n\n"
               "|Server|SSL|Port|\n|---|---|---|\n|Incoming|Yes|993|\n|Outgoing|Yes|465|\n")
    assert findings_of(partial, rule=RULE) == []


def test_only_the_same_section_is_compared():
    text = ("# T\n\n## POP\n\nIncoming server port: 995 or 110\n\n"
            "## IMAP\n\n|Server|Port (with SSL)|Port (without SSL)|\n|---|---|---|\n|Incoming|993|143|\n")
    assert findings_of(text, rule=RULE) == []


def test_parts_introduced_by_protocol_titles_are_compared_on_their_own():
    text = ("# T\n\n## Instructions\n\n"
            "|Enter in **Incoming mail**: <br>- Server **imap.mail.ovh.ca** <br>- Port **993**|![x](a.png)|\n"
            "|---|---|\n\n"
            "For **POP** configuration, the values are:\n\n"
            "|Server type|Server name|Port|\n|---|---|---|\n|Incoming|pop.mail.ovh.ca|995|\n")
    assert findings_of(text, rule=RULE) == []
    mixed = ("# T\n\n## Instructions\n\nIncoming server port: 993\n\n"
             "|Server type|Port|\n|---|---|\n|Incoming|995|\n")
    [f] = findings_of(mixed, rule=RULE)
    assert (f.line, f.column) == (9, 11)
