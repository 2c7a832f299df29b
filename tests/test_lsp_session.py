"""The language server's session, without the protocol: guidelint's code-point columns as LSP
positions, where the suppression comment goes, what a configuration excludes."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.server.positions import UTF8, UTF32, LineTable
from lint.server.session import Session


def test_columns_count_utf16_units_after_a_and_emoji():
    table = LineTable("Hyvä 📱 ensimmäisenn\r\nrivi\n")
    # engine column 8 is the 'e' after "Hyvä 📱 " (7 characters): ä is 1 unit, 📱 is 2
    assert table.position(1, 8) == (0, 8)
    assert LineTable("Hyvä 📱 e", UTF8).position(1, 8) == (0, 11)
    assert LineTable("Hyvä 📱 e", UTF32).position(1, 8) == (0, 7)


def test_crlf_lf_and_cr_all_end_a_line():
    table = LineTable("a\r\nbb\rccc\ndddd")
    assert [table.position(n, 2) for n in (1, 2, 3, 4)] == [(0, 1), (1, 1), (2, 1), (3, 1)]
    assert table.position(1, 2) == (0, 1)  # the end of "a", before its CRLF
    assert table.position(1, 3) == (1, 0)  # inside the line ending: the next line's start
    assert table.end() == (3, 4)
    assert LineTable("x\r\n").end() == (1, 0)
    assert table.at_offset(len("a\r\nbb\r")) == (2, 0)


def test_a_byte_order_mark_the_editor_kept_is_a_column_of_the_first_line():
    assert LineTable("\ufeffab").position(1, 2) == (0, 2)
    assert LineTable("\ufeffab\ncd").position(2, 2) == (1, 1)


def _suppressed(text: str, rule: str, line: int) -> str:
    session = Session()
    session.update("/nowhere/guide.en-gb.md", text)
    checked = session.check("/nowhere/guide.en-gb.md")
    finding = next(f for f in checked.findings if f.rule == rule and f.line == line)
    change = session.suppress_change(checked, finding)
    lines = text.splitlines(keepends=True)
    (l0, c0), (l1, c1) = change.start, change.end
    assert (l0, c0) == (l1, c1)  # an insertion
    lines[l0] = lines[l0][:c0] + change.text + lines[l0][c0:]
    fixed = "".join(lines)
    session.update("/nowhere/guide.en-gb.md", fixed)
    after = session.check("/nowhere/guide.en-gb.md").findings
    assert not [f for f in after if f.rule == rule]
    assert len(after) == len(checked.findings) - 1
    return fixed


def test_suppression_goes_on_its_own_line_between_blocks():
    text = "---\ntitle: T\nslug: t\n---\n\n# Title\n\nSome  text here.\n"
    assert _suppressed(text, "whitespace/double-space", 8).endswith(
        "\n\n<!-- guidelint-disable-next-line whitespace/double-space -->\nSome  text here.\n")


def test_suppression_inside_a_paragraph_or_list_ends_the_line_above():
    text = "---\ntitle: T\nslug: t\n---\n\n# Title\n\n- first item\n- second  item\n"
    assert "- first item <!-- guidelint-disable-next-line whitespace/double-space -->\n- second  item" in \
        _suppressed(text, "whitespace/double-space", 9)


def test_suppression_inside_a_table_goes_in_the_last_cell_of_the_row_above():
    text = "---\ntitle: T\nslug: t\n---\n\n# Title\n\n|a|b|\n|---|---|\n|x|y|\n|u|v  w|\n"
    assert "|x|y <!-- guidelint-disable-next-line whitespace/double-space --> |\n|u|v  w|" in \
        _suppressed(text, "whitespace/double-space", 11)


def test_suppression_under_the_delimiter_row_stays_on_the_row_and_keeps_the_table():
    text = "---\ntitle: T\nslug: t\n---\n\n# Title\n\n|a|b|\n|---|---|\n|x|y  z|\n"
    assert ("|---|---|\n|x|y  z <!-- guidelint-disable whitespace/double-space -->"
            "<!-- guidelint-enable whitespace/double-space --> |\n") in _suppressed(text, "whitespace/double-space", 10)


GUIDE_TEXT = st.lists(st.sampled_from([
    "# Otsikko", "## Vaihe 1: tilin lisääminen", "", "Avaa  asetukset 📱 ja valitse ensimmäisenn.",
    "Syötä salasana[hallintapaneelissa](https://www.ovh.com/manager/web/)OVH:n.", "|a|b|", "|---|---|",
    "|x|y  z|", "- kohta", "-kohta", "```", "koodi  tässä", "> lainaus  ", "---", "title: T",
    "Saapuvan postin palvelimen portti: 465 tai 587", "\t", "\ufeffalku", "é\u0301", "🔑🔑",
]), max_size=25).flatmap(lambda rows: st.lists(st.sampled_from(["\n", "\r\n", "\r"]),
                                                min_size=len(rows), max_size=len(rows)).map(
    lambda ends: "".join(r + e for r, e in zip(rows, ends))))


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(GUIDE_TEXT)
def test_every_buffer_gets_positions_inside_it_and_actions_that_do_not_raise(text):
    session = Session()
    session.update("/nowhere/guide.fi-fi.md", text)
    checked = session.check("/nowhere/guide.fi-fi.md")
    table = LineTable(text)
    last = table.end()
    for finding in checked.findings:
        assert finding.rule != "internal/rule-error", finding.message
        start = table.position(finding.line, finding.column)
        end = table.position(finding.end_line, finding.end_column)
        assert (0, 0) <= start <= last and end <= last
        for change in session.finding_changes(checked, finding):
            assert change.start <= change.end <= last
        session.suppress_change(checked, finding)
    for change in session.fix_all_changes(checked):
        assert change.start <= change.end <= last


def test_a_file_the_configuration_excludes_gets_no_diagnostics(tmp_path):
    (tmp_path / ".guidelint.yaml").write_text('exclude: ["**/README.md"]\n')
    session = Session()
    for name in ("README.md", "guide.en-gb.md"):
        session.update(str(tmp_path / name), "# Title\n\nSome  text\n")
    assert session.check(str(tmp_path / "README.md")).findings == []
    assert "whitespace/double-space" in [f.rule for f in session.check(str(tmp_path / "guide.en-gb.md")).findings]


def test_the_configurations_baseline_hides_what_it_recorded_and_fix_all_leaves_it(tmp_path):
    from lint.baseline import write

    guide = tmp_path / "guide.en-gb.md"
    old = "---\ntitle: T\nslug: t\n---\n\n# Title\n\nOld  text.\n"
    guide.write_text(old)
    session = Session()
    session.update(str(guide), old)
    recorded = session.check(str(guide)).findings
    write(str(tmp_path / "baseline.json"), recorded)
    (tmp_path / ".guidelint.yaml").write_text("baseline: baseline.json\n")
    session.reload_settings()
    session.update(str(guide), old + "\nNew  text.\n")
    checked = session.check(str(guide))
    assert [(f.rule, f.line) for f in checked.findings] == [("whitespace/double-space", 10)]
    fixed = session.fix_all_changes(checked)
    assert [c.text for c in fixed] == ["New text.\n"]  # the recorded line stays as it is


def test_a_baseline_that_cannot_be_read_is_said_and_every_finding_shown(tmp_path):
    (tmp_path / ".guidelint.yaml").write_text("baseline: missing.json\n")
    session = Session()
    session.update(str(tmp_path / "guide.en-gb.md"), "# Title\n\nSome  text\n")
    rules = [f.rule for f in session.check(str(tmp_path / "guide.en-gb.md")).findings]
    assert rules[0] == "internal/config-error" and "whitespace/double-space" in rules


def test_rule_documentation_links():
    import pytest

    protocol = pytest.importorskip("lint.server.protocol")
    assert protocol.docs_url("links/missing-space", "https://docs.example.org/{family}/{name}") == \
        "https://docs.example.org/links/missing-space"
    assert protocol.docs_url("links/missing-space", "https://docs.example.org/{nope}") == \
        "https://docs.example.org/{nope}"
    assert protocol.docs_url("links/missing-space", None).endswith("/rules/links/missing_space.py")
    assert protocol.docs_url("internal/unreadable", None).endswith("/lint/internal.py")


def _apply(text: str, changes) -> str:
    lines = text.splitlines(keepends=True)
    for change in sorted(changes, key=lambda c: c.start, reverse=True):
        (l0, c0), (l1, c1) = change.start, change.end
        assert (l0, c0) == (l1, c1)
        if l0 == len(lines):
            lines.append("")
        lines[l0] = lines[l0][:c0] + change.text + lines[l0][c0:]
    return "".join(lines)


def test_a_finding_in_a_code_block_is_suppressed_around_the_block(tmp_path):
    front = "---\ntitle: T\nslug: t\n---\n\n"
    cases = [  # a fenced block in a list item, an indented block that ends the file
        (front + "# Titre\n\n- Lancez :\n\n  ```sh\n  ls -l /var/www\n  ```\n\nFin.\n",
         front + "# Otsikko\n\n- Aja:\n\n  ```sh\n  ls -la /var/www\n  ```\n\nLoppu.\n",
         "- Aja:\n\n  <!-- guidelint-disable translation/code-mismatch -->\n  ```sh\n  ls -la /var/www\n  ```\n"
         "  <!-- guidelint-enable translation/code-mismatch -->\n\nLoppu.\n"),
        (front + "# Titre\n\nLancez :\n\n    ls -l /var/www\n",
         front + "# Otsikko\n\nAja:\n\n    ls -la /var/www",
         "Aja:\n\n<!-- guidelint-disable translation/code-mismatch -->\n    ls -la /var/www\n"
         "<!-- guidelint-enable translation/code-mismatch -->"),
    ]
    for number, (source, translation, expected) in enumerate(cases):
        folder = tmp_path / str(number)
        folder.mkdir()
        (folder / "guide.fr-fr.md").write_text(source)
        path = str(folder / "guide.fi-fi.md")
        session = Session()
        session.update(path, translation)
        checked = session.check(path)
        finding = next(f for f in checked.findings if f.rule == "translation/code-mismatch")
        assert finding.line in checked.doc.code_lines
        assert session.suppress_change(checked, finding) is None  # a comment in code is an example
        fixed = _apply(translation, session.suppress_block_changes(checked, finding))
        assert fixed.endswith(expected)
        session.update(path, fixed)
        after = [f.rule for f in session.check(path).findings]
        assert "translation/code-mismatch" not in after
        assert sorted(after) == sorted(f.rule for f in checked.findings if f is not finding)


def test_an_explicit_configuration_governs_every_guide(tmp_path):
    (tmp_path / "near").mkdir()
    (tmp_path / "near" / ".guidelint.yaml").write_text("select: [whitespace]\n")
    (tmp_path / "given.yaml").write_text("select: [whitespace]\nignore: [whitespace/double-space]\n")
    guide = str(tmp_path / "near" / "guide.en-gb.md")
    nearest, given = Session(), Session(config=str(tmp_path / "given.yaml"))
    for session in (nearest, given):
        session.update(guide, "# Title\n\nSome  text\n")
    assert [f.rule for f in nearest.check(guide).findings] == ["whitespace/double-space"]
    assert given.check(guide).findings == []
