from conftest import findings_of

RULE = "ports/host-protocol"

POP_TABLE = ("# Outlook\n\nFor **POP** configuration, the values are:\n\n"
             "|Server type|Server name|Encryption method|Port|\n|---|---|---|---|\n"
             "|Incoming|{host}|SSL/TLS|{port}|\n|Outgoing|smtp.mail.ovh.ca|SSL/TLS|465|\n")


def test_an_imap_server_in_a_pop_table_with_pop_ports_is_reported_at_the_server():
    [f] = findings_of(POP_TABLE.format(host="imap.mail.ovh.ca", port=995), rule=RULE)
    assert (f.line, f.column) == (7, len("|Incoming|") + 1)
    assert f.message == ("server imap.mail.ovh.ca is IMAP, but line 3 is about POP3 and port 995 is POP3: "
                         "did you mean pop.mail.ovh.ca?")


def test_a_section_heading_names_the_protocol_too():
    text = "# T\n\n## IMAP-asetukset\n\n|Palvelin|Nimi|Portti|\n|---|---|---|\n|Saapuva|pop.mail.ovh.ca|993|\n"
    found = findings_of(text, path="a/guide.fi-fi.md", rule=RULE)
    assert [f.line for f in found] == [7] and "did you mean imap.mail.ovh.ca?" in found[0].message


def test_the_right_server_or_ports_that_side_with_the_server_are_not_reported_here():
    assert findings_of(POP_TABLE.format(host="pop.mail.ovh.ca", port=995), rule=RULE) == []
    # the ports agree with the server: ports/protocol-mismatch's case, not this rule's
    assert findings_of(POP_TABLE.format(host="imap.mail.ovh.ca", port=993), rule=RULE) == []
    assert findings_of("# T\n\n|Incoming|imap.mail.ovh.ca|SSL/TLS|993|\n", rule=RULE) == []
