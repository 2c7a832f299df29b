import os
import re
from collections import Counter
from functools import lru_cache

from lint.locales import normalize_url
from lint.registry import register
from lint.rule import Option, Rule

from ._targets import targets

# link targets as written, for the repository counts (a regex scan: no Markdown parse of other files)
LINK_TARGET = re.compile(r"\]\(\s*<?([^()\s<>]+(?:\([^()\s]*\)[^()\s<>]*)*)")
AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")
# compiled once: url_key runs twice for every link of every guide
HAS_SCHEME_OR_ROOT = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/)")
WEB_SCHEME = re.compile(r"^(?i:https?:)(?=//)")
ROOT_MARKERS = (".guidelint.yaml", ".guidelint.yml", ".git", ".hg")
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".guidelint_cache", ".venv", "venv", "__pycache__"}


# the same URLs recur across a repository's guides, and each link's key is asked for twice
@lru_cache(maxsize=65536)
def url_key(url: str) -> str:
    """What two links must share to be "the same URL": fragment, scheme and trailing slash left out.
    Only absolute URLs and root-relative paths have one: a relative link (``../slug/``) names a
    page by its slug, which each language writes its own way."""
    url = url.split("#", 1)[0].strip()
    if not HAS_SCHEME_OR_ROOT.match(url) or url.startswith("mailto:"):
        return ""
    url = WEB_SCHEME.sub("", url)
    return url.rstrip("/")


def repository_root(path: str, is_root=None) -> str:
    """The folder whose guides are counted: the nearest folder above the guide holding a guidelint
    configuration or a VCS checkout; failing that, the grandparent of the guide's folder (``pages/web``
    for ``pages/web/emails/<guide>/guide.fi-fi.md``: the layout of docs repositories).
    ``is_root``: :func:`holds_root_marker`, or a cached version of it."""
    is_root = is_root or holds_root_marker
    folder = os.path.dirname(os.path.abspath(path))
    for candidate in [folder, *_parents(folder)]:
        if is_root(candidate):
            return candidate
    return _bounded(os.path.dirname(os.path.dirname(folder)), folder)


def holds_root_marker(candidate: str) -> bool:
    """``candidate`` holds a guidelint configuration or a VCS checkout."""
    if any(os.path.exists(os.path.join(candidate, m)) for m in ROOT_MARKERS):
        return True
    pyproject = os.path.join(candidate, "pyproject.toml")
    if os.path.isfile(pyproject):
        try:
            with open(pyproject, "rb") as f:
                if b"[tool.guidelint" in f.read():
                    return True
        except OSError:
            pass
    return False


def _bounded(fallback: str, folder: str) -> str:
    """The grandparent fallback, kept from climbing out of the project: a guide under the working
    directory is counted within it (``guidelint check x.md`` run in a scratch folder must not walk
    its neighbours' files), and no walk starts at the file system root."""
    cwd = os.getcwd()
    if _is_below(folder, cwd) and _is_below(cwd, fallback) and cwd != fallback:
        return cwd
    if os.path.dirname(fallback) == fallback:
        return folder
    return fallback


def _is_below(path: str, ancestor: str) -> bool:
    return path == ancestor or path.startswith(ancestor.rstrip(os.sep) + os.sep)


def _parents(folder: str):
    while True:
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        yield parent
        folder = parent


