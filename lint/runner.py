"""Run the enabled rules over documents and collect their findings in a stable order."""
from __future__ import annotations

import dataclasses
import os
import traceback
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from . import registry, suppress
from .config import CONFIG_NAMES, Config, Effective, _expand, discover
from .document import PARSED_GUIDE, Document, locale_from_path
from .finding import Finding
from .budget import TooComplex, seconds_for, time_budget
from .internal import NOTES, RULE_ERROR, TOO_COMPLEX, UNREADABLE
from .rule import Context
from .source import UndecodableFile, decode

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".guidelint_cache", ".venv", "venv", "__pycache__"}


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False
    fixed: int = 0  # findings whose fixes --fix applied (or --diff would apply)
    diff: str = ""  # unified diff of the fixes, with --diff
    cached: bool = False
    #: changed-lines mode: the lines the change touched (moved by --fix), which findings are
    #: reported on; None reports every line
    changed: "object | None" = None


class RunMemo:
    """What a run computes once and shares across files (``ctx.memo``): loaded dictionaries,
    a folder's parsed guides, repository URL counts.

    It also records, for the file being checked, every other input the rules read
    (:meth:`depends_on`), so the cache can tell when a result is stale.
    """

    def __init__(self, debug: bool = False):
        self.debug = debug
        self._cache: dict = {}
        self._inputs: dict = {}
        self._digests: dict = {}
        self._folder: str | None = None
        self._folder_keys: list = []
        self._building: list[list] = []
        self.deps: dict[str, tuple[str, str]] | None = None  # path -> (by, digest) of the current file

    def get(self, key, factory, inputs: Iterable[str] = (), scope: str = "process"):
        """A value built once per process. ``inputs``: files the value was built from (a
        dictionary's .dic/.aff); every file that uses the value depends on them (by mtime/size).
        ``scope="folder"``: drop the value when the run moves on to another folder (parsed
        sibling guides), so memory stays flat however many files a run checks."""
        if key not in self._cache:
            # inputs declared while the value is built (by nested get() calls or depends_on)
            # belong to the value: every later user of it depends on them too
            collected = [(path, "stat") for path in inputs]
            self._building.append(collected)
            try:
                value = factory()
            finally:
                self._building.pop()
            self._cache[key] = value
            self._inputs[key] = tuple(collected)
            if scope == "folder":
                self._folder_keys.append(key)
        for path, by in self._inputs.get(key, ()):
            self.depends_on(path, by)
        return self._cache[key]

    def peek(self, key):
        """The value ``get`` built for ``key``, or None; builds nothing and declares nothing."""
        return self._cache.get(key)

    def depends_on(self, path: str, by: str = "content") -> None:
        """The file being checked reads ``path`` (a file, or a folder's listing); ``by`` is
        "content" (hash of the bytes) or "stat" (mtime and size, for large data files).
        Declaring a path that does not exist is fine: its appearance invalidates too."""
        path = os.path.abspath(path)
        for collected in self._building:
            collected.append((path, by))
        if self.deps is None:
            return
        from .cache import input_digest

        key = (path, by)
        digest = self._digests.get(key)
        if digest is None:
            digest = self._digests[key] = input_digest(path, by)
        self.deps[path] = (by, digest)

    def begin_file(self, path: str | None = None) -> None:
        self.deps = {}
        if path is not None:
            folder = os.path.dirname(os.path.abspath(path))
            if folder != self._folder:
                self._folder = folder
                for key in self._folder_keys:
                    self._cache.pop(key, None)
                    self._inputs.pop(key, None)
                self._folder_keys = []

    def end_file(self) -> dict[str, tuple[str, str]]:
        deps, self.deps = self.deps or {}, None
        return deps

    def forget(self, path: str) -> None:
        """``path`` was rewritten (by --fix): digest it afresh when next declared."""
        path = os.path.abspath(path)
        for by in ("content", "stat"):
            self._digests.pop((path, by), None)


