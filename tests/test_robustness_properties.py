"""Property tests (issue 6): whatever the bytes, checking never raises, no rule crashes, the
result is deterministic, and every finding lies inside the file with its end not before its
start. Bounded so the suite stays fast; ``fuzz/run.py`` is the long version.

Set ``GUIDELINT_PROPERTY_EXAMPLES`` to run more examples (e.g. 2000) locally."""
from __future__ import annotations

import codecs
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.config import Config
from lint.runner import Services, check_file
from lint.source import UndecodableFile, decode

EXAMPLES = int(os.environ.get("GUIDELINT_PROPERTY_EXAMPLES", "0")) or None
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                derandomize=EXAMPLES is None)
PATHS = ["docs/guide.fi-fi.md", "docs/guide.en-gb.md", "docs/guide.fr-fr.md", "docs/guide.md"]

# every rule but the Hunspell ones (seconds per guide); those get a few examples of their own
FAST = Config(data={"select": ["ALL"], "ignore": ["spelling"], "time_budget": 60})
SPELLING = Config(data={"select": ["spelling"], "time_budget": 120})


def check(data: bytes, path: str, config: Config):
    result = check_file(path, config.for_path(path), Services(), data=data)
    return [(f.line, f.column, f.end_line, f.end_column, f.rule, f.message) for f in result.findings]


def assert_sound(data: bytes, path: str, config: Config = FAST) -> None:
    first = check(data, path, config)
    crashed = [f for f in first if f[4] in ("internal/rule-error", "internal/too-complex")]
    assert not crashed, crashed
    assert check(data, path, config) == first, "not deterministic"
    try:
        lines = decode(data).lines
    except UndecodableFile:
        assert [f[4] for f in first] == ["internal/unreadable"]
        return
    for line, column, end_line, end_column, rule, message in first:
        where = f"{rule} {line}:{column}-{end_line}:{end_column} {message!r}"
        assert 1 <= line <= len(lines), where
        assert 1 <= column <= len(lines[line - 1]) + 1, where
        assert (end_line, end_column) >= (line, column), where
        assert end_line <= len(lines) and end_column <= len(lines[end_line - 1]) + 1, where


# arbitrary input ------------------------------------------------------------------------

@settings(max_examples=EXAMPLES or 40, **SETTINGS)
@given(st.text(max_size=400), st.sampled_from(PATHS))
def test_arbitrary_text(text, path):
    assert_sound(text.encode("utf-8", "surrogatepass"), path)


@settings(max_examples=EXAMPLES or 25, **SETTINGS)
@given(st.binary(max_size=300), st.sampled_from(PATHS))
def test_arbitrary_bytes(data, path):
    assert_sound(data, path)


# guide-like Markdown --------------------------------------------------------------------

WORDS = st.sampled_from(["port", "22", "TCP", "UDP", "palvelin", "serveur", "the", "the", "OVHcloud",
                         "l'accès", "sull’app", "Linux", "www.ovh.com", "root@host", "«", "»", "1.2.3.4",
                         "8080-8090", "SSH", "sie", "Sie", "ääkköset", "x", "", "  ", "\t", "\u00a0"])
INLINE = st.one_of(
    WORDS,
    st.builds(lambda t, u: f"[{t}]({u})", WORDS, st.sampled_from(["https://x.org/fi/", "#anchor", "../a.fi-fi.md", "<u>", ""])),
    st.builds(lambda t, u: f"[{t}]({u}){{.external}}", WORDS, st.sampled_from(["https://x.org", "img.png"])),
    st.builds(lambda t: f"![{t}](images/{t}.png){{.thumbnail}}", WORDS),
    st.builds(lambda t: f"`{t}`", WORDS), st.builds(lambda t: f"**{t}**", WORDS), st.builds(lambda t: f"*{t}*", WORDS),
    st.sampled_from(["*", "**", "_", "[", "]", "(", ")", "`", "\\", "<br>", "&amp;", "{#id}", "|", "!", "{", "}"]),
)
SENTENCE = st.lists(INLINE, max_size=10).map(" ".join)


def _table(draw_rows, delimiter, width):
    head = "| " + " | ".join(["Port", "Protocol", "Usage", "x"][:width]) + " |"
    rows = [head] + (["|" + "|".join(["---"] * width) + "|"] if delimiter else [])
    rows += ["| " + " | ".join(row[:width] + [""] * (width - len(row[:width]))) + " |" for row in draw_rows]
    return "\n".join(rows)


