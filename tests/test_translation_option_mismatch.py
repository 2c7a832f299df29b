from translation_helpers import pair_findings

RULE = "translation/option-mismatch"

SOURCE = """# Pare-feu

```bash
sudo iptables -A INPUT -p tcp --dport 22 -j ACCEPT
sudo iptables -A INPUT -m iprange --src-range A-B -j REJECT
```

- -A --append : ajoute une règle.
- --dport : le port de destination.
"""

GOOD = """# Firewall

```bash
sudo iptables -A INPUT -p tcp --dport 22 -j ACCEPT
sudo iptables -A INPUT -m iprange --src-range A-B -j REJECT
```

- -A --append: Füge eine Regel hinzu.
- --dport: Gibt den Zielport an.
- --src-range: Identifiziert den IP-Adressbereich.
"""


def test_an_option_with_other_dashes_or_misspelt_in_prose_is_reported(write):
    text = GOOD.replace("- --dport:", "- -dport:").replace("- --src-range:", "- --src-rang:")
    found = pair_findings(write, text, SOURCE, target="fw/guide.de-de.md", source="fw/guide.fr-fr.md", rule=RULE)
    assert [(f.line, f.column, f.message) for f in found] == [
        (9, 3, "option '-dport' is written '--dport' in the source guide"),
        (10, 3, "option '--src-rang' is written '--src-range' in the source guide")]


def test_options_as_the_source_writes_them_and_typographic_dashes_are_not_reported_here(write):
    assert pair_findings(write, GOOD, SOURCE, target="fw/guide.de-de.md", source="fw/guide.fr-fr.md", rule=RULE) == []
    typographic = GOOD.replace("- --dport:", "- -—dport:")  # commands/typographic-character's
    assert pair_findings(write, typographic, SOURCE, target="fw/guide.de-de.md", source="fw/guide.fr-fr.md",
                         rule=RULE) == []


def test_a_source_guide_is_not_compared_with_itself(write):
    from translation_helpers import check, of
    write("fw/guide.de-de.md", GOOD)
    assert of(check(write("fw/guide.fr-fr.md", SOURCE.replace("- --dport", "- -dport"))), RULE) == []
