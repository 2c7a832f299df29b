import difflib
import os
import re
from urllib.parse import unquote

from lint.anchors import STYLES, heading_ids, html_anchors
from lint.document import DEFAULT_LOCALE_PATTERN, Document
from lint.registry import register
from lint.rule import Option, Rule
from lint.translations.pairing import load as load_guide

from ._targets import targets


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
        percent-encoding. When the fragment is the id of a heading of another translation in
        the guide's folder (the anchor was copied, not translated) and both guides have as many
        headings, the message names the heading at the same place in this guide.

        A fragment of another guide of the repository is checked too (option `other_files`,
        on by default): `/pages/web/emails/email_roundcube#webmail` is looked up in the guide of
        the same locale in that folder (the folder is searched from the guide's folder up to
        the repository root), `../other_guide/#x` from the guide's folder. When that guide or
        folder is not in the checkout, nothing is reported. URLs of web sites are not fetched.

        In a translation, a fragment that names a heading of the source is reported by
        ``translation/anchor-leak`` (which says where the id comes from) and not again here.

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
    options = {
        "slug_style": Option("github", "how the renderer makes heading ids", choices=STYLES),
        "strict_slugs": Option(False, "accept only the chosen style's heading ids"),
        "other_files": Option(True, "check fragments of links to the repository's other guides"),
    }
    cross_file = True

    def check(self, doc, ctx):
        style = ctx.option("slug_style")
        if style not in STYLES:
            raise ValueError(f"slug_style must be one of {', '.join(STYLES)}, not {style!r}")
        strict = ctx.option("strict_slugs")
        # most guides link no fragment at all: every check below needs a '#' in the destination
        if not any("#" in (node.attrs.get("dest_raw") or "") for node in doc.walk("link")):
            return
        local = None
        for t in targets(doc, "link"):
            frag = _fragment(t.url)
            if frag is not None:
                if local is None:
                    local = anchors_of(doc, style, strict)
                self._check_one(ctx, t, frag, local, "in this file",
                                lambda f: _translated_heading(doc, f, style, ctx))
                continue
            if not ctx.option("other_files") or "#" not in t.url:
                continue
            target = _other_guide(doc, t.url.split("#", 1)[0], ctx)
            frag = t.url.split("#", 1)[1]
            if target is None or not frag:
                continue
            anchors = ctx.memo.get(("links/broken-anchor", target, style, strict),
                                       lambda: _anchors_of_file(target, style, strict))
            if anchors is not None:
                self._check_one(ctx, t, frag, anchors, f"in {os.path.basename(os.path.dirname(target))}/"
                                                       f"{os.path.basename(target)}")

    def _check_one(self, ctx, t, frag, anchors, where, translated=None):
        ids, known = anchors
        if not frag or unquote(frag).lower() in known:
            return
        found = translated(unquote(frag)) if translated else None
        if found:
            column = t.column + t.url.index("#")
            ctx.report(t.line, column, f"no heading or anchor '#{frag}' {where}: it is the id of "
                       f"{found[1]} in {found[2]}, here '#{found[0]}'", end_column=column + 1 + len(frag))
            return
        close = _closest(unquote(frag), ids)
        if not close:
            lowered = {i.lower(): i for i in ids}
            close = [lowered[c] for c in _closest(unquote(frag).lower(), list(lowered))]
        hint = f" (did you mean '#{close[0]}'?)" if close else ""
        column = t.column + t.url.index("#")
        ctx.report(t.line, column, f"no heading or anchor '#{frag}' {where}{hint}",
                   end_column=column + 1 + len(frag))


def _closest(word: str, possibilities) -> list[str]:
    """``difflib.get_close_matches(word, possibilities, n=1, cutoff=0.6)``, same answer, but a
    candidate whose upper bounds cannot beat the best ratio so far is not fully compared (the
    full ratio is what costs: most ids are far from the fragment)."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    best = None
    floor = 0.6
    for x in possibilities:
        matcher.set_seq1(x)
        # a tie on the ratio goes to the greater string, as heapq.nlargest((ratio, x)) does
        if matcher.real_quick_ratio() >= floor and matcher.quick_ratio() >= floor:
            ratio = matcher.ratio()
            if ratio >= floor and (best is None or (ratio, x) > best):
                best = (ratio, x)
                floor = ratio
    return [best[1]] if best else []


def _siblings(folder: str) -> list[str]:
    """The folder's .md files, sorted: listed once per folder, not once per fragment."""
    try:
        return sorted(n for n in os.listdir(folder) if n.endswith(".md")
                      and os.path.isfile(os.path.join(folder, n)))  # not a FIFO: it would block
    except OSError:
        return []


