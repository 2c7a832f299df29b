import os

from lint.registry import register
from lint.rule import Rule
from lint.translations.align import pairing_for


@register
class MissingSource(Rule):
    """
    What it does
        Reports, once per file, a translation whose folder holds no guide in a source locale
        (``source_locale`` in the configuration, default ``fr-fr`` then ``en-gb``). When the
        folder holds exactly one other guide, the translation is still compared with it and
        the finding says so; otherwise no comparison is possible.

    Why is this bad?
        A translation without its source cannot be checked or updated from it; either the
        source was never committed, or it was moved or deleted.

    Example
        ``folder/guide.fi-fi.md`` and ``folder/guide.de-de.md``, no ``guide.fr-fr.md``.

    Use instead
        Add the source guide to the folder, or configure the folder's source locale
        (``overrides: [{files: [...], source_locale: de-de}]``).
    """

    id = "translation/missing-source"
    severity = "info"
    summary = "a translation's folder has no source-locale guide"
    tags = ("translation",)
    cross_file = True

    def check(self, doc, ctx):
        found = pairing_for(doc, ctx)
        if found is None or found.locale is None:
            return
        wanted = [w.lower().replace("_", "-") for w in ctx.config.source_locales]
        if any(w in found.siblings for w in wanted):
            return
        expected = " or ".join(wanted)
        if found.fallback:
            how = f"compared with {os.path.basename(found.source)}, the only other guide here"
        elif found.is_source and len(found.siblings) == 2:
            how = "the only other guide here is compared with this one"
        else:
            others = len(found.siblings) - 1
            how = f"{others} other locale(s) here, nothing to compare with" if others else "no other locale here"
        ctx.report(1, 1, f"no {expected} source guide in this folder ({how})")
