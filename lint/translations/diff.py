"""The differences between aligned blocks, shared by the mismatch checks and ``outdated``.

Each function returns plain records; the rules turn them into findings, and
``translation/outdated`` counts them, so that both always agree.
"""
from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..data import load_yaml
from .ahead import marks
from .blocks import _COMMENT_LINE as _COMMENT, ascii_code, close_enough, find_names, normal_code, same_code
from .numbers import find_numbers, spelled

PROSE = ("p", "li", "row", "h")
_YEAR_LINE = re.compile(r"\b(19|20)\d{2}\b")


@dataclass
class Diff:
    kind: str            # number, code, codespan, image, link, block
    source: object       # source Block or None
    target: object       # target Block or None
    line: int            # where to report in the target
    column: int = 1
    end_column: int | None = None
    missing: list = field(default_factory=list)  # in the source, not here
    extra: list = field(default_factory=list)    # here, not in the source
    detail: str = ""


@lru_cache(maxsize=1)
def number_words() -> dict:
    path = os.path.join(os.path.dirname(__file__), "..", "..", "rules", "translation", "number_mismatch.yaml")
    try:
        return load_yaml(path) or {}
    except OSError:
        return {}


def _dated(block, index: int) -> bool:
    """The "last updated on ..." line at the top: its date differs by design."""
    return index < 3 and bool(_YEAR_LINE.search(block.text))


def number_diffs(pair, allowed=()) -> list[Diff]:
    """Numbers that differ between paired blocks (locale formats and ordinals compared as
    values; ``allowed`` numbers never count), computed once per pair."""
    key = ("numbers", tuple(allowed))
    if key in pair.cache:
        return pair.cache[key]
    allowed = {str(a) for a in allowed}
    words = number_words()
    out = []
    sindex = {id(b): k for k, b in enumerate(pair.sblocks)}
    titled = _title_numbers(pair)
    for sb, tb, k in _pairs_with_neighbours(pair):
        if sb.kind not in PROSE or (not sb.numbers and not tb.numbers) or _dated(sb, sindex[id(sb)]):
            continue
        s_near, t_near = _near(pair, k)
        # a sentence moved to the next paragraph, a paragraph split in two: look next door too;
        # one side's values are only read for the other side's numbers (often there are none)
        missing, extra = [], []
        if sb.numbers:
            t_values = _values(t_near) | allowed | titled
            # the numbers the translation spells out in words are read only for the source's
            # numbers it does not write in digits (most blocks have none left)
            if any(not n.values & t_values for n in sb.numbers):
                t_values |= spelled(words, pair.target.language, tb.text)
            missing = [n for n in sb.numbers if not n.values & t_values and not _step(sb, n)
                       and not _count(n)]
        if tb.numbers:
            # a source block is read again by each translation of the folder
            s_values = _values(s_near) | sb.memo(_spelled_in, pair.source.language) | allowed
            extra = [n for n in tb.numbers if not n.values & (s_values | titled) and not _step(tb, n)]
        if extra:  # most translations add it: the source lags
            shared = {v for kind, v in pair.shared if kind == "n"}
            extra = [n for n in extra if not n.values & shared]
        if not missing and pair.ahead:
            extra = []  # added by a translation newer than its source: the source lags
        if missing or extra:
            at = extra[0] if extra else None
            out.append(Diff("number", sb, tb, at.line if at else tb.line, at.column if at else tb.column,
                            at.end_column if at else None, missing, extra))
    pair.cache[key] = out
    return out


def _spelled_in(block, language) -> frozenset:
    """The values written as words in ``block`` (:func:`lint.translations.numbers.spelled`)."""
    return frozenset(spelled(number_words(), language, block.text))


def _values(blocks) -> set:
    """Numbers of the blocks, in prose or in inline code (``port `21` `` against « 21 »)."""
    out = set()
    for b in blocks:
        out |= b.memo(_block_values)
    return out


def _block_values(b) -> frozenset:
    out = {v for n in b.numbers for v in n.values}
    if b.marker:
        out.add(b.marker)  # "1. päivänä" for "D-1": the marker is read too
    for span in b.spans:
        out.update(v for n in find_numbers(span) for v in n.values)
    out.update(str(int(d)) for d in re.findall(r"\d+", b.text))  # glued: Start10M, Port:465
    return frozenset(out)


_COUNTED = re.compile(r"\s[^\W\d_]{3,}", re.UNICODE)
_UNITS = {"jours", "heures", "minutes", "secondes", "mois", "ans", "days", "hours", "minutes", "seconds",
          "months", "years", "tage", "stunden", "minuten", "sekunden", "monate", "jahre", "días", "horas",
          "giorni", "ore", "dni", "godzin", "dagen", "uren"}


def _count(number) -> bool:
    """A small count before the things it counts ("les 3 informations suivantes"): translators
    rephrase it ("the following information") without changing what the reader does. Durations
    ("3 jours") still count."""
    m = _COUNTED.match(number.after)
    small = any(v.isdigit() and int(v) <= 5 for v in number.values)
    return small and m is not None and m.group(0).strip().lower() not in _UNITS


