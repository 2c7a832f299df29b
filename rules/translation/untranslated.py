import re

from lint.registry import register
from lint.rule import Option, Rule
from lint.translations.align import content_pair_for
from lint.translations.diff import short

_NOT_WORDS = re.compile(r"[^\w\s]|\d|_", re.UNICODE)


def _normal(text: str, names) -> str:
    for name in names:
        text = re.sub(r"(?<!\w)" + re.escape(name) + r"(?!\w)", " ", text, flags=re.I)
    return " ".join(_NOT_WORDS.sub(" ", text.lower()).split())


def _normal_text(block, names: tuple) -> str:
    return _normal(block.text, names)


def _prose(text: str) -> bool:
    """Sentences, not an API call (``@api {v1} /dedicated/server``) or a list of product names."""
    tokens = text.split()
    if not tokens:
        return False
    codeish = sum(1 for t in tokens if re.search(r"[/{}@=_\\]", t))
    lower = sum(1 for t in tokens if t[:1].islower() and t.isalpha())
    return codeish <= 0.3 * len(tokens) and lower >= 3


@register
class Untranslated(Rule):
    """
    What it does
        Reports a paragraph, list item, table row or heading of a translation that reads
        exactly as the aligned block of its source, once code, URLs, numbers, punctuation
        and product names (the ``product_names`` and ``words`` settings) are set aside.
        Blocks with fewer than ``min_letters`` letters or ``min_words`` words are skipped
        (labels such as ``Port``, ``SSL/TLS``), and so are blocks that are not sentences (an
        API call, a list of product names: fewer than three lower-case words, or mostly
        paths and braces) and pairs in the same language (``en-gb`` and ``en-us``).

    Why is this bad?
        A block left in the source language is a gap in the translation that readers of the
        locale cannot read.

    Example
        Source (fr-fr):      ``Cliquez sur le bouton pour valider votre commande.``
        Translation (fi-fi): ``Cliquez sur le bouton pour valider votre commande.``

    Use instead
        ``Klikkaa painiketta vahvistaaksesi tilauksesi.``
    """

    id = "translation/untranslated"
    severity = "warning"
    summary = "a block is identical to the source (left untranslated)"
    tags = ("translation",)
    options = {
        "min_letters": Option(20, "blocks with fewer letters are not judged", minimum=0),
        "min_words": Option(4, "blocks with fewer words are not judged", minimum=0),
    }
    cross_file = True

    def check(self, doc, ctx):
        pair = content_pair_for(doc, ctx)
        if pair is None or pair.same_language:
            return
        names = list(ctx.setting("product_names", []) or []) + list(ctx.setting("words", []) or [])
        names.sort(key=len, reverse=True)
        try:
            key = tuple(names)
            hash(key)
        except TypeError:  # not names: no source block can keep its text for them
            key = None
        for sb, tb in pair.matched:
            if sb.kind not in ("p", "li", "row", "h"):
                continue
            # a source block's text is normalised once for every translation of the folder
            s = _normal(sb.text, names) if key is None else sb.memo(_normal_text, key)
            if not s:
                continue  # an empty text equals no normalised text worth reporting
            # without names to blank, every word of the translation's normalised text is a piece
            # of its lower-cased text: when the source's first word is not, the two differ (and
            # most translations do), no need to normalise it
            if not names and s.split(" ", 1)[0] not in tb.text.lower():
                continue
            t = _normal(tb.text, names)
            if not t or s != t:
                continue
            if not _prose(tb.text):  # after the comparison, which rules out nearly every block more cheaply
                continue
            if sum(c.isalpha() for c in t) < ctx.option("min_letters") or len(t.split()) < ctx.option("min_words"):
                continue
            ctx.report(tb.line, tb.column, f"{tb.label} reads as source line {sb.line} word for word: "
                       f"'{short(tb.text, 60)}' (untranslated?)")
