"""Hostile and broken input (issue 6): every case ends in a finding or an error line naming
the file (and the position where there is one), the other files are still checked, the exit
status says what happened (1 findings, 2 a file could not be read or checked), no traceback,
no hang, and no file is changed."""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import stat
import sys
import time
from pathlib import Path

import pytest

from lint import budget
from lint.cli import main
from lint.document import Document

GOOD = "---\ntitle: Guide\nslug: guide\n---\n\n# Guide\n\nSome  text.\n"  # one double space: exit 1


def snapshot(root: Path) -> dict[str, str]:
    out = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink() and stat.S_ISREG(path.stat().st_mode):
                out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    """Run ``guidelint check --format json`` in-process in tmp_path; check the invariants every
    case shares (no traceback, no file changed) and return (status, findings, stderr)."""
    monkeypatch.chdir(tmp_path)

    def run(*args: str, budget_seconds: float | None = None, every_rule: bool = False, gone=()):
        """``every_rule``: the default rule set (slow: dictionaries); else two cheap families."""
        if budget_seconds is not None:
            monkeypatch.setenv("GUIDELINT_TIME_BUDGET", str(budget_seconds))
        before = snapshot(tmp_path)
        # CPU time, like the budget: a loaded CI machine stretches wall time, and what these
        # cases bound is the work done, not the wait for a core
        started = time.process_time()
        select = [] if every_rule else ["--select", "whitespace,frontmatter"]
        status = main(["check", "--no-cache", "--jobs", "1", "--format", "json", *select, *args])
        elapsed = time.process_time() - started
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        for name in gone:  # deleted by the test itself
            before.pop(str(tmp_path / name))
        assert snapshot(tmp_path) == before, "a check changed a file"
        findings = json.loads(out)["findings"] if out.strip() else []
        run.elapsed = elapsed
        return status, findings, err

    return run


def by_path(findings, path):
    return [f for f in findings if f["path"] == path]


def unreadable(findings, path):
    found = [f for f in by_path(findings, path) if f["rule"] == "internal/unreadable"]
    assert found, f"no internal/unreadable finding for {path}: {findings}"
    return found[0]


def still_checks_the_other_file(findings):
    assert any(f["path"] == "good.en-gb.md" and f["rule"] == "whitespace/double-space" for f in findings)


@pytest.fixture
def good(write):
    return write("good.en-gb.md", GOOD)


# bytes ----------------------------------------------------------------------------------

def test_invalid_utf8_names_the_byte_offset_line_and_column(cli, write, good):
    write("bad.en-gb.md", b"# Title\n\nabc\xe9def\n")
    status, findings, _ = cli("bad.en-gb.md", "good.en-gb.md")
    f = unreadable(findings, "bad.en-gb.md")
    assert "0xe9" in f["message"] and "byte offset 12" in f["message"]
    assert (f["line"], f["column"]) == (3, 4)
    still_checks_the_other_file(findings)
    assert status == 2


def test_utf8_bom_is_not_a_column(cli, write, good):
    write("bom.en-gb.md", codecs.BOM_UTF8 + GOOD.encode())
    status, findings, _ = cli("bom.en-gb.md")
    (f,) = [f for f in findings if f["rule"] == "whitespace/double-space"]
    assert (f["line"], f["column"]) == (8, 5)
    assert status == 1


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_read(cli, write, codec):
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[codec]
    write("wide.en-gb.md", bom + GOOD.encode(codec))
    status, findings, _ = cli("wide.en-gb.md")
    (f,) = [f for f in findings if f["rule"] == "whitespace/double-space"]
    assert (f["line"], f["column"]) == (8, 5)
    assert status == 1


def test_nul_byte_is_a_binary_file_at_its_position(cli, write, good):
    write("nul.en-gb.md", b"# Title\n\nab\x00cd\n")
    status, findings, _ = cli("nul.en-gb.md", "good.en-gb.md")
    f = unreadable(findings, "nul.en-gb.md")
    assert "NUL" in f["message"] and (f["line"], f["column"]) == (3, 3)
    still_checks_the_other_file(findings)
    assert status == 2