def _title_numbers(pair) -> set:
    """Numbers of either guide's title (front matter ``title``, first heading): a product
    version (``Outlook 2016``) that translators repeat or leave out in the text at will."""
    out = set()
    for doc, blocks in ((pair.source, pair.sblocks), (pair.target, pair.tblocks)):
        titles = [str(doc.frontmatter.data.get("title") or "")]
        titles += [b.text for b in blocks if b.kind == "h" and b.level == 1][:1]
        out.update(v for t in titles for n in find_numbers(t) for v in n.values)
    return out


_MARKER = re.compile(r"\s*\(?(\d{1,2})(?:[.)]|\\\.)(?:\s|$)")


def _step(block, number) -> bool:
    """A step number: in a heading ("Étape 2", "1. vaihe", "Part 7"), or a list marker written
    as text at the start of a paragraph or item ("2\\. Set the DNS server", "- 1. päivänä"):
    translators add, drop or renumber them."""
    small = any(all(p.isdigit() and int(p) <= 20 for p in v.split(".")) for v in number.values)
    if block.kind == "h":
        return small
    marker = _MARKER.match(block.text)
    return small and marker is not None and block.numbers and number is block.numbers[0] \
        and marker.group(1) in number.values


def _steady(ops, k) -> bool:
    """The pair sits between two other pairs: the alignment is not guessing here."""
    before = ops[k - 1] if k > 0 else (0, 0)
    after = ops[k + 1] if k + 1 < len(ops) else (0, 0)
    return None not in before and None not in after


def _strong(tokens: set) -> bool:
    """Numbers, code or images: names and heading words alone do not make a pairing certain."""
    return any(kind not in ("w", "t") for kind, _ in tokens)


def _tokens(pair) -> tuple[list[set], list[set]]:
    """Each block's tokens, computed once for the three checks that read them."""
    if "tokens" not in pair.cache:
        pair.cache["tokens"] = ([b.tokens() for b in pair.sblocks], [b.tokens() for b in pair.tblocks])
    return pair.cache["tokens"]


def _pairs_with_neighbours(pair) -> list:
    """Each aligned pair as (source block, target block, where): ``_near(pair, where)`` gives
    the blocks either side on both sides (and any unpaired between).

    A pair next to unpaired blocks, or in guides that diverge (another version), is trusted
    only when the two blocks share a meaning-bearing token. Built once for the three checks
    that walk it; each asks for a pair's neighbourhoods only when its blocks hold what it
    compares (most pairs hold no number, code span or link).
    """
    if "neighbours" not in pair.cache:
        pair.cache["neighbours"] = list(_walk_neighbours(pair))
    return pair.cache["neighbours"]


def _walk_neighbours(pair):
    ops = pair.ops
    diverged = pair.diverged
    stokens, ttokens = _tokens(pair)
    for k, (i, j) in enumerate(ops):
        if i is None or j is None:
            continue
        # a shared name (PHP, IMAP) is weak evidence: many paragraphs of one guide have it
        # (the tokens are read only for a pair the alignment is not sure of, and share some)
        if diverged or not _steady(ops, k):
            shared = stokens[i] & ttokens[j]
            if not shared or not _strong(shared):
                continue
        yield pair.sblocks[i], pair.tblocks[j], k


def _near(pair, k: int) -> tuple[list, list]:
    """The blocks around pair ``k`` of the alignment, on each side: a sentence moved to the next
    paragraph, a paragraph split in two is found there."""
    ops = pair.ops
    i, j = ops[k]
    s_near = pair.sblocks[max(0, i - 2):i + 3]
    t_near = pair.tblocks[max(0, j - 2):j + 3]
    for i2, j2 in ops[max(0, k - 3):k + 4]:
        if i2 is None and j2 is not None:
            t_near.append(pair.tblocks[j2])
        elif j2 is None and i2 is not None:
            s_near.append(pair.sblocks[i2])
    return s_near, t_near


def _code_texts(blocks) -> tuple[set, str]:
    """Every code span, plus code blocks and prose (a value may be quoted instead of code)."""
    spans = {ascii_code(x) for b in blocks for x in b.spans}
    code = "\n".join(" ".join(line.split()) for b in blocks if b.code for line in ascii_code(b.code).split("\n"))
    code += "\n" + "\n".join(b.text for b in blocks)
    return spans, code


def _present(text: str, where) -> bool:
    from .blocks import _PROMPT

    spans, code = where
    text = " ".join(_PROMPT.sub("", ascii_code(text)).split()).lower()
    return any(" ".join(_PROMPT.sub("", s).split()).lower() == text for s in spans) or (
        bool(text) and text in code.lower())


def _spans(block) -> Counter:
    return Counter(" ".join(ascii_code(c.text).split()) for c in block.codes)


