"""The result cache: a warm run parses nothing; each kind of input invalidates what it should."""
import json
import marshal
import os

import pytest

import lint.version
from lint import registry
from lint.cache import ENTRY, PACK, Cache, read_entry, with_checksum
from lint.document import Document
from lint.finding import Edit
from lint.rule import Rule

from scale_helpers import make_tree, run_cli


@pytest.fixture
def parses(monkeypatch):
    """Paths of the documents parsed, in order."""
    seen = []
    original = Document.from_source.__func__

    def counting(cls, source, path, locale=None):
        seen.append(os.path.basename(os.path.dirname(path)) + "/" + os.path.basename(path))
        return original(cls, source, path, locale)

    monkeypatch.setattr(Document, "from_source", classmethod(counting))
    return seen


class ReadsSource(Rule):
    """Test rule: compares a translation's first line with its fr-fr source, and reads a word list."""

    id = "testonly/reads-source"
    severity = "warning"
    summary = "first line differs from the source"
    cross_file = True

    def check(self, doc, ctx):
        def lexicon():  # a value built from another: it inherits that one's inputs
            return ctx.services.get(("words", "list.dic"), lambda: open("list.dic").read().split(),
                                    inputs=["list.dic"])

        words = ctx.services.get(("lexicon",), lexicon)
        if doc.locale == "fr-fr":
            return
        source = os.path.join(os.path.dirname(doc.path), "guide.fr-fr.md")
        ctx.depends_on(source)
        if not os.path.exists(source):
            ctx.report(1, 1, "no source")
            return
        with open(source, encoding="utf-8") as f:
            first = f.readline().rstrip("\n")
        if first != doc.line(1):
            ctx.report(1, 1, f"differs from source ({len(words)} words)")


@pytest.fixture
def cross_rule():
    registry.load()
    registry.register(ReadsSource)
    yield ReadsSource
    registry._RULES.pop(ReadsSource.id, None)


def _check(monkeypatch, capsys, tmp_path, *extra):
    return run_cli(monkeypatch, capsys, tmp_path, "check", "docs", "--jobs", "1", *extra)


def test_warm_run_parses_nothing_and_reports_the_same(write, tmp_path, monkeypatch, capsys, parses):
    make_tree(write, folders=4)
    cold = _check(monkeypatch, capsys, tmp_path)
    assert len(set(parses)) == 12
    parses.clear()
    warm = _check(monkeypatch, capsys, tmp_path)
    assert parses == []
    assert warm == cold
    assert os.path.isfile(tmp_path / ".guidelint_cache" / "CACHEDIR.TAG")


class Percent(Rule):
    """Test rule: a message JSON must escape, with an unsafe fix."""

    id = "testonly/percent"
    severity = "info"
    summary = "says 'Ports'"

    def check(self, doc, ctx):
        for n, line in enumerate(doc.lines, 1):
            if line.startswith("Ports"):
                ctx.report(n, 1, 'write "Ports" \\ à 100%d %s', end_column=6,
                           edits=[Edit(n, 1, n, 6, "Gates")], applicability="unsafe")


def test_a_warm_json_report_writes_the_stored_findings_byte_for_byte(write, tmp_path, monkeypatch, capsys):
    """A warm JSON run writes a hit's findings from the entry as stored, never making Findings;
    paths and messages with quotes, backslashes, '%' and accents come out as a cold run's."""
    import lint.cache

    registry.load()
    monkeypatch.setitem(registry._RULES, Percent.id, Percent)
    make_tree(write, folders=2)
    write('docs/100%d "q" \\ é/guide.fr-fr.md', "Ports  and more.\n")
    write("docs/broken.en-gb.md", b"bad \xff byte\n")  # an engine error: never from the entry as is
    args = ("--format", "json", "--select", "whitespace,links,testonly")
    fresh = _check(monkeypatch, capsys, tmp_path, "--no-cache", *args)
    assert _check(monkeypatch, capsys, tmp_path, *args) == fresh
    made = []
    monkeypatch.setattr(lint.cache.Stored, "findings", lambda self: made.append(self.path))
    warm = _check(monkeypatch, capsys, tmp_path, *args)
    assert warm == fresh and made == []
    findings = json.loads(warm[1])["findings"]
    assert {(f["fixable"], str(f["fix"])) for f in findings} == {
        (True, "{'applicability': 'safe'}"), (False, "{'applicability': 'unsafe'}"),
        (False, "None")}
    assert 'docs/100%d "q" \\ é/guide.fr-fr.md' in {f["path"] for f in findings}


