"""Spelling answers kept between runs (lint/answers.py): a translator's next commit asks a
dictionary only the words no earlier run asked, so it usually loads none."""
import hunspell
import pytest

from lint import dictionaries, preload, runner
from lint.answers import AnswerStore
from scale_helpers import run_cli


class _CountingBackend:
    name, compounds = "Counting", False

    def __init__(self, dic):
        self.label, self.inputs = "Counting xx", (str(dic),)
        self.asked = []

    def spell(self, word):
        self.asked.append(word)
        return word != "kisa"

    def suggest(self, word):
        self.asked.append(word)
        return ("kissa",)


def _finish_run(store):
    """What the runner does with a file's answers, then at the end of the run."""
    store.merge(store.drain())
    store.save()


def test_a_later_run_asks_the_backend_only_words_no_run_asked(tmp_path):
    dic = tmp_path / "xx.dic"
    dic.write_text("2\ntalo\nkissa\n")
    store = AnswerStore(str(tmp_path / "cache"))
    speller = dictionaries.Speller(_CountingBackend(dic), "xx", store)
    assert speller.known("talo") and not speller.known("kisa") and speller.suggest("kisa") == ("kissa",)
    _finish_run(store)

    later = _CountingBackend(dic)
    speller = dictionaries.Speller(later, "xx", AnswerStore(str(tmp_path / "cache")))
    assert speller.known("talo") and not speller.known("kisa") and speller.suggest("kisa") == ("kissa",)
    assert speller.known("koira")
    assert later.asked == ["koira"]


def _one_run(dic, folder, word):
    backend = _CountingBackend(dic)
    store = AnswerStore(str(folder))
    dictionaries.Speller(backend, "xx", store).known(word)
    _finish_run(store)
    return backend.asked


def test_a_changed_dictionary_starts_afresh(tmp_path):
    dic = tmp_path / "xx.dic"
    dic.write_text("1\ntalo\n")
    assert _one_run(dic, tmp_path, "talo") == ["talo"]
    assert _one_run(dic, tmp_path, "talo") == []
    dic.write_text("2\ntalo\nkisa\n")  # a new dictionary: the old verdicts may be wrong now
    assert _one_run(dic, tmp_path, "talo") == ["talo"]


def test_a_torn_or_foreign_answers_file_is_ignored(tmp_path):
    dic = tmp_path / "xx.dic"
    dic.write_text("1\ntalo\n")
    _one_run(dic, tmp_path, "talo")
    [saved] = tmp_path.glob("answers-*.marshal")
    saved.write_bytes(saved.read_bytes()[:-3])
    assert _one_run(dic, tmp_path, "talo") == ["talo"]
    saved.write_bytes(b"not ours\n\x00\x01")
    assert _one_run(dic, tmp_path, "talo") == ["talo"]


GUIDE = "---\ntitle: Talo\n---\n\n# Talo\n\nTalo ja kissa.\n"


def _project(write):
    write(".guidelint.yaml", "dictionaries: [dicts]\nrules:\n  spelling/unknown-word: {locales: ['*']}\n")
    write("dicts/xx_XX.aff", "SET UTF-8\n")
    write("dicts/xx_XX.dic", "3\ntalo\nkissa\nja\n")
    write("docs/talo/guide.xx-xx.md", GUIDE)


@pytest.fixture
def loads(monkeypatch):
    """Each Hunspell dictionary loaded, as a new process would (no dictionary already loaded).
    A one-core machine: no helper process loads dictionaries ahead (lint.preload), which
    would load them whether the run asks them or not."""
    monkeypatch.setattr(preload, "_cores", lambda: 1)
    loaded = []
    real = hunspell.Hunspell
    monkeypatch.setattr(hunspell, "Hunspell", lambda name, **k: loaded.append(name) or real(name, **k))
    dictionaries._hunspell.cache_clear()
    yield loaded
    dictionaries._hunspell.cache_clear()


def test_the_next_commit_loads_no_dictionary_for_words_already_asked(write, tmp_path, monkeypatch, capsys,
                                                                      loads):
    _project(write)
    code, out, _ = run_cli(monkeypatch, capsys, tmp_path, "check", "docs/talo/guide.xx-xx.md")
    assert "xx_XX" in loads and "kissa" not in out

    loads.clear()
    dictionaries._hunspell.cache_clear()
    write("docs/talo/guide.xx-xx.md", GUIDE + "\nTalo ja kissa.\n")  # edited: its result is stale
    code, out, _ = run_cli(monkeypatch, capsys, tmp_path, "check", "docs/talo/guide.xx-xx.md")
    assert loads == []

    write("docs/talo/guide.xx-xx.md", GUIDE + "\nTalo ja tqlo.\n")  # a word never asked
    code, out, _ = run_cli(monkeypatch, capsys, tmp_path, "check", "docs/talo/guide.xx-xx.md")
    assert "xx_XX" in loads and "'tqlo' is not in the xx_XX dictionary" in out


def test_no_cache_keeps_no_answers(write, tmp_path, monkeypatch, capsys, loads):
    _project(write)
    run_cli(monkeypatch, capsys, tmp_path, "check", "--no-cache", "docs/talo/guide.xx-xx.md")
    assert "xx_XX" in loads and not list(tmp_path.rglob("answers-*"))


def test_answers_learnt_in_worker_processes_are_saved(write, tmp_path, monkeypatch, capsys, loads):
    _project(write)
    animals = ["Koira", "Hevonen", "Lintu", "Kala"]
    for animal in animals:
        write(f"docs/{animal}/guide.xx-xx.md", GUIDE.replace("Talo ja", f"{animal} ja"))
    monkeypatch.setattr(runner, "SERIAL_BELOW", 2)
    run_cli(monkeypatch, capsys, tmp_path, "check", "--jobs", "2", "docs")
    words = set()
    for path in (tmp_path / ".guidelint_cache").rglob("answers-*.marshal"):
        words |= set(AnswerStore(str(path.parent))._read(path.name[len("answers-"):-len(".marshal")])[0])
    assert set(animals) <= words