def _label_opposite(code, block, other) -> bool:
    """The span at the same place in ``other`` is not code-like: a translated UI label
    (`` `un clic droit` `` → `` `right-click` ``), not a changed command."""
    from .blocks import code_like

    text = " ".join(code.text.split())
    places = [n for n, span in enumerate(block.spans) if span == text]
    return bool(places) and all(not code_like(other.spans[n]) for n in places)


def codespan_diffs(pair) -> list[Diff]:
    """Inline code spans of a source block missing from or changed in its translation (UI
    labels and placeholders may be translated), computed once per pair."""
    if "codespans" in pair.cache:
        return pair.cache["codespans"]
    out = []
    for sb, tb, k in _pairs_with_neighbours(pair):
        if sb.kind == "code" or not (sb.codes or tb.codes):  # no code-like span: two empty Counters
            continue
        s, t = _spans(sb), _spans(tb)
        if s == t:
            continue
        s_near, t_near = _near(pair, k)
        s_all = _code_texts(s_near)
        t_all = _code_texts(t_near)
        missing = [c for c in sb.codes if not _present(c.text, t_all)]
        extra = [c for c in tb.codes if not _present(c.text, s_all)]
        if extra:
            extra = [c for c in extra if ("c", c.text) not in pair.shared]
        for m in list(missing):  # the same command with a translated placeholder
            twin = next((e for e in extra if same_code(m.text, e.text)), None)
            if twin is not None:
                missing.remove(m)
                extra.remove(twin)
        if len(sb.spans) == len(tb.spans):  # a UI label on one side, code-like on the other
            missing = [c for c in missing if not _label_opposite(c, sb, tb)]
            extra = [c for c in extra if not _label_opposite(c, tb, sb)]
        if not missing and (not extra or pair.ahead):
            continue
        at = extra[0] if extra else None
        out.append(Diff("codespan", sb, tb, at.line if at else tb.line, at.column if at else tb.column,
                        at.end_column if at else None, missing, extra))
    pair.cache["codespans"] = out
    return out


def code_block_diffs(pair, ignore_comments: bool = True) -> list[Diff]:
    """Code blocks that differ from their aligned partner, or are on one side only.

    A command is looked for in the other side's code blocks nearby, not only in the partner:
    a block split in two, two blocks merged, or a block moved past a paragraph says the same.
    """
    key = ("codeblocks", ignore_comments)
    if key in pair.cache:
        return pair.cache[key]
    out = []
    diverged = pair.diverged  # a walk over the ops: once, not per block
    exact_comments = not ignore_comments

    def same(a, b):
        if exact_comments and (_COMMENT.match(a) or _COMMENT.match(b)):
            return a == b  # comments compared as written when they must not differ
        return same_code(a, b)

    normalised = {}  # id(block) -> its lines: a block is read again as each neighbour's nearby code

    def lines_of(block):
        if id(block) not in normalised:
            normalised[id(block)] = [x for x in normal_code(block.code, ignore_comments).split("\n") if x]
        return normalised[id(block)]

    def nearby(k, side):
        blocks = pair.sblocks if side == 0 else pair.tblocks
        return [x for op in pair.ops[max(0, k - 4):k + 5] if op[side] is not None
                and blocks[op[side]].kind == "code" for x in lines_of(blocks[op[side]])]

    def absent(lines, others):
        written = set(others)  # a line found as written is the same (same(x, x) holds): no comparing
        return [x for x in lines if x not in written and not any(same(x, o) for o in others)]

    def near_blocks(k):
        return [pair.tblocks[op[1]] for op in pair.ops[max(0, k - 4):k + 5]
                if op[1] is not None and pair.tblocks[op[1]].kind == "code"]

    def variant(line, k):
        """The target line nearby that is ``line`` changed (same command, other arguments)."""
        head = line.split()[0] if line.split() else ""
        for block in near_blocks(k):
            for other in absent(lines_of(block), nearby(k, 0)):
                if other.split()[:1] == [head] and close_enough(line, other, 0.6):
                    return block, other
        return None, ""

    told = set()  # target lines already named by a "changed" finding: one finding per defect
    for k, (i, j) in enumerate(pair.ops):
        sb = pair.sblocks[i] if i is not None else None
        tb = pair.tblocks[j] if j is not None else None
        if (sb or tb).kind != "code" or (diverged and (sb is None or tb is None)):
            continue
        if sb is None:
            if pair.ahead:
                continue  # added by a translation newer than its source: the source lags
            if [x for x in absent(lines_of(tb), nearby(k, 0)) if (id(tb), x) not in told]:
                out.append(Diff("code", None, tb, _first_code_line(pair.target, tb), detail="added"))
        elif tb is None:
            if absent(lines_of(sb), nearby(k, 1)):
                out.append(Diff("code", sb, None, pair.target_line_missing(k), detail="missing"))
        else:
            s_lines, t_lines = lines_of(sb), lines_of(tb)
            if len(s_lines) == len(t_lines) and all(same(a, b) for a, b in zip(s_lines, t_lines)):
                continue
            shared, either = sb.tokens() & tb.tokens(), sb.tokens() | tb.tokens()
            if diverged and len(shared) < 0.5 * len(either):
                continue  # another version of the guide: a pairing of blocks this different is a guess
            s_gone, t_new = absent(s_lines, nearby(k, 1)), absent(t_lines, nearby(k, 0))
            if not s_gone and not t_new:
                continue  # split, merged or moved
            s_line = s_gone[0] if s_gone else ""
            t_line = t_new[0] if t_new else ""
            where = tb
            if not t_line:  # the command may have moved to a block nearby and changed there
                found, t_line = variant(s_line, k)
                if found is not None:
                    where = found
                    told.add((id(found), t_line))
            line = _line_in(pair.target, where, t_line) if t_line else _first_code_line(pair.target, tb)
            source_at = _line_in(pair.source, sb, s_line) if s_line else _first_code_line(pair.source, sb)
            out.append(Diff("code", sb, tb, line, detail="changed", missing=[s_line], extra=[t_line],
                            column=source_at))  # column carries the source line of the change
    pair.cache[key] = out
    return out


