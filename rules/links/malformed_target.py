import difflib
import re

from lint.markdown import closing_bracket
from lint.registry import register
from lint.rule import Rule

from ._prose import single_line_prose
from ._targets import targets

SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
KNOWN_SCHEMES = {"http", "https", "ftp", "ftps", "sftp", "mailto", "tel", "data", "file", "ssh", "git",
                 "irc", "ircs", "news", "smb", "ldap", "xmpp", "skype", "callto", "javascript", "urn"}
WEB_SCHEMES = ("http", "https", "ftp", "mailto")
SECOND_URL = re.compile(r"(?i)https?:/+")
# the rest of a "](" that did not become a link: up to the closing parenthesis of the same line
UNPARSED_TARGET = re.compile(r"\]\(")
PATH_IN_ANGLES = re.compile(r"<((?:\.{0,2}/)[^\s<>]*)>")
# compiled once: they run on every link, where re.match's cache lookup costs as much as the match
COLON_LACKING = re.compile(r"^(https?|ftp)//", re.I)
SLASHES_LACKING = re.compile(r"^(https?|ftp):(?!//)(?!:)", re.I)
SLASHES_WRONG = re.compile(r"^(https?|ftp):(///+|:+/*)", re.I)
SCHEME_WITHOUT_COLON = re.compile(r"^([A-Za-z]{3,8})//")
HOST_PART = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:/+[^/?#]*")
WHITESPACE = re.compile(r"\s")


def scheme_problem(url: str) -> str | None:
    """What is wrong with the scheme of ``url``, None when nothing is."""
    m = COLON_LACKING.match(url)
    if m:
        return f"'{m.group(1)}//' lacks its colon ('{m.group(1)}://')"
    m = SLASHES_LACKING.match(url)
    if m:
        return f"'{m.group(1)}:' must be followed by '//'"
    m = SLASHES_WRONG.match(url)
    if m:
        return f"'{m.group(1)}:{m.group(2)}' should be '{m.group(1)}://'"
    m = SCHEME.match(url) or SCHEME_WITHOUT_COLON.match(url)
    if m:
        scheme = m.group(1).lower()
        if scheme not in KNOWN_SCHEMES:
            close = difflib.get_close_matches(scheme, WEB_SCHEMES, n=1, cutoff=0.75)
            if close:
                return f"scheme '{m.group(1)}' looks like a typo of '{close[0]}'"
    return None


def _host_end(url: str) -> int:
    m = HOST_PART.match(url)
    return m.end() if m else 0


@register
class MalformedTarget(Rule):
    """
    What it does
        Reports a link destination the renderer will not read as the author meant:

        - it starts with `(` (`[x]((https://...))`): the parentheses become part of the URL;
        - it contains a space or an unbalanced parenthesis (`[x](./#a b)`,
          `[x](https://example.org/Foo_(bar)`): CommonMark does not make a link of it at all
          and the page shows the brackets, so the rule reads the text around such a `](`;
        - its scheme is mistyped: `htps://`, `https//`, `http:/x`, `https:///x`;
        - it ends with `:`, `,` or `;` (`https://ssl0.ovh.net/en/:`);
        - it is two URLs glued together (`http://www.ovh-hosting.fi/https://docs.ovh.com/...`),
          outside the query string and web archive links;
        - a path in angle brackets (`</pages/web/guide>`), which CommonMark does not take for
          an autolink (those need a scheme): it shows as text.

        A destination in angle brackets may contain spaces (`[x](<a b.png>)`), and a title
        after the URL (`[x](url "title")`) is fine.

        In a translation this rule owns a destination wrapped in parentheses:
        translation/link-mismatch compares the URL inside and does not report the link again.

    Why is this bad?
        The reader sees raw Markdown or follows a link that leads nowhere; none of these show
        in a source review unless one reads every URL character by character.

    Example
        Lue lisää [FTP-yhteydestä](http://www.ovh-hosting.fi/https://docs.ovh.com/fi/hosting/ftp/).

    Use instead
        Lue lisää [FTP-yhteydestä](https://docs.ovh.com/fi/hosting/ftp/).
    """

    id = "links/malformed-target"
    severity = "warning"
    summary = "link destination the renderer will not read as intended"
    tags = ("links", "rendering")

    def check(self, doc, ctx):
        for t in targets(doc, "link", "image"):
            url = t.url
            problem = None
            if url.startswith("("):
                problem = "the destination starts with '(': the parentheses become part of the URL"
            else:
                problem = scheme_problem(url)
            if problem is None:
                start = _host_end(url)
                query = min([i for i in (url.find("?"), url.find("#")) if i >= 0] or [len(url)])
                m = SECOND_URL.search(url, start, query) if start else None
                if m and "web.archive.org" not in url[:start].lower():
                    problem = f"two URLs glued together: a second '{m.group()}' in the path"
                elif start and len(url) > start and url[-1] in ":,;":
                    problem = f"the destination ends with '{url[-1]}': punctuation typed into the URL"
            if problem:
                end = t.column + len(url) if "\n" not in url else None
                ctx.report(t.line, t.column, problem, end_column=end)
        for node in doc.memo(single_line_prose):
            # both patterns need "](" or "<": most text nodes have neither, skip the call
            if "](" in node.text or "<" in node.text:
                self._unparsed(node, ctx)

    def _unparsed(self, node, ctx):
        text = node.text
        for m in UNPARSED_TARGET.finditer(text):
            start = m.end()
            i = closing_bracket(text, start, len(text), ")")
            inner = text[start:i] if i >= 0 else text[start:]
            column = node.column + start
            if i < 0:
                if "(" in inner:
                    ctx.report(node.line, column, "unbalanced parentheses in the destination: this is not a link",
                               end_column=node.column + len(text))
                continue
            if WHITESPACE.search(inner) and not inner.startswith("<"):
                ctx.report(node.line, column, "space in the destination: this is not a link "
                           "(write %20, or put the destination in <...>)", end_column=column + len(inner))
        for m in PATH_IN_ANGLES.finditer(text):
            if m.group(1) in ("/", ""):
                continue
            column = node.column + m.start()
            ctx.report(node.line, column, f"'<{m.group(1)}>' is not a link: an autolink needs a scheme "
                       f"(write [text]({m.group(1)}))", end_column=column + len(m.group()))
