"""``guidelint translations``: the matrix a translation manager reads, as a model and as a page."""
import json
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser

import pytest

from lint.cli import main
from lint.config import Config, ConfigError
from lint.translations.matrix import expected_locales, scan
from translation_helpers import FI, FR

COMMAND = "openssl s_client -connect ssl0.ovh.net:993"
HIDDEN = "order: 2\nhidden: true\n"
DEPRECATED = "order: 2\ndeprecated: true\n"
EXPECT = "expected_locales:\n  'docs/*': [fr-fr, en-gb, fi-fi, de-de, it-it]\n"


@pytest.fixture
def tree(write, tmp_path):
    """Four guides: one with a translation in every state, one whose source is hidden, one
    without a source, and one with nothing to do."""
    write(".guidelint.yaml", EXPECT + "  'other/*': []\n  'done/*': [fr-fr, fi-fi]\n")
    write("docs/a/guide.fr-fr.md", FR)
    write("docs/a/guide.fi-fi.md", FI)                                           # up to date
    write("docs/a/guide.de-de.md", FI.replace(COMMAND, COMMAND.replace("993", "995")))   # content drift
    write("docs/a/guide.it-it.md", FI.replace("|ssl0.ovh.net|993|\n", ""))       # a table row gone
    write("docs/a/guide.es-es.md", FI.replace("order: 2\n", DEPRECATED))         # retired, not expected
    write("docs/a/guide.lt-lt.md", FI.split("## Tavoite")[0])                    # front matter only
    # en-gb: expected, no file
    write("docs/b/guide.fr-fr.md", FR.replace("order: 2\n", HIDDEN))             # the source is hidden
    write("docs/b/guide.fi-fi.md", FI)                                           # still live
    write("docs/b/guide.de-de.md", FI.replace("order: 2\n", DEPRECATED))         # retired with it
    write("other/c/guide.fi-fi.md", FI)                                          # nothing to pair with
    write("done/d/guide.fr-fr.md", FR)
    write("done/d/guide.fi-fi.md", FI)
    return tmp_path


def _states(matrix):
    return {(row.folder.rsplit("/", 2)[-2] + "/" + row.folder.rsplit("/", 1)[-1], l): c.state
            for row in matrix.rows for l, c in row.cells.items()}


def test_every_cell_is_in_a_plain_state_and_missing_means_expected(tree, monkeypatch):
    monkeypatch.chdir(tree)
    matrix = scan(["docs", "other"], Config.load(".guidelint.yaml"))
    assert matrix.locales == ["fr-fr", "en-gb", "de-de", "es-es", "fi-fi", "it-it", "lt-lt"]
    states = _states(matrix)
    assert {l: states[("docs/a", l)] for l in matrix.locales} == {
        "fr-fr": "source", "en-gb": "missing", "de-de": "outdated", "es-es": "retired",
        "fi-fi": "up-to-date", "it-it": "sections-differ", "lt-lt": "empty"}
    assert {l: states[("docs/b", l)] for l in matrix.locales} == {
        "fr-fr": "source-retired", "en-gb": "not-planned", "de-de": "retired-with-source", "es-es": "not-planned",
        "fi-fi": "still-live", "it-it": "not-planned", "lt-lt": "not-planned"}  # nobody translates it now
    assert states[("other/c", "fi-fi")] == "no-source" and states[("other/c", "en-gb")] == "not-planned"


def test_each_folder_says_what_to_do_next_and_each_locale_how_complete_it_is(tree, monkeypatch):
    monkeypatch.chdir(tree)
    matrix = scan(["docs", "other"], Config.load(".guidelint.yaml"))
    a, b, c = matrix.rows
    assert a.next_steps(matrix.locales) == [("translate", ["en-gb", "lt-lt"]), ("update", ["de-de", "it-it"]),
                                            ("remove", ["es-es"])]
    assert b.next_steps(matrix.locales) == [("retire", ["fi-fi"])]
    assert c.next_steps(matrix.locales) == [("find source", ["fi-fi"])]
    totals = {t.locale: t for t in matrix.totals()}
    fi = totals["fi-fi"]
    assert fi.counts == {"up to date": 1, "retired": 1, "other": 1}
    assert (fi.expected, fi.completeness) == (2, 0.5)  # a and c are expected live; the one in b retires
    assert totals["en-gb"].counts == {"missing": 1, "not planned": 2} and totals["en-gb"].completeness == 0.0
    assert totals["es-es"].completeness is None  # expected nowhere
    overall = matrix.overall()
    assert overall["counts"]["retired"] == 2 and overall["counts"]["withdrawn"] == 2
    assert overall["completeness"] == 1 / 6  # fi-fi of a; five more expected in a, and c's fi-fi