def _translated_heading(doc, frag: str, style: str, ctx):
    """(id here, "heading N", sibling file) when ``frag`` is the id of heading N of another
    translation in the guide's folder and this guide has as many headings: the anchor was copied
    from that translation and not translated."""
    if not doc.path or not os.path.isfile(doc.path):
        return None
    me = os.path.abspath(doc.path)
    folder = os.path.dirname(me)
    mine = _heading_ids(doc, style)
    listing = ctx.memo.get(("links/broken-anchor/siblings", folder), lambda: _siblings(folder), scope="folder")
    names = [n for n in listing if os.path.join(folder, n) != me]
    for name in names:
        path = os.path.join(folder, name)
        ctx.depends_on(path)
        other = ctx.memo.get(("links/broken-anchor/headings", path),
                                 lambda: _headings_of_file(path, ctx), scope="folder")
        if not other or len(other) != len(mine):
            continue
        for i, ids in enumerate(other):
            if frag.lower() in ids:
                return mine[i], f"heading {i + 1}", name
    return None


def _headings_of_file(path: str, ctx):
    # the Document the translation checks load for a source: a folder's source is parsed once
    # for both (headings do not depend on the locale it is given)
    pattern = ctx.config.locale_pattern if ctx.config is not None else DEFAULT_LOCALE_PATTERN
    other = load_guide(ctx.memo, path, pattern)
    if other is None:
        return None
    per_style = [heading_ids(other.headings, s) for s in STYLES]
    return [{ids[i].lower() for ids in per_style} for i in range(len(other.headings))]


def _github_ids(doc) -> list[str]:
    return heading_ids(doc.headings, "github")


def _toc_ids(doc) -> list[str]:
    return heading_ids(doc.headings, "toc")


# per document (doc.memo): each unknown fragment asked for the guide's own ids again
_IDS_OF_STYLE = {"github": _github_ids, "toc": _toc_ids}


def _heading_ids(doc, style: str) -> list[str]:
    """``heading_ids(doc.headings, style)``, computed once per document; do not change the list."""
    return doc.memo(_IDS_OF_STYLE[style])


def anchors_of(doc, style: str, strict: bool) -> tuple[list[str], set[str]]:
    """(ids to suggest, every fragment that resolves, lower-cased) of a document."""
    ids = _heading_ids(doc, style) + [name for name, _ in html_anchors(doc)]
    known = {i.lower() for i in ids}
    if not strict:
        for other in STYLES:
            if other != style:
                known |= {i.lower() for i in _heading_ids(doc, other)}
    return ids, known


def _anchors_of_file(path: str, style: str, strict: bool):
    try:
        with open(path, "rb") as f:
            other = Document.from_bytes(f.read(), path)
    except Exception:  # noqa: BLE001 - an unreadable sibling is another file's finding
        return None
    return anchors_of(other, style, strict)


def _other_guide(doc, path: str, ctx) -> str | None:
    """The guide a link to another page names, in the same locale, when it is in the repository:
    ``/pages/web/emails/x`` (from the repository root) or ``../x`` (from the guide's folder)."""
    if not doc.locale or not doc.path or not os.path.isfile(doc.path) or not path:
        return None
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", path):
        return None
    here = os.path.dirname(os.path.abspath(doc.path))
    if path.startswith("/"):
        folders = [os.path.join(base, path.strip("/")) for base in [here, *_ancestors(here)]]
    else:
        folders = [os.path.normpath(os.path.join(here, path))]
    for folder in folders:
        if path.lower().endswith(".md") and os.path.isfile(folder):
            ctx.depends_on(folder)
            return folder
        if os.path.isdir(folder):
            guide = os.path.join(folder, f"guide.{doc.locale}.md")
            ctx.depends_on(guide)
            return guide if os.path.isfile(guide) else None
    return None


def _ancestors(folder: str):
    for _ in range(12):
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        yield parent
        folder = parent


def _fragment(url: str) -> str | None:
    """The fragment of a same-page link, None for any other link."""
    if url.startswith("#"):
        return url[1:]
    if url.startswith("./#"):
        return url[3:]
    return None
