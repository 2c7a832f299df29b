from lint.registry import register
from lint.rule import Option, Rule
from lint.translations.align import content_pair_for
from lint.translations.diff import number_diffs


def _list(numbers):
    return ", ".join(dict.fromkeys(n.text for n in numbers))


@register
class NumberMismatch(Rule):
    """
    What it does
        Compares the numbers of each paragraph, list item, table row and heading of a
        translation with those of the aligned block of its source (ports, versions, sizes,
        durations). Locale formats are read as the same number (``1,5`` = ``1.5``,
        ``1 000`` = ``1.000`` = ``1,000``), ordinals as their number (``1er`` = ``1st`` =
        ``1.``), and a number spelled as a word on the other side (``deux`` for ``2``) is
        accepted (words per language in ``number_mismatch.yaml``). Dates, times, host and
        file names, URLs and the "last updated" line are not compared.

    Why is this bad?
        A port, a limit or a version changed in one locale only gives readers of that
        locale a configuration that does not work.

    Example
        Source (fr-fr): ``Sélectionnez le port « 995 ».``
        Translation:    ``Valitse portti “993”.``

    Use instead
        ``Valitse portti “995”.``  Numbers that may differ on purpose go in the
        ``allowed_numbers`` option.
    """

    id = "translation/number-mismatch"
    severity = "warning"
    summary = "a number differs from the aligned block of the source"
    tags = ("translation",)
    options = {"allowed_numbers": Option([], "numbers that may differ between a source and its translation",
                                         kind="list of numbers or strings")}
    cross_file = True

    def check(self, doc, ctx):
        pair = content_pair_for(doc, ctx)
        if pair is None:
            return
        for d in number_diffs(pair, ctx.option("allowed_numbers")):
            parts = []
            if d.missing and d.extra:
                parts.append(f"source has {_list(d.missing)} where this has {_list(d.extra)}")
            elif d.missing:
                parts.append(f"{_list(d.missing)} of the source is missing here")
            else:
                parts.append(f"{_list(d.extra)} is not in the source")
            ctx.report(d.line, d.column, f"number differs from source line {d.source.line}: "
                       + "; ".join(parts), end_column=d.end_column)