def test_without_expected_locales_no_cell_is_missing(write, tmp_path):
    write("docs/a/guide.fr-fr.md", FR)
    write("docs/a/guide.fi-fi.md", FI)
    write("docs/b/guide.fr-fr.md", FR)
    matrix = scan([str(tmp_path / "docs")])
    assert not matrix.expectations
    assert [[c.state for c in r.cells.values()] for r in matrix.rows] == [["source", "up-to-date"],
                                                                         ["source", "not-planned"]]


def test_expected_locales_by_folder_glob_first_match_wins():
    setting = {"pages/web/emails/*": ["fr-fr", "en-*"], "pages/*": ["fr-fr"]}
    seen = ["fr-fr", "en-gb", "en-ie", "fi-fi"]
    assert expected_locales(setting, "pages/web/emails/a", seen) == {"fr-fr", "en-gb", "en-ie"}
    assert expected_locales(setting, "pages/web/hosting/b", seen) == {"fr-fr"}
    assert expected_locales(setting, "elsewhere/c", seen) is None
    assert expected_locales(["de-de"], "any/folder", seen) == {"de-de"}  # a list: every folder
    assert expected_locales(None, "any/folder", seen) is None


@pytest.mark.parametrize("value", ["fr-fr", {"pages/*": "fr-fr"}, [""], {"pages/*": [1]}])
def test_a_malformed_expected_locales_is_a_configuration_error(tmp_path, value):
    path = tmp_path / ".guidelint.yaml"
    path.write_text(json.dumps({"expected_locales": value}))
    with pytest.raises(ConfigError, match="expected_locales"):
        Config.load(path)


# the page ------------------------------------------------------------------------------------

class _Page(HTMLParser):
    """The parts of the page a reader relies on, as data."""

    def __init__(self):
        super().__init__()
        self.stack, self.sections = [], []
        self.head_rows, self.body_rows, self.tags = [], [], set()
        self.ids, self.links, self.styles, self._row = set(), [], "", None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.add(tag)
        self.stack.append(tag)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href", "").startswith("#"):
            self.links.append(attrs["href"][1:])
        if tag == "tr":
            self._row = {"class": attrs.get("class", ""), "cells": []}
            (self.head_rows if "thead" in self.stack else self.body_rows).append(self._row)
        if tag in ("td", "th") and self._row is not None:
            self._row["cells"].append({"class": attrs.get("class", ""), "title": attrs.get("title", ""),
                                       "text": ""})

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "style":
            self.styles += data
        elif self._row is not None and self._row["cells"] and {"td", "th"} & set(self.stack):
            self._row["cells"][-1]["text"] += data


def _page(tree, monkeypatch):
    monkeypatch.chdir(tree)
    assert main(["translations", ".", "--config", ".guidelint.yaml", "--format", "html",
                 "-o", "m.html"]) == 0
    text = (tree / "m.html").read_text(encoding="utf-8")
    page = _Page()
    page.feed(text)
    return text, page


def test_the_page_has_sticky_headers_totals_and_a_next_step_per_folder(tree, monkeypatch):
    text, page = _page(tree, monkeypatch)
    header, *totals = page.head_rows
    assert [c["text"] for c in header["cells"]] == ["folder", "next step", "fr-fr", "en-gb", "de-de", "es-es",
                                                    "fi-fi", "it-it", "lt-lt"]
    assert [r["cells"][0]["text"] for r in totals] == ["up to date", "outdated", "missing", "retired", "other",
                                                      "complete"]
    assert [c["text"] for c in totals[-1]["cells"][2:]] == ["100%", "0%", "0%", "-", "67%", "0%", "0%"]
    assert "table.m thead{position:sticky;top:0" in page.styles            # header and totals stay
    assert ".f{position:sticky;left:0" in page.styles                        # so does the folder column
    rows = {r["cells"][0]["text"]: r for r in page.body_rows if r["class"] != "g"}
    a = rows["a"]
    assert a["cells"][1]["text"] == "translate 2 · update 2 · remove 1"  # the locales would not fit
    assert "update de-de, it-it" in a["cells"][1]["title"]                   # every locale in the tooltip
    cells = {header["cells"][i]["text"]: c for i, c in enumerate(a["cells"]) if i >= 2}
    assert cells["en-gb"]["text"] == "missing" and "missing" in cells["en-gb"]["class"]
    assert cells["es-es"]["text"] == "retired" and "remove" in cells["es-es"]["title"]
    assert cells["it-it"]["text"].startswith("outdated") and "sections" in cells["it-it"]["title"]
    assert cells["fi-fi"]["text"] == "up to date"
    assert [r["cells"][0]["text"] for r in page.body_rows if r["class"] == "g"] == ["docs/", "done/", "other/"]
    assert rows["d"]["cells"][1]["text"] == "nothing"
    # the checkbox hides, without a script, the rows of folders with nothing to do
    assert "#todo:checked ~ table tr.done{display:none}" in page.styles
    assert all(("done" in r["class"]) == (r["cells"][1]["text"] == "nothing")
               for r in page.body_rows if r["class"] != "g")


