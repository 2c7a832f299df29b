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
from itertools import accumulate
from typing import NamedTuple

from . import pairing as pairing_module
from .blocks import Block, extract


@dataclass
class Pair:
    source: object      # Document
    target: object      # Document
    sblocks: list[Block]
    tblocks: list[Block]
    ops: list[tuple[int | None, int | None]]  # (source index, target index), None = unpaired
    fallback: bool = False
    cache: dict = field(default_factory=dict)  # shared results between the checks of one pair

    @property
    def matched(self) -> list[tuple[Block, Block]]:
        """(source block, translation block) of every pair the alignment made."""
        return [(self.sblocks[i], self.tblocks[j]) for i, j in self.ops if i is not None and j is not None]

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
        last = None
        for i, j in self.ops:
            if j is not None and self.tblocks[j] is block:
                return last
            if i is not None:
                last = self.sblocks[i].line
        return last

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
    """What scoring a pair reads of a block, computed once per block rather than once per cell."""

    kind: str
    level: int
    tokens: set
    length: int

    @classmethod
    def of(cls, block: Block) -> "_Features":
        return cls(block.kind, block.level, block.tokens(), len(block.text) + len(block.code))


def _score(a: _Features, b: _Features) -> float:
    # _best_totals repeats these float operations inline, in this order: the traceback compares
    # the sums they make, so both must give the very same floats
    if a.kind != b.kind:
        return -1.0
    score = 1.0
    if a.kind == "h" and a.level != b.level:
        score = 0.7
    ta, tb = a.tokens, b.tokens
    if ta or tb:
        score += len(ta & tb) / len(ta | tb)
        if ta and tb and not ta & tb:
            score -= 0.3
    else:
        score += 0.3
    la, lb = a.length, b.length
    if la or lb:
        score += 0.3 * min(la, lb) / max(la, lb)
    return score


def _best_totals(source: list[_Features], target: list[_Features]) -> list[list[float]]:
    """best[i][j]: the best total score of aligning source[i:] with target[j:].

    Cell by cell, best[i][j] is the largest of best[i + 1][j] (source block i unpaired),
    best[i][j + 1] (target block j unpaired) and best[i + 1][j + 1] + _score(i, j). Only
    blocks of one kind pair, so a row first puts "pair" into the row below's values at the
    columns of its kind, then a running maximum from the right adds "target unpaired"; a
    maximum picks and never adds, so the totals are the floats the cell-by-cell loop makes.
    """
    columns: dict[str, list[tuple[int, int, set, int]]] = {}
    for j, b in enumerate(target):
        columns.setdefault(b.kind, []).append((j, b.level, b.tokens, b.length))
    best = [[0.0] * (len(target) + 1)]
    for a in reversed(source):
        below = best[-1]
        row = below[:]
        heading, ta, la = a.kind == "h", a.tokens, a.length
        for j, level, tb, lb in columns.get(a.kind, ()):
            # _score(a, b) unrolled (a third of all cells come here), its float operations in
            # its order; a pair always scores more than 0 (at least 0.7 - 0.3): no test for it
            score = 0.7 if heading and level != a.level else 1.0
            if ta or tb:
                score += len(ta & tb) / len(ta | tb)
                if ta and tb and not ta & tb:
                    score -= 0.3
            else:
                score += 0.3
            if la or lb:
                score += 0.3 * la / lb if la < lb else 0.3 * lb / la
            paired = below[j + 1] + score
            if paired > row[j]:
                row[j] = paired
        row = list(accumulate(reversed(row), max))
        row.reverse()
        best.append(row)
    best.reverse()
    return best


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


def make_pair(source, target, fallback: bool = False, sblocks: list[Block] | None = None) -> Pair:
    """``sblocks``: the source's blocks when already extracted (every translation of a folder
    shares one source)."""
    if sblocks is None:
        sblocks = extract(source)
    tblocks = extract(target)
    return Pair(source, target, sblocks, tblocks, _flattened_sections(align(sblocks, tblocks), sblocks, tblocks),
                fallback)


def pairing_for(doc, ctx):
    """Which file of ``doc``'s folder is its source (:func:`lint.translations.pairing.pair`),
    looked up once per file; None without a configuration."""
    effective = ctx.config
    if effective is None:
        return None
    key = ("translation-pairing", os.path.abspath(doc.path))
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
    pattern = ctx.config.locale_pattern
    explicit = ctx.memo.get(("translation-explicit-source", os.path.abspath(doc.path)), lambda: None)
    fallback = False
    if explicit is not None:
        source_path = explicit
    else:
        found = pairing_for(doc, ctx)
        if found is None or found.source is None:
            return None
        source_path, fallback = found.source, found.fallback
    if os.path.abspath(source_path) == os.path.abspath(doc.path):
        return None

    ctx.depends_on(source_path)

    def build():
        source = pairing_module.load(ctx.memo, source_path, pattern)
        if source is None:
            return None
        sblocks = _get(ctx.memo, ("translation-source-blocks", os.path.abspath(source_path), id(source)),
                       lambda: extract(source))
        return make_pair(source, doc, fallback, sblocks)

    return _get(ctx.memo, ("translation-pair", os.path.abspath(doc.path), id(doc)), build)


def content_pair_for(doc, ctx) -> Pair | None:
    """Like :func:`pair_for`, but None for a retired (deprecated) translation of a live source."""
    pair = pair_for(doc, ctx)
    return None if pair is None or pair.retired else pair