#: the memo's former name, which plug-ins and scripts written before the rename use
Services = RunMemo


def collect_files(paths: Iterable[str], config: "Config | ConfigResolver | None" = None
                  ) -> tuple[list[str], list[FileResult]]:
    """Expand directories to their Markdown files; report paths that do not exist. A file is
    left out when the configuration that applies to it (``config``, or the nearest one above
    it) excludes it; every configuration the files need is thereby loaded, and validated,
    before any file is checked."""
    files, missing = [], []
    plain: set[str] = set()  # regular files, as the folder listing said: no stat needed
    for path in paths:
        if os.path.isdir(path):
            found = _markdown_under(path)
            files.extend(sorted(found))
            plain.update(name for name, regular in found.items() if regular)
        elif os.path.exists(path) or os.path.islink(path):
            files.append(path)
        else:
            result = FileResult(path, unreadable=True)
            result.findings.append(_engine_finding(path, UNREADABLE, "no such file or directory"))
            missing.append(result)
    resolver = config if isinstance(config, ConfigResolver) else ConfigResolver(config)
    files = [f for f in files if not resolver.config_for(f).excluded(f)]
    regular = []
    for f in files:  # a FIFO named x.md would block the read forever: refuse it here
        if f not in plain and _special_file(f):
            result = FileResult(f, unreadable=True)
            result.findings.append(_engine_finding(
                f, UNREADABLE, "not a regular file (a FIFO, socket or device): not read"))
            missing.append(result)
        else:
            regular.append(f)
    return regular, missing


def _markdown_under(top: str) -> dict[str, bool]:
    """The ``.md`` files below ``top`` (hidden and tool folders skipped, symlinked folders not
    entered, as ``os.walk`` does), each with whether the listing says it is a regular file:
    on a 10,000-guide repository a stat per file is a tenth of a warm re-run."""
    found: dict[str, bool] = {}
    pending = [top]
    while pending:
        try:
            with os.scandir(pending.pop()) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if entry.name not in SKIP_DIRS and not entry.name.startswith(".") and not entry.is_symlink():
                    pending.append(entry.path)
            elif entry.name.lower().endswith(".md"):
                try:
                    found[entry.path] = entry.is_file(follow_symlinks=False)
                except OSError:
                    found[entry.path] = False
    return found


def _special_file(path: str) -> bool:
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # vanished, a symlink loop, no permission: reading it says which
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _engine_finding(path: str, check, message: str, line: int = 1, column: int = 1) -> Finding:
    return Finding(path, line, column, line, column + 1, check.id, check.severity, message)


def read_document(path: str, effective: Effective, data: bytes | None = None,
                  services: Services | None = None) -> Document | FileResult:
    try:
        if data is None:
            with open(path, "rb") as f:
                data = f.read()
    except OSError as e:
        result = FileResult(path, unreadable=True)
        result.findings.append(_engine_finding(path, UNREADABLE, f"cannot read: {e.strerror or e}"))
        return result
    locale = effective.locale or locale_from_path(path, effective.locale_pattern)
    try:
        if services is None:
            return Document.from_bytes(data, path, locale)
        return _shared_document(path, decode(data), locale, effective, services)
    except UndecodableFile as e:
        result = FileResult(path, unreadable=True)
        result.findings.append(_engine_finding(path, UNREADABLE, e.message, e.line, e.column))
        return result


def _shared_document(path: str, source, locale: str | None, effective: Effective,
                     services: Services) -> Document:
    """Parse ``path`` once per folder: a translation checked earlier may already have parsed
    it as its source, and translations checked later will want it as theirs. The text is
    compared, not assumed: the file may have changed since (a --fix of an earlier file)."""
    key = (PARSED_GUIDE, os.path.abspath(path))
    parsed = services.peek(key)
    if parsed is not None and parsed.source == source:
        return dataclasses.replace(parsed, path=path, locale=locale)
    doc = Document.from_source(source, path, locale)
    if parsed is None and _reads_siblings(effective):
        as_sibling = dataclasses.replace(doc, locale=locale_from_path(path, effective.locale_pattern))
        services.get(key, lambda: as_sibling, scope="folder")
    return doc


