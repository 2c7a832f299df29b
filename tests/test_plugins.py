"""A third-party rule arrives through the ``guidelint.rules`` entry-point group."""
import lint
from lint import registry

PLUGIN = '''
from lint.rule import Rule

class NoTodo(Rule):
    """What it does: reports TODO left in a guide."""
    id = "acme/no-todo"
    severity = "error"
    summary = "TODO left in the guide"

    def check(self, doc, ctx):
        for number, line in enumerate(doc.lines, 1):
            column = line.find("TODO")
            if column >= 0:
                ctx.report(number, column + 1, "TODO left in the guide", end_column=column + 5)
'''


def test_an_installed_plugin_rule_runs_like_a_builtin(tmp_path, monkeypatch):
    (tmp_path / "acme_rules.py").write_text(PLUGIN)
    dist = tmp_path / "acme_rules-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-rules\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[guidelint.rules]\nno-todo = acme_rules:NoTodo\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "_loaded", False)
    monkeypatch.setattr(registry, "_RULES", dict(registry._RULES))
    assert "acme/no-todo" in registry.load()
    [f] = [f for f in lint.check_text("# T\n\nWrite this TODO.\n") if f.rule == "acme/no-todo"]
    assert (f.line, f.column, f.end_column) == (3, 12, 16)


def test_a_reset_registry_still_finds_the_builtin_rules(monkeypatch):
    """The plug-in test resets the registry; the rule modules are imported only once per
    process, so their rules must come back without a second import (the tests that ran
    after it used to find no rule at all)."""
    registry.load()
    monkeypatch.setattr(registry, "_loaded", False)
    monkeypatch.setattr(registry, "_RULES", {})
    assert "whitespace/double-space" in registry.load()


def test_without_a_plugin_installed_the_entry_points_are_not_read():
    """Reading entry points imports importlib.metadata (email, csv, zipfile...), a tenth of
    a pre-commit run: skipped when no installed distribution names the group."""
    import subprocess
    import sys

    code = ("import sys; from lint import registry; rules = registry.load(); "
            "print(len(rules) > 30, 'importlib.metadata' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False"]
