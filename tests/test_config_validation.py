"""A CI gate's configuration is checked once, before any file, and says what is wrong where."""
import json

import pytest

from lint import registry
from lint.cli import main
from lint.rule import Option, Rule

BAD = "---\ntitle: T\nslug: t\n---\n\n# T\n\nTwo  spaces.\n"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repo(write):
    """Three guides with a link to a missing anchor each, and a configuration to edit."""
    for name in ("a", "b", "c"):
        write(f"docs/{name}/guide.en-gb.md", "# T\n\nSee [x](#nowhere).\n")
    return write("docs/.guidelint.yaml", "").parent


def test_a_bad_option_value_is_one_error_with_its_key_path_before_any_file(repo, capsys):
    (repo / ".guidelint.yaml").write_text("rules:\n  links/broken-anchor: {slug_style: nonsense}\n")
    code, out, err = run(capsys, "check", "--no-cache", "--format", "json", str(repo))
    assert code == 2 and out == ""  # nothing checked, not one internal/rule-error per file
    assert err.count("\n") == 1
    assert str(repo / ".guidelint.yaml") in err
    assert "rules.links/broken-anchor.slug_style: must be one of github, toc, not 'nonsense'" in err


@pytest.mark.parametrize("options, message", [
    ("{max_distance: 3}", "max_distance: must be one of 1, 2, not 3"),
    ("{max_distance: true}", "max_distance: must be one of 1, 2, not true"),  # though true == 1
    ("{min_count: 0}", "min_count: must be at least 1, not 0"),
    ("{min_count: many}", "min_count: must be an integer, not 'many'"),
    ("{max_distanse: 1}", "max_distanse: unknown option (did you mean 'max_distance'?"),
])
def test_option_values_are_checked_against_their_declaration(repo, capsys, options, message):
    (repo / ".guidelint.yaml").write_text(f"rules:\n  links/near-duplicate-url: {options}\n")
    code, _, err = run(capsys, "check", str(repo))
    assert code == 2 and f"rules.links/near-duplicate-url.{message}" in err


def test_an_option_with_its_own_check_refuses_a_pattern_that_does_not_compile(repo, capsys):
    (repo / ".guidelint.yaml").write_text("rules:\n  markup/legacy-residue: {patterns: [{regex: '[x'}]}\n")
    code, _, err = run(capsys, "check", str(repo))
    assert code == 2 and "markup/legacy-residue.patterns: [0].regex: not a valid regular expression" in err


def test_a_discovered_configuration_is_validated_before_any_file_is_checked(repo, write, capsys):
    """The second folder's configuration is bad: the first folder is not reported either."""
    write("docs/c/.guidelint.yaml", "rules:\n  links/broken-anchor: {strict_slugs: maybe}\n")
    code, out, err = run(capsys, "check", "--no-cache", "--jobs", "1", "--format", "json", str(repo))
    assert code == 2 and out == ""
    assert "docs/c/.guidelint.yaml: rules.links/broken-anchor.strict_slugs: must be a boolean" in err


def test_every_built_in_option_declares_its_values_and_help():
    for rule_id, cls in registry.load().items():
        if not cls.__module__.startswith("rules."):
            continue  # a plug-in's bare defaults are accepted as options of their type
        for name, option in cls.options.items():
            assert isinstance(option, Option), f"{rule_id}.{name} is not declared with Option()"
            assert option.help and option.kind, f"{rule_id}.{name} needs a type and a help text"
            assert option.problem(option.default) is None, f"{rule_id}.{name}: default is not valid"


def test_a_plug_in_rule_with_bare_defaults_still_gets_its_options_checked_by_type():
    class Legacy(Rule):
        id = "acme/legacy"
        options = {"limit": 3, "names": []}

    declared = Legacy.declared_options()
    assert declared["limit"].problem(4) is None
    assert declared["limit"].problem("4") == "must be an integer, not '4'"
    assert declared["names"].problem(["x"]) is None
    assert Legacy.defaults() == {"limit": 3, "names": []}


@pytest.mark.parametrize("word", ["off", "no", "Off", "'off'"])
def test_yaml_bare_off_turns_a_rule_off(write, capsys, word):
    """YAML 1.1 reads a bare `off` or `no` as false: that still means off."""
    write("s/.guidelint.yaml", f"severity: {{whitespace/double-space: {word}}}\n")
    guide = write("s/guide.en-gb.md", BAD)
    code, out, _ = run(capsys, "check", "--no-cache", "--format", "json", str(guide))
    assert code == 0 and json.loads(out)["findings"] == []


def test_a_bare_on_for_a_severity_is_refused(write, capsys):
    config = write("s/.guidelint.yaml", "severity: {whitespace/double-space: on}\n")
    write("s/guide.en-gb.md", BAD)
    code, _, err = run(capsys, "check", str(config.parent))
    assert code == 2 and "severity.whitespace/double-space: must be one of info, warning, error, off" in err


