"""The ports/ rules on ../shared/corpus: exactly the defects people found reading it.

The expected lines are SURVEY.md's list (b) of real port defects (rules/ports/SURVEY.md);
anything else a rule reports there is a false alarm.
"""
from pathlib import Path

import pytest

import lint
from lint.config import Config

FI = ["android_412", "android_44", "blackberry", "mail_mac_mavericks_yosemite", "outlook_2007",
      "outlook_2010", "outlook_2011_mac", "thunderbird_windows", "windows_8", "windows_mail", "windows_phone"]
D1 = {(f"how_to_configure_{g}/guide.fi-fi.md", line) for g, lines in zip(FI, [
    (144, 171), (131, 158), (125, 152), (200, 227), (103, 130), (160, 187), (124, 151),
    (129, 154), (103, 130), (57, 84), (113, 140)]) for line in lines}
D2 = {(f"how_to_configure_{g}/guide.lt-lt.md", line) for g, line in [
    ("android_44", 142), ("android_44", 169), ("outlook_2010", 171), ("outlook_2010", 198),
    ("windows_8", 120), ("windows_8", 147)]}
D3 = {(f"how_to_configure_{g}/guide.lt-lt.md", line) for g, line in [
    ("android_44", 168), ("outlook_2010", 197), ("windows_8", 146), ("windows_phone", 148)]}
D4 = {("how_to_configure_outlook_2007/guide.lt-lt.md", line) for line in (103, 130, 142)}
D4_SSL = {("how_to_configure_outlook_2007/guide.lt-lt.md", line) for line in (107, 108, 134, 135)}  # "secondary"
D5 = {("how_to_configure_outlook_2016/guide.nl-nl.md", 56)}   # the wrong bullet; its port row is :61
D6 = {("how_to_configure_windows_mail/guide.fr-fr.md", 39)}
D7 = {(f"how_to_configure_outlook_2016/guide.{loc}.md", line) for loc, line in [
    ("en-us", 58), ("en-ca", 55), ("en-au", 58), ("en-sg", 60), ("en-asia", 60), ("es-us", 65), ("fr-ca", 61)]}

TABLE_PROSE = D3 | {("how_to_configure_outlook_2007/guide.lt-lt.md", 103)}
EXPECTED = {
    "ports/direction-mismatch": D1 | D2 | D5,
    # where a section's table and text disagree, table-prose-mismatch owns the defect; where
    # the server is the odd one out (IMAP server on a POP3 row), host-protocol does
    "ports/protocol-mismatch": (D3 | D4 | D4_SSL | D6) - TABLE_PROSE,
    "ports/table-prose-mismatch": TABLE_PROSE,
    "ports/host-protocol": D7,
    "ports/ssl-claim": set(),
}


@pytest.fixture(scope="module")
def found():
    emails = Path(__file__).resolve().parent.parent.parent / "shared/corpus/ovh-docs/pages/web/emails"
    if not emails.is_dir():
        pytest.skip("../shared/corpus is not here")
    # ../shared may be a symlink: the findings' paths are resolved below, so this one is too
    emails = emails.resolve()
    findings = lint.check_paths([str(emails)], config=Config(data={"select": ["ports"]}))
    out = {rule: set() for rule in EXPECTED}
    for f in findings:
        if f.rule in out:
            rel = Path(f.path).resolve().relative_to(emails.resolve())  # ../shared may be a symlink
            out[f.rule].add((str(rel), f.line))
    return out


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_the_corpus_findings_are_the_surveyed_defects(found, rule):
    assert found[rule] == EXPECTED[rule]


def test_the_seed_gets_direction_mismatch_at_113_and_140_only():
    seed = Path(__file__).resolve().parent.parent.parent / "shared/corpus/seed/guide.fi-fi.md"
    if not seed.is_file():
        pytest.skip("../shared/corpus is not here")
    findings = lint.check_paths([str(seed)], config=Config(data={"select": ["ports"]}))
    assert sorted((f.rule, f.line) for f in findings) == [
        ("ports/direction-mismatch", 113), ("ports/direction-mismatch", 140)]
