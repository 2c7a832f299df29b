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

from ..data import load_yaml
from .blocks import _COMMENT_LINE as _COMMENT, normal_code, same_code
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
    for sb, tb, s_near, t_near in _pairs_with_neighbours(pair):
        if sb.kind not in PROSE or _dated(sb, sindex[id(sb)]):
            continue
        if not sb.numbers and not tb.numbers:
            continue
        s_spelled = spelled(words, pair.source.language, sb.text)
        t_spelled = spelled(words, pair.target.language, tb.text)
        # a sentence moved to the next paragraph, a paragraph split in two: look next door too
        t_values = _values(t_near) | t_spelled | allowed
        s_values = _values(s_near) | s_spelled | allowed
        missing = [n for n in sb.numbers if not n.values & t_values and not _step(sb, n)]
        extra = [n for n in tb.numbers if not n.values & s_values and not _step(tb, n)]
        if missing or extra:
            at = extra[0] if extra else None
            out.append(Diff("number", sb, tb, at.line if at else tb.line, at.column if at else tb.column,
                            at.end_column if at else None, missing, extra))
    pair.cache[key] = out
    return out


def _values(blocks) -> set:
    """Numbers of the blocks, in prose or in inline code (``port `21` `` against « 21 »)."""
    out = {v for b in blocks for n in b.numbers for v in n.values}
    for b in blocks:
        for span in b.spans:
            out.update(v for n in find_numbers(span) for v in n.values)
        out.update(str(int(d)) for d in re.findall(r"\d+", b.text))  # glued: Start10M, Port:465
    return out


def _step(block, number) -> bool:
    """A step number in a heading ("Étape 2", "1. vaihe", "Part 7"): translators add or drop them."""
    return block.kind == "h" and any(all(p.isdigit() and int(p) <= 20 for p in v.split("."))
                                     for v in number.values)


def _steady(ops, k) -> bool:
    """The pair sits between two other pairs: the alignment is not guessing here."""
    before = ops[k - 1] if k > 0 else (0, 0)
    after = ops[k + 1] if k + 1 < len(ops) else (0, 0)
    return None not in before and None not in after


def _tokens(pair) -> tuple[list[set], list[set]]:
    """Each block's tokens, computed once for the three checks that read them."""
    if "tokens" not in pair.cache:
        pair.cache["tokens"] = ([b.tokens() for b in pair.sblocks], [b.tokens() for b in pair.tblocks])
    return pair.cache["tokens"]


def _pairs_with_neighbours(pair):
    """Each aligned pair, with the blocks either side on both sides (and any unpaired between).

    A pair next to unpaired blocks, or in guides that diverge (another version), is trusted
    only when the two blocks share a meaning-bearing token.
    """
    ops = pair.ops
    diverged = pair.diverged
    stokens, ttokens = _tokens(pair)
    for k, (i, j) in enumerate(ops):
        if i is None or j is None:
            continue
        sb, tb = pair.sblocks[i], pair.tblocks[j]
        if not (stokens[i] & ttokens[j]) and (diverged or not _steady(ops, k)):
            continue
        s_near = pair.sblocks[max(0, i - 2):i + 3]
        t_near = pair.tblocks[max(0, j - 2):j + 3]
        for i2, j2 in ops[max(0, k - 3):k + 4]:
            if i2 is None and j2 is not None:
                t_near.append(pair.tblocks[j2])
            elif j2 is None and i2 is not None:
                s_near.append(pair.sblocks[i2])
        yield sb, tb, s_near, t_near


def _code_texts(blocks) -> tuple[set, str]:
    """Every code span, plus code blocks and prose (a value may be quoted instead of code)."""
    spans = {x for b in blocks for x in b.spans}
    code = "\n".join(" ".join(line.split()) for b in blocks if b.code for line in b.code.split("\n"))
    code += "\n" + "\n".join(b.text for b in blocks)
    return spans, code