def check_document(doc: Document, effective: Effective, services: Services) -> list[Finding]:
    rules = registry.load()
    findings: list[Finding] = []
    enabled = effective.rules
    if effective.settings.get("skip_deprecated") and doc.frontmatter.data.get("deprecated") is True:
        enabled = [r for r in enabled if r == "frontmatter/deprecated"]
    for rule_id in enabled:
        rule = rules[rule_id]()
        ctx = Context(rule, doc, effective.options[rule_id], services, effective.severities[rule_id],
                      effective)
        try:
            rule.check(doc, ctx)
        except RecursionError:
            findings.append(_engine_finding(doc.path, RULE_ERROR, f"{rule_id}: document nested too deeply"))
            continue
        except Exception as e:  # noqa: BLE001 - one broken rule must not stop the others
            if services.debug:
                traceback.print_exc()
            findings.append(_engine_finding(doc.path, RULE_ERROR, f"{rule_id} failed: {type(e).__name__}: {e}"))
            continue
        findings.extend(ctx.findings)
    findings = _one_note_each(drop_superseded(findings, rules))
    sup = suppress.parse(doc.lines, doc.code_lines, set(rules))
    findings = [f for f in findings if not sup.covers(f.rule, f.line)]
    findings.sort(key=Finding.sort_key)
    return findings


def drop_superseded(findings: list[Finding], rules: dict) -> list[Finding]:
    """One defect, one finding: drop a finding when a finding of a rule that ``supersedes``
    its rule covers the same place (their spans overlap, or start at the same point).

    Done before suppressions, so a ``disable`` comment for the owner's finding silences the
    defect, not just its first report."""
    owners: dict[str, list[Finding]] = {}
    for f in findings:
        for victim in getattr(rules.get(f.rule), "supersedes", ()):
            owners.setdefault(victim, []).append(f)
    if not owners:
        return findings
    return [f for f in findings if not any(_same_place(o, f) for o in owners.get(f.rule, ()))]


def _same_place(a: Finding, b: Finding) -> bool:
    start_a, end_a = (a.line, a.column), (a.end_line, a.end_column)
    start_b, end_b = (b.line, b.column), (b.end_line, b.end_column)
    return start_a == start_b or (start_a < end_b and start_b < end_a)


def _one_note_each(findings: list[Finding]) -> list[Finding]:
    """Several rules ask for the same missing dictionary: one note per file says it."""
    if not any(f.rule in NOTES for f in findings):
        return findings
    seen, kept = set(), []
    for f in findings:
        if f.rule in NOTES:
            if (f.rule, f.message) in seen:
                continue
            seen.add((f.rule, f.message))
        kept.append(f)
    return kept


def parse_and_check(path: str, effective: Effective, services: Services, data: bytes | None = None,
                    display: str | None = None) -> tuple[Document, list[Finding]] | FileResult:
    """Read, parse and check one file within its time budget (:mod:`lint.budget`): the
    document and its findings, or a FileResult saying why it could not be checked."""
    shown = display or path
    try:
        with time_budget(seconds_for(effective.settings)):
            doc = read_document(path, effective, data, services)
            if isinstance(doc, FileResult):
                for f in doc.findings:
                    f.path = shown
                doc.path = shown
                return doc
            doc.path = shown
            return doc, check_document(doc, effective, services)
    except TooComplex as e:
        return FileResult(shown, [_engine_finding(shown, TOO_COMPLEX, str(e))])
    except RecursionError:
        return FileResult(shown, [_engine_finding(shown, TOO_COMPLEX, "document nested too deeply")])


def check_file(path: str, effective: Effective, services: Services, display: str | None = None,
               data: bytes | None = None) -> FileResult:
    checked = parse_and_check(path, effective, services, data, display)
    if isinstance(checked, FileResult):
        return checked
    doc, findings = checked
    return FileResult(doc.path, findings)


