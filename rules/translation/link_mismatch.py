from lint import locales
from lint.registry import register
from lint.rule import Rule
from lint.translations.align import content_pair_for
from lint.translations.diff import link_diffs, short


def _tails(a: str, b: str, width: int = 70):
    """Two URLs with their shared start cut at a '/', so the difference shows."""
    if len(a) <= width and len(b) <= width:
        return a, b
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    cut = a.rfind("/", 0, common) + 1
    if cut > 10:
        a, b = "…" + a[cut:], "…" + b[cut:]
    return short(a, width), short(b, width)


@register
class LinkMismatch(Rule):
    """
    What it does
        Compares the links of each aligned paragraph, list item, table row and heading of a
        translation with its source's, beyond their locale part: ``/fr/`` and ``/fi/``,
        ``ovhSubsidiary=FR`` and ``=FI``, ``ovh.com/fr`` and ``ovh-hosting.fi`` are the same
        link (``lint.locales.normalize_url``, with the ``locale_map`` setting). A localised
        site's page whose path words are translated (same host, same depth) also counts as
        the same link. Reports a link that points elsewhere, or one present on one side only.
        ``#fragment`` links are left to ``translation/anchor-leak``.

        One defect, one finding: a link another rule reports is not a mismatch here. A
        destination wrapped in parentheses (``]((https://…))``) is compared as the URL inside
        (``links/malformed-target`` reports the parentheses); a BBCode link
        (``[url="X"]text[/url]``) counts as the link to X (``markup/legacy-residue`` reports
        it); a link only the translation has that points at another locale's page (``/fr/``
        in an English guide) is ``links/locale-mismatch``'s.

    Why is this bad?
        A link that points to another guide or product than the source's sends the reader
        of that locale somewhere else; a dropped link leaves them without the reference.

    Example
        Source:      ``[guide](/pages/web/emails/email_creation)``
        Translation: ``[opas](/pages/web/emails/email_change_password)``

    Use instead
        ``[opas](/pages/web/emails/email_creation)``
    """

    id = "translation/link-mismatch"
    severity = "warning"
    summary = "a link differs from the source beyond its locale part, or is on one side only"
    tags = ("translation", "links")
    cross_file = True

    def check(self, doc, ctx):
        pair = content_pair_for(doc, ctx)
        if pair is None:
            return
        locale_map = ctx.setting("locale_map") or {}
        for d in link_diffs(pair):
            if d.detail == "added" and locales.contradictions(d.extra[0].text, doc.locale, locale_map):
                continue  # a link to another locale's page: links/locale-mismatch reports it
            if d.detail == "changed":
                here, there = _tails(d.extra[0].text, d.missing[0].text)
                msg = (f"link differs from source line {d.source.line} beyond its locale: "
                       f"{here} here, {there} in the source")
            elif d.detail == "missing":
                msg = f"link {short(d.missing[0].text, 70)} of source line {d.source.line} is missing here"
            else:
                msg = f"link {short(d.extra[0].text, 70)} is not in source line {d.source.line}"
            ctx.report(d.line, d.column, msg, end_column=d.end_column)