class UrlCounts:
    """How many times each URL key is linked in the Markdown files under a root, and the URLs as
    written behind each key (to suggest one)."""

    def __init__(self, root: str | None):
        self.root = root
        self.files: list[str] = []
        self.scanned: set[str] = set()
        self.counts: Counter = Counter()
        self.written: dict[str, Counter] = {}
        self._prefixes: set[str] | None = None
        self.files_of: dict[str, set[str]] = {}
        self._by_length: dict[tuple, dict[int, list[tuple[int, str]]]] = {}
        self._near: dict[tuple, list[tuple[int, str]]] = {}
        self.folder_answers: dict[tuple, tuple[str | None, list]] = {}
        self._isdir: dict[str, bool] = {}
        self._near_in: dict[tuple, list] = {}
        for folder, dirs, names in os.walk(root) if root else ():
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(names):
                path = os.path.join(folder, name)
                if name.lower().endswith(".md") and os.path.isfile(path):  # a FIFO would block the read
                    self._scan(path)

    def _scan(self, path: str) -> None:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError:
            return
        self.files.append(path)
        self.scanned.add(os.path.abspath(path))
        for m in list(LINK_TARGET.finditer(text)) + list(AUTOLINK.finditer(text)):
            self.add(m.group(1), path=path)

    def isdir(self, path: str) -> bool:
        """``os.path.isdir``, asked once per run like ``folder_answers`` (the guide folders of a
        repository look for the same folders above them)."""
        found = self._isdir.get(path)
        if found is None:
            found = self._isdir[path] = os.path.isdir(path)
        return found

    def near_in(self, parent: str, name: str, limit: int) -> list:
        """:func:`_near_in`, asked once per run: guides in many folders link the same folder."""
        asked = (parent, name, limit)
        found = self._near_in.get(asked)
        if found is None:
            found = self._near_in[asked] = _near_in(parent, name, limit)
        return found

    def has_children(self, key: str) -> bool:
        """Do other links go below ``key`` (``/manager`` when ``/manager/web`` is linked)?"""
        if self._prefixes is None:
            self._prefixes = set()
            for k in self.counts:
                parts = k.split("?", 1)[0].split("/")
                for i in range(3, len(parts)):
                    self._prefixes.add("/".join(parts[:i]))
        return key in self._prefixes

    def near(self, key: str, limit: int, min_count: int, ratio: int, seen: int,
             canonical: dict[str, str]) -> list[tuple[int, str]]:
        """The frequent URLs (and canonical ones) within ``limit`` edits of ``key`` and used
        ``ratio`` times more often, as (distance, URL) in the order the counts list them.
        Remembered per key: a repository links the same URL from many guides. Only URLs of a
        length within ``limit`` of the key's are compared, so a guide with thousands of links
        costs thousands of short lists, not thousands of passes over every frequent URL."""
        memo = (key, limit, min_count, ratio, seen, tuple(canonical))
        found = self._near.get(memo)
        if found is None:
            buckets = self._frequent_by_length(min_count, tuple(canonical))
            candidates = sorted(c for n in range(len(key) - limit, len(key) + limit + 1)
                                for c in buckets.get(n, ()))
            found = []
            for _, other in candidates:
                if other == key or (other not in canonical and self.counts[other] < ratio * max(seen, 1)):
                    continue
                d = edit_distance(key, other, limit)
                if d <= limit:
                    found.append((d, other))
            self._near[memo] = found
        return found

    def _frequent_by_length(self, min_count: int, canonical: tuple[str, ...]) -> dict[int, list[tuple[int, str]]]:
        buckets = self._by_length.get((min_count, canonical))
        if buckets is None:
            buckets = {}
            frequent = [k for k, n in self.counts.items() if n >= min_count] + list(canonical)
            for position, other in enumerate(frequent):
                buckets.setdefault(len(other), []).append((position, other))
            self._by_length[(min_count, canonical)] = buckets
        return buckets

    def add(self, url: str, weight: int = 1, path: str | None = None) -> None:
        key = url_key(url)
        if key:
            if path is not None:
                self.files_of.setdefault(key, set()).add(path)
            self.counts[key] += weight
            self.written.setdefault(key, Counter())[url.split("#", 1)[0]] += weight


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    a, b = _strip_common_ends(a, b)
    return _banded_distance(a, b, limit)


def _strip_common_ends(a: str, b: str) -> tuple[str, str]:
    """A shared prefix and suffix change no distance, and near-duplicate URLs share long ones
    (``https://www.ovh.com/manager/...``): the table below then covers only where they differ."""
    start, shortest = 0, min(len(a), len(b))
    while start < shortest and a[start] == b[start]:
        start += 1
    end = 0
    while end < shortest - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return a[start:len(a) - end], b[start:len(b) - end]


def _banded_distance(a: str, b: str, limit: int) -> int:
    """The Levenshtein table restricted to the cells within ``limit`` of its diagonal: a cell
    further out already costs more than ``limit`` (Ukkonen's band)."""
    over = limit + 1
    previous = [j if j <= limit else over for j in range(len(b) + 1)]
    for i, ca in enumerate(a, 1):
        current = [over] * (len(b) + 1)
        if i <= limit:
            current[0] = i
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != b[j - 1]))
        if min(current) > limit:
            return over
        previous = current
    return min(previous[-1], over)


