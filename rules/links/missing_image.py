import difflib
import os
import re
from urllib.parse import unquote

from lint.registry import register
from lint.rule import Rule

from ._targets import targets

SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _local_path(url: str) -> str | None:
    """The file path of a relative image reference, None for URLs, absolute paths and templates."""
    if not url or SCHEME.match(url) or url.startswith(("/", "#", "\\")) or "{" in url or "<" in url:
        return None
    path = re.split(r"[?#]", url, maxsplit=1)[0]
    return unquote(path) if path else None


@register
class MissingImage(Rule):
    """
    What it does
        Reports an image whose relative path (`![](images/shot.png)`) names no file on disk,
        relative to the guide. The name must match exactly, letter case included (the web
        server is case-sensitive even when the author's disk is not); the closest file name in
        that folder is suggested.

        Skipped: URLs (`https://`, `data:`...), absolute paths (`/images/x.png`, resolved by
        the site generator), templated paths, and text checked without a real file behind
        it. When the image's folder does not exist and not one image of the guide is found,
        the guide is taken to have been copied without its images (a lone file, a sparse
        checkout) and nothing is reported.

    Why is this bad?
        The page shows a broken-image icon or, with an empty alt text, nothing at all, and the
        reader loses the screenshot the text refers to.

    Example
        ![](images/img_1501.JPG){.thumbnail}

    Use instead
        ![](images/img_1501.jpg){.thumbnail}
    """

    id = "links/missing-image"
    severity = "warning"
    summary = "relative image path that names no file"
    tags = ("links", "images")

    def check(self, doc, ctx):
        if not doc.path or not os.path.isfile(doc.path):
            return
        base = os.path.dirname(os.path.abspath(doc.path))
        images = []
        for t in targets(doc, "image"):
            rel = _local_path(t.url)
            if rel is not None:
                images.append((t, rel, os.path.normpath(os.path.join(base, rel))))
        if not images:
            return
        listings: dict[str, list[str] | None] = {}

        def listing(folder):
            if folder not in listings:
                try:
                    listings[folder] = os.listdir(folder)
                except OSError:
                    listings[folder] = None
            return listings[folder]

        def exists(path):
            names = listing(os.path.dirname(path))
            return names is not None and os.path.basename(path) in names

        any_found = any(exists(p) for _, _, p in images)
        for t, rel, path in images:
            if exists(path):
                continue
            folder, name = os.path.split(path)
            names = listing(folder)
            if names is None and not any_found:
                continue  # the guide's images are not here at all
            hint = ""
            if names:
                same_case = [n for n in names if n.lower() == name.lower()]
                close = same_case or difflib.get_close_matches(name, names, n=1, cutoff=0.8)
                if close:
                    hint = f" (did you mean '{os.path.join(os.path.dirname(rel), close[0])}'?)"
            where = "no such file" if names is not None else "no such folder"
            end = t.column + len(t.url) if "\n" not in t.url else None
            ctx.report(t.line, t.column, f"image '{rel}': {where}{hint}", end_column=end)
