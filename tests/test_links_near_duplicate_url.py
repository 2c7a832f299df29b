import lint
from conftest import findings_of
from rules.links.near_duplicate_url import _numbers_only, edit_distance, url_key

RULE = "links/near-duplicate-url"
GOOD = "https://www.ovh.com/auth/?action=gotomanager"


def check(path):
    return [f for f in lint.check_paths([str(path)]) if f.rule == RULE]


def repo(write, typo_line, extra=""):
    write("repo/.guidelint.yaml", extra or "select: [links]\n")
    for i in range(6):
        write(f"repo/pages/g{i}/guide.fr-fr.md", f"# T\n\n[manager]({GOOD}) et [doc](https://docs.ovh.com/fr/emails/faq/)\n")
    return write("repo/pages/x/guide.it-it.md", f"# T\n\n{typo_line}\n")


def test_typo_of_a_frequent_url_is_reported_with_the_frequent_one(write):
    line = "Password: [Manager](https://www.ovh.com/auth/?action=gotomanagerl) per"
    [f] = check(repo(write, line))
    assert (f.line, f.column) == (3, line.index("https") + 1)
    assert GOOD in f.message and "6 times" in f.message


def test_counts_cover_the_repository_when_one_file_is_checked(write):
    guide = repo(write, f"[a](https://www.ovh.com/auth/?action=gotomanagr)")
    assert len(check(guide)) == 1  # only this file given: its siblings still count


def test_locale_variants_numbers_folders_relative_links_and_rare_pairs_are_fine(write):
    line = ("[a](https://docs.ovh.com/it/emails/faq/) "
            f"[c]({GOOD}) [d](../emails-faqs/) [e](https://www.ovh.com/auth/?action=gotomanager#x)")
    assert check(repo(write, line)) == []
    # an equally rare pair is two different pages
    assert findings_of("# T\n\n[a](https://example.org/pagex) [b](https://example.org/pagey)\n",
                       path="nowhere/guide.fi-fi.md", rule=RULE) == []


def test_canonical_urls_setting_counts_as_frequent(write):
    cfg = write("c/.guidelint.yaml", "canonical_urls: ['https://www.ovh.com/managerv3/']\n")
    text = "# T\n\n[hallintapaneelissa](https://www.ovh.com/managerv/)\n"
    [f] = findings_of(text, path="nowhere/guide.fi-fi.md", rule=RULE, config=str(cfg))
    assert "managerv3" in f.message and "canonical" in f.message


def test_helpers():
    assert url_key("http://x.org/a/#frag") == url_key("https://x.org/a") == "//x.org/a"
    assert url_key("../slug/") == ""
    assert edit_distance("gotomanager", "gotomanagerl", 2) == 1
    assert edit_distance("abc", "xyzw", 2) == 3
    assert _numbers_only("//x.fi/g1301.ohje", "//x.fi/g1302.ohje")
    assert not _numbers_only("//www.ovh.com/managerv", "//www.ovh.com/managerv3")


def test_link_to_a_guide_folder_that_does_not_exist_next_to_a_near_one(write):
    write("repo/.git/HEAD", "ref: x\n")
    write("repo/pages/web/emails/how_to_configure_outlook_2016_mac/guide.en-gb.md", "# Mac\n")
    write("repo/pages/web/emails/how_to_configure_outlook_2010/guide.en-gb.md", "# 2010\n")
    line = "See [Mac](/pages/web/emails/how_to_configure_outlook_2016-mac/) and [2011](/pages/web/emails/how_to_configure_outlook_2011)"
    guide = write("repo/pages/web/emails/email_creation/guide.en-gb.md",
                  f"# T\n\n{line} and [pro](/pages/web/emails-pro/how_to_configure_outlook_2016-mac/).\n")
    [f] = check(guide)
    assert f.column == line.index("/pages") + 1
    assert "'/pages/web/emails/how_to_configure_outlook_2016_mac'" in f.message


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
