import lint
from conftest import findings_of
from rules.links.near_duplicate_url import _numbers_only, edit_distance, url_key

RULE = "links/near-duplicate-url"
GOOD = "https://www.ovh.com/auth/?action=gotomanager"


def check(path):
    return [f for f in lint.check_paths([str(path)]) if f.rule == RULE]


def test_helpers():
    assert url_key("http://x.org/a/#frag") == url_key("https://x.org/a") == "//x.org/a"
    assert url_key("../slug/") == ""
    assert edit_distance("gotomanager", "gotomanagerl", 2) == 1
    assert edit_distance("abc", "xyzw", 2) == 3
    assert _numbers_only("//x.fi/g1301.ohje", "//x.fi/g1302.ohje")
    assert not _numbers_only("//www.ovh.com/managerv", "//www.ovh.com/managerv3")


def test_a_fifo_in_the_repository_does_not_block_the_url_count(write, tmp_path):
    import os
    import time

    guide = write("pages/a/guide.en-gb.md", "# T\n\nSee [x](https://www.ovh.com/manager/webb/).\n")
    os.mkfifo(tmp_path / "pages" / "pipe.en-gb.md")
    start = time.perf_counter()
    findings_of(guide.read_text(), path=str(guide), rule="links/near-duplicate-url")
    assert time.perf_counter() - start < 10


def test_without_a_configuration_the_count_stays_inside_the_working_directory(write, tmp_path, monkeypatch):
    """No configuration and no checkout: the grandparent fallback must not climb out of the
    folder the run started in and count a neighbour project's links (or the whole disk)."""
    for i in range(6):
        write(f"neighbour/g{i}.fr-fr.md", f"[manager]({GOOD})\n")
    guide = write("scratch/guide.it-it.md", "# T\n\n[a](https://www.ovh.com/auth/?action=gotomanagr)\n")
    monkeypatch.chdir(tmp_path / "scratch")
    assert check(guide) == []
    monkeypatch.chdir(tmp_path)
    assert len(check(guide)) == 1
