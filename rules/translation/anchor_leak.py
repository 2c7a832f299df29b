from lint.registry import register
from lint.rule import Rule
from lint.translations.align import pair_for
from lint.anchors import all_ids, legacy_prefixes


def _fragment(url: str):
    url = url.strip().strip("<>")
    for prefix in ("#", "./#"):
        if url.startswith(prefix):
            return url[len(prefix):]
    return None


def _source_anchors(pair, ctx):
    """(ids, legacy prefixes) of the pair's source, once per folder: every translation has the same source."""
    key = ("translation/anchor-leak", pair.source.path, id(pair.source))
    factory = lambda: (all_ids(pair.source), legacy_prefixes(pair.source))  # noqa: E731
    try:
        return ctx.memo.get(key, factory, scope="folder")
    except TypeError:  # a Services without scopes
        return ctx.memo.get(key, factory)


@register
class AnchorLeak(Rule):
    """
    What it does
        Reports a ``#fragment`` link of a translation that names no heading or anchor of the
        translation but one of its source: a heading id of the source language left in the
        translated text. Heading ids are read as GitHub and Python-Markdown ``toc`` make them (``#go-further``), as
        older OVHcloud guides made them (``#aller_plus_loin``, and compound ids such as
        ``#h2_slug_partie_7_h3_slug``), from ``{#id}`` and from ``<a name="...">``.

        One defect, one finding: such a link matches no anchor of the translation either, so
        ``links/broken-anchor`` would report it at the same place; this rule, the more
        specific, owns it and ``links/broken-anchor`` stays silent there (``supersedes``).

    Why is this bad?
        The link jumps nowhere: the heading it names exists only in the other language.

    Example
        Source (fr-fr) heading: ``## Aller plus loin``
        Translation (fi-fi): ``[lue lisää](#aller-plus-loin)`` under ``## Lue lisää aiheesta``

    Use instead
        ``[lue lisää](#lue-lisää-aiheesta)``, or an explicit ``{#id}`` shared by every locale.
    """

    id = "translation/anchor-leak"
    severity = "error"
    summary = "a #fragment link names a heading of the source, not of the translation"
    tags = ("translation", "links")
    cross_file = True
    supersedes = ("links/broken-anchor",)

    def check(self, doc, ctx):
        pair = pair_for(doc, ctx)  # retired translations too: the link is broken either way
        if pair is None:
            return
        fragments = [(link, fragment) for block in pair.tblocks for link in block.links
                     if (fragment := _fragment(link.text))]
        if not fragments:
            return  # the anchors of either guide are not worth computing
        source_ids, prefixes = _source_anchors(pair, ctx)  # once per folder
        # only a fragment the source defines, or that starts with one of its legacy ids, can
        # be reported: most name the translation's own headings, whose ids need not be computed
        starts = tuple(p + "_" for p in prefixes)
        fragments = [(link, fragment) for link, fragment in fragments
                     if fragment in source_ids or fragment.lower().startswith(starts)]
        if not fragments:
            return
        target_ids = all_ids(doc)
        # a compound id whose heading part this translation has too (a locale that kept the
        # source's headings) is broken here as in the source, not leaked: links/broken-anchor's
        own_prefixes = legacy_prefixes(doc)
        prefixes = {p: n for p, n in prefixes.items() if p not in own_prefixes}
        for link, fragment in fragments:
            if fragment in target_ids:
                continue
            line = source_ids.get(fragment)
            how = "heading or anchor"
            if line is None:
                starts = [(p, n) for p, n in prefixes.items() if fragment.lower().startswith(p + "_")]
                if starts:
                    line = max(starts, key=lambda item: len(item[0]))[1]
                    how = "legacy compound id (older guides' <h2 id>_partie_N_<h3 id>) starting with a heading id"
            if line is None:
                continue
            ctx.report(link.line, link.column,
                       f"'#{fragment}' names a {how} of the source (source line {line}), "
                       f"not of this translation", end_column=link.end_column)
