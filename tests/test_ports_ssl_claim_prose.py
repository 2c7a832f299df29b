from conftest import findings_of

RULE = "ports/ssl-claim"

WINDOWS_8 = """# Windows 8

## Configuration IMAP

"Serveur de messagerie entrant (IMAP)" : L'adresse du serveur est donc **SSL0.OVH.NET** Le **"Port"** est **{incoming}** .

"Le serveur entrant requiert SSL" : doit être coché.

"Serveur de messagerie sortant (SMTP)" : L'adresse du serveur est donc **SSL0.OVH.NET** Le **"Port"** est **{outgoing}** .

"Le serveur sortant requiert SSL" : {box}.
"""


def found(path="a/guide.fr-fr.md", **values):
    text = WINDOWS_8.format(**{"incoming": 993, "outgoing": 465, "box": "doit être coché", **values})
    return [(f.line, f.message) for f in findings_of(text, path=path, rule=RULE)]


def test_a_ticked_ssl_box_under_a_plain_port_is_reported_at_the_box_line():
    assert found(outgoing=587) == [
        (11, "the outgoing server's SSL box is to be ticked, but port 587 is the SSL disabled port (SMTP, line 9)")]
    assert [line for line, _ in found(incoming=143)] == [7]


def test_an_unticked_box_under_an_ssl_port_and_a_line_that_says_both():
    assert [line for line, _ in found(box="ne doit pas être coché")] == [11]
    text = "# T\n\nOutgoing server (SMTP): ssl0.ovh.net, port 587, SSL: tick.\n"
    [(line, message)] = [(f.line, f.message) for f in findings_of(text, rule=RULE)]
    assert line == 3 and message.startswith("port 587 is said to be SSL enabled")


def test_boxes_that_agree_with_their_ports_and_starttls_are_fine():
    assert found() == []
    assert found(outgoing=587, box="doit être coché (STARTTLS)") == []
    assert found(outgoing=587, box="ne doit pas être coché") == []
