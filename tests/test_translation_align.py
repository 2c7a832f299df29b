"""align() gives exactly the pairing of the plain dynamic programme it replaced.

The reference below is the cell-by-cell version align.py had before it was made faster; every
shortcut of the fast one must keep its ops list, tie-breaking included, on the corpus and on
random block lists built to tie often.
"""
import random

import pytest

from lint.document import DEFAULT_LOCALE_PATTERN, Document, locale_from_path
from lint.translations.align import align
from lint.translations.blocks import Block, Inline, extract
from lint.translations.pairing import pair


def reference_score(a: Block, b: Block, ta: set, tb: set) -> float:
    if a.kind != b.kind:
        return -1.0
    score = 1.0
    if a.kind == "h" and a.level != b.level:
        score = 0.7
    if ta or tb:
        score += len(ta & tb) / len(ta | tb)
        if ta and tb and not ta & tb:
            score -= 0.3
    else:
        score += 0.3
    la, lb = len(a.text) + len(a.code), len(b.text) + len(b.code)
    if la or lb:
        score += 0.3 * min(la, lb) / max(la, lb)
    return score


def reference_align(sblocks, tblocks):
    n, m = len(sblocks), len(tblocks)
    stok = [b.tokens() for b in sblocks]
    ttok = [b.tokens() for b in tblocks]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        a, ta = sblocks[i], stok[i]
        for j in range(m - 1, -1, -1):
            value = below[j] if below[j] > row[j + 1] else row[j + 1]
            b = tblocks[j]
            if a.kind == b.kind:
                s = reference_score(a, b, ta, ttok[j])
                if s > 0 and below[j + 1] + s > value:
                    value = below[j + 1] + s
            row[j] = value
    ops, i, j = [], 0, 0
    while i < n and j < m:
        if sblocks[i].kind == tblocks[j].kind:
            s = reference_score(sblocks[i], tblocks[j], stok[i], ttok[j])
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


def random_block(rng: random.Random) -> Block:
    """A block from a small pool of kinds, levels, tokens and lengths, so that scores tie often."""
    kind = rng.choice(["h", "p", "p", "li", "row", "code", "img"])
    block = Block(kind, 1, 1, 1, level=rng.choice([1, 2, 3]))
    block.text = "x" * rng.choice([0, 0, 3, 10, 40])
    block.codes = [Inline(rng.choice(["ls", "sudo", "a.b"]), 1, 1, 2) for _ in range(rng.choice([0, 0, 1, 2]))]
    block.numbers = [Inline("7", 1, 1, 2, values=frozenset({rng.choice(["1", "7"])}))
                     for _ in range(rng.choice([0, 0, 1]))]
    if kind == "code":
        block.code = rng.choice(["", "apt install nginx", "systemctl restart nginx"])
    return block


def test_random_block_lists_align_as_the_reference_does():
    rng = random.Random(20240601)
    for _ in range(1500):
        pool = [random_block(rng) for _ in range(rng.randint(1, 8))]
        sblocks = [rng.choice(pool) for _ in range(rng.randint(0, 25))]
        tblocks = [rng.choice(pool) for _ in range(rng.randint(0, 25))]
        assert align(sblocks, tblocks) == reference_align(sblocks, tblocks)


def test_a_translation_with_one_paragraph_dropped_pairs_everything_else():
    blocks = [Block("h", 1, 1, 1, level=2, text="Goal"), Block("p", 2, 1, 2, text="One."),
              Block("p", 3, 1, 3, text="Two, longer."), Block("li", 4, 1, 4, text="Three")]
    translation = [blocks[0], blocks[2], blocks[3]]
    assert align(blocks, translation) == [(0, 0), (1, None), (2, 1), (3, 2)]
    assert align(blocks, translation) == reference_align(blocks, translation)


def test_the_corpus_pairs_align_as_the_reference_does(corpus):
    loaded = {}

    def blocks_of(path):
        if path not in loaded:
            with open(path, "rb") as f:
                doc = Document.from_bytes(f.read(), path, locale_from_path(path, DEFAULT_LOCALE_PATTERN))
            loaded[path] = extract(doc)
        return loaded[path]

    compared = 0
    for path in sorted(str(p) for p in corpus.rglob("guide.*.md")):
        found = pair(path, ["fr-fr", "en-gb"], DEFAULT_LOCALE_PATTERN)
        if found.source is None or found.source == path:
            continue
        sblocks, tblocks = blocks_of(found.source), blocks_of(path)
        assert align(sblocks, tblocks) == reference_align(sblocks, tblocks), path
        compared += 1
    if not compared:
        pytest.skip("no translation in the corpus")


def test_close_enough_answers_as_difflib_ratio_does():
    import difflib

    from lint.translations.blocks import close_enough

    rng = random.Random(7)
    for _ in range(2000):
        a = "".join(rng.choice("abc_-1 ") for _ in range(rng.randint(0, 12)))
        b = "".join(rng.choice("abc_-1 ") for _ in range(rng.randint(0, 12)))
        for cutoff in (0.6, 0.75):
            assert close_enough(a, b, cutoff) == (difflib.SequenceMatcher(None, a, b).ratio() >= cutoff), (a, b)