def test_a_path_no_utf8_encodes_is_reported_warm_as_cold(write, tmp_path, monkeypatch, capsys):
    """An entry cannot keep JSON records for a folder name with undecodable bytes: a warm run
    makes them from the findings, as a cold run does."""
    write(os.fsdecode(b"docs/g\xff/guide.en-gb.md"), "Ports  995.\n")
    args = ("--format", "json", "--select", "whitespace")
    fresh = _check(monkeypatch, capsys, tmp_path, "--no-cache", *args)
    assert _check(monkeypatch, capsys, tmp_path, *args) == fresh
    assert _check(monkeypatch, capsys, tmp_path, *args) == fresh


def test_content_change_rechecks_that_file_only(write, tmp_path, monkeypatch, capsys, parses):
    make_tree(write, folders=3)
    _check(monkeypatch, capsys, tmp_path, "--select", "whitespace,tables")
    path = tmp_path / "docs/topic1/guide1/guide.en-gb.md"
    path.write_text(path.read_text() + "\nNew  double.\n")
    parses.clear()
    _, out, _ = _check(monkeypatch, capsys, tmp_path, "--select", "whitespace,tables")
    assert parses == ["guide1/guide.en-gb.md"]
    assert "New  double" in out


def test_config_change_rechecks_everything(write, tmp_path, monkeypatch, capsys, parses):
    make_tree(write, folders=2)
    write(".guidelint.yaml", "fail_on: error\n")
    _check(monkeypatch, capsys, tmp_path)
    write(".guidelint.yaml", "fail_on: error\nignore: [whitespace/double-space]\n")
    parses.clear()
    _, out, _ = _check(monkeypatch, capsys, tmp_path)
    assert len(set(parses)) == 6 and "double-space" not in out
    # the cache lives at the configuration's root and honours cache_dir
    write(".guidelint.yaml", "fail_on: error\ncache_dir: .cache/gl\n")
    run_cli(monkeypatch, capsys, tmp_path / "docs", "check", ".", "--jobs", "1")
    assert os.path.isfile(tmp_path / ".cache/gl/CACHEDIR.TAG")


def test_cli_select_is_part_of_the_key(write, tmp_path, monkeypatch, capsys, parses):
    make_tree(write, folders=1)
    _check(monkeypatch, capsys, tmp_path, "--select", "whitespace")
    parses.clear()
    _, out, _ = _check(monkeypatch, capsys, tmp_path, "--select", "links")
    assert len(set(parses)) == 3 and "double-space" not in out


def test_version_change_rechecks_everything(write, tmp_path, monkeypatch, capsys, parses):
    make_tree(write, folders=2)
    _check(monkeypatch, capsys, tmp_path)
    monkeypatch.setattr(lint.version, "__version__", "99.0")
    parses.clear()
    _check(monkeypatch, capsys, tmp_path)
    assert len(set(parses)) == 6
    assert len(os.listdir(tmp_path / ".guidelint_cache")) == 3  # the old version's entries are gone


