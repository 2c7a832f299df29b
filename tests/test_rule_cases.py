"""Every rule's cases, written as data in ``tests/cases/<family>/<rule>.yaml``.

A case file is shaped like sqlfluff's rule fixtures: ``rule:`` names the rule, every other
top-level key is a case named after the behaviour it shows::

    rule: whitespace/double-space
    two_spaces_between_words_are_reported_at_the_first_space:
      fail_str: "Portit 995 ja 465 vastaavat  aktivoitua SSL-suojausta.\\n"
      at: ["1:28-1:30"]            # line:col of each finding, in order (optionally -end_line:end_col)
      fix_str: "Portit 995 ja 465 vastaavat aktivoitua SSL-suojausta.\\n"

A case has either ``pass_str`` (the rule finds nothing) or ``fail_str`` with ``at``, and may
add ``path`` (the file it is linted as, default ``guide.en-gb.md``), ``messages`` (a text each
finding's message contains, in the order of ``at``), ``fix_str`` (the text after ``--fix
--unsafe-fixes``), ``configs`` (configuration keys: rule options, ``words``, ...), ``files``
(other files of the repository, such as the source a translation is checked against) and
``needs_dictionary`` (Hunspell languages the case needs; skipped without them).

Each case is linted with only its rule selected, in a temporary folder holding its files.
A fail case's fix goes through the project's own ``--fix``; the fixed text is then linted
again: every finding that carried a fix is gone, and no new finding appears.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import zip_longest
from pathlib import Path

import pytest
import yaml

from lint import dictionaries, registry
from lint.config import Config
from lint.check import check_file
from lint.config import ConfigResolver
from lint.memo import RunMemo
from lint.runner import RunOptions, process_file

CASES = Path(__file__).resolve().parent / "cases"
KEYS = {"pass_str", "fail_str", "at", "messages", "fix_str", "path", "configs", "files",
        "needs_dictionary"}
POSITION = re.compile(r"^(\d+):(\d+)(?:-(\d+):(\d+))?$")


def _case_files() -> list[Path]:
    return sorted(CASES.glob("*/*.yaml"))


def _load(file: Path) -> tuple[str, dict]:
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    rule = data.pop("rule")
    return rule, data


def _all_cases():
    for file in _case_files():
        rule, cases = _load(file)
        for name, case in cases.items():
            yield pytest.param(file, rule, name, case, id=f"{rule}:{name}")


def _lint(tmp_path, monkeypatch, rule: str, case: dict, text: str):
    """Write the case's files, then check its ``path`` with only ``rule`` selected."""
    monkeypatch.chdir(tmp_path)
    for rel, content in (case.get("files") or {}).items():
        _write(tmp_path / rel, content)
    path = case.get("path", "guide.en-gb.md")
    _write(tmp_path / path, text)
    config = Config(path=None, root=str(tmp_path), data={**(case.get("configs") or {}), "select": [rule]})
    config.validate()
    effective = ConfigResolver(config).effective_for(path)
    return path, effective, check_file(path, effective, RunMemo()).findings


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def _fix(path: str, effective, unsafe: bool) -> str:
    """The text ``guidelint check --fix`` leaves in ``path`` (``--unsafe-fixes`` when asked)."""
    result = process_file(path, effective, RunMemo(), RunOptions(fix="fix", unsafe_fixes=unsafe))
    assert not result.unreadable, result.findings
    return Path(path).read_bytes().decode("utf-8")


def _position(finding, spec: str = "-") -> str:
    """Where ``finding`` is, as precisely as ``spec`` (an entry of ``at``) gives it."""
    if finding == "-":
        return "(no finding)"
    start = f"{finding.line}:{finding.column}"
    return f"{start}-{finding.end_line}:{finding.end_column}" if "-" in spec else start


def _no_internal_error(found) -> None:
    """A rule that raises is reported as internal/rule-error, not as the rule's finding."""
    assert [f.message for f in found if f.rule.startswith("internal/")] == []


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