def test_binary_file_named_md(cli, write, good):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    write("image.en-gb.md", png)
    status, findings, _ = cli(".")
    assert unreadable(findings, "./image.en-gb.md")
    assert any(f["path"] == "./good.en-gb.md" for f in findings)
    assert status == 2


def test_empty_file(cli, write):
    write("empty.en-gb.md", b"")
    status, findings, _ = cli("empty.en-gb.md")
    assert [f["rule"] for f in findings] == ["frontmatter/missing-key"]
    assert (findings[0]["line"], findings[0]["column"]) == (1, 1)
    assert status == 1


def test_file_of_only_front_matter(cli, write):
    write("fm.en-gb.md", "---\ntitle: Guide\nslug: guide\n---\n")
    status, findings, _ = cli("fm.en-gb.md")
    assert not [f for f in findings if f["rule"].startswith("internal/")]
    assert status in (0, 1)
    write("fm2.en-gb.md", "---\ntitle: Guide\nslug: guide\n---")  # no final line break
    status, findings, _ = cli("fm2.en-gb.md")
    assert not [f for f in findings if f["rule"].startswith("internal/")]


@pytest.mark.parametrize("endings", [("\r\n",) * 3, ("\r\n", "\n", "\r"), ("\r",) * 3])
def test_crlf_and_mixed_line_endings_keep_positions(cli, write, endings):
    lines = ["---", "title: Guide", "slug: guide", "---", "", "# Guide", "", "Some  text."]
    text = "".join(line + endings[i % len(endings)] for i, line in enumerate(lines))
    write("crlf.en-gb.md", text.encode())
    status, findings, _ = cli("crlf.en-gb.md")
    (f,) = [f for f in findings if f["rule"] == "whitespace/double-space"]
    assert (f["line"], f["column"], f["end_column"]) == (8, 5, 7)
    assert status == 1


def test_ten_megabyte_single_line(cli, write, good):
    words = ("lorem ipsum dolor sit amet " * 400_000)[:10_000_000]
    write("huge.en-gb.md", "---\ntitle: x\nslug: x\n---\n" + words)
    status, findings, _ = cli("huge.en-gb.md", "good.en-gb.md", every_rule=True, budget_seconds=5)
    assert by_path(findings, "huge.en-gb.md"), "neither findings nor too-complex"
    still_checks_the_other_file(findings)
    assert cli.elapsed < 60


def test_ten_megabyte_single_word_is_not_quadratic(cli, write):
    write("word.en-gb.md", "a" * 10_000_000)
    status, findings, _ = cli("word.en-gb.md", every_rule=True, budget_seconds=5)
    assert by_path(findings, "word.en-gb.md")
    assert cli.elapsed < 60


# front matter ---------------------------------------------------------------------------

def fm_findings(findings, path="g.en-gb.md"):
    return [f for f in by_path(findings, path) if f["rule"].startswith("frontmatter/")]


def test_unterminated_front_matter(cli, write, good):
    write("g.en-gb.md", "---\ntitle: Guide\n\n# Guide\n")
    status, findings, _ = cli("g.en-gb.md", "good.en-gb.md")
    assert any("never closed" in f["message"] and f["line"] == 1 for f in fm_findings(findings))
    still_checks_the_other_file(findings)
    assert status == 1


@pytest.mark.parametrize("body,word", [("- a\n- b\n", "a list"), ("just a sentence\n", "a single value")])
def test_front_matter_not_a_mapping(cli, write, body, word):
    write("g.en-gb.md", f"---\n{body}---\n\n# Guide\n")
    status, findings, _ = cli("g.en-gb.md")
    assert any(word in f["message"] and f["line"] == 2 for f in fm_findings(findings))
    assert status == 1


