from lint.registry import register
from lint.rule import Rule
from lint.translations.align import pair_for

LIFECYCLE = ("deprecated", "hidden")


@register
class FrontmatterMismatch(Rule):
    """
    What it does
        Compares the front matter keys that every locale of a guide must share
        (``legacy_guide_number``, ``deprecated``, ``hidden``, ``order``, plus the ``keys``
        option) with the source's. A guide deprecated or hidden in the source but live here,
        or the other way round, is reported on each translation that disagrees; an absent
        ``deprecated`` or ``hidden`` reads as false.

    Why is this bad?
        A guide retired in one locale and live in six others, or sorted in another place,
        is a publishing accident readers of those locales see.

    Example
        Source:      ``deprecated: true``
        Translation: no ``deprecated`` key

    Use instead
        ``deprecated: true`` in every locale (or in none).
    """

    id = "translation/frontmatter-mismatch"
    severity = "warning"
    summary = "a front matter key that all locales share differs from the source"
    tags = ("translation", "frontmatter")
    options = {"keys": []}
    cross_file = True

    def check(self, doc, ctx):
        pair = pair_for(doc, ctx)
        if pair is None:
            return
        source, here = pair.source.frontmatter, doc.frontmatter
        keys = ["legacy_guide_number", "deprecated", "hidden", "order"]
        keys += [k for k in ctx.option("keys") if k not in keys]
        for key in keys:
            s_has, t_has = key in source.data, key in here.data
            s_value, t_value = source.data.get(key), here.data.get(key)
            if key in LIFECYCLE:
                if bool(s_value) == bool(t_value):
                    continue
                where = here.key_lines.get(key, (self._line(doc), 1))
                s_line = source.key_lines.get(key, (1, 1))[0]
                state = "live" if not t_value else key
                other = key if s_value else "live"
                ctx.report(where[0], where[1], f"guide is {state} here but {other} in the source "
                           f"(source line {s_line}: {key}: {s_value if s_has else 'absent'})",
                           end_column=where[1] + len(key) if key in here.key_lines else None)
                continue
            if not s_has and not t_has:
                continue
            if s_has and t_has and str(s_value) == str(t_value):
                continue
            s_line = source.key_lines.get(key, (1, 1))[0]
            if t_has:
                line, column = here.key_lines.get(key, (1, 1))
                said = f"{s_value!r} at source line {s_line}" if s_has else "absent in the source"
                ctx.report(line, column, f"{key} is {t_value!r} here, {said}",
                           end_column=column + len(key))
            else:
                ctx.report(self._line(doc), 1, f"{key} is absent here, {s_value!r} at source line {s_line}")

    @staticmethod
    def _line(doc):
        return doc.frontmatter.start_line or 1 if doc.frontmatter.present else 1
