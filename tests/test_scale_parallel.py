"""--jobs: worker processes give byte-identical output, in input order."""
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

    monkeypatch.setattr(runner, "_pool_results", no_pool)
    files, _ = collect_files([str(tmp_path / "docs")])
    results = list(run(files, ConfigResolver(), Services(), RunOptions(jobs=8)))
    assert len(results) == len(files)


def test_no_document_is_kept(write, tmp_path, monkeypatch):
    """Streaming: results carry findings only, never the parsed document."""
    make_tree(write, folders=3)
    files, _ = collect_files([str(tmp_path / "docs")])
    for result in run(files, ConfigResolver(), Services(), RunOptions(jobs=1)):
        assert not any(isinstance(v, Document) for v in vars(result).values())
