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


def test_matrix_json_on_a_small_tree(write, tmp_path, capsys):
    write("docs/a/guide.fr-fr.md", FR)
    write("docs/a/guide.fi-fi.md", FI)
    write("docs/a/guide.de-de.md", FI.replace(COMMAND, COMMAND_CHANGED))
    write("docs/b/guide.fi-fi.md", FI)                      # no source
    write("docs/b/guide.de-de.md", FI)
    write("docs/b/guide.lt-lt.md", FI)
    write("docs/c/guide.en-gb.md", FR)                      # en-gb is the source here
    write("docs/c/guide.fi-fi.md", FI.replace("order: 2\n", "order: 2\ndeprecated: true\n"))
    code, out = run(capsys, "translations", str(tmp_path / "docs"), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["locales"] == ["fr-fr", "en-gb", "de-de", "fi-fi", "lt-lt"]
    cells = {(row["folder"], locale): cell["label"] for row in data["rows"]
             for locale, cell in row["cells"].items() if locale != "lt-lt"}
    assert cells == {
        ("a", "fr-fr"): "source", ("a", "en-gb"): "-", ("a", "de-de"): "outdated 2W", ("a", "fi-fi"): "ok",
        ("b", "fr-fr"): "-", ("b", "en-gb"): "-", ("b", "de-de"): "no source", ("b", "fi-fi"): "no source",
        ("c", "fr-fr"): "-", ("c", "en-gb"): "source", ("c", "de-de"): "-", ("c", "fi-fi"): "retired 1W",
    }
    de = next(r for r in data["rows"] if r["folder"] == "a")["cells"]["de-de"]
    assert de["state"] == "outdated" and de["counts"] == {"error": 0, "warning": 2, "info": 0}
    assert data["summary"]["folders"] == 3 and data["summary"]["files"] == 8


def test_matrix_text_and_html(write, tmp_path, capsys):
    write("docs/a/guide.fr-fr.md", FR)
    write("docs/a/guide.de-de.md", FI.replace(COMMAND, COMMAND_CHANGED))
    code, out = run(capsys, "translations", str(tmp_path / "docs"), "--no-color")
    assert out.splitlines()[0].split() == ["folder", "fr-fr", "de-de"]
    assert out.splitlines()[1].split() == ["a", "source", "outdated", "2W"]
    page = tmp_path / "m.html"
    assert main(["translations", str(tmp_path / "docs"), "--format", "html", "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "href='#c0-de-de'" in html and "id='c0-de-de'" in html
    assert COMMAND_CHANGED in html and COMMAND in html  # both sides of the finding
    assert "http" not in html.replace("https://www.ovh.com", "")  # no external asset


def test_matrix_covers_every_folder_and_locale_of_the_corpus(corpus, capsys):
    import os

    root = corpus / "ovh-docs"
    code, out = run(capsys, "translations", str(root), "--format", "json")
    data = json.loads(out)
    folders = {os.path.relpath(os.path.dirname(p), root) for p in map(str, root.rglob("guide.*.md"))}
    assert {r["folder"] for r in data["rows"]} == {f.replace(os.sep, "/") for f in folders}
    locales = {p.name.split(".")[1] for p in root.rglob("guide.*.md")}
    assert set(data["locales"]) == locales
