"""The command keeps what its start compiles between runs (lint/startup_cache.py): regular
expressions and the methods dataclasses writes. What is kept must behave exactly as what
Python compiles, and a damaged file must cost nothing but the time to compile again."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lint import startup_cache

ROOT = Path(__file__).resolve().parent.parent

PATTERNS = [
    (r"(?P<indent>[ ]{0,3})(?P<marker>-|\+|\d{1,3}[.)])\s", 0),
    (r"([^\W\d_])\1+", re.IGNORECASE),                       # case folds over \w: the slow kind
    (r"(?<![\w.@/:-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.){2,}[a-z]{2,6})", re.IGNORECASE),
    ("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", 0),  # PyYAML's
    (r"""(?x) ^ \s* (?P<word> [A-Za-zÀ-ÿ]+ ) # a commented, verbose pattern
         (?: \s+ (?P=word) )+""", re.MULTILINE),
    (rb"\r\n|\r(?!\n)", 0),
]
TEXTS = ["  - item", "ensimmäisenn ja  kaksi", "www.ovh.COM and mail.example.fi.", "a\x07b\x85",
         "Word word Word\nthe the", "KELVIN \u212a and \u017flong s"]


def _behaviour(compiled: re.Pattern) -> tuple:
    samples = [t.encode("utf-8") for t in TEXTS] if isinstance(compiled.pattern, bytes) else TEXTS
    found = [[m.span() + m.groups() for m in compiled.finditer(s)] for s in samples]
    return compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex, found


@pytest.fixture
def kept(tmp_path):
    startup_cache.uninstall()
    re.purge()
    yield tmp_path / "patterns.marshal"
    startup_cache.uninstall()
    re.purge()


def test_a_kept_pattern_behaves_as_the_one_python_compiles(kept, monkeypatch):
    expected = [_behaviour(re.compile(p, f)) for p, f in PATTERNS]
    re.purge()

    assert startup_cache.install(str(kept))
    first = [_behaviour(re.compile(p, f)) for p, f in PATTERNS]  # compiled, and noted
    startup_cache.save()
    startup_cache.uninstall()
    re.purge()
    assert kept.is_file()

    assert startup_cache.install(str(kept))
    # the next run neither parses nor generates code: a kept pattern goes straight to the engine
    monkeypatch.setattr(re._parser, "parse", lambda *a: pytest.fail("parsed a kept pattern"))
    again = [_behaviour(re.compile(p, f)) for p, f in PATTERNS]
    assert first == expected
    assert again == expected


def test_a_new_pattern_is_added_to_the_kept_ones(kept):
    startup_cache.install(str(kept))
    re.compile(PATTERNS[0][0])
    startup_cache.save()
    startup_cache.uninstall()
    re.purge()
    startup_cache.install(str(kept))
    re.compile(PATTERNS[1][0], PATTERNS[1][1])
    startup_cache.save()
    startup_cache.uninstall()
    startup_cache.install(str(kept))
    assert {PATTERNS[0][0], PATTERNS[1][0]} <= {p for p, _ in startup_cache._kept["patterns"]}


@pytest.mark.parametrize("damage", [b"", b"garbage\n\x00\x01", b"0123\nnot marshal at all"])
def test_a_damaged_file_is_compiled_around_and_rewritten(kept, damage):
    kept.write_bytes(damage)
    assert startup_cache.install(str(kept))
    compiled = re.compile(PATTERNS[2][0], PATTERNS[2][1])
    assert compiled.findall(TEXTS[2]) == ["www.ovh.COM", "mail.example.fi"]
    startup_cache.save()
    startup_cache.uninstall()
    startup_cache.install(str(kept))
    assert (PATTERNS[2][0], PATTERNS[2][1]) in startup_cache._kept["patterns"]


def test_a_changed_byte_in_a_kept_file_reads_as_no_file(kept):
    startup_cache.install(str(kept))
    re.compile(r"(a+)(b)")
    startup_cache.save()
    startup_cache.uninstall()
    data = bytearray(kept.read_bytes())
    data[-3] ^= 0x01  # a flipped bit in the code: never trusted
    kept.write_bytes(bytes(data))
    startup_cache.install(str(kept))
    assert startup_cache._kept["patterns"] == {}


def _make_dataclasses():
    import dataclasses

    @dataclasses.dataclass(frozen=True)
    class Point:
        x: int
        y: int = 0
        tags: tuple = dataclasses.field(default_factory=tuple)

    @dataclasses.dataclass(order=True)
    class Word:
        text: str
        line: int

    return Point, Word


def _dataclass_behaviour():
    import dataclasses

    Point, Word = _make_dataclasses()
    p = Point(1)
    try:
        p.x = 2
        frozen = False
    except dataclasses.FrozenInstanceError:
        frozen = True
    words = sorted([Word("b", 2), Word("a", 9), Word("a", 1)])
    return (repr(p), p == Point(1, 0, ()), hash(p) == hash(Point(1)), frozen, repr(words),
            Word("a", 1) < Word("a", 2), Point.__init__.__defaults__, Point.__init__.__code__.co_varnames)


def test_kept_dataclass_methods_behave_as_those_python_compiles(kept, monkeypatch):
    expected = _dataclass_behaviour()
    assert startup_cache.install(str(kept))
    first = _dataclass_behaviour()
    startup_cache.save()
    startup_cache.uninstall()

    assert startup_cache.install(str(kept))
    # the next run compiles no method source: each comes from the file
    monkeypatch.setattr(startup_cache, "compile", lambda *a, **k: pytest.fail("compiled a kept method"),
                        raising=False)
    again = _dataclass_behaviour()
    assert first == expected
    assert again == expected
    assert startup_cache._kept["sources"]


def test_uninstalling_gives_dataclasses_the_builtin_exec_back(kept):
    import dataclasses

    startup_cache.install(str(kept))
    assert dataclasses.exec is not exec
    startup_cache.uninstall()
    assert not hasattr(dataclasses, "exec")


def test_importing_the_library_leaves_pythons_compiler_alone():
    code = ("import re, dataclasses; before = re._compiler.compile; import lint; "
            "lint.check_text('# Title\\n\\nSome  text\\n', path='guide.en-gb.md'); "
            "print(re._compiler.compile is before, hasattr(dataclasses, 'exec'))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True False"


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    guide = tmp_path / "guide.en-gb.md"
    guide.write_text("# Title\n\nSome text.\n", encoding="utf-8")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "home-cache"))
    done = subprocess.run([sys.executable, "-m", "lint", "check", str(guide), *args],
                          cwd=tmp_path, env=env, capture_output=True, text=True)
    assert "frontmatter/missing-key" in done.stdout, done.stderr
    return done


def test_the_command_keeps_its_patterns_in_the_users_cache_folder(tmp_path):
    _run(tmp_path)
    kept = list((tmp_path / "home-cache" / "guidelint").glob("compiled-*.marshal"))
    assert len(kept) == 1
    assert Path(startup_cache.default_file()).name.startswith("compiled-cpython-") or \
        sys.implementation.name != "cpython"


def test_no_cache_writes_no_patterns(tmp_path):
    _run(tmp_path, "--no-cache")
    assert not (tmp_path / "home-cache").exists()
