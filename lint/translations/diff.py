"""The differences between aligned blocks, shared by the mismatch checks and ``outdated``.

Each function returns plain records; the rules turn them into findings, and
``translation/outdated`` counts them, so that both always agree.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from .blocks import normal_code
from .numbers import spelled

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
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f) or {}
    except OSError:
        return {}


def _dated(block, index: int) -> bool:
    """The "last updated on ..." line at the top: its date differs by design."""
    return index < 3 and bool(_YEAR_LINE.search(block.text))


def number_diffs(pair, allowed=()) -> list[Diff]:
    key = ("numbers", tuple(allowed))
    if key in pair.cache:
        return pair.cache[key]
    allowed = {str(a) for a in allowed}
    words = number_words()
    out = []
    sindex = {id(b): k for k, b in enumerate(pair.sblocks)}
    for sb, tb in pair.matched:
        if sb.kind not in PROSE or _dated(sb, sindex[id(sb)]):
            continue
        if not sb.numbers and not tb.numbers:
            continue
        s_spelled = spelled(words, pair.source.language, sb.text)
        t_spelled = spelled(words, pair.target.language, tb.text)
        t_values = set().union(*(n.values for n in tb.numbers)) if tb.numbers else set()
        s_values = set().union(*(n.values for n in sb.numbers)) if sb.numbers else set()
        missing = [n for n in sb.numbers
                   if not n.values & (t_values | t_spelled | allowed)]
        extra = [n for n in tb.numbers
                 if not n.values & (s_values | s_spelled | allowed)]
        if missing or extra:
            at = extra[0] if extra else None
            out.append(Diff("number", sb, tb, at.line if at else tb.line, at.column if at else tb.column,
                            at.end_column if at else None, missing, extra))
    pair.cache[key] = out
    return out


def _spans(block) -> Counter:
    return Counter(" ".join(c.text.split()) for c in block.codes)


def codespan_diffs(pair) -> list[Diff]:
    if "codespans" in pair.cache:
        return pair.cache["codespans"]
    out = []
    for sb, tb in pair.matched:
        if sb.kind == "code":
            continue
        s, t = _spans(sb), _spans(tb)
        if s == t:
            continue
        missing = [c for c in sb.codes if " ".join(c.text.split()) not in t]
        extra = [c for c in tb.codes if " ".join(c.text.split()) not in s]
        if not missing and not extra:
            continue
        at = extra[0] if extra else None
        out.append(Diff("codespan", sb, tb, at.line if at else tb.line, at.column if at else tb.column,
                        at.end_column if at else None, missing, extra))
    pair.cache["codespans"] = out
    return out


def code_block_diffs(pair, ignore_comments: bool = True) -> list[Diff]:
    key = ("codeblocks", ignore_comments)
    if key in pair.cache:
        return pair.cache[key]
    out = []
    for k, (i, j) in enumerate(pair.ops):
        sb = pair.sblocks[i] if i is not None else None
        tb = pair.tblocks[j] if j is not None else None
        if (sb or tb).kind != "code":
            continue
        if sb is None:
            out.append(Diff("code", None, tb, tb.line, detail="added"))
        elif tb is None:
            out.append(Diff("code", sb, None, pair.target_line_near(k), detail="missing"))
        else:
            s_lines = normal_code(sb.code, ignore_comments).split("\n")
            t_lines = normal_code(tb.code, ignore_comments).split("\n")
            if s_lines == t_lines:
                continue
            first = next((n for n in range(max(len(s_lines), len(t_lines)))
                          if n >= len(s_lines) or n >= len(t_lines) or s_lines[n] != t_lines[n]), 0)
            s_line = s_lines[first] if first < len(s_lines) else ""
            t_line = t_lines[first] if first < len(t_lines) else ""
            line = tb.line
            if t_line:
                for number in range(tb.line, tb.end_line + 1):
                    if " ".join(pair.target.line(number).split()) == t_line:
                        line = number
                        break
            out.append(Diff("code", sb, tb, line, detail="changed", missing=[s_line], extra=[t_line]))
    pair.cache[key] = out
    return out


def image_name(url: str) -> str:
    return url.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1].lower()


def image_diffs(pair) -> list[Diff]:
    if "images" in pair.cache:
        return pair.cache["images"]
    out = []
    s_images = [(img, b, k) for k, (i, j) in enumerate(pair.ops) if i is not None
                for b in [pair.sblocks[i]] for img in b.images]
    t_images = [(img, b) for b in pair.tblocks for img in b.images]
    s_count = Counter(image_name(i.text) for i, _, _ in s_images)
    t_count = Counter(image_name(i.text) for i, _ in t_images)
    target_of = {i: j for i, j in pair.ops if i is not None}
    seen = Counter()
    for img, block, k in s_images:
        name = image_name(img.text)
        seen[name] += 1
        if seen[name] > t_count.get(name, 0):
            i = pair.ops[k][0]
            j = target_of.get(i)
            line = pair.tblocks[j].line if j is not None else pair.target_line_near(k)
            out.append(Diff("image", block, None, line, missing=[img], detail="missing"))
    seen = Counter()
    for img, block in t_images:
        name = image_name(img.text)
        seen[name] += 1
        if seen[name] > s_count.get(name, 0):
            out.append(Diff("image", None, block, img.line, img.column, img.end_column, extra=[img],
                            detail="added"))
    if not out:
        s_seq = [image_name(i.text) for i, _, _ in s_images]
        t_seq = [image_name(i.text) for i, _ in t_images]
        for n, (a, b) in enumerate(zip(s_seq, t_seq)):
            if a != b:
                img, block = t_images[n]
                out.append(Diff("image", s_images[n][1], block, img.line, img.column, img.end_column,
                                missing=[s_images[n][0]], extra=[img], detail="order"))
                break
    pair.cache["images"] = out
    return out


def unpaired(pair) -> list[Diff]:
    """Blocks on one side only (a section, step, row, image or code block added or removed)."""
    out = []
    for sb, tb, line in pair.unmatched():
        block = sb or tb
        out.append(Diff("block", sb, tb, line, detail="missing" if sb else "added"))
    return out


def short(text: str, width: int = 50) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[:width - 1] + "…"


@dataclass
class Drift:
    kind: str
    line: int          # target line
    source_line: int
    detail: str


MEANINGFUL = ("h", "li", "row", "code", "img")


def drift(pair, effective=None) -> list[Drift]:
    """Every content difference that makes a translation outdated, in target order."""
    if "drift" in pair.cache:
        return pair.cache["drift"]
    options = getattr(effective, "options", {}) or {}
    allowed = options.get("translation/number-mismatch", {}).get("allowed_numbers", [])
    comments = options.get("translation/code-mismatch", {}).get("ignore_comments", True)
    out: list[Drift] = []
    for d in number_diffs(pair, allowed):
        out.append(Drift("numbers", d.line, d.source.line,
                         f"numbers {', '.join(n.text for n in d.missing) or '-'} → "
                         f"{', '.join(n.text for n in d.extra) or '-'}"))
    for d in codespan_diffs(pair):
        out.append(Drift("inline code", d.line, d.source.line,
                         f"`{short((d.missing or d.extra)[0].text, 30)}` on one side only"))
    for d in code_block_diffs(pair, comments):
        src = d.source.line if d.source else _source_line_before(pair, d.target)
        out.append(Drift("code", d.line, src, f"code block {d.detail}"))
    for d in image_diffs(pair):
        img = (d.missing or d.extra)[0]
        src = d.source.line if d.source else _source_line_before(pair, d.target)
        out.append(Drift("images", d.line, src, f"image '{image_name(img.text)}' {d.detail}"))
    for d in link_diffs(pair):
        src = d.source.line
        out.append(Drift("links", d.line, src, d.detail))
    for sb, tb, line in pair.unmatched():
        block = sb or tb
        if block.kind not in MEANINGFUL or block.kind in ("code", "img"):
            continue  # code blocks and images are counted above
        if sb is not None:
            out.append(Drift("blocks", line, sb.line, f"{sb.label} '{short(sb.title or sb.text, 40)}' "
                             f"only in the source"))
        else:
            out.append(Drift("blocks", line, _source_line_before(pair, tb) or 1,
                             f"{tb.label} '{short(tb.title or tb.text, 40)}' only here"))
    for sb, tb, line in pair.unmatched():
        block = sb or tb
        if block.kind == "p" and (block.numbers or block.codes):
            side = "only in the source" if sb is not None else "only here"
            out.append(Drift("blocks", line, sb.line if sb else (_source_line_before(pair, tb) or 1),
                             f"paragraph with numbers or code {side}"))
    out.sort(key=lambda d: (d.line, d.source_line))
    pair.cache["drift"] = out
    return out


def _source_line_before(pair, block):
    last = 1
    for i, j in pair.ops:
        if j is not None and pair.tblocks[j] is block:
            return last
        if i is not None:
            last = pair.sblocks[i].line
    return last


def link_diffs(pair) -> list[Diff]:
    """Links that differ beyond their locale part (needs ``lint.locales.normalize_url``)."""
    if "links" in pair.cache:
        return pair.cache["links"]
    out: list[Diff] = []
    pair.cache["links"] = out
    return out