def test_front_matter_yaml_syntax_error_has_a_position(cli, write):
    write("g.en-gb.md", "---\ntitle: Guide\nslug: [a, b\nother: x\n---\n\n# Guide\n")
    status, findings, _ = cli("g.en-gb.md")
    (f,) = [f for f in fm_findings(findings) if f["rule"] == "frontmatter/invalid-yaml"]
    assert f["line"] in (3, 4) and f["message"].startswith("YAML error")
    assert status == 1


BILLION_LAUGHS = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join(["*" + chr(97 + i)] * 9) + "]\n" for i in range(8)) + "---\n"


def test_billion_laughs_is_refused_quickly(cli, write):
    assert BILLION_LAUGHS.count("*") < 100  # the classic bomb: few aliases, 9**9 strings
    write("g.en-gb.md", BILLION_LAUGHS + "\n# Guide\n")
    status, findings, _ = cli("g.en-gb.md")
    (f,) = [f for f in fm_findings(findings) if f["rule"] == "frontmatter/invalid-yaml"]
    assert "alias" in f["message"]
    assert cli.elapsed < 20
    assert status == 1


def test_alias_bomb_is_refused_by_the_parser():
    doc = Document.from_text(BILLION_LAUGHS, "g.en-gb.md")
    assert doc.frontmatter.data == {}
    assert any("alias" in p.message for p in doc.frontmatter.problems)


def test_many_aliases_are_refused():
    text = "---\na: &a x\n" + "".join(f"k{i}: *a\n" for i in range(500)) + "---\n"
    doc = Document.from_text(text, "g.en-gb.md")
    assert any("alias" in p.message for p in doc.frontmatter.problems)


def test_yaml_tags_do_not_construct_objects(cli, write, tmp_path):
    marker = tmp_path / "pwned"
    write("g.en-gb.md", f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n"
                        f"slug: !!python/name:os.system\n---\n\n# Guide\n")
    status, findings, _ = cli("g.en-gb.md")
    assert not marker.exists()
    (f,) = [f for f in fm_findings(findings) if f["rule"] == "frontmatter/invalid-yaml"]
    assert f["line"] == 2 and "python/object" in f["message"]
    assert status == 1


def test_duplicate_keys(cli, write):
    write("g.en-gb.md", "---\ntitle: A\nslug: a\ntitle: B\n---\n\n# Guide\n")
    status, findings, _ = cli("g.en-gb.md")
    (f,) = [f for f in fm_findings(findings) if f["rule"] == "frontmatter/duplicate-key"]
    assert (f["line"], f["column"]) == (4, 1)
    assert status == 1


def test_non_string_keys(cli, write):
    write("g.en-gb.md", "---\ntitle: A\nslug: a\n[1, 2]: list key\n? {a: 1}\n: map key\n1: int key\n"
                        "null: null key\n---\n\n# Guide\n")
    status, findings, _ = cli("g.en-gb.md")
    assert {(f["line"], f["column"]) for f in fm_findings(findings)
            if "not a plain value" in f["message"]} == {(4, 1), (5, 3)}
    assert status == 1


def test_one_megabyte_front_matter(cli, write):
    body = "".join(f"key{i}: {'v' * 40}\n" for i in range(20_000))
    assert len(body) > 1_000_000
    write("g.en-gb.md", "---\ntitle: A\nslug: a\n" + body + "---\n\n# Guide\n")
    status, findings, _ = cli("g.en-gb.md", every_rule=True, budget_seconds=30)
    assert fm_findings(findings) or by_path(findings, "g.en-gb.md")
    assert cli.elapsed < 60


# markdown -------------------------------------------------------------------------------

def no_engine_error(findings):
    return not [f for f in findings if f["rule"] == "internal/rule-error"]


