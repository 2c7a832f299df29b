"""--shard K/N: deterministic, whole folders, and the union of all shards is the full run."""
import json
import os

from lint.runner import select_shard

from scale_helpers import make_tree, run_cli


def _findings(out):
    return sorted(json.dumps(f, sort_keys=True) for f in json.loads(out)["findings"])


def test_union_of_shards_equals_unsharded_run(write, tmp_path, monkeypatch, capsys):
    make_tree(write, folders=9)
    _, full, _ = run_cli(monkeypatch, capsys, tmp_path, "check", "docs", "--no-cache", "--format", "json")
    parts, files = [], 0
    for k in (1, 2, 3):
        _, out, _ = run_cli(monkeypatch, capsys, tmp_path, "check", "docs", "--no-cache", "--format", "json",
                            "--shard", f"{k}/3")
        parts.extend(_findings(out))
        files += json.loads(out)["summary"]["files"]
    assert sorted(parts) == _findings(full)
    assert files == json.loads(full)["summary"]["files"]


def test_shards_keep_folders_whole_and_are_deterministic(write, tmp_path, monkeypatch):
    make_tree(write, folders=9)
    monkeypatch.chdir(tmp_path)
    files = sorted(os.path.join(d, n) for d, _, ns in os.walk("docs") for n in ns)
    shards = [select_shard(files, k, 4) for k in (1, 2, 3, 4)]
    assert sorted(sum(shards, [])) == files
    for shard in shards:
        folders = {os.path.dirname(f) for f in shard}
        assert {f for f in files if os.path.dirname(f) in folders} == set(shard)
    assert shards == [select_shard(files, k, 4) for k in (1, 2, 3, 4)]


def test_bad_shard_is_a_usage_error(tmp_path, monkeypatch, capsys):
    code, _, err = run_cli(monkeypatch, capsys, tmp_path, "check", ".", "--shard", "4/3")
    assert code == 2 and "K must be between 1 and N" in err