def _numbers_only(a: str, b: str) -> bool:
    """``g1301`` / ``g1302``, ``android_44`` / ``android_412``: another numbered resource, not a typo."""
    return re.sub(r"\d+", "0", a) == re.sub(r"\d+", "0", b)


@register
class NearDuplicateUrl(Rule):
    """
    What it does
        Reports a link whose URL differs by one or two characters from a URL linked many times
        elsewhere in the repository (`?action=gotomanagerl` where the repository writes
        `?action=gotomanager` 68 times), and suggests the frequent one.

        The counts cover every `*.md` file under the repository root: the nearest folder above
        the guide that holds a guidelint configuration (`.guidelint.yaml`, `[tool.guidelint]`
        in `pyproject.toml`) or a `.git`/`.hg` checkout, or failing that the grandparent of the
        guide's folder (`pages/web` for `pages/web/emails/<guide>/guide.fi-fi.md`). Text checked
        without a file behind it counts only its own links. The counts are computed once per run (a regex scan of link targets, no
        Markdown parse) so a pre-commit run on one file still sees the whole repository. URLs
        of the `canonical_urls` setting count as frequent whatever the files say. For the
        result cache, a guide's inputs are the files that link a frequent URL near one of its
        own: editing an unrelated guide does not re-check the whole repository.

        A root-relative link to a guide folder of the repository (`/pages/web/emails/x`) whose
        folder does not exist, while its parent folder does and holds a folder one or two
        characters away, is reported the same way (`how_to_configure_outlook_2016-mac` for
        `how_to_configure_outlook_2016_mac`), however often the wrong link is used. The folder
        is looked up from the guide's folder up to the file system root; when the parent folder
        is not in the checkout, nothing is said.

        URLs are compared without their fragment, scheme and trailing slash. Only absolute URLs
        and root-relative paths (`/pages/...`) are compared: a relative link (`../slug/`) names
        a page by its slug, and each language has its own. Not reported: two URLs that differ
        only by their locale (`docs.ovh.com/fi/x` and `docs.ovh.com/fr/x`, see
        links/locale-mismatch); a difference confined to numbers (`g1301` and `g1302`,
        `outlook-2010` and `outlook-2016` are other pages); a URL that other links go below
        (`/manager` is a real folder when `/manager/web` is linked); URLs shorter than 12
        characters; a URL used nearly as often as its neighbour. Options: `min_count` (how
        often the frequent URL must be linked, default 5), `ratio` (how many times more often
        than the rare one, default 5), `max_distance` (1 or 2, default 2).

    Why is this bad?
        A one-letter slip in a URL usually still looks right in review, yet leads to an error
        page or, for manager links, silently drops the parameters (`gotomanagerl` is not an
        action the manager knows).

    Example
        [hallintapaneelissa](https://www.ovh.com/managerv/)

    Use instead
        [hallintapaneelissa](https://www.ovh.com/managerv3/)
    """

    id = "links/near-duplicate-url"
    severity = "warning"
    summary = "URL one or two characters away from a URL the repository uses many times"
    tags = ("links", "typo")
    options = {
        "min_count": Option(5, "how often the frequent URL must be linked", minimum=1),
        "ratio": Option(5, "how many times more often than the rare URL", kind="number", minimum=1),
        "max_distance": Option(2, "how many characters the two URLs may differ by", choices=(1, 2)),
    }
    cross_file = True

    def check(self, doc, ctx):
        links = list(targets(doc, "link", autolinks=True))
        if not links:
            return
        real = bool(doc.path) and os.path.isfile(doc.path)
        # a folder's guides share their root: looked up once (it stats every parent folder)
        folder = os.path.dirname(os.path.abspath(doc.path)) if real else None
        root = ctx.memo.get(("links/near-duplicate-url/root", folder, os.getcwd()),
                            lambda: repository_root(doc.path, lambda candidate: _is_root(ctx, candidate))) \
            if real else None
        counts = ctx.memo.get(("links/near-duplicate-url", root), lambda: UrlCounts(root))
        canonical = {url_key(u): u for u in (ctx.setting("canonical_urls") or [])}
        min_count, ratio = ctx.option("min_count"), ctx.option("ratio")
        limit = max(1, min(2, ctx.option("max_distance")))
        on_disk = real and os.path.abspath(doc.path) in counts.scanned
        mine = Counter(url_key(t.url) for t in links)
        for t in links:
            key = url_key(t.url)
            if len(key) < 12 or key in canonical or counts.has_children(key):
                continue  # too short to tell a typo, or a real folder other links go into
            # the document's own links count too when it is not one of the scanned files
            seen = counts.counts.get(key, 0) + (0 if on_disk else mine[key])
            best = None
            for d, other in counts.near(key, limit, min_count, ratio, seen, canonical):
                if _numbers_only(key, other) or normalize_url(key) == normalize_url(other):
                    continue  # another page whatever the counts say
                # the files that make this neighbour frequent are inputs of this check
                for path in sorted(counts.files_of.get(other, ())):
                    ctx.depends_on(path, by="stat")
                n = counts.counts.get(other, 0)
                if best is None or (d, -n) < (best[0], -best[1]):
                    best = (d, n, other)
            if best is None:
                if real and key.startswith("/") and not key.startswith("//"):
                    self._missing_folder(ctx, doc, t, limit, counts)
                continue
            d, n, other = best
            suggestion = canonical.get(other) or _closest_written(t.url, counts.written.get(other))
            uses = "a canonical URL" if other in canonical else f"linked {n} times in the repository"
            end = t.column + len(t.url) if "\n" not in t.url else None
            ctx.report(t.line, t.column, f"URL differs by {d} character{'s' if d > 1 else ''} from "
                       f"'{suggestion}' ({uses})", end_column=end)

    def _missing_folder(self, ctx, doc, t, limit, counts):
        """``/pages/web/emails/how_to_configure_outlook_2016-mac``: no such guide folder, while its
        parent folder exists and holds ``how_to_configure_outlook_2016_mac``."""
        path = t.url.split("#", 1)[0].split("?", 1)[0].strip("/")
        if not path or "." in os.path.basename(path):
            return
        parent_rel, name = os.path.split(path)
        here = os.path.dirname(os.path.abspath(doc.path))
        # the guides of a folder link the same folders: the file system is asked once per run
        asked = (here, parent_rel, name, limit)
        answer = counts.folder_answers.get(asked)
        if answer is None:
            answer = counts.folder_answers[asked] = _near_folders(here, parent_rel, name, limit, counts.isdir,
                                                                  counts.near_in)
        parent, near = answer
        if parent is None:
            return
        ctx.depends_on(parent)
        if near:
            d, other = near[0]
            suggestion = "/" + "/".join(filter(None, [parent_rel, other]))
            end = t.column + len(t.url) if "\n" not in t.url else None
            ctx.report(t.line, t.column, f"no folder '{name}' in /{parent_rel}: it differs by {d} "
                       f"character{'s' if d > 1 else ''} from '{suggestion}'", end_column=end)