def _present(text: str, where) -> bool:
    from .blocks import _PROMPT

    spans, code = where
    text = " ".join(_PROMPT.sub("", text).split()).lower()
    return any(" ".join(_PROMPT.sub("", s).split()).lower() == text for s in spans) or (
        bool(text) and text in code.lower())


def _spans(block) -> Counter:
    return Counter(" ".join(c.text.split()) for c in block.codes)


def codespan_diffs(pair) -> list[Diff]:
    """Inline code spans of a source block missing from or changed in its translation (UI
    labels and placeholders may be translated), computed once per pair."""
    if "codespans" in pair.cache:
        return pair.cache["codespans"]
    out = []
    for sb, tb, s_near, t_near in _pairs_with_neighbours(pair):
        if sb.kind == "code":
            continue
        s, t = _spans(sb), _spans(tb)
        if s == t:
            continue
        s_all = _code_texts(s_near)
        t_all = _code_texts(t_near)
        missing = [c for c in sb.codes if not _present(c.text, t_all)]
        extra = [c for c in tb.codes if not _present(c.text, s_all)]
        for m in list(missing):  # the same command with a translated placeholder
            twin = next((e for e in extra if same_code(m.text, e.text)), None)
            if twin is not None:
                missing.remove(m)
                extra.remove(twin)
        if not missing and not extra:
            continue
        at = extra[0] if extra else None
        out.append(Diff("codespan", sb, tb, at.line if at else tb.line, at.column if at else tb.column,
                        at.end_column if at else None, missing, extra))
    pair.cache["codespans"] = out
    return out


def code_block_diffs(pair, ignore_comments: bool = True) -> list[Diff]:
    """Lines of paired code blocks that differ (translated comments aside unless
    ``ignore_comments`` is False), computed once per pair."""
    key = ("codeblocks", ignore_comments)
    if key in pair.cache:
        return pair.cache[key]
    out = []
    diverged = pair.diverged  # a walk over the ops: once, not per block
    for k, (i, j) in enumerate(pair.ops):
        sb = pair.sblocks[i] if i is not None else None
        tb = pair.tblocks[j] if j is not None else None
        if (sb or tb).kind != "code" or (diverged and (sb is None or tb is None)):
            continue
        exact_comments = not ignore_comments
        if sb is None:
            out.append(Diff("code", None, tb, tb.line, detail="added"))
        elif tb is None:
            out.append(Diff("code", sb, None, pair.target_line_near(k), detail="missing"))
        else:
            s_lines = normal_code(sb.code, ignore_comments).split("\n")
            t_lines = normal_code(tb.code, ignore_comments).split("\n")
            def same(a, b):
                if exact_comments and (_COMMENT.match(a) or _COMMENT.match(b)):
                    return a == b  # comments compared as written when they must not differ
                return same_code(a, b)

            if len(s_lines) == len(t_lines) and all(same(a, b) for a, b in zip(s_lines, t_lines)):
                continue
            first = next((n for n in range(max(len(s_lines), len(t_lines)))
                          if n >= len(s_lines) or n >= len(t_lines) or not same(s_lines[n], t_lines[n])), 0)
            s_line = s_lines[first] if first < len(s_lines) else ""
            t_line = t_lines[first] if first < len(t_lines) else ""
            line = tb.line
            if t_line:
                for number in range(tb.line, tb.end_line + 1):
                    if " ".join(pair.target.line(number).split()) == t_line:
                        line = number
                        break
            source_at = _line_in(pair.source, sb, s_line)
            out.append(Diff("code", sb, tb, line, detail="changed", missing=[s_line], extra=[t_line],
                            column=source_at))  # column carries the source line of the change
    pair.cache[key] = out
    return out