class ConfigResolver:
    """Find each file's configuration: an explicit one, or the nearest above the file."""

    def __init__(self, explicit: Config | None = None, cli_overrides: dict | None = None):
        self.explicit = explicit
        self.cache: dict = {}
        self.overrides = cli_overrides or {}
        self._by_folder: dict[str, Config] = {}
        self._by_given_folder: dict[str, Config] = {}
        self._default: Config | None = None
        self._uniform: dict[int, tuple[Effective, str]] = {}  # config -> its one Effective, fingerprint

    def config_for(self, path: str) -> Config:
        if self.explicit is not None:
            return self.explicit
        # asked once per file with the path as given: the folder as given names it within a run
        # (one resolver serves one run, from one working folder), without an abspath per file
        if not path.lower().endswith(".md"):
            return self._config_for(path)
        folder = os.path.dirname(path)
        config = self._by_given_folder.get(folder)
        if config is None:
            config = self._by_given_folder[folder] = self._config_for(path)
        return config

    def _config_for(self, path: str) -> Config:
        # a run asks for every file: remember the answer per folder (discover() stats each parent)
        folder = os.path.dirname(os.path.abspath(path)) if path.lower().endswith(".md") else None
        config = self._by_folder.get(folder) if folder else None
        if config is None and folder:
            # the parent folder was already resolved and this one holds no configuration file
            parent = self.cache.get(os.path.dirname(folder), False)
            if parent is not False and not any(os.path.isfile(os.path.join(folder, name))
                                               for name in CONFIG_NAMES):
                config = self.cache[folder] = parent
        if config is None:
            config = discover(path, self.cache)
            if config is None:
                if self._default is None:
                    self._default = Config()
                config = self._default
            if folder:
                self._by_folder[folder] = config
        return config

    def _uniform_effective(self, config: Config) -> tuple[Effective, str] | None:
        """A configuration without per-file sections gives every file the same Effective."""
        if config.data.get("overrides") or config.data.get("locales"):
            return None
        found = self._uniform.get(id(config))
        if found is None:
            effective = self._effective(config, "")
            found = self._uniform[id(config)] = (effective, effective.fingerprint())
        return found

    def fingerprint_for(self, path: str) -> str:
        """``effective_for(path).fingerprint()``, computed once per configuration when it can be."""
        config = self.config_for(path)
        found = self._uniform_effective(config)
        return found[1] if found else self._effective(config, path).fingerprint()

    def effective_for(self, path: str) -> Effective:
        config = self.config_for(path)
        found = self._uniform_effective(config)
        if found is not None:
            return dataclasses.replace(found[0])  # a copy: callers may narrow .rules
        return self._effective(config, path)

    def _effective(self, config: Config, path: str) -> Effective:
        effective = config.for_path(path)
        rules = registry.load()
        if self.overrides.get("select"):
            effective.rules = sorted(_expand(self.overrides["select"], rules))
        if self.overrides.get("ignore"):
            drop = set(_expand(self.overrides["ignore"], rules))
            effective.rules = [r for r in effective.rules if r not in drop]
        return effective




def iter_results(files: list[str], resolver: ConfigResolver, services: Services) -> Iterator[FileResult]:
    for path in files:
        yield check_file(path, resolver.effective_for(path), services)


# orchestration: worker processes, the cache, autofix ------------------------------------

#: below this many files to check, worker processes cost more than they save (pre-commit)
SERIAL_BELOW = 48


@dataclass
class RunOptions:
    jobs: int = 1
    cache: "object | None" = None  # a lint.cache.Cache, or None for --no-cache
    fix: str | None = None  # None, "fix" (write) or "diff" (compute the diff only)
    unsafe_fixes: bool = False
    progress: Callable[[int], None] | None = None  # called with the number of files just done
    changes: "object | None" = None  # a lint.changes.Changes: report and fix touched lines only
    baseline: "object | None" = None  # a lint.baseline.Baseline: --fix leaves what it absorbs


