"""guidelint compare (verdicts) and guidelint translations (the matrix)."""
import json

from lint.cli import main
from translation_helpers import FI, FR


COMMAND = "openssl s_client -connect ssl0.ovh.net:993"
COMMAND_CHANGED = "openssl s_client -connect ssl0.ovh.net:995"  # a command the source does not have


def run(capsys, *argv):
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_compare_verdicts_in_json(write, capsys):
    # any layout: content/<locale>/docs/x.md
    source = write("content/fr/docs/x.md", FR)
    same = write("content/fi/docs/x.md", FI)
    code, out = run(capsys, "compare", str(source), str(same), "--format", "json")
    data = json.loads(out)
    assert (code, data["verdict"], data["findings"]) == (0, "up_to_date", [])

    drift = write("content/de/docs/x.md", FI.replace(COMMAND, COMMAND_CHANGED))
    code, out = run(capsys, "compare", str(source), str(drift), "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["verdict"] == "outdated"
    assert {f["rule"] for f in data["findings"]} == {"translation/code-mismatch", "translation/outdated"}
    # the one-line verdict summarises; the JSON lists every difference behind it
    assert data["differences"] == [{"kind": "code", "line": 27, "source_line": 27,
                                    "detail": "code block changed", "qa_slip": False}]

    # one number that differs in an otherwise aligned guide is a QA slip, not drift
    slip = write("content/nl/docs/x.md", FI.replace("|ssl0.ovh.net|993|", "|ssl0.ovh.net|995|"))
    code, out = run(capsys, "compare", str(source), str(slip), "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["verdict"] == "up_to_date"
    assert {f["rule"] for f in data["findings"]} == {"translation/number-mismatch"}

    # deprecated here while the source is live: retired, whatever its content
    retired = write("content/pl/docs/x.md", FI.replace("order: 2\n", "order: 2\ndeprecated: true\n")
                    .replace(COMMAND, COMMAND_CHANGED))
    code, out = run(capsys, "compare", str(source), str(retired), "--format", "json")
    assert json.loads(out)["verdict"] == "retired"

    # a section and its image dropped: outdated, each drop reported by its own rule
    dropped = write("content/it/docs/x.md", FI.replace("### Vaihe 2: Tarkista\n\n", "").replace(
        "![loppu](images/step2.png){.thumbnail}\n\n", ""))
    code, out = run(capsys, "compare", str(source), str(dropped), "--format", "json")
    data = json.loads(out)
    assert data["verdict"] == "outdated"
    assert {f["rule"] for f in data["findings"]} == {
        "translation/heading-mismatch", "translation/image-mismatch", "translation/outdated"}

    # a table row gone: the structure parts
    parted = write("content/es/docs/x.md", FI.replace("|ssl0.ovh.net|993|\n", ""))
    code, out = run(capsys, "compare", str(source), str(parted), "--format", "json")
    assert json.loads(out)["verdict"] == "structure_changed"


def test_compare_text_ends_with_the_verdict_and_guesses_locales(write, capsys):
    source = write("content/fr/docs/x.md", FR)
    same = write("content/fr-ca/docs/x.md", FR)  # the same language: not "untranslated"
    code, out = run(capsys, "compare", str(source), str(same))
    assert code == 0 and out.rstrip().endswith("verdict: up_to_date")


def test_compare_missing_file_is_a_usage_error(write, capsys):
    source = write("a/guide.fr-fr.md", FR)
    assert main(["compare", str(source), str(source) + ".nope"]) == 2


def test_matrix_covers_every_folder_and_locale_of_the_corpus(corpus, capsys):
    import os

    root = corpus / "ovh-docs"
    code, out = run(capsys, "translations", str(root), "--format", "json")
    data = json.loads(out)
    folders = {os.path.relpath(os.path.dirname(p), root) for p in map(str, root.rglob("guide.*.md"))}
    assert {r["folder"] for r in data["rows"]} == {f.replace(os.sep, "/") for f in folders}
    locales = {p.name.split(".")[1] for p in root.rglob("guide.*.md")}
    assert set(data["locales"]) == locales