@pytest.mark.parametrize("config, hint", [
    ("select: [doubled-letter]\n", "select: unknown rule or family 'doubled-letter' (did you mean 'spelling/doubled-letter'?)"),
    ("ignore: [link]\n", "ignore: unknown rule or family 'link' (did you mean 'links'?)"),
    ("severity: {whitespace/double-spaces: info}\n", "severity.whitespace/double-spaces: unknown rule id (did you mean 'whitespace/double-space'?)"),
    ("rules: {links/broken-anchors: {}}\n", "rules.links/broken-anchors: unknown rule id (did you mean 'links/broken-anchor'?)"),
])
def test_unknown_rule_ids_in_the_configuration_get_did_you_mean(write, capsys, config, hint):
    path = write("u/.guidelint.yaml", config)
    write("u/guide.en-gb.md", BAD)
    code, _, err = run(capsys, "check", str(path.parent))
    assert code == 2 and hint in err


def test_unknown_rule_ids_and_mistyped_options_on_the_command_line_get_did_you_mean(write, capsys):
    guide = write("guide.en-gb.md", BAD)
    code, _, err = run(capsys, "check", "--select", "whitespace/double-spce", str(guide))
    assert code == 2 and "did you mean 'whitespace/double-space'?" in err
    code, _, err = run(capsys, "check", "--ignroe", "links", str(guide))
    assert code == 2 and "unrecognized arguments: --ignroe" in err and "did you mean '--ignore'?" in err
    code, _, err = run(capsys, "translations", "--formt", "json", str(guide.parent))
    assert code == 2 and "did you mean '--format'?" in err
    code, _, err = run(capsys, "explain", "repeated-wrd")
    assert code == 2 and "did you mean 'words/repeated-word'?" in err


def test_explain_prints_each_option_with_its_values_default_and_help(capsys):
    code, out, _ = run(capsys, "explain", "links/broken-anchor")
    assert code == 0
    options = out[out.index("Options"):]
    assert "slug_style: one of github, toc; default github\n      how the renderer makes heading ids" in options
    assert "strict_slugs: boolean; default false" in options


def test_explain_takes_a_rule_short_name_and_a_family(capsys):
    code, out, _ = run(capsys, "explain", "doubled-letter")
    assert code == 0 and out.startswith("spelling/doubled-letter  (warning)")
    code, out, _ = run(capsys, "explain", "ports")
    family = [rule_id for rule_id in registry.load() if rule_id.startswith("ports/")]
    assert code == 0 and out.startswith(f"ports: {len(family)} rules")
    assert len(family) > 1 and all(f"\n  {rule_id} " in out for rule_id in family)


def test_rules_json_lists_each_option_declaration(capsys):
    code, out, _ = run(capsys, "rules", "--format", "json")
    [anchor] = [r for r in json.loads(out) if r["id"] == "links/broken-anchor"]
    assert anchor["options"]["slug_style"] == {
        "type": "string", "default": "github", "choices": ["github", "toc"], "minimum": None,
        "maximum": None, "help": "how the renderer makes heading ids"}


def test_exclude_in_a_discovered_configuration_is_honoured(write, capsys):
    write("repo/.guidelint.yaml", "exclude: ['legacy/**', '**/README.md']\n")
    write("repo/legacy/old/guide.en-gb.md", BAD)
    write("repo/docs/README.md", BAD)
    kept = write("repo/docs/new/guide.en-gb.md", BAD)
    code, out, _ = run(capsys, "check", "--no-cache", "--format", "json", str(kept.parents[2]))
    report = json.loads(out)
    assert code == 1 and {f["path"] for f in report["findings"]} == {str(kept)}
    assert report["summary"]["files"] == 1


def test_exclude_applies_to_the_configuration_of_each_folder(write, capsys):
    """A nested configuration's globs are relative to its own folder, and only apply below it."""
    write("repo/site/.guidelint.yaml", "exclude: ['drafts/**']\n")
    write("repo/site/drafts/guide.en-gb.md", BAD)
    other = write("repo/drafts/guide.en-gb.md", BAD)
    code, out, _ = run(capsys, "check", "--no-cache", "--format", "json", str(other.parents[1]))
    assert {f["path"] for f in json.loads(out)["findings"]} == {str(other)}


def test_a_folder_whose_every_guide_is_excluded_is_empty(write, capsys):
    write("repo/.guidelint.yaml", "exclude: ['**']\n")
    write("repo/guide.en-gb.md", BAD)
    code, _, err = run(capsys, "check", str(write("repo/x.txt", "").parent))
    assert code == 2 and "no Markdown files to check" in err


def test_translations_of_a_folder_without_guides_is_an_error_not_an_empty_table(write, capsys):
    folder = write("empty/notes.txt", "").parent
    code, out, err = run(capsys, "translations", str(folder))
    assert code == 2 and out == "" and "no guide with a locale" in err and "--allow-empty" in err
    code, out, _ = run(capsys, "translations", "--allow-empty", str(folder))
    assert code == 0 and "0 folders" in out
