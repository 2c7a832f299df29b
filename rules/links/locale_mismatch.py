from lint import locales
from lint.registry import register
from lint.rule import Option, Rule

from ._targets import targets

# the same URL recurs in many guides of a locale (about half the links of the corpus):
# judge each (url, locale, settings) once per process; cleared when it grows too big
_VERDICTS: dict = {}
_VERDICTS_MAX = 50_000


@register
class LocaleMismatch(Rule):
    """
    What it does
        Reports a link whose URL names another locale than the guide's: a locale path segment
        (`/fr/`, `/en-gb/`, `docs.ovh.com/gb/en/`), a locale query parameter (`lang=`,
        `ovhSubsidiary=`) or a country domain (`www.ovh.ie`), including the URL nested in a
        query value (`from=https://www.ovh.ie/`). One finding per link, at its first
        contradicting marker. Links without any locale marker are never reported.

        What each guide locale expects comes from `rules/links/locales.yaml` (a default map of
        the OVHcloud locales, read from the ovh/docs repository) and the repository setting
        `locale_map`, whose entry for a locale replaces the keys it names in the default one:

            locale_map:
              fi-fi: {domains: [ovh-hosting.fi, ovh.fi], params: {ovhSubsidiary: fi}, paths: [fi]}

        `domains`: the country domains accepted; `params`: the accepted value of each locale
        parameter; `paths`: path segments accepted besides those in the guide's language. A
        marker the map says nothing about is compared by language only, so `docs.ovh.com/gb/en/`
        from an `en-ie` guide passes while it is reported from a `fi-fi` guide.

        Deliberate links to another locale's page are not reported when they are the usual
        case: an English page of a third-party site (`support.microsoft.com/en-us/...`,
        `cloudinit.readthedocs.io/en/`) whose other versions are often missing, and the sites
        listed under `english_everywhere` (the OVHcloud community forum). An English OVHcloud
        guide linked from a Finnish guide is reported: the translated guide exists for the
        locales of this repository, and when it does not, suppress the finding on that line.
        A repository whose translations link the English guide whenever no translation exists
        sets the option `allow_english: true` (English path and parameter markers accepted).
        The `*.mail.ovh.ca` mail servers are not a country marker: they serve every
        non-European subsidiary.

        In a translation this rule owns a link to another locale's page that the source does
        not have: translation/link-mismatch does not also report it as a link added.

    Why is this bad?
        The reader lands on a page in another language or, for manager and order links, in
        another country's shop with other prices and terms. Such links are copied from another
        locale's guide and never adapted.

    Example
        Kirjaudu [hallintapaneeliin](https://www.ovh.com/auth/?action=gotomanager&from=https://www.ovh.ie/&ovhSubsidiary=ie).

    Use instead
        Kirjaudu [hallintapaneeliin](https://www.ovh.com/auth/?action=gotomanager&from=https://www.ovh-hosting.fi/&ovhSubsidiary=fi).
    """

    id = "links/locale-mismatch"
    severity = "warning"
    summary = "link to a page of another locale than the guide's"
    tags = ("links", "locale", "translation")
    options = {"allow_english": Option(False, "accept links to the English version of a page")}

    def check(self, doc, ctx):
        if not doc.locale:
            return
        locale_map = ctx.setting("locale_map") or {}
        allow_english = ctx.option("allow_english")
        settings = (doc.locale, repr(locale_map), allow_english)
        for t in targets(doc, "link", autolinks=True):
            key = (t.url, settings)
            bad = _VERDICTS.get(key)
            if bad is None:
                if len(_VERDICTS) >= _VERDICTS_MAX:
                    _VERDICTS.clear()
                bad = _VERDICTS[key] = locales.contradictions(t.url, doc.locale, locale_map, allow_english)
            if not bad:
                continue
            first = bad[0]
            said = ", ".join(dict.fromkeys(_describe(m) for m in bad))
            exact = "\n" not in t.url[:first.end]
            line, column = (t.line, t.column + first.offset) if exact else (t.node.line, t.node.column)
            end = column + len(first.raw) if exact else None
            ctx.report(line, column, f"link names another locale than the guide's {doc.locale}: {said}",
                       end_column=end)


def _describe(m) -> str:
    if m.kind == "domain":
        return f"domain {m.raw}"
    if m.kind == "param":
        return f"{m.key}={m.raw}"
    return f"path /{m.raw}/"
