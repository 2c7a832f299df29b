"""The parser's shortcuts past mistune's inline parser give exactly the tokens mistune gives."""
import pytest

from lint.markdown import create_parser

MD = create_parser()
REFS = {"ref_links": {"LINK": {"url": "elsewhere"}, "A": {"url": "z"}}}


def same_as_mistune(text: str, env: dict | None = None) -> list[dict] | None:
    """The shortcut's tokens for ``text`` in a guide with ``env``'s reference definitions (None
    where it leaves it to mistune), after checking them against mistune's own."""
    tokens = MD.simple_inline(text, dict(env or {"ref_links": {}}))
    if tokens is not None:
        assert tokens == MD.inline(text, dict(env or {"ref_links": {}})), text
    return tokens


@pytest.mark.parametrize("text", [
    "See [the guide](https://docs.ovh.com/fi/guide?a=1&amp;b=2) for more.",
    "![Control panel](images/control_panel-1.png){.thumbnail}",
    "[link](a) and ![image](b.png) and [](empty) and [no destination]()",
    "Open [Hallintapaneeli](https://www.ovh.com/auth/?action=gotomanager&from=https://www.ovh.co.uk/&ovhSubsidiary=GB).",
    "[é](http://ü.com/ä%20b)", "[Achtung!](u) and [a](u)!",
    "Select **Port SSH** then **OK**.", "x**y**z and **1**",  # bold text between letters or digits
    "**Diese Anleitung erklärt, wie Sie SSH nutzen.**", "**(a)**", "x **a.** y",  # punctuation inside
    "a *passphrase* (*database* tai DB)", "*a*",  # emphasis
    "a line\nand the next \n   one", "[a](u)\n![b](c.png) \n**d**",  # soft line breaks
    "[a](u) `code`", "run ` ls -l ` or `*` and `[x](y)`", "` `",  # code spans, read first
    "Go to <https://community.ovh.com/en/>.", "<https://a.b/c_d*e> and <ftp:x>",  # autolinks
    "[!primary]\nDiese Übersetzung wurde erstellt.", "a [!x] b", "[a] (u)",  # brackets no link follows
    "my_file and user_name", "Hello! World",  # underscores between letters, "!" before no "["
])
def test_links_bold_text_and_line_breaks_skip_the_inline_parser(text):
    assert same_as_mistune(text) is not None


@pytest.mark.parametrize("text", [
    "See **[bold link](u)**",                  # emphasis around a link
    "**a****b**", "***a***", "**a **", "__a__", "_a_", "**a.**b", "*a**",  # runs the parser pairs
    "a  \nb",                                  # a hard line break
    "[a *b*](u)",                              # syntax in the link text
    "[a](<b c>)", "[a](b(c))", '[a](b "title")', "[a](b\\)c)",  # destinations mistune unpacks
    "x _y [a](u)", "<b>[a](u)</b>", "<a@b.c>",  # syntax around the link, HTML, e-mail autolinks
    "``a``", "`a``", "`a` `b", "`<b>`", "a `b\nc`", "**a `b`**",  # code spans left to the parser
    "[[a]](u)", "![a]", "[a][b]",              # a nested link, or brackets a link may follow
])
def test_any_other_syntax_is_left_to_mistune(text):
    assert same_as_mistune(text) is None


def test_brackets_are_left_to_mistune_in_a_guide_with_reference_definitions():
    assert same_as_mistune("[a] and [b]") is not None
    assert same_as_mistune("[a] and [b]", REFS) is None  # [a] is a link there


def test_every_paragraph_and_line_of_the_corpus_gets_mistunes_tokens(corpus):
    taken = 0
    for path in sorted((corpus / "ovh-docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for piece in text.split("\n\n") + text.splitlines():
            piece = piece.strip(" \r\n\t\f")
            if MD.no_inline_syntax(piece):  # the texts the shortcut is asked about
                taken += same_as_mistune(piece) is not None
                same_as_mistune(piece, REFS)
    assert taken > 14000  # the shortcut is what most of them take (15,599 of 19,104)


def tree(nodes):
    return [(n.type, n.line, n.column, n.end_line, n.end_column, n.text, n.attrs, n.exact, tree(n.children))
            for n in nodes]


def parsed_both_ways(texts, monkeypatch):
    """The trees of ``texts`` with the shortcuts, and with every text read by mistune's inline
    parser and placed by the locator."""
    from lint import markdown

    fast = [tree(markdown.parse_body(text, 1)) for text in texts]
    slow = create_parser()
    slow.simple_syntax = slow.no_inline_syntax = None
    monkeypatch.setattr(markdown, "_PARSER", [slow])
    return fast, [tree(markdown.parse_body(text, 1)) for text in texts]


GUIDE = """# Title **bold**

See [the guide](https://a.b/c?d=1&amp;e) and **Port SSH**,
   then ![shot](images/a_b.png){.thumbnail} on a line
that goes on.

- an item with [a link](u)
  continued **here**
  1. nested ![img](i.png)  
     hard break, then `code` and [b](c)

> quoted [link](q) and
> **bold** on the next line
>
> - in a list **x**

| a | [b](c) |
|---|---|
| **d** | e\\
"""


def test_the_shortcuts_place_nodes_where_the_locator_would(monkeypatch):
    fast, slow = parsed_both_ways([GUIDE], monkeypatch)
    assert fast == slow


def test_the_corpus_trees_are_the_same_with_and_without_the_shortcuts(corpus, monkeypatch):
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((corpus / "ovh-docs").rglob("*.md"))]
    fast, slow = parsed_both_ways(texts, monkeypatch)
    assert fast == slow
