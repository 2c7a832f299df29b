from conftest import findings_of
from fix_helpers import fixed

RULE = "words/repeated-label"


def test_a_label_written_twice_around_its_colon_is_reported_and_removed_by_an_unsafe_fix():
    text = "# T\n\nSaapuvan palvelimen portti: Saapuvan palvelimen portti: 995 tai 110\n\n- **Port:** port: 993\n"
    found = findings_of(text, path="a/guide.fi-fi.md", rule=RULE)
    assert [(f.line, f.column, f.message) for f in found] == [
        (3, 29, "label 'Saapuvan palvelimen portti:' is written twice"), (5, 13, "label 'Port:' is written twice")]
    assert found[0].fix_safe is False
    assert fixed(text, RULE, "a/guide.fi-fi.md", unsafe=True) == (
        "# T\n\nSaapuvan palvelimen portti: 995 tai 110\n\n- **Port:** 993\n")


def test_different_labels_times_and_code_are_fine():
    text = ("# T\n\nSaapuvan postin palvelimen portti: lähtevien viestien palvelimen portti: 465\n\n"
            "Time: 10:10:10, ratio 16:9, `a: a:`, host: ssl0.ovh.net: 993\n")
    assert findings_of(text, path="a/guide.fi-fi.md", rule=RULE) == []
