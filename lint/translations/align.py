"""Align a translation's blocks with its source's, and hand the pair to the checks.

Blocks of the same kind (heading with heading, paragraph with paragraph, list item, table
row, image, code block) may be paired; among all order-keeping pairings the one with the
best total score wins (a weighted longest common subsequence). A pair scores 1, plus how
many meaning-bearing tokens (numbers, code, image names) the two blocks share and how close
their lengths are, so that a dropped paragraph shifts nothing after it. Unpaired blocks are
the places where the two structures part.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from bisect import bisect_right
from functools import cached_property
from itertools import compress
from operator import gt, neg
from typing import NamedTuple

from . import ahead
from . import pairing as pairing_module
from .blocks import Block, extract
from .diff import _link_key


@dataclass
class Pair:
    source: object      # Document
    target: object      # Document
    sblocks: list[Block]
    tblocks: list[Block]
    fallback: bool = False
    ahead: bool = False  # the translation was updated after its source (lint.translations.ahead)
    # what most translations add to the source (lint.translations.ahead): a callable, because it
    # reads the sibling translations, which only a translation-only block or number needs
    shared_of: object = None
    cache: dict = field(default_factory=dict)  # shared results between the checks of one pair

    @cached_property
    def ops(self) -> list[tuple[int | None, int | None]]:
        """(source index, target index) in order, None = unpaired: the alignment."""
        # made when a check first reads it: the checks of a retired translation (a fifth of
        # the corpus's) read its blocks and front matter, most never its alignment
        return _flattened_sections(align(self.sblocks, self.tblocks), self.sblocks, self.tblocks)

    @property
    def shared(self) -> frozenset:
        if "shared" not in self.cache:
            self.cache["shared"] = self.shared_of() if self.shared_of is not None else frozenset()
        return self.cache["shared"]

    @property
    def matched(self) -> list[tuple[Block, Block]]:
        """(source block, translation block) of every pair the alignment made."""
        # read by several checks, and through ``diverged`` once per block by some: built once
        if "matched" not in self.cache:
            self.cache["matched"] = [(self.sblocks[i], self.tblocks[j]) for i, j in self.ops
                                     if i is not None and j is not None]
        return self.cache["matched"]

    @property
    def same_language(self) -> bool:
        """Source and translation share a language (``fr-fr`` and ``fr-ca``)."""
        return bool(self.source.language and self.source.language == self.target.language)

    @property
    def retired(self) -> bool:
        """The translation is deprecated or hidden while its source is live: its content is not compared."""
        return retired(self.source, self.target)

    @property
    def coverage(self) -> float:
        """Share of blocks that pair up, 1.0 for identical structures."""
        total = len(self.sblocks) + len(self.tblocks)
        return 2 * len(self.matched) / total if total else 1.0

    @property
    def diverged(self) -> bool:
        """The two guides are different versions: report unpaired blocks once, not one by one."""
        return self.coverage < DIVERGED

    def unmatched(self) -> list[tuple[Block | None, Block | None, int]]:
        """(source block, target block, target line to report at) for every unpaired block."""
        out = []
        for k, (i, j) in enumerate(self.ops):
            if i is not None and j is not None:
                continue
            if j is not None:
                out.append((None, self.tblocks[j], self.tblocks[j].line))
            else:
                out.append((self.sblocks[i], None, self.target_line_missing(k)))
        return out

    def source_line_before(self, block: Block) -> int | None:
        """Line of the last source block aligned before the target ``block``: where the
        source would have it. None when the block comes before every source block."""
        found = self.cache.get("lines before")
        if found is None:  # one walk over the alignment for every block asked about
            found, last = {}, None
            for i, j in self.ops:
                if j is not None:
                    found.setdefault(id(self.tblocks[j]), last)
                if i is not None:
                    last = self.sblocks[i].line
            found = self.cache["lines before"] = (found, last)
        before, last = found
        return before.get(id(block), last)

    def target_line_missing(self, k: int) -> int:
        """Where unpaired source block ``k`` belongs in the target: the line after the target
        block that precedes it (the blank line where it would be inserted)."""
        for i, j in reversed(self.ops[:k]):
            if j is not None:
                return min(self.tblocks[j].end_line + 1, max(len(self.target.lines), 1))
        return self.target.body_first_line if self.target.lines else 1

    def target_line_near(self, k: int) -> int:
        """Where in the target an unpaired source block would have been: the next target block."""
        for i, j in self.ops[k:]:
            if j is not None:
                return self.tblocks[j].line
        for i, j in reversed(self.ops[:k]):
            if j is not None:
                return self.tblocks[j].end_line
        return self.target.body_first_line if self.target.lines else 1


# below this share of paired blocks the translation was made from another version of the guide
# (legacy translations restructured since): blocks are no longer compared one by one
DIVERGED = 0.75


def _lifecycle_off(doc) -> bool:
    return any(doc.frontmatter.data.get(k) is True for k in ("deprecated", "hidden"))


def retired(source, target) -> bool:
    """``target`` is deprecated or hidden while ``source`` is live."""
    return _lifecycle_off(target) and not _lifecycle_off(source)


class _Features(NamedTuple):
    """What scoring a pair reads of a block, computed once per block rather than once per cell,
    with the constants its row of the alignment starts from (see _best_totals)."""

    kind: str
    level: int
    tokens: set
    length: int
    na: int             # how many tokens
    la3: float          # 0.3 * length
    with_tokens: float  # the score before the length term against a block with tokens, none shared
    without: float      # ... against a block without tokens
    w7: float           # the same two for a heading of another level
    wo7: float

    @classmethod
    def of(cls, block: Block) -> "_Features":
        # kept with the block: a source block is aligned with each translation of its folder
        found = block._features
        if found is None:
            tokens, length = block.tokens(), len(block.text) + len(block.code)
            na = len(tokens)
            found = block._features = cls(
                block.kind, block.level, tokens, length, na, 0.3 * length,
                _before_length(1.0, na, 1, 0), _before_length(1.0, na, 0, 0),
                _before_length(0.7, na, 1, 0), _before_length(0.7, na, 0, 0))
        return found


def _score(a: _Features, b: _Features) -> float:
    # _best_totals makes these float operations in this order too (through _before_length and
    # its own length term): the traceback compares the sums they make, so both must give the
    # very same floats
    if a.kind != b.kind:
        return -1.0
    score = _before_length(0.7 if a.kind == "h" and a.level != b.level else 1.0,
                           len(a.tokens), len(b.tokens), len(a.tokens & b.tokens))
    la, lb = a.length, b.length
    if la or lb:
        score += 0.3 * min(la, lb) / max(la, lb)
    return score


def _before_length(base: float, na: int, nb: int, common: int) -> float:
    """A pair's score before its length term: ``base`` plus the share of tokens the two blocks
    have in common (``common`` of ``na`` and ``nb``; len(ta & tb) / len(ta | tb))."""
    score = base
    if na or nb:
        score += common / (na + nb - common)
        if na and nb and not common:
            score -= 0.3
    else:
        score += 0.3
    return score


def _best_totals(source: list[_Features], target: list[_Features]) -> list[list[float]]:
    """best[i][j]: the best total score of aligning source[i:] with target[j:].

    Cell by cell, best[i][j] is the largest of best[i + 1][j] (source block i unpaired),
    best[i][j + 1] (target block j unpaired) and best[i + 1][j + 1] + _score(i, j). Only
    blocks of one kind pair, and the row below is already a running maximum from the right
    (it never grows rightwards), so a row is the larger of the row below and the running
    maximum from the right of its "pair" values, which exist at the columns of its kind only:
    best[i][j] = max(best[i + 1][j], paired[j'] for j' >= j of that kind). A maximum picks
    and never adds, so the totals are the floats the cell-by-cell loop makes.

    Most cells pair blocks that share no token, whose score before the length term is one of
    two constants per row (the target block has tokens or not; four for a heading, whose
    level may differ): those cells add the length term to a constant; the few columns that
    share tokens (found through an index of the target's tokens) get the full score. Every
    score is the float ``_score`` makes, by the same operations in the same order.
    """
    m = len(target)
    columns: dict[str, _Columns] = {}
    for j, b in enumerate(target):
        kind = columns.get(b.kind)
        if kind is None:
            kind = columns[b.kind] = _Columns()
        for token in b.tokens:  # token -> the positions in this kind's columns that hold it
            kind.holders.setdefault(token, []).append(len(kind.j1s))
        kind.js.append(j)
        kind.j1s.append(j + 1)
        kind.nbs.append(len(b.tokens))
        kind.lbs.append(b.length)
        kind.lb3s.append(0.3 * b.length)
        kind.levels.append(b.level)
    best = [[0.0] * (m + 1)]
    for kind_a, level_a, tokens_a, la, na, la3, with_tokens, without, w7, wo7 in reversed(source):
        below = best[-1]
        kind = columns.get(kind_a)
        if kind is None:
            best.append(below)  # nothing to pair: the row below, already a running maximum
            continue
        js = kind.js
        # a pair always scores more than 0 (at least 0.7 - 0.3): no test for it
        # the length term, 0.3 * min(la, lb) / max(la, lb) computed as (0.3 * la) / lb or
        # (0.3 * lb) / la, is 0.0 when la is 0, and adding 0.0 changes no float
        if kind_a == "h":  # a heading of another level starts from 0.7: four constants
            if la:
                paired = [below[j1] + (((with_tokens if nb else without) if lv == level_a
                                        else (w7 if nb else wo7)) + (la3 / lb if la < lb else lb3 / la))
                          for j1, nb, lb, lb3, lv in zip(kind.j1s, kind.nbs, kind.lbs, kind.lb3s, kind.levels)]
            else:
                paired = [below[j1] + ((with_tokens if nb else without) if lv == level_a else (w7 if nb else wo7))
                          for j1, nb, lv in zip(kind.j1s, kind.nbs, kind.levels)]
        else:
            level_a = None
            if la:
                paired = [below[j1] + ((with_tokens if nb else without) + (la3 / lb if la < lb else lb3 / la))
                          for j1, nb, lb, lb3 in zip(kind.j1s, kind.nbs, kind.lbs, kind.lb3s)]
            else:
                paired = [below[j1] + (with_tokens if nb else without) for j1, nb in zip(kind.j1s, kind.nbs)]
        if na:
            shared: dict[int, int] = {}
            for token in tokens_a:
                for c in kind.holders.get(token, ()):
                    shared[c] = shared.get(c, 0) + 1
            # the full score where tokens are shared: _before_length(base, na, nb, common) written out
            nbs, lbs, lb3s, levels = kind.nbs, kind.lbs, kind.lb3s, kind.levels
            for c, common in shared.items():
                nb, lb, lb3 = nbs[c], lbs[c], lb3s[c]
                score = 0.7 if level_a is not None and levels[c] != level_a else 1.0
                score += common / (na + nb - common)
                if la or lb:
                    score += lb3 / la if lb <= la else la3 / lb
                paired[c] = below[js[c] + 1] + score
        # the row is the row below raised to the running maximum, from the right, of the pairs
        # that beat it (a pair that does not beat the row below at its column beats it nowhere
        # to its left either: that row never shrinks leftwards). That maximum only changes at
        # a record, a pair that beats both the row below and every pair to its right: one
        # comprehension, right to left, finds the few records (the walrus carries the maximum)
        top = 0.0
        records = [(j, top := value) for j, value, floor
                   in zip(reversed(js), reversed(paired), map(below.__getitem__, reversed(js)))
                   if value > floor and value > top]
        if records:
            row = below[:]
            # record r holds the maximum from its column back to the next record on its left:
            # there the row below is smaller than it from some column on (found by bisection)
            for k, (j, value) in enumerate(records):
                lo = records[k + 1][0] + 1 if k + 1 < len(records) else 0
                start = bisect_right(below, -value, lo, j + 1, key=neg) if below[lo] >= value else lo
                row[start:j + 1] = [value] * (j + 1 - start)
            best.append(row)
        else:
            best.append(below)
    best.reverse()
    return best


class _Columns:
    """The target blocks of one kind, as parallel lists in target order (C loops read them)."""

    __slots__ = ("js", "j1s", "nbs", "lbs", "lb3s", "levels", "holders")

    def __init__(self):
        self.js: list[int] = []       # target index
        self.j1s: list[int] = []      # target index + 1
        self.nbs: list[int] = []      # how many tokens
        self.lbs: list[int] = []      # length
        self.lb3s: list[float] = []   # 0.3 * length
        self.levels: list[int] = []
        self.holders: dict = {}       # token -> the columns holding it


def align(sblocks: list[Block], tblocks: list[Block]) -> list[tuple[int | None, int | None]]:
    """Pair source and translation blocks in order: (i, j) for a pair, (i, None) or (None, j)
    for a block on one side only; the pairing of the highest total similarity."""
    source = [_Features.of(b) for b in sblocks]
    target = [_Features.of(b) for b in tblocks]
    n, m = len(source), len(target)
    best = _best_totals(source, target)
    ops, i, j = [], 0, 0
    while i < n and j < m:
        if source[i].kind == target[j].kind:
            s = _score(source[i], target[j])
            if s > 0 and abs(best[i][j] - (best[i + 1][j + 1] + s)) < 1e-9:
                ops.append((i, j))
                i, j = i + 1, j + 1
                continue
        if abs(best[i][j] - best[i + 1][j]) < 1e-9:
            ops.append((i, None))
            i += 1
        else:
            ops.append((None, j))
            j += 1
    ops.extend((k, None) for k in range(i, n))
    ops.extend((None, k) for k in range(j, m))
    return ops


def _flattened_sections(ops, sblocks, tblocks):
    """A source heading followed at once by a deeper one (``## Configurer`` then ``### Démarrage``)
    whose translation kept one heading: when the translation's other headings sit a level higher
    than the source's (its sections were flattened), or the heading's words say so, the heading
    kept is the deeper one, the one right above the text, and the outer one is what is missing."""
    out = list(ops)
    for k in range(len(out) - 1):
        i, j = out[k]
        if None in (i, j):
            continue
        m = k + 1  # the next source heading, past source-only blocks (an intro the translation dropped)
        while m < len(out) and out[m][1] is None and out[m][0] is not None and sblocks[out[m][0]].kind != "h":
            m += 1
        if m >= len(out) or out[m][1] is not None or out[m][0] is None:
            continue
        i2 = out[m][0]
        outer, inner, kept = sblocks[i], sblocks[i2], tblocks[j]
        if not (outer.kind == inner.kind == kept.kind == "h") or inner.level <= outer.level:
            continue
        words = kept.tokens() - {t for t in kept.tokens() if t[0] == "n"}
        later = next(((sblocks[a], tblocks[b]) for a, b in out[m + 1:] if a is not None and b is not None
                      and sblocks[a].kind == "h"), None)
        # the levels decide first: a shared word (Configuration / Configuración) may be a false friend
        flattened = later is not None and later[1].level < later[0].level
        if flattened or (words & inner.tokens() and not words & outer.tokens()):
            out[k], out[m] = (i, None), (i2, j)
    return out


def make_pair(source, target, fallback: bool = False, sblocks: list[Block] | None = None,
              tblocks: list[Block] | None = None) -> Pair:
    """``sblocks``, ``tblocks``: the guides' blocks when already extracted (every translation
    of a folder shares one source)."""
    if sblocks is None:
        sblocks = extract(source)
    if tblocks is None:
        tblocks = extract(target)
    return Pair(source, target, sblocks, tblocks, fallback)


def blocks_for(ctx, doc) -> list[Block]:
    """``doc``'s blocks, extracted once per folder: a guide is read as a translation, as the
    source of the others and as a sibling whose additions count, each time through another
    copy of one parsed tree (``dataclasses.replace`` keeps ``nodes``, all ``extract`` reads)."""
    here = os.path.abspath(doc.path)

    def of_tree():
        key = ("translation-tree-blocks", here, id(doc.nodes))
        return doc, _get(ctx.memo, key, lambda: (doc.nodes, extract(doc)))[1]

    # each value holds what its key's id names, so that id cannot name another object while it is
    # cached; the outer key ends with the document's id, which the language server keeps across
    # checks while the document lives (lint.server.session)
    return _get(ctx.memo, ("translation-blocks", here, id(doc)), of_tree)[1]


def pairing_for(doc, ctx, here: str | None = None):
    """Which file of ``doc``'s folder is its source (:func:`lint.translations.pairing.pair`),
    looked up once per file; None without a configuration. ``here``: ``doc``'s absolute path."""
    effective = ctx.config
    if effective is None:
        return None
    key = ("translation-pairing", here or os.path.abspath(doc.path))
    return _get(ctx.memo, key, lambda: pairing_module.pair(
        doc.path, effective.source_locales, effective.locale_pattern, doc.locale))


def _get(services, key, factory):
    """A per-folder cached value (the runner drops it when the run moves to another folder)."""
    try:
        return services.get(key, factory, scope="folder")
    except TypeError:  # a Services without scopes
        return services.get(key, factory)


def pair_for(doc, ctx) -> Pair | None:
    """The aligned (source, translation) pair of ``doc``; None for a source or a guide without one."""
    if ctx.config is None:
        return None
    # a dozen translation rules ask in turn while one file is checked: after the first, the
    # answer is the same and so are the inputs it declared (deps, a dict per file, holds them
    # already), unless a memo value is being built, which must collect them for itself. A run
    # that records no inputs (no cache) tells one file's check from the next by file_check
    memo = ctx.memo
    check = getattr(memo, "deps", None)
    if check is None:
        check = getattr(memo, "file_check", None)
    last = _LAST_PAIR[0]
    if (last is not None and last[0] is memo and last[1] is check and last[2] is doc and check is not None
            and not getattr(memo, "building", True)):
        return last[3]
    found = _pair_for(doc, ctx)
    _LAST_PAIR[0] = (memo, check, doc, found)
    return found


# (memo, its deps dict or file_check, document, pair) of the last pair_for: holding them keeps
# their ids from naming another object while the entry stands
_LAST_PAIR: list = [None]


def _pair_for(doc, ctx) -> Pair | None:
    pattern = ctx.config.locale_pattern
    here = os.path.abspath(doc.path)  # once: every translation rule of every file asks for its pair
    explicit = ctx.memo.get(("translation-explicit-source", here), lambda: None)
    fallback = False
    if explicit is not None:
        source_path = explicit
    else:
        found = pairing_for(doc, ctx, here)
        if found is None or found.source is None:
            return None
        source_path, fallback = found.source, found.fallback
    if os.path.abspath(source_path) == here:
        return None

    ctx.depends_on(source_path)

    def build():
        source = pairing_module.load(ctx.memo, source_path, pattern)
        if source is None:
            return None
        sblocks = blocks_for(ctx, source)
        made = make_pair(source, doc, fallback, sblocks, blocks_for(ctx, doc))
        made.ahead = ahead.newer_than_source(source, doc)
        made.shared_of = lambda: _shared_additions(ctx, source, source_path, sblocks)
        return made

    return _get(ctx.memo, ("translation-pair", here, id(doc)), build)


def _shared_additions(ctx, source, source_path: str, sblocks) -> frozenset:
    """What most live translations of ``source`` add to it, computed once per folder."""
    found = pairing_for_path(ctx, source_path)
    if found is None:
        return frozenset()
    paths = sorted(p for loc, p in found.siblings.items()
                   if os.path.abspath(p) != os.path.abspath(source_path))
    for path in paths:
        ctx.depends_on(path)
    pattern = ctx.config.locale_pattern

    def build():
        lists = []
        for path in paths:
            sibling = pairing_module.load(ctx.memo, path, pattern)
            if sibling is not None and not retired(source, sibling):
                lists.append(blocks_for(ctx, sibling))
        # every translation counts, this one too: "most" then needs others to agree with it
        return ahead.shared_additions(sblocks, lists, _link_key) if len(lists) > ahead.MIN_SIBLINGS else frozenset()

    return _get(ctx.memo, ("translation-shared-additions", os.path.abspath(source_path), id(source)), build)


def pairing_for_path(ctx, path: str):
    """The folder's pairing seen from ``path`` (its siblings), cached like :func:`pairing_for`."""
    effective = ctx.config
    if effective is None:
        return None
    key = ("translation-pairing", os.path.abspath(path))
    return _get(ctx.memo, key, lambda: pairing_module.pair(
        path, effective.source_locales, effective.locale_pattern, None))


def content_pair_for(doc, ctx) -> Pair | None:
    """Like :func:`pair_for`, but None for a retired (deprecated) translation of a live source."""
    pair = pair_for(doc, ctx)
    return None if pair is None or pair.retired else pair
