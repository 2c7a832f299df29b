from lint.registry import register
from lint.rule import Option, Rule
from lint.translations.align import pair_for

LIFECYCLE = ("deprecated", "hidden")
REQUIRED = ("legacy_guide_number",)  # identifies the guide across locales: present in every one


def _same(a, b) -> bool:
    """``g1967`` = ``1967`` (legacy guide numbers), ``01`` = ``1`` (order)."""
    def norm(v):
        text = str(v).strip().strip("'\"").lower()
        text = text[1:] if text[:1] == "g" and text[1:].isdigit() else text
        return str(int(text)) if text.isdigit() else text
    return norm(a) == norm(b)


@register
class FrontmatterMismatch(Rule):
    """
    What it does
        Compares the front matter keys that every locale of a guide must share
        (``legacy_guide_number``, ``deprecated``, ``hidden``, plus the ``keys`` option) with
        the source's. A guide deprecated or hidden in the source but live here, or the other
        way round, is reported on each translation that disagrees; an absent ``deprecated``
        or ``hidden`` reads as false. A ``legacy_guide_number`` of the source must be here
        too, with the same number (``g1967`` and ``1967`` are the same). Keys of the ``keys``
        option are compared when both sides have them. ``order`` is not compared by default:
        each locale sorts its menu in its own language (add it to ``keys`` to compare it).

        A translation deprecated or hidden while its source is live is this rule's finding:
        ``frontmatter/deprecated`` stays silent on it (one finding per defect).

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
    options = {"keys": Option([], "more front matter keys every locale must share")}
    cross_file = True

    def check(self, doc, ctx):
        pair = pair_for(doc, ctx)
        if pair is None:
            return
        source, here = pair.source.frontmatter, doc.frontmatter
        keys = ["legacy_guide_number", "deprecated", "hidden"]
        keys += [k for k in ctx.option("keys") if k not in keys]
        self._lifecycle(doc, ctx, source, here)
        for key in keys:
            s_has, t_has = key in source.data, key in here.data
            s_value, t_value = source.data.get(key), here.data.get(key)
            if key in LIFECYCLE:
                continue
            if key in REQUIRED and s_has and not t_has and s_value not in (None, ""):
                s_line = source.key_lines.get(key, (1, 1))[0]
                ctx.report(self._line(doc), 1, f"{key} {s_value!r} of the source (line {s_line}) is missing "
                           f"from this front matter")
                continue
            if not (s_has and t_has):
                continue  # a key absent on one side is not a disagreement (only lifecycle keys default)
            if _same(s_value, t_value):
                continue
            s_line = source.key_lines.get(key, (1, 1))[0]
            line, column = here.key_lines.get(key, (1, 1))
            ctx.report(line, column, f"{key} is {t_value!r} here, {s_value!r} at source line {s_line}",
                       end_column=column + len(key))

    def _lifecycle(self, doc, ctx, source, here):
        """Retired (deprecated or hidden) on one side, live on the other."""
        s_state = [k for k in LIFECYCLE if source.data.get(k) is True]
        t_state = [k for k in LIFECYCLE if here.data.get(k) is True]
        if bool(s_state) == bool(t_state):
            return
        if t_state:
            line, column = here.key_lines.get(t_state[0], (self._line(doc), 1))
            s_line = source.start_line or 1
            ctx.report(line, column, f"guide is {' and '.join(t_state)} here but live in the source "
                       f"(front matter at source line {s_line} has neither deprecated nor hidden)",
                       end_column=column + len(t_state[0]))
        else:
            s_line = source.key_lines.get(s_state[0], (1, 1))[0]
            ctx.report(self._line(doc), 1, f"guide is live here but {' and '.join(s_state)} in the "
                       f"source (source line {s_line}: {s_state[0]}: true)")

    @staticmethod
    def _line(doc):
        return doc.frontmatter.start_line or 1 if doc.frontmatter.present else 1
