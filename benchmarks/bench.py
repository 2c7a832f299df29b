"""guidelint's benchmark: one run, on one corpus, prints every figure the README quotes.

    npm install -g markdownlint-cli2; .venv/bin/pip install pymarkdownlnt   # the peers, once
    .venv/bin/python benchmarks/bench.py              # issue #16's table (~10 minutes)
    .venv/bin/python benchmarks/bench.py --files 500 --warm-files 0 --no-peers  # a quick look

The corpus is ``../shared/corpus/ovh-docs`` (its guides replicated under distinct folders
until there are ``--files`` of them) or, when that folder is absent, synthetic guides in the
same layout (one folder per guide, several locales each). It is built in a temporary
folder and removed afterwards. Every guidelint figure comes from a fresh process
(``python -m lint``), so interpreter start and rule loading are included.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "ovh-docs"

# Runs the guidelint command (lint.launch.entry: kept compilations, collection left off
# at the end, exit handlers, then os._exit rather than tearing the run's objects down one by
# one), with one more exit handler that prints its peak RSS (and its workers') on stderr
RUNNER = """
import atexit, resource, sys


def peak():
    kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
             resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(f"PEAK_KB {kb}", file=sys.stderr, flush=True)


atexit.register(peak)  # registered first, so it runs last: after the cache is written
sys.argv[0] = "guidelint"
from lint.launch import entry
entry()
"""


def build_corpus(target: Path, files: int, source: Path) -> tuple[int, int, str]:
    guides = sorted(p for p in source.rglob("*.md") if p.name != "README.md") if source.is_dir() else []
    kind = f"{len(guides)} guides of {source} replicated" if guides else "synthetic guides"
    made = size = 0
    copy = 0
    while made < files:
        if guides:
            for guide in guides:
                if made >= files:
                    break
                dest = target / f"copy{copy:03d}" / guide.relative_to(source)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(guide, dest)
                made += 1
                size += dest.stat().st_size
        else:
            rng = random.Random(copy)
            for n in range(min(60, files - made)):
                folder = target / f"copy{copy:03d}" / f"guide_{n // 3}"
                locale = ("fr-fr", "en-gb", "fi-fi")[n % 3]
                dest = folder / f"guide.{locale}.md"
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_text(synthetic_guide(rng, n), encoding="utf-8")
                made += 1
                size += dest.stat().st_size
        copy += 1
    return made, size, kind


def synthetic_guide(rng: random.Random, n: int) -> str:
    words = ("server configure port mail client account password domain SSL IMAP SMTP backup "
             "network firewall rule disk partition user access").split()

    def sentence():
        return " ".join(rng.choice(words) for _ in range(rng.randint(6, 18))).capitalize() + "."

    parts = [f"---\ntitle: Guide {n}\nupdated: 2024-01-0{1 + n % 9}\n---\n", f"# Guide {n}\n"]
    for section in range(rng.randint(3, 7)):
        parts.append(f"## Section {section}\n")
        parts.append(" ".join(sentence() for _ in range(rng.randint(2, 6))) + "\n")
        parts.append("\n".join(f"- {sentence()} [link](https://example.com/{i})" for i in range(3)) + "\n")
        parts.append("| Port | Use |\n|------|-----|\n| 993 | IMAP |\n| 465 | SMTP |\n")
        parts.append("```bash\nssh user@server -p 22\n```\n")
        parts.append("> [!primary]\n>\n> " + sentence() + "\n")
    return "\n".join(parts)


EXTRA: list[str] = []  # --ignore passed through to every guidelint run


def bare_mistune(files: list[Path]) -> tuple[float, float, int]:
    import mistune

    md = mistune.create_markdown(renderer=None, plugins=["table"])  # the plugins guidelint uses
    size = 0
    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        data = path.read_bytes()
        size += len(data)
        md(data.decode("utf-8", "replace"))
    return time.perf_counter() - start, time.process_time() - cpu, size


def rule_costs(files: list[Path], cwd: Path, warm: list[Path], top: int = 10) -> list[tuple[str, float]]:
    """CPU seconds each rule spends on ``files`` (in this process), parsing apart. ``warm`` is
    checked first, untimed: one guide per locale, so loading each language's dictionaries
    (a one-off per process, reported apart) is not charged to whichever rule asks first."""
    sys.path.insert(0, str(ROOT))
    from lint import registry
    from lint.document import Document
    from lint.rule import Context
    from lint.runner import ConfigResolver, Services

    rules = registry.load()
    resolver, services = ConfigResolver(), Services()
    costs = {"(parse: Document)": 0.0}

    def check(path: Path, record: dict) -> None:
        rel = str(path.relative_to(cwd))
        effective = resolver.effective_for(rel)
        start = time.process_time()
        doc = Document.from_bytes(path.read_bytes(), rel, effective.locale or
                                  locale_from_path(rel, effective.locale_pattern))
        record["(parse: Document)"] = record.get("(parse: Document)", 0.0) + time.process_time() - start
        services.begin_file(rel)
        for rule_id in effective.rules:
            rule = rules[rule_id]()
            ctx = Context(rule, doc, effective.options[rule_id], services,
                          effective.severities[rule_id], effective)
            start = time.process_time()
            try:
                rule.check(doc, ctx)
            except Exception:  # noqa: BLE001 - a benchmark reports time, not bugs
                pass
            record[rule_id] = record.get(rule_id, 0.0) + time.process_time() - start
        services.end_file()

    from lint.document import locale_from_path

    import gc

    from lint import garbage

    old = os.getcwd()
    os.chdir(cwd)
    # the command line's collector settings (collections at folder ends only): with Python's
    # defaults, collections scanning the guides kept alive here were charged to whichever rule
    # they fell in (0.27 s became 0.47 s)
    try:
        with garbage.batch_run():
            start = time.process_time()
            for path in warm:
                check(path, {})
            WARM_UP_CPU[0] = time.process_time() - start
            for path in files:
                check(path, costs)
    finally:
        os.chdir(old)
        gc.unfreeze()
    return sorted(costs.items(), key=lambda kv: -kv[1])[:top]


WARM_UP_CPU: list[float] = [0.0]

SPELLING_RULES = ("spelling/unknown-word", "spelling/doubled-letter", "spelling/glued-words",
                  "language/foreign-fragment")


def spelling_cache_effect(files: list[Path], cwd: Path, warm: list[Path]) -> tuple[float, float, int, int]:
    """CPU seconds of the rules that ask the spelling backends, on ``files``, without and with
    the run's answer cache (``Speller.memo``), each from an empty cache; and how many times the
    backends were asked. Dictionaries are loaded first by a pass over ``warm`` (one guide per
    locale), so neither figure pays for loading them."""
    sys.path.insert(0, str(ROOT))
    from lint import dictionaries, registry, spellers
    from lint.document import Document, locale_from_path
    from lint.rule import Context
    from lint.runner import ConfigResolver, Services

    rules = registry.load()
    asked = [0]

    def counting(method):
        def wrapper(self, word):
            asked[0] += 1
            return method(self, word)
        return wrapper

    backends = (spellers.HunspellBackend, spellers.VoikkoBackend)
    originals = [(cls, name, getattr(cls, name)) for cls in backends for name in ("spell", "suggest")]

    def run(paths: list[Path]) -> float:
        resolver, services, cpu = ConfigResolver(), Services(), 0.0
        for path in paths:
            rel = str(path.relative_to(cwd))
            effective = resolver.effective_for(rel)
            doc = Document.from_bytes(path.read_bytes(), rel, effective.locale or
                                      locale_from_path(rel, effective.locale_pattern))
            services.begin_file(rel)
            for rule_id in SPELLING_RULES:
                rule = rules[rule_id]()
                ctx = Context(rule, doc, effective.options[rule_id], services, effective.severities[rule_id],
                              effective)
                start = time.process_time()
                try:
                    rule.check(doc, ctx)
                except Exception:  # noqa: BLE001 - a benchmark reports time, not bugs
                    pass
                cpu += time.process_time() - start
            services.end_file()
        return cpu

    old = os.getcwd()
    os.chdir(cwd)
    try:
        run(warm)
        for cls, name, method in originals:
            setattr(cls, name, counting(method))
        figures = []
        for memo in (False, True):
            dictionaries.Speller.memo = memo
            asked[0] = 0
            figures.append((run(files), asked[0]))
    finally:
        dictionaries.Speller.memo = True
        for cls, name, method in originals:
            setattr(cls, name, method)
        os.chdir(old)
    (off, asked_off), (on, asked_on) = figures
    return off, on, asked_off, asked_on


CPU: list[float] = [0.0]  # CPU seconds (user + system) of the last guidelint run, workers included


def installed_command() -> list[str]:
    """The ``guidelint`` command as pre-commit runs it (the console script beside this
    Python), or ``python -m lint`` when there is none."""
    script = Path(sys.executable).with_name("guidelint")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "lint"]


def guidelint(args: list[str], cwd: Path, as_installed: bool = False) -> tuple[float, int, str]:
    """Wall time, peak RSS (KiB; 0 when ``as_installed``) and stdout of one guidelint
    process: run through a wrapper that reports its peak memory, or ``as_installed``, the
    command itself (what a pre-commit hook waits for)."""
    import resource

    command = installed_command() if as_installed else [sys.executable, "-c", RUNNER]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([*command, *args, *EXTRA], cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[0] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = 0
    for line in proc.stderr.splitlines():
        if line.startswith("PEAK_KB "):
            peak = int(line.split()[1])
        elif "Traceback" in line or "internal error" in line:
            raise SystemExit(f"guidelint failed: {proc.stderr}")
    return wall, peak, proc.stdout


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def parallel_capacity() -> float:
    """Speed-up two processes get on a pure-Python loop right now: what --jobs 2 can hope for
    on this machine at this moment (other work on the cores lowers it)."""
    import multiprocessing

    n = 4_000_000
    start = time.perf_counter()
    _burn(n)
    _burn(n)
    serial = time.perf_counter() - start
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_burn, [n, n])
    return serial / (time.perf_counter() - start)


def peer(command: list[str], cwd: Path) -> float | None:
    # pip puts pymarkdown beside this interpreter, which need not be on PATH (a venv)
    found = shutil.which(command[0], path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    if not found:
        return None
    command = [found, *command[1:]]
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, capture_output=True)
    return time.perf_counter() - start


#: what the timed commits add: a translated sentence with a doubled-letter slip and the
#: source sentence it translates, different words each time, so no run finds them answered by
#: the previous one (a translator's commit brings words the repository never had)
COMMITS = (("Tarkista ensimmäisenn postilaatikon asetukset.", "First check the mailbox settings."),
           ("Avaa palomuurinn hallintapaneeli.", "Open the firewall control panel."),
           ("Uusi varmenteenn voimassaoloaika näkyy.", "The certificate's new validity period appears."),
           ("Poista vanhaa käyttäjätilii ensin.", "Delete the old user account first."),
           ("Palvelimenn osoite löytyy hallinnasta.", "The server's address is in the control panel."))
#: re-runs a wall-clock figure is the median of: on this 2-core machine one run varies by a
#: third, and a median of five is not moved by one or two runs that met a busy moment
REPEATS = len(COMMITS)


def hook_run(pair: list[Path]) -> list[float]:
    """What a translator waits for at the next commit, the hook as `.pre-commit-hooks.yaml`
    runs it (`guidelint check --changed-lines-only`, in a git repository): pre-commit hands
    guidelint the staged translation and its source, both edited since the previous commit,
    whose run left its cache (results and the dictionaries' answers) there."""
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com", *args],
                       cwd=repo, check=True, capture_output=True)

    with tempfile.TemporaryDirectory(prefix="guidelint-hook-") as folder:
        repo = Path(folder)
        guides = []
        for path in pair:
            guides.append(repo / "guide" / path.name)
            guides[-1].parent.mkdir(exist_ok=True)
            shutil.copyfile(path, guides[-1])
        rels = [str(g.relative_to(repo)) for g in guides]
        hook = ["check", "--changed-lines-only", *rels]
        git("init", "-q")
        git("add", "-A")
        git("commit", "-q", "-m", "the guides")
        guidelint(hook, repo, as_installed=True)  # the previous commit's run: fills the cache
        runs = []
        for sentences in COMMITS:
            for guide, sentence in zip(guides, sentences):
                with open(guide, "a", encoding="utf-8") as f:
                    f.write(f"\n{sentence}\n")
            git("add", *rels)
            runs.append(guidelint(hook, repo, as_installed=True)[0])
            git("commit", "-q", "-m", "a commit")
        return runs


