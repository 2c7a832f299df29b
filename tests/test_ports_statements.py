"""The shared reader of port statements (rules/ports/statements.py)."""
import re

from lint.document import Document
from rules.ports.shapes import find_ports, mask
from rules.ports.statements import read


def numbers(text):
    return [n for n, _ in find_ports(mask(text))]


def test_port_numbers_in_the_shapes_the_guides_use():
    assert numbers("Le port est **995** ou “110” ou „993“ ou « 143 » ou '465'.") == [995, 110, 993, 143, 465]
    assert numbers("ssl0.ovh.net:993, Port:995, Incoming Server (POP3)110., Le porte143 e 587") == [993, 995, 110, 143, 587]


def test_numbers_that_are_no_port_settings():
    assert numbers("25 MB:stä, Exchange 25 GB, vuonna 2014, 1.25, 10/25, 2019-05-25, klo 12:25") == []
    assert numbers("määrä on 100 eikä 110, (25, 465, 587), img_110.png, [x](https://a.b/993)") == []
    assert numbers("\\25B6 personal25") == []


def read_text(text, path="g.fi-fi.md"):
    return read(Document.from_text(text, path, path.split(".")[-2]))


def test_first_label_of_a_double_label_line_and_its_position():
    [s] = read_text("# T\n\nSaapuvan postin palvelimen portti: lähtevien sähköpostiviestien palvelimen portti: "
                    "465 tai 587\n").statements
    assert (s.kind, s.label, s.line, s.column) == ("line", "Saapuvan postin palvelimen portti", 3, 1)
    assert s.explanation == "lähtevien sähköpostiviestien palvelimen portti"
    assert [(p.number, p.column) for p in s.ports] == [(465, 84), (587, 92)]


def test_table_without_delimiter_row_is_read_with_headers_and_sections():
    r = read_text("# T\n\n## IMAP-asetukset\n\nTeksti.\n|Portti|SSLaktivoitu|SSLdeaktivoitu|\n|Saapuva|993|143|\n")
    assert [(s.kind, s.label, s.header, s.ports[0].number, s.ports[0].column, s.section.protocol)
            for s in r.statements] == [("table", "Saapuva", "SSLaktivoitu", 993, 10, "imap"),
                                       ("table", "Saapuva", "SSLdeaktivoitu", 143, 14, "imap")]


def test_srv_records_code_and_html_are_not_read():
    r = read_text("# T\n\n_submission._tcp.omadomain SRV 0 0 465 SSL0.OVH.NET\n\n```\nPort: 993\n```\n\n"
                  "<style>\na { content: '\\25B6'; }\n</style>\n")
    assert r.statements == []


from hypothesis import given, settings, strategies as st

PIECES = st.sampled_from(["|", ":", " ", "**", "<br>", "- ", "> ", "\n", "995", "465", "25", "ou", "Port",
                          "Saapuvan", "lähtevien", "IMAP", "POP3", "SSL", "imap.mail.ovh.ca", ". ", "(", ")",
                          "#", "## ", "`", "---", "Iįeinantis", "2014", "MB"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60))
def test_the_reader_never_fails_and_every_position_is_inside_its_line(pieces):
    doc = Document.from_text("".join(pieces), "g.fi-fi.md", "fi-fi")
    for s in read(doc).statements:
        line = doc.line(s.line)
        assert 1 <= s.column <= len(line) + 1
        for p in s.ports:
            assert doc.line(p.line)[p.column - 1:p.column - 1 + len(str(p.number))] == str(p.number)


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=60))
def test_the_four_rules_never_fail_on_odd_text(pieces):
    from conftest import findings_of
    from lint.config import Config
    for f in findings_of("".join(pieces), path="docs/g.fi-fi.md", config=Config(data={"select": ["ports"]})):
        assert f.rule.startswith("ports/") and f.line >= 1 and f.column >= 1


def test_every_language_of_the_port_lexicon_compiles():
    """Patterns compile when a guide of their language first needs them: a broken pattern
    of a language the tests never check must still fail here."""
    from rules.ports.lexicon import lexicon

    lex = lexicon()
    for language in lex._specs:
        assert all(isinstance(p, re.Pattern) for patterns in lex._compiled(language).values() for p in patterns)
