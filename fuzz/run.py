"""Long-running mutation fuzzer for guidelint: ``python fuzz/run.py --minutes 30``.

Seeds are the Markdown files of ``../shared/corpus`` (or ``--corpus DIR``). Each input is a
seed mutated a few times (byte flips, inserted or deleted bytes, line shuffles, truncation,
fragments spliced from another guide, guide syntax piled up: nested quotes and lists, long
emphasis and bracket runs, wide tables, front matter tricks, CRLF/CR, BOM, UTF-16) and is
checked with every rule enabled (but ``--ignore``), as the CLI would. A failure is:

- ``crash``: the engine raised, or a rule raised (an ``internal/rule-error`` finding);
- ``position``: a finding outside the file, or ending before it starts;
- ``nondeterministic``: two checks of the same bytes disagree;
- ``slow``: the check hit the time budget (``--budget``), or hung past the watchdog.

Each distinct failure (by kind and place in the code) is saved once to ``fuzz/crashes/``:
the input as ``<kind>-<hash>.md`` and what happened as ``<kind>-<hash>.txt``. A summary is
printed at the end. The fuzzing loop runs in a child process watched by the parent, so even
an uninterruptible hang (a C-level regular expression) is caught and saved.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

FRAGMENTS = [
    b"# Title\n", b"## Sub {#anchor}\n", b"> [!primary]\n> Note\n", b"> [!warning]\n>\n> text\n",
    b"| Port | Protocol |\n|---|---|\n| 22 | TCP |\n", b"| a | b |\n| 1 | 2 |\n",
    b"[link](https://example.com/fr/){.external}", b"![img](images/a.png){.thumbnail}",
    b"```bash\nssh root@1.2.3.4 -p 22\n```\n", b"```\n", b"~~~\n", b"    indented code\n",
    b"- item\n  - sub\n    - subsub\n", b"1. one\n2. two\n", b"**bold** and *em* _x_ ",
    b"<div>html</div>\n", b"<!-- guidelint-disable -->\n", b"<!-- guidelint-disable-next-line ALL -->\n",
    b"`code`", b"``a`b``", b"[ref]: https://x.org\n", b"\\*not em\\*", b"&amp; &nbsp; &#x27;",
    b"https://www.ovhcloud.com/fi/", b"---\ntitle: x\n---\n", b"---\n", b"...\n",
    b"title: &a [1]\nx: *a\n", b"! [a](b)", b"[a] (b)", b"[[[[", b"]]]]", b"((((", b"****", b"____",
    b"\t", b"\r\n", b"\r", b"\xc2\xa0", b"\xe2\x80\x8b", b"\xef\xbb\xbf", b"\x00", b"\xff",
    b"port 22 / TCP", b"8080-8090", b"1.2.3.4:443", b"<https://x.org>", b"foo@example.com",
]


def seeds(folder: Path) -> list[bytes]:
    files = sorted(folder.rglob("*.md")) if folder.is_dir() else []
    out = [f.read_bytes() for f in files]
    return out or [b"---\ntitle: Guide\n---\n\n# Guide\n\nSome text with a [link](https://x.org).\n"]


def mutate(data: bytes, pool: list[bytes], rng: random.Random) -> bytes:
    for _ in range(rng.choice((1, 1, 2, 3, 5))):
        data = rng.choice(MUTATORS)(data, pool, rng)
    return data[:2_000_000]


def _pos(data: bytes, rng: random.Random) -> int:
    return rng.randrange(len(data) + 1)


def flip(data, pool, rng):
    if not data:
        return data
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(b))
        b[i] = rng.randrange(256) if rng.random() < 0.5 else b[i] ^ (1 << rng.randrange(8))
    return bytes(b)


def insert_fragment(data, pool, rng):
    i = _pos(data, rng)
    frag = rng.choice(FRAGMENTS) * (rng.choice((1, 1, 2, 5, 50)))
    return data[:i] + frag + data[i:]


def delete(data, pool, rng):
    if not data:
        return data
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.randint(1, 200):]


def duplicate(data, pool, rng):
    if not data:
        return data
    i = rng.randrange(len(data))
    j = min(len(data), i + rng.randint(1, 400))
    return data[:j] + data[i:j] * rng.randint(1, 4) + data[j:]


def shuffle_lines(data, pool, rng):
    lines = data.splitlines(keepends=True)
    if len(lines) < 2:
        return data
    i = rng.randrange(len(lines))
    j = min(len(lines), i + rng.randint(2, 20))
    chunk = lines[i:j]
    rng.shuffle(chunk)
    return b"".join(lines[:i] + chunk + lines[j:])


def truncate(data, pool, rng):
    return data[:_pos(data, rng)]


def splice(data, pool, rng):
    other = rng.choice(pool)
    if not other:
        return data
    i, j = sorted((rng.randrange(len(other) + 1), rng.randrange(len(other) + 1)))
    k = _pos(data, rng)
    return data[:k] + other[i:j][:5000] + data[k:]


def nest(data, pool, rng):
    depth = rng.choice((5, 21, 50, 300, 2000))
    kind = rng.randrange(5)
    if kind == 0:
        frag = b"> " * depth + b"deep\n"
    elif kind == 1:
        frag = b"".join(b"  " * d + b"- item\n" for d in range(depth))
    elif kind == 2:
        frag = b"[" * depth + b"x" + b"]" * depth + b"(u)\n"
    elif kind == 3:
        frag = b"*" * depth + b"x" + b"_" * depth + b"\n"
    else:
        frag = b"|" + b"c|" * depth + b"\n|" + b"-|" * depth + b"\n|" + b"1|" * depth + b"\n"
    i = _pos(data, rng)
    return data[:i] + frag + data[i:]


def line_endings(data, pool, rng):
    choice = rng.randrange(3)
    if choice == 0:
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    if choice == 1:
        return data.replace(b"\n", b"\r")
    lines = data.split(b"\n")
    return b"".join(line + rng.choice((b"\n", b"\r\n", b"\r")) for line in lines)


def encoding(data, pool, rng):
    choice = rng.randrange(3)
    if choice == 0:
        return b"\xef\xbb\xbf" + data
    text = data.decode("utf-8", "replace")
    return text.encode("utf-16") if choice == 1 else text.encode("utf-16-le")


def front_matter(data, pool, rng):
    heads = [b"---\n", b"---\n- a\n- b\n---\n", b"---\nx\n---\n", b"---\na: [\n---\n",
             b"---\na: 1\na: 2\n---\n", b"---\n? [1, 2]\n: x\n1: a\n---\n",
             b"---\na: !!python/object/apply:os.system ['true']\n---\n",
             b"---\na: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
                 b"%c: &%c [" % (98 + i, 98 + i) + b", ".join([b"*%c" % (97 + i)] * 9) + b"]\n"
                 for i in range(9)) + b"---\n",
             b"---\ntitle: " + b"x" * 5000 + b"\n---\n", b"---\n" + b"k: v\n" * 500 + b"---\n"]
    return rng.choice(heads) + data


MUTATORS = [flip, insert_fragment, insert_fragment, delete, duplicate, shuffle_lines, truncate,
            splice, splice, nest, line_endings, encoding, front_matter]


# checking -----------------------------------------------------------------------------

PATHS = ["docs/guide.fi-fi.md", "docs/guide.en-gb.md", "docs/guide.fr-fr.md", "docs/guide.de-de.md",
         "docs/guide.md"]


class Failure(Exception):
    def __init__(self, kind: str, where: str, detail: str):
        super().__init__(f"{kind} at {where}")
        self.kind, self.where, self.detail = kind, where, detail


def _place(tb: str) -> str:
    """The innermost frame of a traceback that is guidelint's code: a crash's identity."""
    frames = [line.strip() for line in tb.splitlines() if line.strip().startswith('File "')]
    ours = [f for f in frames if "/lint/" in f or "/rules/" in f] or frames
    return ours[-1] if ours else "?"


def check_once(data: bytes, path: str, budget: float, ignore: list[str]):
    from lint import registry
    from lint.config import Config
    from lint.rule import Context
    from lint.runner import Services, parse_and_check

    effective = Config(data={"select": ["ALL"], "ignore": ignore, "time_budget": budget}).for_path(path)
    services = Services()
    try:
        checked = parse_and_check(path, effective, services, data)
    except Exception:  # noqa: BLE001 - the engine must not raise
        tb = traceback.format_exc()
        raise Failure("crash", _place(tb), tb) from None
    if not isinstance(checked, tuple):
        findings = checked.findings
        for f in findings:
            if f.rule == "internal/too-complex":
                raise Failure("slow", "budget", f.message)
        return [(f.line, f.column, f.rule, f.message) for f in findings], findings, None
    doc, findings = checked
    rules = registry.load()
    for f in findings:
        if f.rule == "internal/rule-error":
            rid = f.message.split(":")[0].split(" failed")[0]
            tb = f.message
            if rid in rules:  # run the rule again to get its traceback
                rule = rules[rid]()
                ctx = Context(rule, doc, effective.options[rid], services, effective.severities[rid],
                              effective)
                try:
                    rule.check(doc, ctx)
                except Exception:  # noqa: BLE001
                    tb = traceback.format_exc()
            raise Failure("crash", f"{rid} {_place(tb)}", tb)
    lines = doc.lines
    for f in findings:
        bad = None
        if not 1 <= f.line <= len(lines):
            bad = f"line {f.line} outside 1..{len(lines)}"
        elif not 1 <= f.column <= len(lines[f.line - 1]) + 1:
            bad = f"column {f.column} outside 1..{len(lines[f.line - 1]) + 1} on line {f.line}"
        elif (f.end_line, f.end_column) < (f.line, f.column):
            bad = f"end {f.end_line}:{f.end_column} before start {f.line}:{f.column}"
        elif not 1 <= f.end_line <= len(lines) or not 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1:
            bad = f"end {f.end_line}:{f.end_column} outside the file"
        if bad:
            raise Failure("position", f.rule, f"{f.rule} {f.line}:{f.column}-{f.end_line}:{f.end_column}"
                                              f" {f.message!r}: {bad}")
    return [(f.line, f.column, f.end_line, f.end_column, f.rule, f.message) for f in findings], findings, doc


def check(data: bytes, path: str, budget: float, twice: bool, ignore: list[str]) -> None:
    first, _, _ = check_once(data, path, budget, ignore)
    if twice:
        second, _, _ = check_once(data, path, budget, ignore)
        if first != second:
            diff = sorted(set(map(repr, first)) ^ set(map(repr, second)))[:10]
            raise Failure("nondeterministic", "-", "\n".join(diff))


def save(folder: Path, failure: Failure, data: bytes, path: str, seen: set) -> bool:
    key = (failure.kind, failure.where)
    if key in seen:
        return False
    seen.add(key)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{failure.kind}-{hashlib.sha1(data).hexdigest()[:12]}"
    (folder / f"{name}.md").write_bytes(data)
    (folder / f"{name}.txt").write_text(f"checked as: {path}\nwhere: {failure.where}\n\n{failure.detail}\n",
                                        encoding="utf-8")
    return True


def worker(args, seed: int, deadline: float, status, current_file: str) -> None:
    os.environ["GUIDELINT_TIME_BUDGET"] = str(args.budget)
    import lint  # noqa: F401 - load the rules before timing anything

    lint.check_text("# warm up\n", path="warm.fi-fi.md")
    rng = random.Random(seed)
    ignore = [r.strip() for r in args.ignore.split(",") if r.strip()]
    pool = seeds(Path(args.corpus))
    crashes = Path(args.crashes)
    seen: set = set()
    for name in crashes.glob("*.txt"):  # do not save again what an earlier run found
        text = name.read_text(encoding="utf-8", errors="replace").splitlines()
        where = next((line[7:] for line in text if line.startswith("where: ")), None)
        if where:
            seen.add((name.stem.split("-")[0], where))
    while time.time() < deadline:
        data = mutate(rng.choice(pool), pool, rng)
        path = rng.choice(PATHS)
        with open(current_file, "wb") as f:
            f.write(json.dumps({"path": path}).encode() + b"\n" + data)
        try:
            check(data, path, args.budget, rng.random() < 0.1, ignore)
        except Failure as failure:
            if save(crashes, failure, data, path, seen):
                status["new"] = status.get("new", 0) + 1
                print(f"[fuzz] {failure.kind}: {failure.where}", flush=True)
            status[failure.kind] = status.get(failure.kind, 0) + 1
        status["execs"] = status.get("execs", 0) + 1
        status["beat"] = time.time()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0, help="how long to fuzz (default 30)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: time)")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"), help="seed folder")
    parser.add_argument("--crashes", default=str(HERE / "crashes"), help="where failing inputs go")
    parser.add_argument("--budget", type=float, default=10.0, help="per-input time budget, seconds")
    parser.add_argument("--hang", type=float, default=120.0,
                        help="seconds without progress after which the child is killed")
    parser.add_argument("--ignore", default="spelling",
                        help="rules or families left out, comma-separated (default: spelling, whose "
                             "Hunspell look-ups take seconds per guide); '' checks every rule")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    deadline = time.time() + args.minutes * 60
    manager = multiprocessing.Manager()
    status = manager.dict()
    current = str(Path(args.crashes) / f".current-{os.getpid()}")
    Path(args.crashes).mkdir(parents=True, exist_ok=True)
    started, restarts, hangs = time.time(), 0, 0
    print(f"[fuzz] seed {seed}, {args.minutes:g} min, corpus {args.corpus}", flush=True)
    while time.time() < deadline:
        status["beat"] = time.time()
        child = multiprocessing.Process(target=worker, args=(args, seed + restarts, deadline, status, current))
        child.start()
        while child.is_alive():
            child.join(5)
            if child.is_alive() and time.time() - status.get("beat", time.time()) > args.hang:
                child.kill()
                child.join()
                hangs += 1
                raw = Path(current).read_bytes()
                meta, _, data = raw.partition(b"\n")
                path = json.loads(meta)["path"]
                failure = Failure("slow", f"hang {hashlib.sha1(data).hexdigest()[:12]}",
                                  f"no progress for {args.hang:g} s (killed)")
                save(Path(args.crashes), failure, data, path, set())
                status["new"] = status.get("new", 0) + 1
                print(f"[fuzz] hang saved (checked as {path})", flush=True)
        restarts += 1
        if child.exitcode not in (0, None) and time.time() < deadline and child.exitcode != -9:
            print(f"[fuzz] child exited with {child.exitcode}, restarting", flush=True)
    try:
        os.remove(current)
    except OSError:
        pass
    minutes = (time.time() - started) / 60
    counts = {k: v for k, v in status.items() if k not in ("beat",)}
    print(f"[fuzz] {minutes:.1f} min, {counts.get('execs', 0)} inputs, hangs {hangs}, "
          f"failures by kind { {k: v for k, v in counts.items() if k not in ('execs', 'new')} }, "
          f"new distinct failures saved: {counts.get('new', 0)} in {args.crashes}", flush=True)
    return 1 if counts.get("new") else 0


if __name__ == "__main__":
    sys.exit(main())