def _is_root(ctx, candidate: str) -> bool:
    # the guide folders of a repository share their parent folders: each is asked once per run
    return ctx.memo.get(("links/near-duplicate-url/is-root", candidate), lambda: holds_root_marker(candidate))


def _near_folders(here: str, parent_rel: str, name: str, limit: int, isdir=os.path.isdir,
                  near_in=None) -> tuple[str | None, list]:
    """The nearest folder ``parent_rel`` above ``here`` (None if none), and, when it lacks
    ``name``, its subfolders within ``limit`` edits of it as sorted (distance, name).
    ``isdir`` and ``near_in``: os.path.isdir and :func:`_near_in`, or cached versions of them."""
    for base in [here, *_parents(here)]:
        parent = os.path.join(base, parent_rel)
        if not isdir(parent):
            continue
        return parent, (near_in or _near_in)(parent, name, limit)
    return None, []


def _near_in(parent: str, name: str, limit: int) -> list:
    """``parent``'s subfolders within ``limit`` edits of ``name``, as sorted (distance, name);
    none when ``parent`` holds ``name``."""
    if os.path.exists(os.path.join(parent, name)):
        return []
    try:
        names = sorted(n for n in os.listdir(parent) if os.path.isdir(os.path.join(parent, n)))
    except OSError:
        return []
    near = [(edit_distance(name, n, limit), n) for n in names]
    return sorted((d, n) for d, n in near if d <= limit and not _numbers_only(name, n))


def _closest_written(url: str, written: Counter | None) -> str:
    if not written:
        return url
    bare = url.split("#", 1)[0]
    return min(written, key=lambda w: (edit_distance(bare, w, 1000), -written[w]))
