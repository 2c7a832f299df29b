from conftest import findings_of
from fix_helpers import fixed

RULE = "commands/typographic-character"


def test_typographic_dashes_in_options_in_code_and_prose_are_fixed_to_ascii():
    text = ("# T\n\n```bash\nsudo iptables -A INPUT -p tcp -—dport 80 -j ACCEPT\n"
            "sudo iptables -A INPUT -m iprange —-src-range A-B -j REJECT\nrsync —v –-delete a b\n```\n\n"
            "- -D —-delete: löscht Regeln.\n- -A —append: fügt hinzu.\n")
    found = findings_of(text, path="a/guide.de-de.md", rule=RULE)
    assert [(f.line, f.column) for f in found] == [(4, 31), (5, 35), (6, 7), (6, 10), (9, 6), (10, 6)]
    assert "write '--dport'" in found[0].message
    assert fixed(text, RULE, "a/guide.de-de.md") == (
        "# T\n\n```bash\nsudo iptables -A INPUT -p tcp --dport 80 -j ACCEPT\n"
        "sudo iptables -A INPUT -m iprange --src-range A-B -j REJECT\nrsync -v --delete a b\n```\n\n"
        "- -D --delete: löscht Regeln.\n- -A --append: fügt hinzu.\n")


def test_curly_quotes_and_no_break_spaces_in_commands():
    text = "# T\n\nRun `echo “hello”` then `ssh\u00a0user@host`.\n\n```\ngit commit -m ‘fix’\n```\n"
    assert fixed(text, RULE) == "# T\n\nRun `echo \"hello\"` then `ssh user@host`.\n\n```\ngit commit -m 'fix'\n```\n"


def test_ui_labels_comments_and_prose_dashes_are_left_alone():
    text = ("# T\n\nClick `Emails`{.action} — then `Plans d’hébergement` and `Utiliser l’adresse IP suivante`.\n\n"
            "Pages 10–20 — and a –dash in prose.\n\n```\n# “quoted” comment\nls -la\n```\n")
    assert findings_of(text, rule=RULE) == []