def test_changing_a_source_rechecks_its_translations_only(write, tmp_path, monkeypatch, capsys, parses,
                                                           cross_rule):
    make_tree(write, folders=3)
    write("list.dic", "one\ntwo\n")
    args = ("--select", "testonly/reads-source")
    _check(monkeypatch, capsys, tmp_path, *args)
    source = tmp_path / "docs/topic1/guide1/guide.fr-fr.md"
    source.write_text("changed first line\n" + source.read_text())
    parses.clear()
    _, out, _ = _check(monkeypatch, capsys, tmp_path, *args)
    assert sorted(parses) == ["guide1/guide.en-gb.md", "guide1/guide.fi-fi.md", "guide1/guide.fr-fr.md"]
    assert out.count("differs from source") == 2
    # a source that appears where none was: its folder's translations are re-checked
    (tmp_path / "docs/topic2/guide2/guide.fr-fr.md").unlink()
    _check(monkeypatch, capsys, tmp_path, *args)
    write("docs/topic2/guide2/guide.fr-fr.md", "x\n")
    parses.clear()
    _check(monkeypatch, capsys, tmp_path, *args)
    assert sorted(parses) == ["guide2/guide.en-gb.md", "guide2/guide.fi-fi.md", "guide2/guide.fr-fr.md"]


def test_a_data_file_the_rules_read_is_an_input(write, tmp_path, monkeypatch, capsys, parses, cross_rule):
    make_tree(write, folders=2)
    write("list.dic", "one\ntwo\n")
    args = ("--select", "testonly/reads-source")
    _check(monkeypatch, capsys, tmp_path, *args)
    parses.clear()
    _check(monkeypatch, capsys, tmp_path, *args)
    assert parses == []
    write("list.dic", "one\ntwo\nthree\n")
    _check(monkeypatch, capsys, tmp_path, *args)
    assert len(parses) == 6


def _cache_files(tmp_path, keep) -> list[str]:
    return [os.path.join(d, n) for d, _, ns in os.walk(tmp_path / ".guidelint_cache") for n in ns if keep(n)]


def _entry_files(tmp_path) -> list[str]:
    return _cache_files(tmp_path, lambda n: n.endswith(ENTRY))


def _the_pack(tmp_path) -> str:
    [pack] = _cache_files(tmp_path, lambda n: n == PACK)
    return pack


def test_corrupt_entries_are_ignored(write, tmp_path, monkeypatch, capsys, parses):
    make_tree(write, folders=2)
    cold = _check(monkeypatch, capsys, tmp_path)
    entries = _entry_files(tmp_path)
    assert len(entries) == 6
    # garbage, a truncated body, and well-checksummed bodies of the wrong shape
    bodies = [b"", b"{not marshal", with_checksum(marshal.dumps([])),
              with_checksum(marshal.dumps({"content": 1})), b"\xff\xfe",
              with_checksum(marshal.dumps({"content": "x", "deps": 3}))]
    for entry, body in zip(entries, bodies):
        with open(entry, "wb") as f:
            f.write(body)
    parses.clear()
    assert _check(monkeypatch, capsys, tmp_path) == cold
    assert len(set(parses)) == 6
    assert not [n for d, _, ns in os.walk(tmp_path / ".guidelint_cache") for n in ns if n.endswith(".tmp")]


def test_a_large_run_reads_one_pack_and_a_broken_pack_is_a_miss(write, tmp_path, monkeypatch, capsys, parses):
    import lint.runner

    monkeypatch.setattr(lint.runner, "PACK_FROM", 2)  # these six guides count as a large run
    make_tree(write, folders=2)
    cold = _check(monkeypatch, capsys, tmp_path)
    pack = _the_pack(tmp_path)
    for entry in _entry_files(tmp_path):  # the pack alone answers
        os.unlink(entry)
    parses.clear()
    assert _check(monkeypatch, capsys, tmp_path) == cold
    assert parses == []
    with open(pack, "r+b") as f:  # one flipped byte: the checksum no longer matches
        f.seek(40)
        byte = f.read(1)
        f.seek(40)
        f.write(bytes([byte[0] ^ 1]))
    assert _check(monkeypatch, capsys, tmp_path) == cold
    assert len(set(parses)) == 6