def _first_code_line(doc, block) -> int:
    """The block's first line of code, after its opening fence."""
    first = doc.line(block.line).lstrip(" >")
    if first.startswith(("```", "~~~")) and block.end_line > block.line:
        return block.line + 1
    return block.line


def _line_in(doc, block, text: str) -> int:
    """The line of ``block`` that reads ``text`` (whitespace aside), else the block's first."""
    if text:
        for number in range(block.line, block.end_line + 1):
            if " ".join(doc.line(number).split()).endswith(text):
                return number
    return _first_code_line(doc, block)


def image_name(url: str) -> str:
    """The file name of an image URL, lower case, without query or fragment."""
    return url.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1].lower()


def image_diffs(pair) -> list[Diff]:
    """Images on one side only, by position in the alignment; names may differ by locale.

    Localised screenshots have other file names, so an image is compared by where it
    stands, not by name: within each stretch where the two guides part, a missing image and
    an added one cancel out (a screenshot replaced by the locale's own). Names only matter
    for order: when both sides share image names, those must come in the same order.
    """
    if "images" in pair.cache:
        return pair.cache["images"]
    out: list[Diff] = []
    missing, added = [], []

    def flush():
        n = min(len(missing), len(added))
        out.extend(missing[n:])
        if not pair.ahead:  # added by a translation newer than its source: the source lags
            out.extend(added[n:])
        missing.clear()
        added.clear()

    diverged = pair.diverged  # a walk over the ops: once, not per block
    for k, (i, j) in enumerate(pair.ops):
        sb = pair.sblocks[i] if i is not None else None
        tb = pair.tblocks[j] if j is not None else None
        s_imgs = sb.images if sb else []
        t_imgs = tb.images if tb else []
        if sb is not None and tb is not None and len(s_imgs) == len(t_imgs):
            if missing or added:  # most stretches hold no image on one side only
                flush()
            continue
        if diverged and (sb is None or tb is None):
            continue  # different versions: structure-mismatch says so once
        line = tb.line if tb is not None else pair.target_line_missing(k)
        for img in s_imgs[len(t_imgs):]:
            missing.append(Diff("image", sb, tb, line, missing=[img], detail="missing"))
        for img in t_imgs[len(s_imgs):]:
            added.append(Diff("image", sb, tb, img.line, img.column, img.end_column, extra=[img],
                              detail="added"))
    flush()
    out = _shown_elsewhere(pair, _renamed_nearby(pair, out))
    if not out:
        s_names = [(image_name(img.text), img) for b in pair.sblocks for img in b.images]
        t_names = [(image_name(img.text), img) for b in pair.tblocks for img in b.images]
        shared = {n for n, _ in s_names} & {n for n, _ in t_names}
        if len(shared) >= 2:
            s_seq = list(dict.fromkeys((n for n, _ in s_names if n in shared)))
            t_seq = list(dict.fromkeys((n for n, _ in t_names if n in shared)))
            for a, b in zip(s_seq, t_seq):
                if a != b:
                    s_img = next(img for n, img in s_names if n == a)
                    t_img = next(img for n, img in t_names if n == b)
                    block = next(bl for bl in pair.tblocks if t_img in bl.images)
                    src = next(bl for bl in pair.sblocks if s_img in bl.images)
                    out.append(Diff("image", src, block, t_img.line, t_img.column, t_img.end_column,
                                    missing=[s_img], extra=[t_img], detail="order"))
                    break
    out.sort(key=lambda d: d.line)
    pair.cache["images"] = out
    return out


def _shown_elsewhere(pair, found: list[Diff]) -> list[Diff]:
    """An image reported on one side only whose file both guides show equally often, in blocks
    the alignment reads otherwise (a screenshot and its caption laid out as a table): it is
    there on both sides, only framed differently."""
    if not found:
        return found
    text = {}

    def count(doc, name: str) -> int:
        if id(doc) not in text:
            text[id(doc)] = "\n".join(doc.lines)
        return len(re.findall(r"[(/]" + re.escape(name) + r"[)\s]", text[id(doc)], re.I))
    kept = []
    for d in found:
        img = d.missing[0] if d.detail == "missing" else d.extra[0] if d.detail == "added" else None
        name = image_name(img.text) if img is not None else ""
        if name and count(pair.target, name) == count(pair.source, name) > 0:
            continue
        kept.append(d)
    return kept


