"""Dictionaries loaded ahead in a helper process (lint.preload): the same answers as the
dictionary loaded in process, whatever happens to the helper."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint import dictionaries, preload, spellers
from lint.config import Config, ConfigResolver

WORDS = ["house", "colour", "color", "hoouse", "Helsinki", "sähköposti", "mailbox", "it's",
         "bad\udcffword", "ensimmäisenn", ""]


def _english():
    found = dictionaries.find_dictionary("en", dictionaries.search_dirs())
    if found is None:
        pytest.skip("no English Hunspell dictionary")
    return found


@pytest.fixture
def helper(monkeypatch):
    """preload.start as the run calls it, on any machine (the helper needs a second core)."""
    monkeypatch.setattr(preload, "_cores", lambda: 2)
    yield preload.start
    preload.stop()


def test_the_helper_answers_as_the_dictionary_in_this_process(helper):
    name, folder = _english()
    local = spellers.HunspellBackend(name, folder, "test")
    expected = [(local.spell(w), local.suggest(w)) for w in WORDS]
    assert helper([(name, folder)])
    ahead = spellers.HunspellBackend(name, folder, "test")
    assert [(ahead.spell(w), ahead.suggest(w)) for w in WORDS] == expected
    assert ahead._loaded is None  # every answer came from the helper
    assert preload._loader.questions == 2 * len(WORDS)


def test_a_helper_started_early_and_told_later_answers_as_the_dictionary_in_this_process(helper):
    name, folder = _english()
    local = spellers.HunspellBackend(name, folder, "test")
    expected = [(local.spell(w), local.suggest(w)) for w in WORDS]
    assert preload.start_early()  # before the run knows what it will want
    early = preload._early
    assert helper([(name, folder)])
    assert preload._loader.process is early and preload._early is None
    ahead = spellers.HunspellBackend(name, folder, "test")
    assert [(ahead.spell(w), ahead.suggest(w)) for w in WORDS] == expected
    assert ahead._loaded is None


def test_a_helper_started_early_but_never_told_what_to_load_ends_with_the_run(helper):
    assert preload.start_early()
    early = preload._early
    preload.stop()
    assert early.poll() is not None and preload._early is None


@pytest.mark.parametrize("argv, hook", [
    (["check", "--changed-lines-only", "{guide}", "{translation}"], True),
    (["check", "--format", "json", "{guide}"], True),
    (["check", "{folder}"], False),                      # a folder: a run too large to gain
    (["check", "{guide}", "{folder}"], False),
    (["rules"], False),
    (["check", "-"], False),                             # standard input
    (["check", "missing.md"], False),
])
def test_the_command_starts_the_helper_early_only_for_what_looks_like_a_hook_run(tmp_path, argv, hook):
    from lint.launch import looks_like_a_hook_run

    (tmp_path / "docs").mkdir()
    names = {"guide": tmp_path / "docs" / "guide.en-gb.md", "translation": tmp_path / "docs" / "guide.fi-fi.md",
             "folder": tmp_path / "docs"}
    for key in ("guide", "translation"):
        names[key].write_text("# T\n", encoding="utf-8")
    assert looks_like_a_hook_run([a.format(**names) for a in argv]) is hook


def test_after_enough_questions_the_backend_loads_its_own_copy(helper, monkeypatch):
    name, folder = _english()
    monkeypatch.setattr(preload, "MAX_QUESTIONS", 3)
    helper([(name, folder)])
    backend = spellers.HunspellBackend(name, folder, "test")
    assert [backend.spell(w) for w in ("house", "hoouse", "colour", "mailbox")] == [True, False, True, True]
    assert backend._loaded is not None


def test_a_dead_helper_leaves_the_backend_to_load_the_dictionary(helper):
    name, folder = _english()
    helper([(name, folder)])
    preload._loader.process.kill()
    preload._loader.process.wait()
    backend = spellers.HunspellBackend(name, folder, "test")
    assert backend.spell("house") and not backend.spell("hoouse")
    assert backend._loaded is not None


def test_a_dictionary_the_helper_cannot_load_is_loaded_by_the_backend_and_fails_there(helper, tmp_path):
    helper([("xx_XX", str(tmp_path))])
    assert preload.ask(preload.SPELL, "xx_XX", str(tmp_path), "house") is None
    assert preload.ask(preload.SPELL, "en_GB", "/elsewhere", "house") is None  # not preloaded


def test_one_core_or_a_large_run_starts_no_helper(monkeypatch, tmp_path):
    name, folder = _english()
    monkeypatch.setattr(preload, "_cores", lambda: 1)
    assert not preload.start([(name, folder)])
    monkeypatch.setattr(preload, "_cores", lambda: 2)
    paths = [str(tmp_path / f"g{i}" / "guide.en-gb.md") for i in range(preload.SMALL_RUN + 1)]
    assert not dictionaries.load_ahead(paths, ConfigResolver())
    assert preload._loader is None


def test_a_translation_preloads_english_and_its_own_dictionary_unless_voikko_checks_it(monkeypatch):
    name, folder = _english()
    predicted = []
    monkeypatch.setattr(preload, "start", lambda wanted: predicted.extend(wanted) or True)
    dictionaries.load_ahead(["docs/guide.en-gb.md"], ConfigResolver())
    assert predicted == [dictionaries.likely_hunspell("en-gb", {}), (name, folder)]
    predicted.clear()
    voikko = Config(data={"spelling": {"fi": "voikko"}})
    dictionaries.load_ahead(["docs/guide.fi-fi.md"], ConfigResolver(voikko))
    assert predicted == [(name, folder)]  # English only: Voikko checks Finnish
    assert dictionaries.likely_hunspell("fi-fi", {"spelling": {"fi": "voikko"}}) is None


def test_a_run_with_the_helper_reports_what_a_run_without_it_does(tmp_path):
    _english()
    guide = tmp_path / "guide.en-gb.md"
    guide.write_text("# Title\n\nFirst chek the mailbox settings and the adress.\n", encoding="utf-8")
    translation = tmp_path / "guide.fi-fi.md"
    translation.write_text("# Otsikko\n\nTarkista ensimmäisenn postilaatikon asetukset.\n", encoding="utf-8")

    def run(cores: str) -> tuple[list, str]:
        code = ("import sys, lint.preload as p; p._cores = lambda: " + cores + "\n"
                "stop = p.stop\n"
                "def counted():\n"
                "    print('asked', p._loader.questions if p._loader else 0, file=sys.stderr)\n"
                "    stop()\n"
                "p.stop = counted\n"
                "from lint.cli import main; sys.exit(main(sys.argv[1:]))")
        out = subprocess.run([sys.executable, "-c", code, "check", "--no-cache", "--format", "json",
                              str(guide), str(translation)], capture_output=True, text=True,
                             cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
        return json.loads(out.stdout)["findings"], out.stderr.split()[-1]

    (with_helper, asked), (without, none) = run("2"), run("1")
    assert with_helper == without
    assert int(asked) > 0 and none == "0"
    assert "spelling/doubled-letter" in {f["rule"] for f in without}
