"""A batch run frees parsed guides by reference counting and collects cycles at folder ends."""
import gc
import os
import weakref

from lint import garbage
from lint.document import Document
from lint.memo import RunMemo

from scale_helpers import run_cli

GUIDE = "# Title\n\n- a [link](https://example.com) in a list\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"


def _without_automatic_collection(test):
    was_on = gc.isenabled()
    gc.disable()
    try:
        return test()
    finally:
        if was_on:
            gc.enable()


def test_a_released_guide_is_freed_as_soon_as_nothing_holds_it():
    def check():
        kept = Document.from_text(GUIDE, "g.en-gb.md")
        kept.memo(lambda doc: doc)  # a memo value that points back at the guide
        held = weakref.ref(kept)
        del kept
        assert held() is not None  # children point at their parents: only a collection frees it

        released = Document.from_text(GUIDE, "g.en-gb.md")
        released.memo(lambda doc: doc)
        gone = weakref.ref(released)
        released.release()
        del released
        assert gone() is None
    _without_automatic_collection(check)
    gc.collect()


def test_leaving_a_folder_releases_the_guides_parsed_for_it(tmp_path):
    def check():
        memo = RunMemo()
        memo.begin_file(str(tmp_path / "one" / "g.en-gb.md"))
        doc = memo.get(("parsed", "one"), lambda: Document.from_text(GUIDE, "g.en-gb.md"), scope="folder")
        first_item = next(doc.walk("list_item"))
        assert first_item.parent is not None
        held = weakref.ref(doc)
        del doc
        memo.end_file()
        memo.begin_file(str(tmp_path / "two" / "g.en-gb.md"))
        assert held() is None and first_item.parent is None
    _without_automatic_collection(check)


def test_a_check_collects_at_folder_ends_and_gives_automatic_collection_back(tmp_path, monkeypatch, capsys):
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "guide.en-gb.md").write_text(GUIDE)
    collections = []
    monkeypatch.setattr(garbage, "FILES_PER_COLLECTION", 1)
    monkeypatch.setattr(garbage.gc, "collect", lambda *a: collections.append(gc.isenabled()) or 0)
    assert gc.isenabled()
    code, _, _ = run_cli(monkeypatch, capsys, tmp_path, "check", "--no-cache", "--jobs", "1", ".")
    assert code in (0, 1)
    assert collections == [False, False]  # leaving a/ and b/, with automatic collection off
    assert gc.isenabled()


def test_the_command_leaves_collection_off_when_its_process_ends_with_the_run(tmp_path, monkeypatch, capsys):
    """Turning collection back on would collect all the run allocated, just before the exit."""
    (tmp_path / "guide.en-gb.md").write_text(GUIDE)
    monkeypatch.setitem(garbage._state, "ending", False)
    garbage.process_ends_with_the_run()
    try:
        code, _, _ = run_cli(monkeypatch, capsys, tmp_path, "check", "--no-cache", "--jobs", "1", ".")
        assert code in (0, 1)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_flat_repository_is_collected_in_the_middle_of_its_one_folder(tmp_path, monkeypatch, capsys):
    for n in range(5):
        (tmp_path / f"guide-{n}.en-gb.md").write_text(GUIDE)
    collections = []
    monkeypatch.setattr(garbage, "FILES_IN_ONE_FOLDER", 2)
    monkeypatch.setattr(garbage.gc, "collect", lambda *a: collections.append(True) or 0)
    run_cli(monkeypatch, capsys, tmp_path, "check", "--no-cache", "--jobs", "1", ".")
    assert len(collections) == 2  # after the second and the fourth guide


def test_a_guide_no_cross_file_rule_reads_is_released_as_soon_as_it_is_checked(tmp_path, monkeypatch, capsys):
    for locale in ("en-gb", "fr-fr"):
        (tmp_path / f"guide.{locale}.md").write_text(GUIDE)
    released = []
    release = Document.release
    monkeypatch.setattr(Document, "release", lambda doc: released.append(doc.path) or release(doc))
    run_cli(monkeypatch, capsys, tmp_path, "check", "--no-cache", "--jobs", "1", "--select", "whitespace", ".")
    assert sorted(os.path.basename(p) for p in released) == ["guide.en-gb.md", "guide.fr-fr.md"]
    # a translation rule reads the folder's other guides: they are kept until the folder is left
    released.clear()
    run_cli(monkeypatch, capsys, tmp_path, "check", "--no-cache", "--jobs", "1", ".")
    assert released == []
