"""--jobs: worker processes give byte-identical output, in input order."""
import lint.pool as pool
import lint.runner as runner
from lint.document import Document
from lint.runner import ConfigResolver, RunOptions, Services, collect_files, run

from scale_helpers import make_tree, run_cli


def test_jobs_1_and_2_give_identical_output(write, tmp_path, monkeypatch, capsys):
    make_tree(write, folders=12)
    write("docs/broken.md", b"bad \xff byte\n")
    monkeypatch.setattr(runner, "SERIAL_BELOW", 0)  # use the pool even for this small tree
    outputs = {}
    for jobs in ("1", "2"):
        for fmt in ("text", "json"):
            code, out, _ = run_cli(monkeypatch, capsys, tmp_path, "check", "docs", "--no-cache",
                                   "--jobs", jobs, "--format", fmt)
            outputs[jobs, fmt] = (code, out)
    assert outputs["1", "text"] == outputs["2", "text"]
    assert outputs["1", "json"] == outputs["2", "json"]
    assert "whitespace/double-space" in outputs["1", "text"][1]
    assert "internal/unreadable" in outputs["1", "text"][1]


def test_results_come_in_input_order_from_workers(write, tmp_path, monkeypatch):
    make_tree(write, folders=12)
    monkeypatch.setattr(runner, "SERIAL_BELOW", 0)
    files, _ = collect_files([str(tmp_path / "docs")])
    files = list(reversed(files))
    results = list(run(files, ConfigResolver(), Services(), RunOptions(jobs=2)))
    assert [r.path for r in results] == files


def test_few_files_are_checked_in_this_process(write, tmp_path, monkeypatch):
    make_tree(write, folders=2)

    def no_pool(*a, **k):
        raise AssertionError("a pool was started for a handful of files")

    monkeypatch.setattr(pool, "pool_results", no_pool)
    files, _ = collect_files([str(tmp_path / "docs")])
    results = list(run(files, ConfigResolver(), Services(), RunOptions(jobs=8)))
    assert len(results) == len(files)


def test_no_document_is_kept(write, tmp_path, monkeypatch):
    """Streaming: results carry findings only, never the parsed document."""
    make_tree(write, folders=3)
    files, _ = collect_files([str(tmp_path / "docs")])
    for result in run(files, ConfigResolver(), Services(), RunOptions(jobs=1)):
        assert not any(isinstance(v, Document) for v in vars(result).values())


def _counting_parses(monkeypatch) -> dict:
    parsed: dict = {}
    original = Document.from_source.__func__

    def counted(cls, source, path, locale=None):
        parsed[path] = parsed.get(path, 0) + 1
        return original(cls, source, path, locale)

    monkeypatch.setattr(Document, "from_source", classmethod(counted))
    return parsed


def test_a_source_guide_is_parsed_once_per_folder(write, tmp_path, monkeypatch):
    """The translations compare themselves with their source: it is parsed for the first
    of them and reused by the others and by its own check."""
    make_tree(write, folders=1, locales=("de-de", "fr-fr", "it-it"))
    parsed = _counting_parses(monkeypatch)
    files, _ = collect_files([str(tmp_path / "docs")])
    list(run(files, ConfigResolver(), Services(), RunOptions(jobs=1)))
    assert sorted(parsed.values()) == [1, 1, 1]


def test_a_source_changed_since_it_was_parsed_is_parsed_again(write, tmp_path, monkeypatch):
    make_tree(write, folders=1, locales=("de-de", "fr-fr"))
    files, _ = collect_files([str(tmp_path / "docs")])
    resolver, services = ConfigResolver(), Services()
    german, french = files
    runner.process_file(german, resolver.effective_for(german), services, RunOptions())
    parsed = _counting_parses(monkeypatch)
    edited = (tmp_path / french).read_bytes().replace(b"Extra  line", b"Extra line")
    result = runner.process_file(french, resolver.effective_for(french), services, RunOptions(),
                                 data=edited)
    assert parsed == {french: 1}
    assert not [f for f in result.findings if f.rule == "whitespace/double-space" and f.line > 14]


def test_the_report_is_written_while_the_run_goes_on(write, tmp_path, monkeypatch):
    """Memory stays flat in the number of files: a file's findings are written before the
    next files are checked, not gathered for one sort at the end."""
    import io
    import sys

    from lint import cli
    from lint.reporters import Chunked

    make_tree(write, folders=3)
    monkeypatch.setattr(Chunked, "size", 1)
    written_before = {}
    check = runner.process_file

    def recording(path, *args, **kwargs):
        written_before[path] = sys.stdout.getvalue()
        return check(path, *args, **kwargs)

    monkeypatch.setattr(runner, "process_file", recording)
    monkeypatch.chdir(tmp_path)
    for fmt in ("text", "json"):
        monkeypatch.setattr(sys, "stdout", io.StringIO())
        written_before.clear()
        cli.main(["check", "docs", "--no-cache", "--jobs", "1", "--format", fmt])
        first, last = min(written_before), max(written_before)
        assert first not in written_before[first]
        assert first in written_before[last]  # the first guide was reported before the last was checked


def test_paths_given_out_of_order_and_missing_ones_are_reported_in_path_order(write, tmp_path, monkeypatch, capsys):
    make_tree(write, folders=2)
    code, out, _ = run_cli(monkeypatch, capsys, tmp_path, "check", "--no-cache", "--format", "json",
                           "docs/topic1", "zz-missing.md", "docs/topic0", "a-missing.md")
    import json

    paths = [f["path"] for f in json.loads(out)["findings"]]
    assert paths == sorted(paths)
    assert paths[0] == "a-missing.md" and paths[-1] == "zz-missing.md" and code == 2