def test_ten_thousand_nested_block_quotes(cli, write, good):
    write("g.en-gb.md", GOOD + "\n" + "> " * 10_000 + "deep\n")
    status, findings, _ = cli("g.en-gb.md", "good.en-gb.md", every_rule=True, budget_seconds=20)
    assert by_path(findings, "g.en-gb.md") and no_engine_error(findings)
    still_checks_the_other_file(findings)


def test_ten_thousand_nested_block_quote_lines_parse():
    text = "".join(">" * i + " x\n" for i in range(1, 10_001, 50))
    doc = Document.from_text(text)
    assert doc.nodes and doc.nodes[0].type == "block_quote"


def test_ten_thousand_list_levels(cli, write, good):
    write("g.en-gb.md", GOOD + "\n" + "".join("  " * i + "- x\n" for i in range(10_000)))
    status, findings, _ = cli("g.en-gb.md", "good.en-gb.md", every_rule=True, budget_seconds=3)
    assert by_path(findings, "g.en-gb.md") and no_engine_error(findings)
    still_checks_the_other_file(findings)
    assert cli.elapsed < 30


def test_deeply_nested_inline_brackets_and_emphasis():
    for text in ("[" * 10_000 + "x" + "]" * 10_000 + "(u)\n", "*" * 10_000 + "x" + "*" * 10_000 + "\n",
                 "<" * 10_000 + "\n", "`" * 10_000 + "\n", "![" * 5_000 + "\n"):
        Document.from_text(text)


def test_links_in_one_paragraph_parse_in_linear_time():
    def parse_time(n):
        text = " ".join(f"[a{i}](http://x/{i}){{.external}}" for i in range(n)) + "\n"
        started = time.process_time()
        doc = Document.from_text(text)
        elapsed = time.process_time() - started
        assert len(list(doc.walk("link"))) == n
        return elapsed

    small, large = parse_time(10_000), parse_time(50_000)
    assert large < 15 * small + 1, (small, large)  # linear: 5x the links, not 25x the time


def test_hundred_thousand_links_in_one_paragraph(cli, write, good):
    write("g.en-gb.md", GOOD + "\n" + " ".join(f"[a{i}](https://x.org/{i})" for i in range(100_000)) + "\n")
    status, findings, _ = cli("g.en-gb.md", "good.en-gb.md", every_rule=True, budget_seconds=10)
    assert by_path(findings, "g.en-gb.md") and no_engine_error(findings)
    still_checks_the_other_file(findings)
    assert cli.elapsed < 90


def test_many_code_spans_are_linear():
    def parse_time(n):
        started = time.process_time()
        doc = Document.from_text(" ".join(f"`c{i}`" for i in range(n)) + "\n")
        assert len(list(doc.walk("codespan"))) == n
        return time.process_time() - started

    small, large = parse_time(5_000), parse_time(50_000)
    assert large < 20 * small + 1, (small, large)


def test_unclosed_code_fences(cli, write):
    write("g.en-gb.md", GOOD + "\n```bash\nssh  root@host\n\n~~~\n````\nx\n")
    status, findings, _ = cli("g.en-gb.md")
    assert no_engine_error(findings) and status == 1
    doc = Document.from_text(GOOD + "\n```bash\nssh  root@host\n")
    assert doc.nodes[-1].type == "block_code" and doc.code_lines == {10, 11}


def test_table_with_a_thousand_columns(cli, write):
    cols = 1000
    table = ("|" + "|".join(f"h{i}" for i in range(cols)) + "|\n|" + "|".join("---" for _ in range(cols))
             + "|\n|" + "|".join(f"c{i}" for i in range(cols)) + "|\n")
    write("g.en-gb.md", GOOD + "\n" + table)
    status, findings, _ = cli("g.en-gb.md", every_rule=True, budget_seconds=20)
    assert no_engine_error(findings) and status in (1, 2)
    (t,) = Document.from_text(table).walk("table")
    assert len(t.children[0].children) == cols and t.children[1].children[-1].column == len(table.split("\n")[2]) - 4