def test_the_pack_lets_go_of_entries_no_run_asks_for(write, tmp_path, monkeypatch, capsys, parses):
    """Each configuration has its own entries: the pack keeps an earlier one's as long as they
    do not outnumber the current run's, so it never grows past twice a run's size."""
    import lint.runner

    monkeypatch.setattr(lint.runner, "PACK_FROM", 2)
    make_tree(write, folders=2)

    def packed() -> int:
        body = open(_the_pack(tmp_path), "rb").read().partition(b"\n")[2]
        return len(marshal.loads(body[8:8 + int.from_bytes(body[:8], "little")]))

    sizes = []
    for select in ("whitespace", "links", "whitespace", "punctuation", "links"):
        _check(monkeypatch, capsys, tmp_path, "--select", select)
        sizes.append(packed())
    assert sizes == [6, 12, 12, 6, 12]
    parses.clear()
    _check(monkeypatch, capsys, tmp_path, "--select", "whitespace")  # its entry files still answer
    assert parses == []


def test_a_large_run_keeps_its_pack_up_to_date(write, tmp_path, monkeypatch, capsys, parses):
    """An edited guide's folder gets new entries in the pack (its siblings read it); every other
    entry keeps answering from it, and the next run from the pack alone."""
    import lint.runner

    monkeypatch.setattr(lint.runner, "PACK_FROM", 2)
    make_tree(write, folders=2)
    _check(monkeypatch, capsys, tmp_path)
    path = tmp_path / "docs/topic1/guide1/guide.fi-fi.md"
    path.write_text(path.read_text() + "\nAnother  line.\n")
    parses.clear()
    edited = _check(monkeypatch, capsys, tmp_path)
    assert sorted(parses) == ["guide1/guide.en-gb.md", "guide1/guide.fi-fi.md", "guide1/guide.fr-fr.md"]
    for entry in _entry_files(tmp_path):  # the pack alone answers
        os.unlink(entry)
    parses.clear()
    assert _check(monkeypatch, capsys, tmp_path) == edited
    assert parses == []
    assert _check(monkeypatch, capsys, tmp_path, "--no-cache") == edited


def test_no_cache_and_cache_clear(write, tmp_path, monkeypatch, capsys, parses):
    make_tree(write, folders=1)
    _check(monkeypatch, capsys, tmp_path, "--no-cache")
    assert not (tmp_path / ".guidelint_cache").exists()
    _check(monkeypatch, capsys, tmp_path)
    assert (tmp_path / ".guidelint_cache").exists()
    code, out, _ = run_cli(monkeypatch, capsys, tmp_path, "cache", "clear")
    assert code == 0 and "removed" in out
    assert not (tmp_path / ".guidelint_cache").exists()


def test_clear_refuses_a_folder_it_did_not_create(tmp_path):
    from lint.cache import clear

    (tmp_path / "precious").mkdir()
    (tmp_path / "precious" / "thesis.md").write_text("x")
    with pytest.raises(OSError):
        clear(str(tmp_path / "precious"))
    assert (tmp_path / "precious" / "thesis.md").exists()


def test_entry_round_trips_edits(tmp_path):
    cache = Cache(str(tmp_path / "c"), "code")
    found = lint.check_text("a  b\n", path="g.md")
    cache.store("g.md", "fp", "h", {}, found)
    assert cache.lookup("g.md", "fp", "h") == found
    assert cache.lookup("g.md", "fp", "other") is None
    assert [f.edits for f in cache.lookup("g.md", "fp", "h")] == [f.edits for f in found]
    entry = os.path.join(cache.entries, os.listdir(cache.entries)[0])
    checksum, body = open(entry, "rb").read().split(b"\n", 1)
    content, inputs, digests, lists, json_records, summary = read_entry(body)
    assert len(marshal.loads(lists)) == len(found) == summary[0]["warning"]
    assert json.loads("[" + str(json_records, "utf-8") + "]") == [f.to_dict() for f in found]


