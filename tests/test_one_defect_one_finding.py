"""One defect, one finding: where two rules would report the same defect, the more specific
owns it and the other stays silent there; with the owner disabled, the other reports it again."""
import pytest

import lint
from conftest import findings_of
from lint import registry
from lint.config import Config
from lint.finding import Finding
from lint.check import drop_superseded


def _rules(found):
    return sorted((f.line, f.column, f.rule) for f in found)


def _layout(found):
    """The table and spacing findings: what these pairs are about."""
    return _rules(f for f in found if f.rule.startswith(("tables/", "whitespace/")))


def _without(rule):
    return Config(data={"ignore": [rule]})


# the mechanism --------------------------------------------------------------------------------

class _Owner:
    supersedes = ("x/victim",)


def _finding(rule, line, column, end_line, end_column):
    return Finding("g.md", line, column, end_line, end_column, rule, "warning", rule)


def test_a_superseded_finding_goes_only_where_the_owner_covers_it():
    owner = _finding("x/owner", 3, 10, 3, 20)
    same_start = _finding("x/victim", 3, 10, 3, 11)
    inside = _finding("x/victim", 3, 15, 3, 16)
    after = _finding("x/victim", 3, 20, 3, 22)  # the owner's end is exclusive
    other_line = _finding("x/victim", 4, 10, 4, 11)
    unrelated = _finding("x/other", 3, 10, 3, 11)
    kept = drop_superseded([owner, same_start, inside, after, other_line, unrelated], {"x/owner": _Owner})
    assert kept == [owner, after, other_line, unrelated]


def test_findings_stay_when_no_rule_supersedes():
    findings = [_finding("x/victim", 1, 1, 1, 2)]
    assert drop_superseded(findings, {"x/victim": object}) is findings


#: pairs settled inside the rules (owner, the rule that stays silent)
IN_RULE = [("markup/legacy-residue", "links/empty-text"), ("links/empty-text", "links/missing-space"),
           ("tables/missing-delimiter", "whitespace/double-space")]


def test_every_pair_is_documented_on_both_sides():
    rules = registry.load()
    pairs = [(cls.id, victim) for cls in rules.values() for victim in cls.supersedes] + IN_RULE
    assert ("translation/anchor-leak", "links/broken-anchor") in pairs
    for owner, victim in pairs:
        assert victim in rules, f"{owner} supersedes an unknown rule {victim}"
        assert victim in rules[owner].documentation(), f"{owner}'s explain text does not say it owns {victim}'s"
        assert owner in rules[victim].documentation(), f"{victim}'s explain text does not name {owner}"


# the pairs -----------------------------------------------------------------------------------

@pytest.fixture
def leaked_anchor(write):
    write("g/guide.fr-fr.md", "# T\n\n## Aller plus loin\n\nTexte.\n")
    return write("g/guide.fi-fi.md", "# T\n\n## Lue lisää\n\nKatso [lisää](#aller-plus-loin).\n")


def test_a_leaked_source_anchor_is_anchor_leaks_alone(leaked_anchor):
    found = [f for f in lint.check_paths([str(leaked_anchor)]) if "anchor" in f.rule]
    assert _rules(found) == [(5, 15, "translation/anchor-leak")]


def test_without_anchor_leak_the_broken_anchor_is_reported(leaked_anchor):
    found = lint.check_paths([str(leaked_anchor)], config=_without("translation/anchor-leak"))
    assert (5, 15, "links/broken-anchor") in _rules(found)


TABLE_AND_TEXT = ("# T\n\n## IMAP nustatymai\n"
                  "IMAP konfigūravimas su įjungta ir išjungta SSL apsauga:\n\n"
                  "Incoming Server Port:993 arba 143\n\n"
                  "|Prievadai|SSLįjungta|SSLišjungta|\n"
                  "|Įeinantis|995|110|\n"
                  "|Išeinantis|465|587|\n")


def test_a_table_contradicting_its_text_is_table_prose_mismatchs_alone():
    found = [f for f in findings_of(TABLE_AND_TEXT, path="docs/guide.lt-lt.md") if f.rule.startswith("ports/")]
    [f] = found
    assert (f.line, f.column, f.rule) == (9, 12, "ports/table-prose-mismatch")
    assert "993" in f.message and "IMAP nustatymai" in f.message  # both sides and the section


