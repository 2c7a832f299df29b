"""Neovim, headless, with the README's `init.lua` snippet, against `guidelint server`: the
diagnostics it shows (Neovim's columns are bytes) and a quick fix it applies."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(NVIM is None, reason="nvim is not installed (apt-get install neovim)")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
GUIDE = "pages/web/emails/phone/guide.fi-fi.md"


def readme_snippet() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Neovim"):]
    return re.search(r"```lua\n(.*?)```", section, re.S).group(1)


def byte_column(line: str, needle: str) -> int:
    return len(line[:line.index(needle)].encode("utf-8"))


def test_neovim_shows_the_diagnostics_and_applies_a_quick_fix(tmp_path):
    tree = tmp_path / "docs"
    shutil.copytree(DATA / "lsp", tree)
    (tmp_path / "init.lua").write_text(readme_snippet(), encoding="utf-8")
    out = tmp_path / "received.json"
    env = dict(os.environ, GUIDELINT_NVIM_OUT=str(out), HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path),
               PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    run = subprocess.run([NVIM, "--headless", "--clean", "-c", f"luafile {tmp_path / 'init.lua'}",
                          "-c", f"edit {GUIDE}", "-c", f"luafile {DATA / 'lsp_nvim' / 'drive.lua'}"],
                         cwd=tree, env=env, capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    assert run.returncode == 0, run.stderr
    got = json.loads(out.read_text(encoding="utf-8"))
    lines = (tree / GUIDE).read_bytes().decode("utf-8").splitlines()
    shown = {d["code"]: (d["lnum"], d["col"], d["end_col"]) for d in got["opened"]}
    assert shown["spelling/doubled-letter"] == (8, byte_column(lines[8], "ensimmäisenn"),
                                                byte_column(lines[8], "ensimmäisenn") + len("ensimmäisenn".encode()))
    assert shown["links/missing-space"][:2] == (12, byte_column(lines[12], "[hallinta"))
    assert shown["ports/direction-mismatch"] == (17, 0, len("Saapuvan postin palvelimen portti"))
    assert "Fix links/missing-space" in got["actions"]
    assert got["fixed"] is True
    assert "määrittelit [hallintapaneelissa]" in got["line_after_fix"]
    assert {d["code"] for d in got["after_fix"]} == set(shown) - {"links/missing-space"}