def test_an_entry_edited_by_hand_is_a_miss(tmp_path):
    """Entries are rebuilt without type checks, so a body that still loads but is no longer what
    guidelint wrote (a line number turned into text) must not be served."""
    cache = Cache(str(tmp_path / "c"), "code")
    cache.store("g.md", "fp", "h", {}, lint.check_text("a  b\n", path="g.md"))
    entry = os.path.join(cache.entries, os.listdir(cache.entries)[0])
    checksum, body = open(entry, "rb").read().split(b"\n", 1)
    content, inputs, digests, lists, json_records, summary = read_entry(body)
    edited = marshal.loads(lists)
    edited[0][0] = "1"
    edited = marshal.dumps(edited)
    head = marshal.dumps((content, inputs, digests, len(edited), summary))
    open(entry, "wb").write(checksum + b"\n" + len(head).to_bytes(4, "little") + head + edited + json_records)
    assert Cache(str(tmp_path / "c"), "code").lookup("g.md", "fp", "h") is None


def test_stat_index_skips_reading_but_never_hides_an_edit(write, tmp_path, monkeypatch, capsys, parses):
    import lint.cache as cache_module

    monkeypatch.setattr(cache_module, "SETTLED", -1.0)  # trust stats of files written just now
    make_tree(write, folders=1)
    _check(monkeypatch, capsys, tmp_path, "--select", "whitespace")
    index = _cache_files(tmp_path, lambda n: n == cache_module.INDEX)
    assert len(index) == 1 and len(marshal.loads(open(index[0], "rb").read().partition(b"\n")[2])) == 3
    reads = []
    real_open = open

    def counting_open(file, mode="r", *a, **k):
        if str(file).endswith(".md"):
            reads.append(file)
        return real_open(file, mode, *a, **k)

    monkeypatch.setattr("builtins.open", counting_open)
    parses.clear()
    # JSON: the text format reads the lines of files with findings back, to show them
    _check(monkeypatch, capsys, tmp_path, "--select", "whitespace", "--format", "json")
    assert reads == [] and parses == []
    monkeypatch.setattr("builtins.open", real_open)
    # same size, same mtime, different content: the inode's ctime still moves
    path = tmp_path / "docs/topic0/guide0/guide.en-gb.md"
    st = os.stat(path)
    text = path.read_text()
    path.write_text(text.replace("Ports 995", "Ports 996"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    _, out, _ = _check(monkeypatch, capsys, tmp_path, "--select", "whitespace")
    assert parses == ["guide0/guide.en-gb.md"]


def test_a_folder_listing_taken_from_the_stat_index_still_sees_a_new_name(write, tmp_path, monkeypatch, capsys,
                                                                          parses):
    import lint.cache as cache_module

    monkeypatch.setattr(cache_module, "SETTLED", -1.0)  # trust stats of folders written just now
    make_tree(write, folders=2)
    _check(monkeypatch, capsys, tmp_path)
    for _ in range(2):  # the first warm run records the folders its hits' inputs name
        parses.clear()
        _check(monkeypatch, capsys, tmp_path)
        assert parses == []
    index = _cache_files(tmp_path, lambda n: n == cache_module.INDEX)
    recorded = marshal.loads(open(index[0], "rb").read().partition(b"\n")[2])
    assert str(tmp_path / "docs/topic0/guide0") in recorded  # a folder the translations list
    write("docs/topic0/guide0/image.png", b"\x89PNG")  # the folder's mtime moves
    _check(monkeypatch, capsys, tmp_path)
    assert sorted(parses) == ["guide0/guide.en-gb.md", "guide0/guide.fi-fi.md", "guide0/guide.fr-fr.md"]


def test_cached_findings_get_their_source_lines_back(write, tmp_path, monkeypatch, capsys, parses):
    """Entries do not copy the file's lines; text output and baselines read them back."""
    make_tree(write, folders=2)
    write("docs/broken.en-gb.md", b"bad \xff byte\n")  # an engine finding: no line to show
    _check(monkeypatch, capsys, tmp_path, "--write-baseline", "cold.json")
    parses.clear()
    _check(monkeypatch, capsys, tmp_path, "--write-baseline", "warm.json")
    assert parses == []
    assert (tmp_path / "warm.json").read_text() == (tmp_path / "cold.json").read_text()