@pytest.mark.parametrize("file, rule, name, case", list(_all_cases()))
def test_rule_case(file, rule, name, case, tmp_path, monkeypatch):
    assert set(case) <= KEYS, f"unknown keys {sorted(set(case) - KEYS)} in {file.name}:{name}"
    assert ("pass_str" in case) != ("fail_str" in case), "a case has either pass_str or fail_str"
    for language in case.get("needs_dictionary", []):
        if dictionaries.find_dictionary(language, dictionaries.search_dirs()) is None:
            pytest.skip(f"no Hunspell dictionary for {language} (install guidelint[dictionaries])")
    cls = registry.get(rule)

    if "pass_str" in case:
        assert "at" not in case and "fix_str" not in case
        path, _, found = _lint(tmp_path, monkeypatch, rule, case, case["pass_str"])
        _no_internal_error(found)
        assert [f"{_position(f)} {f.message}" for f in found if f.rule == rule] == []
        return

    text = case["fail_str"]
    path, effective, found = _lint(tmp_path, monkeypatch, rule, case, text)
    _no_internal_error(found)
    mine = [f for f in found if f.rule == rule]
    at = [str(spec) for spec in case["at"]]
    for spec in at:
        assert POSITION.match(spec), f'"at" entries are "line:col" or "line:col-end_line:end_col", not {spec!r}'
    shown = [_position(f, spec) for f, spec in zip_longest(mine, at, fillvalue="-")]
    assert shown == at, [f"{_position(f)} {f.message}" for f in mine]
    for wanted, finding in zip(case.get("messages", []), mine):
        assert wanted in finding.message
    assert len(case.get("messages", [])) <= len(mine)

    with_edits = [f for f in mine if f.edits]
    if not with_edits:
        assert "fix_str" not in case, "fix_str given, but no finding carries a fix"
        return
    # the rule's metadata says what its findings do
    assert cls.fix in ("safe", "unsafe"), f"{rule} returns edits but declares no fix"
    assert "fix_str" in case, "a finding carries a fix: say what the fixed text is (fix_str)"

    fixed = _fix(path, effective, unsafe=True)
    assert fixed == case["fix_str"]
    # each finding says whether its fix is safe; a safe fix never changes words
    applicabilities = {f.fix.applicability for f in with_edits}
    _write(tmp_path / path, text)
    safe_only = _fix(path, effective, unsafe=False)
    assert _words(safe_only) == _words(text), f"{rule}'s fix changes words but a finding calls it safe"
    if applicabilities == {"safe"}:
        assert safe_only == fixed, "--fix without --unsafe-fixes applies the safe fixes"
    elif applicabilities == {"unsafe"}:
        assert safe_only == text, "--fix without --unsafe-fixes applies no unsafe fix"

    # the fixed text lints without the fixed findings and without new ones
    _write(tmp_path / path, fixed)
    after = check_file(path, effective, RunMemo()).findings
    unfixed = [(f.rule, f.message) for f in found if not f.edits]
    for f in after:
        assert (f.rule, f.message) in unfixed, f"the fix left or caused: {_position(f)} {f.message}"
        unfixed.remove((f.rule, f.message))


@lru_cache(maxsize=None)
def _cases_by_rule() -> dict[str, list[dict]]:
    by_rule: dict[str, list[dict]] = {}
    for file in _case_files():
        rule, cases = _load(file)
        family, name = rule.split("/")
        assert file.parent.name == family and file.stem == name, \
            f"{file.relative_to(CASES)} holds the cases of {rule}: name it {family}/{name}.yaml"
        assert rule not in by_rule, f"two case files for {rule}"
        by_rule[rule] = list(cases.values())
    return by_rule


def _builtin_rules() -> list[str]:
    return [rid for rid, cls in registry.load().items() if cls.__module__.startswith("rules.")]


@pytest.mark.parametrize("rule", _builtin_rules())
def test_every_rule_has_cases_that_pass_and_fail(rule):
    cases = _cases_by_rule().get(rule)
    assert cases, f"no tests/cases/{rule}.yaml"
    assert any("pass_str" in c for c in cases) and any("fail_str" in c for c in cases)
    if registry.get(rule).fix is not None:
        assert any("fix_str" in c for c in cases), f"{rule} declares a fix, but no case shows it"


def test_case_files_name_known_rules():
    assert set(_cases_by_rule()) <= set(registry.load())