@pytest.mark.parametrize("run", ["*a **b " * 20_000, "*" * 50_000 + "a" + "_" * 50_000, "_*" * 50_000,
                                 "**" * 30_000 + "x", "[*" * 20_000])
def test_pathological_emphasis_runs(cli, write, run):
    write("g.en-gb.md", GOOD + "\n" + run + "\n")
    status, findings, _ = cli("g.en-gb.md", every_rule=True, budget_seconds=5)
    assert by_path(findings, "g.en-gb.md") and no_engine_error(findings)
    assert cli.elapsed < 40


# the time budget ------------------------------------------------------------------------

def hang_on_slow_guides(monkeypatch):
    """Make checking any ``slow.en-gb.md`` spin forever (forked workers inherit it)."""
    import lint.check

    original = lint.check.check_document

    def slow(doc, effective, services):
        if doc.path.endswith("slow.en-gb.md"):
            while True:
                pass
        return original(doc, effective, services)

    monkeypatch.setattr(lint.check, "check_document", slow)


def test_a_file_over_the_budget_is_reported_too_complex(cli, write, good, monkeypatch):
    hang_on_slow_guides(monkeypatch)
    write("slow.en-gb.md", GOOD)
    status, findings, _ = cli("slow.en-gb.md", "good.en-gb.md", budget_seconds=0.5)
    (f,) = by_path(findings, "slow.en-gb.md")
    assert f["rule"] == "internal/too-complex" and "0.5 s" in f["message"]
    still_checks_the_other_file(findings)
    assert status == 2


def test_budget_comes_from_the_configuration(cli, write, monkeypatch):
    monkeypatch.delenv("GUIDELINT_TIME_BUDGET", raising=False)
    write(".guidelint.yaml", "time_budget: 7.5\n")
    from lint.config import Config

    assert budget.seconds_for(Config.load(".guidelint.yaml").for_path("x.md").settings) == 7.5
    assert budget.seconds_for({}) == budget.DEFAULT_SECONDS
    monkeypatch.setenv("GUIDELINT_TIME_BUDGET", "2")
    assert budget.seconds_for({"time_budget": 7.5}) == 2.0
    write(".bad.yaml", "time_budget: soon\n")
    status = main(["check", "--no-cache", "--config", ".bad.yaml", "."])
    assert status == 2


def test_the_budget_does_not_outlive_the_check():
    import signal

    with budget.time_budget(5):
        assert signal.getitimer(signal.ITIMER_PROF)[0] > 0
    assert signal.getitimer(signal.ITIMER_PROF)[0] == 0
    with pytest.raises(budget.TooComplex):
        with budget.time_budget(0.05):
            while True:
                pass
    assert signal.getitimer(signal.ITIMER_PROF)[0] == 0


def test_a_budget_exception_that_python_drops_is_raised_again():
    """Python prints and drops an exception raised in a gc callback or a __del__; the signal
    can land there, and the check must still be stopped."""
    import time

    swallowed, give_up = [], time.process_time() + 5
    with pytest.raises(budget.TooComplex):
        with budget.time_budget(0.05):
            while time.process_time() < give_up:
                try:
                    while time.process_time() < give_up:
                        pass
                except budget.TooComplex:
                    if swallowed:
                        raise
                    swallowed.append(True)  # what the gc callback does to it
    assert swallowed


def test_the_budget_counts_cpu_time_not_waiting():
    """A loaded machine makes a file wait for a core; waiting must not make it too complex."""
    import time

    with budget.time_budget(0.2):
        time.sleep(0.5)  # wall time over the budget, almost no CPU time