def _renamed_nearby(pair, found: list[Diff]) -> list[Diff]:
    """A missing image and an added one a few blocks apart, whose names share their digits
    (``2374.png`` / ``img_2374.jpg``): the locale's own copy of one screenshot."""
    def stem(img):
        return "".join(re.findall(r"\d+", image_name(img.text)))

    missing = [d for d in found if d.detail == "missing"]
    added = [d for d in found if d.detail == "added"]
    gone = set()
    for m in missing:
        for a in added:
            if id(a) in gone:
                continue
            s, t = stem(m.missing[0]), stem(a.extra[0])
            if s and s == t and abs(m.line - a.line) <= 12:
                gone |= {id(m), id(a)}
                break
    return [d for d in found if id(d) not in gone]


def unpaired(pair) -> list[Diff]:
    """Blocks on one side only (a section, step, row, image or code block added or removed)."""
    out = []
    for sb, tb, line in pair.unmatched():
        out.append(Diff("block", sb, tb, line, detail="missing" if sb else "added"))
    return out


def short(text: str, width: int = 50) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis, for messages."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[:width - 1] + "…"


@dataclass
class Drift:
    kind: str
    line: int          # target line
    source_line: int
    detail: str
    slip: bool = False  # a QA slip another rule reports (a number, a link): not drift on its own


MEANINGFUL = ("h", "li", "row", "code", "img")
PROSE_BLOCKS = ("p", "li")
_SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)")


def names(text: str) -> set[str]:
    return set(find_names(text))


def _names_of(block) -> set[str]:
    return names(block.text)


def _sentences(text: str) -> int:
    return len(_SENTENCE_END.findall(text.strip() + " ")) or 1


