from translation_helpers import pair_findings

RULE = "translation/host-mismatch"

SOURCE = "# Android\n\n- Serveur entrant : ssl0.ovh.net\n- Port : 993\n\nVoir `ftp.cluster0XX.hosting.ovh.net`.\n"


def test_a_server_written_otherwise_than_in_the_source_is_reported_at_each_place(write):
    text = ("# Android\n\n- Server in entrata: ssl0.mail.ovh.net\n- Porta: 993\n\n"
            "Vedi `ftp.clusterXXX.ovh.net` e ssl0.mail.ovh.net.\n")
    found = pair_findings(write, text, SOURCE, target="a/guide.it-it.md", source="a/guide.fr-fr.md", rule=RULE)
    assert [(f.line, f.column) for f in found] == [(3, len("- Server in entrata: ") + 1), (6, 7), (6, 33)]
    assert found[0].message == "server ssl0.mail.ovh.net is not in the source guide, which writes ssl0.ovh.net"
    assert "ftp.clusterXXX.ovh.net" in found[1].message and "ftp.cluster0XX.hosting.ovh.net" in found[1].message


def test_country_domains_servers_without_a_counterpart_urls_and_code_blocks_are_not_judged(write):
    text = ("# Android\n\n- Incoming: imap.mail.ovh.ca, ssl0.ovh.ca\n- Port: 993\n\n"
            "See https://ssl0.mail.ovh.net/x and [w](https://ssl0.mail.ovh.net/).\n\n"
            "```\nHi. This is the qmail-send program at ssl0.mail.ovh.net.\n```\n\n"
            "Voir `ftp.cluster0XX.hosting.ovh.net` and guide.fr-fr.md.\n")
    assert pair_findings(write, text, SOURCE, target="a/guide.en-ca.md", source="a/guide.fr-fr.md", rule=RULE) == []