def test_budget_in_worker_processes(tmp_path, capsys, monkeypatch):
    """--jobs runs files in worker processes: the budget is armed there too."""
    import lint.runner

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GUIDELINT_TIME_BUDGET", "0.5")
    hang_on_slow_guides(monkeypatch)
    for i in range(lint.runner.SERIAL_BELOW + 2):
        Path(f"g{i:03}.en-gb.md").write_text(GOOD)
    Path("slow.en-gb.md").write_text(GOOD)
    status = main(["check", "--no-cache", "--jobs", "2", "--format", "json", "--select", "whitespace", "."])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [f["rule"] for f in findings if f["path"] == "./slow.en-gb.md"] == ["internal/too-complex"]
    assert len({f["path"] for f in findings if f["rule"] == "whitespace/double-space"}) == lint.runner.SERIAL_BELOW + 2
    assert status == 2


# files and paths ------------------------------------------------------------------------

def test_nonexistent_path(cli, good):
    status, findings, _ = cli("missing.en-gb.md", "good.en-gb.md")
    assert "no such file" in unreadable(findings, "missing.en-gb.md")["message"]
    still_checks_the_other_file(findings)
    assert status == 2


def test_directory_without_markdown_is_an_error_unless_allowed(cli, write):
    """A CI job pointed at the wrong folder must not pass for ever."""
    write("docs/readme.txt", "not markdown")
    status, findings, err = cli("docs")
    assert findings == [] and status == 2
    assert "docs" in err and "no Markdown" in err and "--allow-empty" in err
    status, findings, err = cli("--allow-empty", "docs")
    assert findings == [] and status == 0
    assert "docs" in err and "no Markdown" in err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_permission_denied(cli, write, good):
    path = write("secret.en-gb.md", GOOD)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: mode 000 does not stop reading (see the monkeypatched test)")
        status, findings, _ = cli("secret.en-gb.md", "good.en-gb.md")
        assert "Permission denied" in unreadable(findings, "secret.en-gb.md")["message"]
        still_checks_the_other_file(findings)
        assert status == 2
    finally:
        path.chmod(0o644)