def length_ratio(pair) -> float:
    """How much longer the translation's prose runs than the source's (its median over paired blocks)."""
    if "ratio" not in pair.cache:
        ratios = sorted(len(tb.text) / len(sb.text) for sb, tb in pair.matched
                        if sb.kind in PROSE_BLOCKS and len(sb.text) >= 40 and tb.text)
        pair.cache["ratio"] = ratios[len(ratios) // 2] if ratios else 1.0
    return pair.cache["ratio"]


def _leftovers(pair) -> tuple[set, set]:
    """Indexes (into ``pair.ops``) of unpaired blocks that are moved, re-rendered (a bold
    paragraph as a list item), split or merged rather than added or removed."""
    if "leftovers" in pair.cache:
        return pair.cache["leftovers"]
    ops, ratio = pair.ops, length_ratio(pair)
    alone = [k for k, (i, j) in enumerate(ops) if i is None or j is None]
    moved: set = set()

    def size(k):
        i, j = ops[k]
        return len(pair.sblocks[i].text) if i is not None else len(pair.tblocks[j].text) / ratio

    def kind(k):
        i, j = ops[k]
        block = pair.sblocks[i] if i is not None else pair.tblocks[j]
        return "p" if block.kind in PROSE_BLOCKS else block.kind

    def tokens(k):
        i, j = ops[k]
        return pair.sblocks[i].tokens() if i is not None else pair.tblocks[j].tokens()

    def around(k, reach):  # the leftovers within ``reach`` places of ``k``, in order (``alone`` is sorted)
        return alone[bisect_left(alone, k - reach):bisect_right(alone, k + reach)]

    for a in alone:  # a block that moved a few places: one side's leftover matches the other's
        if a in moved or ops[a][0] is None:
            continue
        for b in around(a, 6):
            if b in moved or ops[b][1] is None or kind(a) != kind(b):
                continue
            ta, tb = tokens(a), tokens(b)
            if (ta or tb) and not ta & tb:
                continue
            la, lb = size(a), size(b)
            if max(la, lb) == 0 or min(la, lb) / max(la, lb) >= 0.5:
                moved |= {a, b}
                break
    for k in alone:  # split or merged: the neighbouring pair's other side holds this text too
        i, j = ops[k]
        if k in moved or (pair.sblocks[i] if i is not None else pair.tblocks[j]).kind != "p":
            continue
        for step in (-1, 1):
            n = k + step
            while 0 <= n < len(ops) and n in moved:
                n += step
            if not (0 <= n < len(ops)) or None in ops[n]:
                continue
            sb, tb = pair.sblocks[ops[n][0]], pair.tblocks[ops[n][1]]
            if sb.kind not in PROSE_BLOCKS:
                continue
            # the neighbour's other side runs longer than its own text by most of this block
            if i is not None:  # a source paragraph the translation merged into its neighbour
                covered = len(tb.text) - ratio * len(sb.text) >= 0.6 * ratio * size(k)
            else:  # a translated paragraph split in two
                covered = ratio * len(sb.text) - len(tb.text) >= 0.6 * ratio * size(k)
            if covered:
                moved.add(k)
                break
    for a in alone:  # a list item that lost its marker: a paragraph touching the list, lines apart
        j = ops[a][1]
        if a in moved or j is None or not _touches_list(pair.tblocks, j):
            continue
        b = next((b for b in around(a, 3) if b not in moved and ops[b][0] is not None
                  and pair.sblocks[ops[b][0]].kind == "li"), None)
        if b is not None:
            moved |= {a, b}
    lonely_s = {k for k in alone if k not in moved and ops[k][0] is not None}
    lonely_t = {k for k in alone if k not in moved and ops[k][1] is not None
                and not _ahead_addition(pair, pair.tblocks[ops[k][1]])}
    pair.cache["leftovers"] = (lonely_s, lonely_t)
    return lonely_s, lonely_t


def _touches_list(blocks, j) -> bool:
    """Paragraph ``j`` sits on the line next to a list item, without the blank line between
    blocks: a list item whose ``- `` marker was lost (lists/marker-spacing reports it)."""
    block = blocks[j]
    if block.kind != "p":
        return False
    after = blocks[j + 1] if j + 1 < len(blocks) else None
    before = blocks[j - 1] if j else None
    return (after is not None and after.kind == "li" and after.line == block.end_line + 1) or \
        (before is not None and before.kind == "li" and block.line == before.end_line + 1)


def _ahead_addition(pair, block) -> bool:
    """A block only the translation has that the translation being newer explains: it was
    updated after its source, or most translations carry what this block holds."""
    if pair.ahead:
        return True
    found = marks([block], _link_key)
    return bool(found) and found <= pair.shared


def _says_more(pair, k, sb, tb) -> str:
    """Why source block ``sb`` says more than its translation ``tb``, or ''."""
    named = sb.memo(_names_of)
    if named:  # most blocks name nothing: no need to gather the translation's text
        near = " ".join(b.text for b in pair.tblocks[max(0, pair.ops[k][1] - 1):pair.ops[k][1] + 2])
        lowered = near.lower() + " " + " ".join(s.lower() for s in tb.spans)
        gone = sorted(n for n in named if n.lower() not in lowered)
        if len(gone) >= (1 if sb.kind == "h" else 2):
            return "names " + ", ".join(gone[:3]) + " not in the translation"
    if sb.kind == "h" and sb.title.count("(") > tb.title.count("("):
        return "a part in brackets the translation lacks"
    if sb.kind not in PROSE_BLOCKS or len(sb.text) < 60:
        return ""
    t_len = len(tb.text)
    for n in (k - 1, k + 1):  # a translation that split the paragraph keeps the rest next door
        if 0 <= n < len(pair.ops) and pair.ops[n][0] is None and pair.ops[n][1] is not None:
            t_len += len(pair.tblocks[pair.ops[n][1]].text)
    # a sentence more, and the translation shorter than this guide's translations run
    if t_len < 0.85 * length_ratio(pair) * len(sb.text) and _sentences(sb.text) > _sentences(tb.text) \
            and not _swapped(pair, k):
        return f"{_sentences(sb.text)} sentences in the source, {_sentences(tb.text)} here"
    return ""


def _swapped(pair, k) -> bool:
    """Pair ``k`` and a neighbouring pair fit better crossed: two paragraphs in another order."""
    import math

    ratio = length_ratio(pair)

    def off(sb, tb):
        return abs(math.log(max(len(tb.text), 1) / (ratio * max(len(sb.text), 1))))

    s1, t1 = pair.sblocks[pair.ops[k][0]], pair.tblocks[pair.ops[k][1]]
    for n in (k - 1, k + 1):
        if not (0 <= n < len(pair.ops)) or None in pair.ops[n]:
            continue
        s2, t2 = pair.sblocks[pair.ops[n][0]], pair.tblocks[pair.ops[n][1]]
        if s2.kind in PROSE_BLOCKS and t2.kind in PROSE_BLOCKS \
                and off(s1, t2) + off(s2, t1) < off(s1, t1) + off(s2, t2):
            return True
    return False


def _preamble(pair, block, here: bool) -> bool:
    """The "last updated" line, or a note only the translation has above its first heading, in a
    block quote ("this translation was machine-generated"): not content of the guide."""
    blocks = pair.tblocks if here else pair.sblocks
    first_heading = next((b.line for b in blocks if b.kind == "h"), None)
    if first_heading is not None and block.line > first_heading:
        return False
    if _YEAR_LINE.search(block.text) and len(block.text) < 60:
        return True
    doc = pair.target if here else pair.source
    return here and doc.line(block.line).lstrip().startswith(">")


def drift(pair, effective=None) -> list[Drift]:
    """Every difference between the two guides, in target order: content drift (blocks added,
    removed or changed in meaning, code that changed) and QA slips (``slip``: a number, a link,
    inline code or an image that differs, which their own rules report)."""
    if "drift" in pair.cache:
        return pair.cache["drift"]
    options = getattr(effective, "options", {}) or {}
    allowed = options.get("translation/number-mismatch", {}).get("allowed_numbers", [])
    comments = options.get("translation/code-mismatch", {}).get("ignore_comments", True)
    out: list[Drift] = []
    for d in number_diffs(pair, allowed):
        out.append(Drift("numbers", d.line, d.source.line,
                         f"numbers {', '.join(n.text for n in d.missing) or '-'} → "
                         f"{', '.join(n.text for n in d.extra) or '-'}", slip=True))
    for d in codespan_diffs(pair):
        out.append(Drift("inline code", d.line, d.source.line,
                         f"`{short((d.missing or d.extra)[0].text, 30)}` on one side only", slip=True))
    for d in code_block_diffs(pair, comments):
        src = d.source.line if d.source else (pair.source_line_before(d.target) or 1)
        out.append(Drift("code", d.line, d.column if d.detail == "changed" else src, f"code block {d.detail}"))
    for d in image_diffs(pair):
        img = (d.missing or d.extra)[0]
        src = d.source.line if d.source else (pair.source_line_before(d.target) or 1)
        out.append(Drift("images", d.line, src, f"image '{image_name(img.text)}' {d.detail}", slip=True))
    for d in link_diffs(pair):
        out.append(Drift("links", d.line, d.source.line, f"link {short((d.missing or d.extra)[0].text, 40)} "
                         f"{d.detail}", slip=True))
    lonely_s, lonely_t = _leftovers(pair)
    diverged = pair.diverged  # a walk over the ops: once, not per block
    for k, (i, j) in enumerate(pair.ops):
        if i is not None and j is not None:
            sb, tb = pair.sblocks[i], pair.tblocks[j]
            why = _says_more(pair, k, sb, tb) if sb.kind in ("p", "li", "h") and not diverged else ""
            if why:
                out.append(Drift("blocks", tb.line, sb.line, f"{sb.label} '{short(sb.title or sb.text, 40)}' "
                                 f"changed: {why}"))
            continue
        block = pair.sblocks[i] if i is not None else pair.tblocks[j]
        if block.kind in ("code", "img") or (k not in lonely_s and k not in lonely_t):
            continue  # code blocks and images are counted above
        if _preamble(pair, block, i is None):
            continue
        if not (block.text or block.title or block.numbers or block.codes or block.links):
            continue  # an anchor or an HTML tag alone: nothing a reader reads
        if i is not None:
            out.append(Drift("blocks", pair.target_line_missing(k), block.line,
                             f"{block.label} '{short(block.title or block.text, 40)}' only in the source"))
        else:
            out.append(Drift("blocks", block.line, pair.source_line_before(block) or 1,
                             f"{block.label} '{short(block.title or block.text, 40)}' only here"))
    out.sort(key=lambda d: (d.line, d.source_line))
    pair.cache["drift"] = out
    return out


def verdict(pair, effective=None, max_slips: int = 2) -> tuple[str, list[Drift]]:
    """``retired``, ``up_to_date`` or ``outdated``, with the differences that decide it.

    Content drift makes a translation outdated; QA slips (one number or link that differs in
    an otherwise aligned guide) do not, unless there are more than ``max_slips`` of them."""
    if pair.retired:
        return "retired", []
    found = drift(pair, effective)
    content = [d for d in found if not d.slip]
    if content or len(found) > max_slips:
        return "outdated", found
    return "up_to_date", found


@lru_cache(maxsize=8192)  # a guide's links recur in every translation and in each block's neighbours
def _link_key(url: str) -> str:
    from ..locales import normalize_url

    url = url.strip().strip("<>")
    if url.startswith("(") and url.endswith(")"):
        url = url[1:-1].strip()  # `]((https://…))`: links/malformed-target owns the parentheses
    try:
        key = normalize_url(url)
    except Exception:  # noqa: BLE001 - an unparsable URL compares as written
        key = url
    return key.rstrip("/").lower()


_LANG_SEGMENT = re.compile(r"^[a-z]{2}(?:[-_][a-z]{2,4})?$|^\{locale\}$", re.I)


@lru_cache(maxsize=8192)
def _host_path(url: str) -> tuple[str, str]:
    """(host class, path) of a link, locale parts dropped: OVH's sites (ovh.com, ovhcloud.com,
    ovh.<country>, ovh-hosting.fi, /links/) are one host "ovh", guides (/pages/, docs.ovh.com,
    relative links) another, "guide"; ``/en/`` and ``/fr/`` are the same segment."""
    key = _link_key(url)
    key = re.sub(r"^[a-z]+:", "", key).split("#")[0]
    if key.startswith("//"):
        host, _, path = key[2:].partition("/")
        host = host.removeprefix("www.")
        if host.startswith("docs.ovh"):
            host = "guide"  # the old documentation site: guides, like /pages/ and ../slug/
        elif host == "{locale}" or re.search(r"(?:^|\.)ovh(?:cloud)?(?:[.-]|$)", host):
            host = "ovh"
    elif key.startswith("/links/"):
        host, path = "ovh", key[len("/links/"):]
    elif key.startswith("/pages/"):
        host, path = "guide", key
    else:
        host, path = "guide", key
    path = path.split("?")[0]
    segments = [seg for seg in path.split("/") if seg and not _LANG_SEGMENT.match(seg)]
    return host, "/".join(segments)


# a BBCode link of the old CMS (`[url="X"]text[/url]`): markup/legacy-residue owns it and names the
# Markdown link it meant, so the comparison counts it as that link rather than one "missing"
_BBCODE_URL = re.compile(r"url\s*=\s*[\"“”]?([^\]\"“”\s]+)", re.I)


def _urls(doc, blocks) -> list[str]:
    urls = [l.text for b in blocks for l in b.links]
    if not doc.memo(_writes_url):  # most guides: no block's lines can hold one
        return urls
    for b in blocks:
        if b.kind != "code":
            raw = "\n".join(doc.lines[b.line - 1:b.end_line])  # lines past the end: none, as doc.line's ""
            if "url" in raw:
                urls.extend(m.group(1) for m in _BBCODE_URL.finditer(raw))
    return urls


def _writes_url(doc) -> bool:
    """Whether ``url`` is written anywhere in the guide (what _urls looks for in a block's lines)."""
    return "url" in doc.source.text


def _address_shown(url: str, blocks) -> bool:
    """A ``mailto:`` link whose address the other side shows as plain text or code: an example
    address one side happened to auto-link, which the reader still sees."""
    if not url.lower().startswith("mailto:"):
        return False
    address = url[len("mailto:"):].split("?", 1)[0].strip().lower()
    if "@" not in address:
        return False
    pattern = re.compile(r"(?<![\w.@-])" + re.escape(address) + r"(?![\w@-]|\.\w)")
    return any(pattern.search(b.text.lower()) or any(pattern.search(s.lower()) for s in b.spans)
               for b in blocks)


def link_diffs(pair) -> list[Diff]:
    """Links that differ beyond their locale part (``lint.locales.normalize_url``), or that are
    on one side only, in aligned blocks. Same-page ``#fragment`` links are anchor-leak's."""
    if "links" in pair.cache:
        return pair.cache["links"]
    out: list[Diff] = []
    for sb, tb, k in _pairs_with_neighbours(pair):
        if not sb.links and not tb.links:  # most blocks
            continue
        s_links = [l for l in sb.links if not l.text.startswith(("#", "./#"))]
        t_links = [l for l in tb.links if not l.text.startswith(("#", "./#"))]
        if not s_links and not t_links:
            continue
        # each side's links are among the other's (the neighbourhoods hold the blocks themselves):
        # nothing missing, nothing extra, no need to read the neighbourhoods (most pairs)
        s_own, t_own = {_link_key(l.text) for l in s_links}, {_link_key(l.text) for l in t_links}
        if s_own == t_own:
            continue
        s_near, t_near = _near(pair, k)
        s_urls, t_urls = _urls(pair.source, s_near), _urls(pair.target, t_near)
        s_keys = {_link_key(u) for u in s_urls}
        t_keys = {_link_key(u) for u in t_urls}
        missing = [l for l in s_links if _link_key(l.text) not in t_keys]
        extra = [l for l in t_links if _link_key(l.text) not in s_keys]
        s_paths = {_host_path(u) for u in s_urls}
        t_paths = {_host_path(u) for u in t_urls}
        # a site nearby excuses a link only through a link of it that nothing else accounts for:
        # the localised page whose path words are translated, not another link to the same site
        s_hosts = {_host_path(u)[0] for u in s_urls if _link_key(u) not in t_keys and _host_path(u) not in t_paths}
        t_hosts = {_host_path(u)[0] for u in t_urls if _link_key(u) not in s_keys and _host_path(u) not in s_paths}
        for m in missing:
            host, path = _host_path(m.text)
            if (host, path) in t_paths or _address_shown(m.text, t_near):
                continue
            if host not in t_hosts:
                out.append(Diff("link", sb, tb, tb.line, tb.column, None, [m], [], "missing"))
                continue
            # the same site: a guide link (/pages/) or a third-party page that points elsewhere;
            # OVH's own sites and relative links translate their path words, so they are not judged
            pages = path.startswith("pages/")
            if pages or host not in ("ovh", "guide"):
                twin = next((e for e in extra if _host_path(e.text)[0] == host
                             and _host_path(e.text)[1].startswith("pages/") == pages), None)
                if twin is not None:
                    out.append(Diff("link", sb, tb, twin.line, twin.column, twin.end_column, [m], [twin],
                                    "changed"))
        for e in extra:
            host, path = _host_path(e.text)
            if (host, path) not in s_paths and host not in s_hosts and not _address_shown(e.text, s_near) \
                    and not pair.ahead and ("l", _link_key(e.text)) not in pair.shared:
                out.append(Diff("link", sb, tb, e.line, e.column, e.end_column, [], [e], "added"))
    pair.cache["links"] = out
    return out