BLOCK = st.one_of(
    SENTENCE,
    st.builds(lambda level, s: "#" * level + " " + s, st.integers(1, 7), SENTENCE),
    st.builds(lambda s: s + " {#anchor-id}", SENTENCE.map(lambda s: "## " + s)),
    st.builds(_table, st.lists(st.lists(WORDS, max_size=5), max_size=4), st.booleans(), st.integers(1, 4)),
    st.builds(lambda kind, s: f"> [!{kind}]\n> {s}", st.sampled_from(["primary", "warning", "info", "x"]), SENTENCE),
    st.builds(lambda depth, s: ">" * depth + " " + s, st.integers(1, 30), SENTENCE),
    st.builds(lambda depth, s: "\n".join("  " * d + "- " + s for d in range(depth)), st.integers(1, 25), SENTENCE),
    st.builds(lambda n, s: "\n".join(f"{i + 1}. {s}" for i in range(n)), st.integers(1, 5), SENTENCE),
    st.builds(lambda fence, info, s, close: f"{fence}{info}\n{s}\n" + (fence if close else ""),
              st.sampled_from(["```", "~~~", "````"]), st.sampled_from(["", "bash", "sh {.x}"]), SENTENCE, st.booleans()),
    st.builds(lambda s: "    " + s, SENTENCE),
    st.sampled_from(["---", "***", "<div>\nhtml\n</div>", "<!-- guidelint-disable-next-line -->",
                     "<!-- guidelint-disable whitespace/double-space -->", "[ref]: https://x.org", ""]),
)
FRONT = st.one_of(
    st.just(""),
    st.builds(lambda t, extra: f"---\ntitle: {t}\nslug: guide\n{extra}---\n", SENTENCE,
              st.sampled_from(["", "excerpt: x\n", "title: again\n", "updated: 2024-01-01\n", "- list\n",
                               "a: [\n", "b: &x 1\nc: *x\n", "deprecated: true\n", "? [1]\n: v\n"])),
    st.just("---\ntitle: unterminated\n"),
)


@st.composite
def guides(draw):
    text = draw(FRONT) + "\n\n".join(draw(st.lists(BLOCK, max_size=8))) + draw(st.sampled_from(["", "\n"]))
    ending = draw(st.sampled_from(["\n", "\n", "\r\n", "\r", "mixed"]))
    if ending == "mixed":
        parts = text.split("\n")
        text = "".join(p + draw(st.sampled_from(["\n", "\r\n", "\r"])) for p in parts[:-1]) + parts[-1]
    elif ending != "\n":
        text = text.replace("\n", ending)
    data = text.encode("utf-8")
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "bom", "utf-16"]))
    if encoding == "bom":
        data = codecs.BOM_UTF8 + data
    elif encoding == "utf-16":
        data = text.encode("utf-16")
    return data


@settings(max_examples=EXAMPLES or 60, **SETTINGS)
@given(guides(), st.sampled_from(PATHS))
def test_guide_like_markdown(data, path):
    assert_sound(data, path)


@settings(max_examples=EXAMPLES or 6, **SETTINGS)
@given(guides(), st.sampled_from(PATHS[:3]))
def test_guide_like_markdown_spelling_rules(data, path):
    assert_sound(data, path, SPELLING)


def test_nodes_past_the_nesting_limit_stay_inside_the_file():
    """fuzz/run.py: a list nested 60 deep after a quote, then lazy text with links (CR line
    ends): past mistune's nesting limit, alignment put paragraphs and links on line 1 at
    columns past its end, and rules reported there."""
    from pathlib import Path

    from lint.document import Document

    data = (Path(__file__).parent / "data" / "robustness" / "deep-list-lazy-text.md").read_bytes()
    doc = Document.from_bytes(data, "docs/guide.md")
    for node in doc.walk():
        assert 1 <= node.column <= len(doc.line(node.line)) + 1, node
        assert 1 <= node.end_column <= len(doc.line(node.end_line)) + 1, node
        assert (node.end_line, node.end_column) >= (node.line, node.column), node
        if "dest_line" in node.attrs:
            assert node.attrs["dest_column"] <= len(doc.line(node.attrs["dest_line"])) + 1, node
    assert len(list(doc.walk("link"))) == 2


def test_regressions_found_by_fuzzing():
    """Inputs fuzz/run.py found (each fixed): they must stay sound."""
    cases = [
        # a control character in front matter: PyYAML's reader raised outside the try
        ("docs/guide.fi-fi.md", b"---\ntitle: a\x0f\nslug: b\n---\n\n# T\n"),
        ("docs/guide.fi-fi.md", b"---\ntitle: \xef\xbf\xbe\nslug: *a\n---\n"),
        # a finding at the end of a line (YAML error at the end of the stream): end past the line
        ("docs/guide.de-de.md", b"---\na: [\n---\n\n# T\n"),
        # an empty file: the missing-front-matter finding ended at column 2 of an empty line
        ("docs/guide.de-de.md", b""),
    ]
    for path, data in cases:
        assert_sound(data, path)


# --fix on hostile input (the fix's own properties are in tests/test_scale_fix.py) ------------

@settings(max_examples=EXAMPLES or 40, **SETTINGS)
@given(guides(), st.sampled_from(PATHS), st.booleans())
def test_fixing_guide_like_markdown_never_raises_and_keeps_the_encoding(data, path, unsafe):
    from lint.fix import fix_document
    from lint.runner import check_document, parse_and_check

    effective = FAST.for_path(path)
    services = Services()
    checked = parse_and_check(path, effective, services, data)
    if not isinstance(checked, tuple):
        return  # unreadable: nothing to fix
    doc, findings = checked

    def recheck(fixed):
        return check_document(fixed, effective, services)

    outcome = fix_document(doc, findings, recheck, unsafe=unsafe, diff=True)
    if outcome.data is None:
        assert not outcome.diff
        return
    fixed = decode(outcome.data)  # still text guidelint reads
    assert fixed.encoding == doc.source.encoding
    assert outcome.data.startswith(codecs.BOM_UTF8) == data.startswith(codecs.BOM_UTF8)
    assert outcome.diff and outcome.fixed > 0
    again = fix_document(doc, findings, recheck, unsafe=unsafe)
    assert again.data == outcome.data, "fixing is not deterministic"
