from lint.registry import register
from lint.rule import Rule
from lint.translations.align import content_pair_for
from lint.translations.diff import image_diffs, image_name


@register
class ImageMismatch(Rule):
    """
    What it does
        Compares the images of a translation with those of its source, by file name:
        an image of the source missing here, an image here that the source lacks, or the
        same images in another order (reported once, where the order first differs).

    Why is this bad?
        A dropped screenshot leaves a step without its picture; an extra or reordered one
        shows the reader a screen that does not match the text.

    Example
        Source:      ``![step 2](images/step2.png)`` then ``![step 3](images/step3.png)``
        Translation: only ``![vaihe 3](images/step3.png)``

    Use instead
        The same images, in the same order, as the source.
    """

    id = "translation/image-mismatch"
    severity = "warning"
    summary = "an image is missing, added or moved compared with the source"
    tags = ("translation", "images")
    cross_file = True

    def check(self, doc, ctx):
        pair = content_pair_for(doc, ctx)
        if pair is None:
            return
        for d in image_diffs(pair):
            if d.detail == "missing":
                img = d.missing[0]
                msg = f"image '{image_name(img.text)}' of source line {img.line} is missing here"
            elif d.detail == "added":
                near = d.source.line if d.source else (pair.source_line_before(d.target) or 1)
                msg = f"image '{image_name(d.extra[0].text)}' has no counterpart in the source (near source line {near})"
            else:
                msg = (f"images are in another order than in the source: '{image_name(d.extra[0].text)}' "
                       f"here, '{image_name(d.missing[0].text)}' at source line {d.missing[0].line}")
            ctx.report(d.line, d.column, msg, end_column=d.end_column)