def _reported(path: str, options: RunOptions):
    """What the run will report of ``path``'s findings, when it reports fewer than all."""
    if options.changes is None and options.baseline is None:
        return None
    from .fix import Reported

    changed = options.changes.for_path(path) if options.changes is not None else None
    return Reported(changed, options.baseline)


def _unreadable(path: str, e: OSError) -> FileResult:
    result = FileResult(path, unreadable=True)
    result.findings.append(_engine_finding(path, UNREADABLE, f"cannot read: {e.strerror or e}"))
    return result


def process_file(path: str, effective: Effective, services: Services, options: RunOptions,
                 data: bytes | None = None) -> FileResult:
    """Check one file (and fix it with --fix/--diff); store the result in the cache."""
    from .cache import content_hash

    if data is None:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            return _unreadable(path, e)
    services.begin_file(path)
    if _reads_siblings(effective):
        _depend_on_folder(path, services)
    try:
        checked = parse_and_check(path, effective, services, data)
        if isinstance(checked, FileResult):
            return checked
        doc, findings = checked
        reported = _reported(path, options)
        result = FileResult(path, findings, changed=reported and reported.changed)
        stored_data = data
        if options.fix:
            from .fix import fix_document

            outcome = fix_document(doc, findings, lambda fixed: check_document(fixed, effective, services),
                                   unsafe=options.unsafe_fixes, diff=options.fix == "diff", reported=reported)
            result.fixed, result.diff = outcome.fixed, outcome.diff
            if options.fix == "fix":
                result.findings = outcome.findings
                if outcome.reported is not None:
                    result.changed = outcome.reported.changed
                if outcome.data is not None:
                    try:
                        outcome.write(path)
                        services.forget(path)
                        stored_data = outcome.data
                    except OSError as e:
                        result.findings.append(_engine_finding(path, UNREADABLE,
                                                               f"cannot write the fix: {e.strerror or e}"))
                        result.unreadable, result.fixed = True, 0
                        return result
        deps = services.end_file()
        if options.cache is not None:
            checked = findings if options.fix == "diff" else result.findings
            options.cache.store(path, effective.fingerprint(), content_hash(stored_data), deps, checked)
        return result
    finally:
        services.end_file()


def _reads_siblings(effective: Effective) -> bool:
    rules = registry.load()
    return any(getattr(rules.get(r), "cross_file", False) for r in effective.rules)


def _depend_on_folder(path: str, services: Services) -> None:
    """A cross-file rule reads the guide's siblings (its source, the other translations): the
    folder's listing and every Markdown file in it are inputs, declared or not. Rules that
    read beyond the folder declare those paths with ``ctx.depends_on``."""
    folder = os.path.dirname(os.path.abspath(path))
    services.depends_on(folder)
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return
    for name in names:
        if name.lower().endswith(".md") and os.path.join(folder, name) != os.path.abspath(path):
            services.depends_on(os.path.join(folder, name))


def _fix_pending(path: str, findings: list[Finding], options: RunOptions) -> bool:
    if not options.fix:
        return False
    from .fix import applicable

    reported = _reported(path, options)
    if reported is not None:
        findings = reported.select(findings)
    return any(applicable(f, options.unsafe_fixes) for f in findings)


_WORKER: dict = {}
_INHERITED: dict = {}  # set just before a fork: what the parent already loaded


def _init_worker(resolver: "ConfigResolver", options: RunOptions, debug: bool) -> None:
    options.progress = None
    services = _INHERITED.get("services") or Services(debug=debug)  # forked: dictionaries loaded
    _WORKER.update(resolver=resolver, options=options, services=services)


#: at most this many files are checked in the parent before forking, to load shared data once
WARM_UP = 24