def _line_in(doc, block, text: str) -> int:
    """The line of ``block`` that reads ``text`` (whitespace aside), else the block's first."""
    if text:
        for number in range(block.line, block.end_line + 1):
            if " ".join(doc.line(number).split()).endswith(text):
                return number
    return block.line


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
            flush()
            continue
        if diverged and (sb is None or tb is None):
            continue  # different versions: structure-mismatch says so once
        line = tb.line if tb is not None else pair.target_line_near(k)
        for img in s_imgs[len(t_imgs):]:
            missing.append(Diff("image", sb, tb, line, missing=[img], detail="missing"))
        for img in t_imgs[len(s_imgs):]:
            added.append(Diff("image", sb, tb, img.line, img.column, img.end_column, extra=[img],
                              detail="added"))
    flush()
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
        src = d.source.line if d.source else (pair.source_line_before(d.target) or 1)
        out.append(Drift("code", d.line, d.column if d.detail == "changed" else src, f"code block {d.detail}"))
    for d in image_diffs(pair):
        img = (d.missing or d.extra)[0]
        src = d.source.line if d.source else (pair.source_line_before(d.target) or 1)
        out.append(Drift("images", d.line, src, f"image '{image_name(img.text)}' {d.detail}"))
    for d in link_diffs(pair):
        out.append(Drift("links", d.line, d.source.line, f"link {short((d.missing or d.extra)[0].text, 40)} {d.detail}"))
    for sb, tb, line in pair.unmatched():
        block = sb or tb
        if block.kind not in MEANINGFUL or block.kind in ("code", "img"):
            continue  # code blocks and images are counted above
        if sb is not None:
            out.append(Drift("blocks", line, sb.line, f"{sb.label} '{short(sb.title or sb.text, 40)}' "
                             f"only in the source"))
        else:
            out.append(Drift("blocks", line, pair.source_line_before(tb) or 1,
                             f"{tb.label} '{short(tb.title or tb.text, 40)}' only here"))
    for sb, tb, line in pair.unmatched():
        block = sb or tb
        if block.kind == "p" and (block.numbers or block.codes):
            side = "only in the source" if sb is not None else "only here"
            out.append(Drift("blocks", line, sb.line if sb else (pair.source_line_before(tb) or 1),
                             f"paragraph with numbers or code {side}"))
    out.sort(key=lambda d: (d.line, d.source_line))
    pair.cache["drift"] = out
    return out
@lru_cache(maxsize=8192)  # a guide's links recur in every translation and in each block's neighbours
def _link_key(url: str) -> str:
    from ..locales import normalize_url

    url = url.strip().strip("<>")
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


def link_diffs(pair) -> list[Diff]:
    """Links that differ beyond their locale part (``lint.locales.normalize_url``), or that are
    on one side only, in aligned blocks. Same-page ``#fragment`` links are anchor-leak's."""
    if "links" in pair.cache:
        return pair.cache["links"]
    out: list[Diff] = []
    for sb, tb, s_near, t_near in _pairs_with_neighbours(pair):
        s_links = [l for l in sb.links if not l.text.startswith("#")]
        t_links = [l for l in tb.links if not l.text.startswith("#")]
        if not s_links and not t_links:
            continue
        s_keys = {_link_key(l.text) for b in s_near for l in b.links}
        t_keys = {_link_key(l.text) for b in t_near for l in b.links}
        missing = [l for l in s_links if _link_key(l.text) not in t_keys]
        extra = [l for l in t_links if _link_key(l.text) not in s_keys]
        s_hosts = {_host_path(l.text)[0] for b in s_near for l in b.links}
        t_hosts = {_host_path(l.text)[0] for b in t_near for l in b.links}
        s_paths = {_host_path(l.text) for b in s_near for l in b.links}
        t_paths = {_host_path(l.text) for b in t_near for l in b.links}
        for m in missing:
            host, path = _host_path(m.text)
            if (host, path) in t_paths:
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
            if (host, path) not in s_paths and host not in s_hosts:
                out.append(Diff("link", sb, tb, e.line, e.column, e.end_column, [], [e], "added"))
    pair.cache["links"] = out
    return out