def test_every_cell_with_findings_links_to_them_and_the_page_needs_nothing_online(tree, monkeypatch):
    text, page = _page(tree, monkeypatch)
    assert page.links and all(anchor in page.ids for anchor in page.links)
    assert COMMAND in text and COMMAND.replace("993", "995") in text      # both sides of the drift
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert "http" not in text.replace("https://www.ovh.com", "")


def test_text_and_json_tell_the_same(tree, monkeypatch, capsys):
    monkeypatch.chdir(tree)
    assert main(["translations", "docs", "--config", ".guidelint.yaml", "--no-color"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["folder", "fr-fr", "en-gb"]
    assert lines[1].split("  ")[0] == "a" and lines[1].endswith("translate en-gb, lt-lt · update de-de, it-it · remove es-es")
    assert lines[-2].split() == ["complete", "100%", "0%", "0%", "-", "100%", "0%", "0%"]
    assert main(["translations", "docs", "--config", ".guidelint.yaml", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    a = data["rows"][0]
    assert a["cells"]["de-de"]["state"] == "outdated" and a["cells"]["de-de"]["action"] == "update"
    assert a["next"][0] == {"action": "translate", "locales": ["en-gb", "lt-lt"]}
    assert data["locale_totals"]["fi-fi"]["completeness"] == 1.0


# a real browser ------------------------------------------------------------------------------

def _pixels(png: bytes) -> tuple[int, int, bytes]:
    """Width, height and the filtered scan lines of an 8-bit PNG (enough to tell blank from not)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data, width, height = 8, b"", 0, 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        chunk = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            data += chunk
        pos += 12 + length
    return width, height, zlib.decompress(data)


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not on PATH")
def test_chromium_renders_the_page_and_it_is_not_blank(tree, monkeypatch, tmp_path):
    _, page = _page(tree, monkeypatch)
    shot = tmp_path / "shot.png"
    profile = tmp_path / "profile"
    run = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                          "--no-first-run", "--disable-background-networking", "--disable-component-update",
                          "--disable-sync", f"--user-data-dir={profile}", "--window-size=1200,700",
                          f"--screenshot={shot}", (tree / "m.html").as_uri()],
                         capture_output=True, text=True, timeout=120, check=False)
    if not shot.exists():  # the browser could not start here (no sandbox support, missing libraries)
        pytest.skip(f"chromium wrote no screenshot: {run.stderr[-300:]}")
    width, height, raw = _pixels(shot.read_bytes())
    assert (width, height) == (1200, 700)
    row = len(raw) // height
    first_rows = raw[:row * 40]  # the title and the legend
    assert len(set(raw)) > 40 and len(set(first_rows)) > 10, "the screenshot is blank"


def test_an_unreadable_translation_is_a_state_not_a_crash(write, tmp_path, capsys):
    write("docs/a/guide.fr-fr.md", FR)
    write("docs/a/guide.fi-fi.md", b"x\x80\x81\xfe\n")  # not text in any encoding guidelint reads
    assert main(["translations", str(tmp_path / "docs"), "--format", "json"]) == 0
    cell = json.loads(capsys.readouterr().out)["rows"][0]["cells"]["fi-fi"]
    assert (cell["state"], cell["action"]) == ("unreadable", "repair")
    assert main(["translations", str(tmp_path / "nowhere")]) == 2