def _warm_up(todo: list[int], files: list[str], resolver: "ConfigResolver") -> list[int]:
    """The first file of each language: checking them in the parent loads what rules share
    (dictionaries, word lists) once, and forked workers inherit it instead of loading it again."""
    seen, picked = set(), []
    for i in todo:
        locale = locale_from_path(files[i], resolver.effective_for(files[i]).locale_pattern)
        language = locale.split("-")[0] if locale else None
        if language not in seen:
            seen.add(language)
            picked.append(i)
            if len(picked) >= WARM_UP:
                break
    return picked


def _work(chunk: list[str]) -> list[FileResult]:
    resolver, options, services = _WORKER["resolver"], _WORKER["options"], _WORKER["services"]
    return [process_file(path, resolver.effective_for(path), services, options) for path in chunk]


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _pool_results(paths: list[str], resolver: "ConfigResolver", services: Services,
                  options: RunOptions) -> Iterator[FileResult]:
    """Results of ``paths`` in their order, from worker processes (``fork`` where available:
    the rules and configuration the parent loaded are inherited, not reloaded)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    jobs = min(options.jobs, max(1, len(paths) // 8))
    size = max(1, min(32, len(paths) // (jobs * 8)))
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    worker_options = RunOptions(jobs=1, cache=options.cache, fix=options.fix,
                                unsafe_fixes=options.unsafe_fixes, changes=options.changes,
                                baseline=options.baseline)
    _INHERITED["services"] = services if context.get_start_method() == "fork" else None
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                                 initargs=(resolver, worker_options, services.debug)) as pool:
            for results in pool.map(_work, _chunks(paths, size)):
                yield from results
    finally:
        _INHERITED.clear()


def run(files: list[str], resolver: "ConfigResolver", services: Services,
        options: RunOptions | None = None) -> Iterator[FileResult]:
    """Check ``files``; yield one result per file, in the order given, whatever ``jobs`` is.

    Files whose cached result is still valid are answered without parsing; the others are
    checked in this process when they are few (or ``jobs`` is 1), else in worker processes.
    Only findings travel back: no document outlives its check.
    """
    options = options or RunOptions()
    cache = options.cache
    done: dict[int, FileResult] = {}
    todo: list[int] = []
    for i, path in enumerate(files):
        if cache is None:
            todo.append(i)
            continue
        try:
            found = cache.lookup(path, resolver.fingerprint_for(path), cache.file_hash(path))
        except OSError:
            found = None
        if found is not None and not _fix_pending(path, found, options):
            cache.hits += 1
            done[i] = FileResult(path, found, cached=True,
                                 changed=options.changes.for_path(path) if options.changes else None)
            continue
        cache.misses += 1
        todo.append(i)
    if cache is not None:
        cache.save_index()
    if options.jobs <= 1 or len(todo) < SERIAL_BELOW:
        fresh = (process_file(files[i], resolver.effective_for(files[i]), services, options) for i in todo)
    else:
        first = _warm_up(todo, files, resolver)
        for i in first:
            done[i] = process_file(files[i], resolver.effective_for(files[i]), services, options)
        chosen = set(first)
        fresh = _pool_results([files[i] for i in todo if i not in chosen], resolver, services, options)
    progress = options.progress
    if progress and done:
        progress(len(done))
    for i in range(len(files)):
        result = done.pop(i, None)
        if result is None:
            result = next(fresh)
            if progress:
                progress(1)
        yield result


def shard_of(path: str, count: int) -> int:
    """The shard (0-based) of ``path``: a hash of its folder, so a guide's translations stay
    together and cross-locale checks keep seeing their source."""
    import hashlib

    folder = os.path.dirname(os.path.abspath(path))
    try:  # relative to the working folder: the same on every CI runner, wherever it checks out
        folder = os.path.relpath(folder)
    except ValueError:
        pass
    folder = folder.replace(os.sep, "/")
    digest = hashlib.blake2b(folder.encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count


def select_shard(files: list[str], index: int, count: int) -> list[str]:
    """The files of shard ``index`` (1-based) of ``count``: deterministic, folders kept whole."""
    return [f for f in files if shard_of(f, count) == index - 1]