def test_permission_denied_when_open_fails(cli, write, good, monkeypatch):
    """The same code path as mode 000 for a user, testable as root: open() refuses."""
    import builtins

    write("secret.en-gb.md", GOOD)
    real_open = builtins.open

    def guarded(file, *args, **kwargs):
        if str(file).endswith("secret.en-gb.md"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    status, findings, _ = cli("secret.en-gb.md", "good.en-gb.md")
    assert "Permission denied" in unreadable(findings, "secret.en-gb.md")["message"]
    still_checks_the_other_file(findings)
    assert status == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_named_md_does_not_block(cli, tmp_path, good):
    os.mkfifo(tmp_path / "pipe.en-gb.md")
    status, findings, _ = cli("pipe.en-gb.md", "good.en-gb.md")
    assert "not a regular file" in unreadable(findings, "pipe.en-gb.md")["message"]
    status, findings, _ = cli(".")
    assert "not a regular file" in unreadable(findings, "./pipe.en-gb.md")["message"]
    assert any(f["path"] == "./good.en-gb.md" for f in findings)
    assert status == 2
    os.unlink(tmp_path / "pipe.en-gb.md")  # tidy: later tests walk the same temp tree


def test_directory_named_md(cli, tmp_path, write, good):
    write("folder.en-gb.md/inner.en-gb.md", GOOD)
    status, findings, _ = cli(".")
    assert {f["path"] for f in findings} == {"./folder.en-gb.md/inner.en-gb.md", "./good.en-gb.md"}
    assert status == 1


def test_symlink_loop(cli, tmp_path, good):
    os.symlink("loop.en-gb.md", tmp_path / "loop.en-gb.md")
    os.symlink("b.en-gb.md", tmp_path / "a.en-gb.md")
    os.symlink("a.en-gb.md", tmp_path / "b.en-gb.md")
    status, findings, _ = cli("loop.en-gb.md", "good.en-gb.md")
    assert "symbolic links" in unreadable(findings, "loop.en-gb.md")["message"]
    still_checks_the_other_file(findings)
    assert status == 2
    status, findings, _ = cli(".")
    for name in ("loop", "a", "b"):
        assert unreadable(findings, f"./{name}.en-gb.md")
    assert status == 2


def test_symlinked_directory_loop_is_not_followed(cli, tmp_path, good):
    (tmp_path / "docs").mkdir()
    os.symlink("..", tmp_path / "docs" / "up")
    status, findings, _ = cli(".")
    assert {f["path"] for f in findings} == {"./good.en-gb.md"}


def test_file_deleted_between_listing_and_reading(cli, write, good, monkeypatch):
    import lint.cli

    write("gone.en-gb.md", GOOD)
    listing = lint.cli.collect_files

    def list_then_delete(paths, config=None):
        files, missing = listing(paths, config)
        os.remove("gone.en-gb.md")
        return files, missing

    monkeypatch.setattr(lint.cli, "collect_files", list_then_delete)
    status, findings, _ = cli("gone.en-gb.md", "good.en-gb.md", gone=["gone.en-gb.md"])
    assert "No such file" in unreadable(findings, "gone.en-gb.md")["message"]
    still_checks_the_other_file(findings)
    assert status == 2


@pytest.mark.parametrize("name", ["with space/my guide.en-gb.md", "ääkköset/opas ñ 日本.fi-fi.md"])
def test_paths_with_spaces_and_non_ascii(cli, write, name, good):
    write(name, GOOD)
    status, findings, _ = cli(name.split("/")[0], "good.en-gb.md")
    assert any(f["path"] == name and f["rule"] == "whitespace/double-space" for f in findings)
    still_checks_the_other_file(findings)
    assert status == 1


def test_non_ascii_path_in_text_output(tmp_path, capsys, monkeypatch, write):
    monkeypatch.chdir(tmp_path)
    write("öö/opas.fi-fi.md", GOOD)
    assert main(["check", "--no-cache", "--select", "whitespace", "öö"]) == 1
    assert "öö/opas.fi-fi.md:8:5" in capsys.readouterr().out


# configuration --------------------------------------------------------------------------

@pytest.mark.parametrize("name,text,key", [
    (".guidelint.yaml", "selekt: [whitespace]\n", "selekt"),
    (".guidelint.yaml", "select: whitespace\n", "select"),
    (".guidelint.yaml", "fail_on: 3\n", "fail_on"),
    (".guidelint.yaml", "rules:\n  whitespace/double-space:\n    nonsense: 1\n", "rules.whitespace/double-space.nonsense"),
    (".guidelint.yaml", "select: [whitespace/no-such-rule]\n", "select"),
    (".guidelint.yaml", "severity:\n  no/such-rule: error\n", "severity.no/such-rule"),
    (".guidelint.yaml", "select: [a, b\n", "invalid YAML: line 2"),
    (".guidelint.yaml", "- a\n- b\n", "must be a mapping"),
    (".guidelint.yaml", b"select: [\xff]\n", "invalid YAML"),
    ("pyproject.toml", "[tool.guidelint]\nselect = [\n", "invalid TOML"),
    ("pyproject.toml", "[tool.guidelint]\nignored = 1\n", "ignored"),
])
def test_bad_configuration_exits_2_naming_file_and_key(cli, write, good, name, text, key):
    write(name, text)
    for args in (("good.en-gb.md",), ("--config", name, "good.en-gb.md")):
        status, findings, err = cli(*args)
        assert status == 2 and findings == []
        assert name in err and key in err, err
        assert err.count("\n") == 1  # one line, no traceback


def test_many_links_in_one_paragraph_stay_linear_for_the_word_rules():
    import time

    import lint

    def seconds(n):
        text = "# T\n\n" + " ".join(f"[a{i}](http://x/{i})" for i in range(n)) + "\n"
        start = time.process_time()
        lint.check_text(text, path="g.en-gb.md")
        return time.process_time() - start

    small, large = seconds(1000), seconds(4000)
    assert large < 8 * small + 1  # a sibling scan per word made this 16x
