import difflib
import re
import unicodedata
from urllib.parse import unquote

from lint.document import HEADING_ID
from lint.registry import register
from lint.rule import Rule

from ._targets import targets

HTML_ANCHOR = re.compile(r"""<[a-zA-Z][^>]*?\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
STYLES = ("github", "toc")


def slug_github(text: str) -> str:
    """GitHub: lower case, punctuation dropped (letters of any script kept), each space a hyphen."""
    text = text.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def slug_toc(text: str) -> str:
    """Python-Markdown ``toc`` (its default ``slugify``): accents folded to ASCII, punctuation dropped,
    runs of spaces and hyphens made one hyphen."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def heading_ids(headings, style: str) -> list[str]:
    """The ids a renderer gives the headings, in order, with its suffix for repeated titles."""
    seen: dict[str, int] = {}
    out = []
    for heading in headings:
        if heading.attrs.get("id"):
            out.append(heading.attrs["id"])
            continue
        text = HEADING_ID.sub("", heading.plain_text())
        base = slug_github(text) if style == "github" else slug_toc(text)
        n = seen.get(base, 0)
        seen[base] = n + 1
        if n == 0:
            out.append(base)
        else:
            out.append(f"{base}-{n}" if style == "github" else f"{base}_{n}")
    return out


def html_anchors(doc) -> list[str]:
    found = []
    for node in doc.walk("block_html", "inline_html"):
        for m in HTML_ANCHOR.finditer(node.text):
            found.append(next(g for g in m.groups() if g is not None))
    return found


@register
class BrokenAnchor(Rule):
    """
    What it does
        Reports a link to a fragment of the same page (`#section`, `./#section`) that matches
        no anchor of the file: no heading id, no explicit `{#id}` on a heading, and no HTML
        anchor (`<a name="x"></a>`, `<div id="x">`). The closest existing id is suggested.

        Heading ids are computed the way the renderer does it, chosen with the option
        `slug_style`: `github` (default: lower case, punctuation dropped, accents kept, spaces
        to hyphens, `-1` for a repeated title) or `toc` (Python-Markdown's `toc` extension, used
        by the ovh/docs repository: accents folded to ASCII, runs of spaces and hyphens to one
        hyphen, `_1` for a repeated title). Unless `strict_slugs` is true, an anchor that
        matches the heading id of the other style is accepted too: a guide written for one
        renderer is not wrong for the other's lint. Fragments are compared ignoring case and
        percent-encoding. Links to another file's fragment are not checked.

    Why is this bad?
        The link does nothing: the reader stays where they are. In translated guides the
        anchor is often the id of the source-language heading (`#configuration_du_compte`)
        that no translation has.

    Example
        - Lähtevän SMTP-palvelimen [autentikointi](#configuration_du_compte_e-mail_partie_7) on aktivoitava.

        ## Vaihe 7: Sähköpostitilin asetukset

    Use instead
        - Lähtevän SMTP-palvelimen [autentikointi](#vaihe-7-sahkopostitilin-asetukset) on aktivoitava.
    """

    id = "links/broken-anchor"
    severity = "warning"
    summary = "link to a fragment that no heading or anchor of the file defines"
    tags = ("links", "anchors")
    options = {"slug_style": "github", "strict_slugs": False}

    def check(self, doc, ctx):
        style = ctx.option("slug_style")
        if style not in STYLES:
            raise ValueError(f"slug_style must be one of {', '.join(STYLES)}, not {style!r}")
        links = [t for t in targets(doc, "link") if _fragment(t.url) is not None]
        if not links:
            return
        primary = heading_ids(doc.headings, style)
        ids = primary + html_anchors(doc)
        known = {i.lower() for i in ids}
        if not ctx.option("strict_slugs"):
            for other in STYLES:
                if other != style:
                    known |= {i.lower() for i in heading_ids(doc.headings, other)}
        for t in links:
            frag = _fragment(t.url)
            if not frag or unquote(frag).lower() in known:
                continue
            close = difflib.get_close_matches(unquote(frag), ids, n=1, cutoff=0.6)
            if not close:
                lowered = {i.lower(): i for i in ids}
                close = [lowered[c] for c in difflib.get_close_matches(unquote(frag).lower(), list(lowered),
                                                                       n=1, cutoff=0.6)]
            hint = f" (did you mean '#{close[0]}'?)" if close else ""
            hash_at = t.url.index("#")
            column = t.column + hash_at
            ctx.report(t.line, column, f"no heading or anchor '#{frag}' in this file{hint}",
                       end_column=column + 1 + len(frag))


def _fragment(url: str) -> str | None:
    """The fragment of a same-page link, None for any other link."""
    if url.startswith("#"):
        return url[1:]
    if url.startswith("./#"):
        return url[3:]
    return None