def test_without_table_prose_mismatch_the_protocol_mismatch_is_reported():
    found = findings_of(TABLE_AND_TEXT, path="docs/guide.lt-lt.md", config=_without("ports/table-prose-mismatch"))
    assert (9, 12, "ports/protocol-mismatch") in _rules(found)


def test_an_empty_legacy_guide_link_is_legacy_residues_alone():
    text = "# T\n\n- []({legacy}1596).\n- [](https://www.ovh.com/manager/)\n"
    found = [f for f in findings_of(text, path="a/guide.fi-fi.md") if f.rule in (
        "links/empty-text", "markup/legacy-residue")]
    assert _rules(found) == [(3, 6, "markup/legacy-residue"), (4, 3, "links/empty-text")]


def test_without_legacy_residue_the_empty_legacy_link_is_reported():
    text = "# T\n\n- []({legacy}1596).\n"
    found = findings_of(text, path="a/guide.fi-fi.md", config=_without("markup/legacy-residue"))
    assert (3, 3, "links/empty-text") in _rules(found)


def test_an_empty_link_glued_to_a_word_is_empty_texts_alone():
    text = ("# T\n\nVoit katsoa ohjetta[](https://www.ovh-hosting.fi/g1909).\n\n"
            "Webhotelleihin [](https://www.ovh-hosting.fi/pro.xml)PRO.\n\n"
            "Kirjaudu hallintapaneeliin[tästä](https://www.ovh.com/manager/).\n")
    found = [f for f in findings_of(text, path="a/guide.fi-fi.md") if f.rule.startswith("links/")]
    assert _rules(found) == [(3, 20, "links/empty-text"), (5, 16, "links/empty-text"),
                             (7, 27, "links/missing-space")]  # a link with text is still glued


def test_a_padded_table_without_delimiter_row_is_one_finding():
    rows = ["| Name     | Port    | SSL     | Type    | A     | B     | C     | D     |"]
    rows += ["| IMAP     | 993     | yes     | in      | x     | y     | z     | w     |"] * 3
    text = "# T\n\n" + "\n".join(rows) + "\n"  # before: 32 double-space findings
    assert _layout(findings_of(text, path="docs/guide.en-gb.md")) == [(3, 1, "tables/missing-delimiter")]


def test_double_space_between_words_of_such_a_cell_is_still_reported():
    text = "# T\n\n| Name     | Note          |\n| IMAP     | ota  yhteyttä |\n"
    found = findings_of(text, path="docs/guide.fi-fi.md")
    assert _layout(found) == [(3, 1, "tables/missing-delimiter"), (4, 17, "whitespace/double-space")]


def test_the_same_rows_with_their_delimiter_row_give_no_finding_either():
    text = "# T\n\n| Name     | Note          |\n|---|---|\n| IMAP     | ota yhteyttä  |\n"
    assert _layout(findings_of(text, path="docs/guide.fi-fi.md")) == []


class _RowOwner:
    supersedes = ("x/victim",)
    supersede_scope = "line"


def test_a_line_scoped_owner_silences_the_other_rule_anywhere_on_its_line():
    owner = _finding("x/owner", 3, 2, 3, 18)
    other_cell = _finding("x/victim", 3, 30, 3, 33)
    next_line = _finding("x/victim", 4, 30, 4, 33)
    assert drop_superseded([owner, other_cell, next_line], {"x/owner": _RowOwner}) == [owner, next_line]


IMAP_HOST_IN_POP_SECTION = ("# Outlook\n\n## POP configuration\n\n"
                            "|Server|Host|SSL|Port|\n|---|---|---|---|\n"
                            "|Incoming|imap.mail.ovh.ca|SSL/TLS|995|\n")


def test_an_imap_server_on_a_pop3_row_is_host_protocols_alone():
    found = [f for f in findings_of(IMAP_HOST_IN_POP_SECTION, path="docs/guide.en-gb.md") if f.rule.startswith("ports/")]
    assert [(f.line, f.rule) for f in found] == [(7, "ports/host-protocol")]
    assert "pop.mail.ovh.ca" in found[0].message


def test_without_host_protocol_the_port_is_reported_by_protocol_mismatch():
    found = findings_of(IMAP_HOST_IN_POP_SECTION, path="docs/guide.en-gb.md", config=_without("ports/host-protocol"))
    assert [(f.line, f.rule) for f in found if f.rule.startswith("ports/")] == [(7, "ports/protocol-mismatch")]
