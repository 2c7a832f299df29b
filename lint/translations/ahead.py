"""Content a translation has and its source lacks, when the translation is the newer text.

OVH's translations are not always behind their source: an English guide updated in December
names "iOS 11, 12 and 13" while the French source, last updated in May, still says "iOS 11";
a partner link or a Rocky Linux section was added to most translations but not to the source.
Blaming the translation there is wrong: the source is what lags. A translation is taken to be
ahead of its source for what it adds when

- its ``updated:`` date is over a month later than the source's (everything it adds), or
- most of the source's other translations add the same thing (a number, inline code, a link),
  which a translator cannot have invented in one language only.

What a translation lacks, or changes, is still judged: being newer does not excuse a slip.
"""
from __future__ import annotations

import datetime as _dt
from collections import Counter

from ..frontmatter import as_date

# fewer sibling translations than this say nothing about "most of them"
MIN_SIBLINGS = 2
# a translation made from a source version lands days or weeks after it (firewall_network de-de:
# 8 days): only a later revision of the translation itself is newer content than its source
NEWER_BY = _dt.timedelta(days=30)


def updated_date(doc) -> _dt.date | None:
    return as_date((doc.frontmatter.data or {}).get("updated")) if doc.frontmatter.present else None


def newer_than_source(source, target) -> bool:
    """The translation's ``updated:`` date is over a month later than its source's (both must have one)."""
    s, t = updated_date(source), updated_date(target)
    return s is not None and t is not None and t - s > NEWER_BY


def marks(blocks, link_key) -> set:
    """What can be compared across languages: number values, inline code, link targets
    (``link_key``: a link without its locale parts)."""
    out = set()
    for b in blocks:
        out |= {("n", v) for n in b.numbers for v in n.values}
        out |= {("c", c.text) for c in b.codes}
        out |= {("l", link_key(l.text)) for l in b.links}
    return out


def shared_additions(source_blocks, sibling_blocks: list, link_key) -> frozenset:
    """Marks more than half of the source's translations have and the source lacks."""
    if len(sibling_blocks) < MIN_SIBLINGS:
        return frozenset()
    base = marks(source_blocks, link_key)
    counts = Counter(m for blocks in sibling_blocks for m in marks(blocks, link_key) - base)
    return frozenset(m for m, c in counts.items() if 2 * c > len(sibling_blocks))

