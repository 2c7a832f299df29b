"""Shared pieces of the tests/test_scale_*.py files: a small tree of guides and an in-process CLI."""
from __future__ import annotations

from lint import cli

GUIDE = """---
title: Configure the mail client
updated: 2024-01-02
---

# Configure the mail client

Ports 995 and 465  use SSL.  Port 143 does not.

| Port | Use |
|------|-----|
| 993 | IMAP |

See [the guide](https://example.com/guide)for details.
"""


def make_tree(write, folders: int = 6, locales=("fr-fr", "en-gb", "fi-fi")) -> None:
    for i in range(folders):
        for j, locale in enumerate(locales):
            text = GUIDE.replace("mail client", f"mail client {i}") + ("\nExtra  line.\n" * (j + i % 3))
            write(f"docs/topic{i % 3}/guide{i}/guide.{locale}.md", text)


def run_cli(monkeypatch, capsys, cwd, *args) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