def pair_for_precommit(files: list[Path]) -> list[Path]:
    """A translation and its source from one guide folder (what a pre-commit hook is handed
    when a writer updates both): a Finnish guide and its English or French source."""
    for path in files:
        if path.name.endswith(".fi-fi.md"):
            for source in ("en-gb", "fr-fr"):
                sibling = path.with_name(path.name.replace(".fi-fi.md", f".{source}.md"))
                if sibling.exists():
                    return [path, sibling]
    return files[:1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=1968,
                        help="corpus size (default 1968: the 245 corpus guides x8, issue #16's corpus)")
    parser.add_argument("--warm-files", type=int, default=10_000,
                        help="files of the warm re-run's own corpus (default 10000; 0: skip)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="guides to replicate")
    parser.add_argument("--keep", action="store_true", help="keep the corpus folder and print it")
    parser.add_argument("--ignore", action="append", default=[], metavar="RULE",
                        help="pass --ignore RULE to every guidelint run (to see a slow rule's share)")
    parser.add_argument("--select", action="append", default=[], metavar="RULE",
                        help="pass --select RULE to every guidelint run (the engine with a few rules)")
    parser.add_argument("--rule-sample", type=int, default=100,
                        help="files on which each rule's own cost is measured (0: skip)")
    parser.add_argument("--no-peers", action="store_true",
                        help="skip markdownlint-cli2 and pymarkdown (pymarkdown alone takes minutes)")
    args = parser.parse_args()
    for rule in args.ignore:
        EXTRA.extend(["--ignore", rule])
    for rule in args.select:
        EXTRA.extend(["--select", rule])

    tmp = Path(tempfile.mkdtemp(prefix="guidelint-bench-"))
    try:
        corpus = tmp / "docs"
        count, size, kind = build_corpus(corpus, args.files, args.corpus)
        files = sorted(corpus.rglob("*.md"))
        mb = size / 1e6
        print(f"corpus: {count} files, {mb:.1f} MB ({kind}); {os.cpu_count()} cores; "
              f"Python {sys.version.split()[0]}")
        common = ["check", "docs", "--format", "json", "--output", os.devnull]

        if EXTRA:
            print(f"guidelint runs with: {' '.join(EXTRA)}")
        try:
            print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
                  "(wall-clock figures need an idle machine; ratios in one run are steadier)")
        except OSError:
            pass
        # a pip install compiles guidelint's bytecode; an editable one (or PYTHONDONTWRITEBYTECODE)
        # leaves every run compiling ~100 modules, which is not what users wait for
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "lint"), str(ROOT / "rules")],
                       check=True, capture_output=True)
        rows: list[tuple[str, float | None, str]] = []  # (tool, wall, note)
        bare, bare_cpu, _ = bare_mistune(files)
        rows.append(("bare mistune parse, 1 core", bare, f"{bare_cpu:.2f} s CPU"))

        cold1, peak1, _ = guidelint(common + ["--jobs", "1", "--no-cache"], tmp)
        cpu1 = CPU[0]
        rows.append(("guidelint `--jobs 1 --no-cache`", cold1, f"{cpu1:.2f} s CPU"))

        cold2, peak2, _ = guidelint(common + ["--no-cache"], tmp)
        capacity = parallel_capacity()
        rows.append((f"guidelint default jobs ({os.cpu_count()}), `--no-cache`", cold2,
                     f"{CPU[0]:.2f} s CPU; {cold1 / cold2:.2f}x --jobs 1 (two busy loops get "
                     f"{capacity:.2f}x now)"))

        mdl = pym = None
        if not args.no_peers:
            mdl = peer(["markdownlint-cli2", "docs/**/*.md"], tmp)
            rows.append(("markdownlint-cli2 (Node)", mdl, "" if mdl is not None else
                         "not installed: npm install -g markdownlint-cli2"))
            # without --continue-on-error it stops at its first plug-in failure
            pym = peer(["pymarkdown", "--continue-on-error", "--return-code-scheme", "minimal", "scan", "-r",
                        "docs"], tmp)
            rows.append(("pymarkdown (Python)", pym, "" if pym is not None else
                         "not installed: pip install pymarkdownlnt"))

        print()
        print("| tool | wall | files/s | speed vs bare mistune | speed vs markdownlint-cli2 | |")
        print("|---|---|---|---|---|---|")
        for tool, wall, note in rows:
            if wall is None:
                print(f"| {tool} | - | - | - | - | {note} |")
                continue
            versus = f"{mdl / wall:.2f}" if mdl else "-"
            print(f"| {tool} | {wall:.1f} s | {count / wall:.0f} | {bare / wall:.2f} | {versus} | {note} |")
        print()

        pair = pair_for_precommit(files)
        rels = [str(p.relative_to(tmp)) for p in pair]
        runs = [guidelint(["check", *rels, "--no-cache"], tmp, as_installed=True)[0] for _ in range(3)]
        cold_pair = min(runs)
        print(f"pre-commit run, {' + '.join(p.name for p in pair)}, no cache (a fresh clone's first "
              f"commit): {cold_pair:.2f} s wall, interpreter start included (best of 3: "
              f"{', '.join(f'{r:.2f}' for r in runs)})")
        hook_runs = hook_run(pair) if len(pair) == 2 and shutil.which("git") else [cold_pair]
        precommit = sorted(hook_runs)[len(hook_runs) // 2]
        print(f"pre-commit run, the hook's next commits (`check --changed-lines-only` in a git "
              f"repository): both guides edited (new words each time, a misspelling in the "
              f"translation), the previous commit's cache there: {precommit:.2f} s wall, median of {len(hook_runs)} "
              f"({', '.join(f'{r:.2f}' for r in hook_runs)})")

        warm = None
        if args.warm_files:
            if args.warm_files == count:
                warm_root, warm_count = tmp, count
            else:
                warm_root = tmp / "warm"
                warm_count, _, _ = build_corpus(warm_root / "docs", args.warm_files, args.corpus)
            fill, _, _ = guidelint(common, warm_root)
            # the median of REPEATS re-runs is judged
            warm_runs = [guidelint(common, warm_root)[:2] for _ in range(REPEATS)]
            warm, peak_warm = sorted(warm_runs)[len(warm_runs) // 2]
            print(f"warm re-run of {warm_count} unchanged files: {warm:.2f} s, median of {REPEATS} "
                  f"({', '.join(f'{w:.2f}' for w, _ in warm_runs)}); cache filled in {fill:.2f} s; "
                  f"peak {peak_warm / 1024:.0f} MiB")

        quarter = sorted(corpus.iterdir())[: max(1, len(list(corpus.iterdir())) // 4)]
        small_peak = guidelint(["check", *[str(q.relative_to(tmp)) for q in quarter], "--jobs", "1",
                                "--no-cache", "--format", "json", "--output", os.devnull], tmp)[1]
        print(f"peak memory --jobs 1: {peak1 / 1024:.0f} MiB (a quarter of the files: "
              f"{small_peak / 1024:.0f} MiB); default jobs, parent/worker max {peak2 / 1024:.0f} MiB")

        print()
        print("| target (issue #16) | result | met |")
        print("|---|---|---|")

        def target(what: str, result: str, met: bool | None) -> None:
            print(f"| {what} | {result} | {'-' if met is None else 'yes' if met else 'no'} |")
        target("default jobs cold wall <= markdownlint-cli2's", f"{cold2:.1f} s vs " +
               (f"{mdl:.1f} s ({mdl / cold2:.2f}x its speed)" if mdl else "not measured"),
               None if mdl is None else cold2 <= mdl)
        target("`--jobs 1` cold >= 100 files/s, ratio to bare mistune >= 0.17",
               f"{count / cold1:.0f} files/s, {bare / cold1:.2f}", bare / cold1 >= 0.17)
        target("one-guide pre-commit run <= 0.25 s (the next commit; a fresh clone's first)",
               f"{precommit:.2f} s; {cold_pair:.2f} s", precommit <= 0.25)
        target(f"warm re-run of {args.warm_files} files <= 1.0 s",
               f"{warm:.2f} s" if warm is not None else "not measured",
               None if warm is None else warm <= 1.0)

        if args.rule_sample:
            sample = files[:: max(1, len(files) // args.rule_sample)][: args.rule_sample]
            chosen, warm_up, locales = set(sample), [], set()
            for f in files:
                locale = f.name.split(".")[-2]
                if f not in chosen and locale not in locales:
                    locales.add(locale)
                    warm_up.append(f)
            costs = rule_costs(sample, tmp, warm_up)
            total = sum(c for _, c in costs)
            print(f"CPU by rule on {len(sample)} files (top {len(costs)}, parse included; loading "
                  f"dictionaries and data first took {WARM_UP_CPU[0]:.1f} s on {len(warm_up)} guides, "
                  f"one per locale):")
            for rule, cost in costs:
                print(f"  {rule:34} {cost:7.2f} s  {cost / max(total, 1e-9):5.0%}  "
                      f"{1000 * cost / len(sample):8.1f} ms/file")
            off, on, asked_off, asked_on = spelling_cache_effect(sample, tmp, warm_up)
            print(f"spelling answer cache on {len(sample)} files (spelling rules and foreign-fragment, "
                  f"default locales): {off:.2f} s CPU, {asked_off} backend calls without; "
                  f"{on:.2f} s, {asked_on} calls with ({off / max(on, 1e-9):.1f}x)")
        if args.keep:
            print(f"corpus kept in {tmp}")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
