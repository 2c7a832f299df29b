from pathlib import Path

import pytest

import lint

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True, scope="session")
def _commands_keep_their_patterns_in_a_test_folder(tmp_path_factory):
    """The commands the tests start keep what they compile in the user's cache folder
    (lint/startup_cache.py): a folder of the session's own, not the user's."""
    import os

    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


def findings_of(text: str, path: str = "docs/guide.en-gb.md", config=None, rule: str | None = None):
    """Check text as a guide; keep only ``rule``'s findings when given."""
    found = lint.check_text(text, path=path, config=config)
    return [f for f in found if rule is None or f.rule == rule]


@pytest.fixture
def corpus():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    return CORPUS


@pytest.fixture
def write(tmp_path):
    """Write files under a temporary folder: write("a/guide.fi-fi.md", text) -> Path."""

    def _write(rel: str, text: str | bytes) -> Path:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
        return path

    return _write
