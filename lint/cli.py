"""The ``guidelint`` command line.

Exit status: 0 when no finding reaches the fail level, 1 when one does, 2 for usage,
configuration or unreadable-file errors.
"""
from __future__ import annotations

import argparse
import atexit
import os
import sys
from collections import Counter

from . import __version__, dictionaries, garbage, preload, registry
from .config import Config, ConfigError
from .finding import SEVERITIES, Finding, severity_rank
from .internal import ENGINE_CHECKS, ENGINE_ERRORS, NO_DICTIONARY, NOTES, SOURCE_CHANGED
from .reporters import FORMATS, Report
from .reporters import write as write_report
from . import progress as progress_bar
from .commands.output import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, emit, want_colour
from .runner import ConfigResolver, RunOptions, Services, check_file, collect_files, run, select_shard



class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits 2 too, but we want our own wording
        raise UsageError(message)

    def parse_args(self, args=None, namespace=None):
        argv = list(sys.argv[1:] if args is None else args)
        parsed, unknown = self.parse_known_args(argv, namespace)
        if unknown:
            raise UsageError(f"unrecognized arguments: {' '.join(unknown)}{self._hint(argv, unknown)}")
        return parsed

    def _hint(self, argv: list[str], unknown: list[str]) -> str:
        """"did you mean" for a mistyped option, among the options of the command given."""
        import difflib

        options = [o for a in self._actions for o in a.option_strings]
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                command = next((a for a in argv if a in action.choices), None)
                if command:
                    options += [o for a in action.choices[command]._actions for o in a.option_strings]
        hints = []
        for word in unknown:
            if word.startswith("--"):
                found = difflib.get_close_matches(word.split("=")[0], options, n=1, cutoff=0.6)
                if found:
                    hints.append(f"'{found[0]}'")
        return f" (did you mean {' or '.join(hints)}?)" if hints else ""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="guidelint", description="Lint Markdown guides and their translations.")
    parser.add_argument("--version", action="version", version=f"guidelint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check files and folders")
    check.add_argument("paths", nargs="*", default=["."], help="files or folders; '-' reads stdin")
    add_output_options(check)
    check.add_argument("--stdin-filename", help="path to report (and to pick config by) for '-'")
    check.add_argument("--select", action="append", default=[], metavar="RULE",
                       help="check only these rules or families (repeatable, comma-separated)")
    check.add_argument("--ignore", action="append", default=[], metavar="RULE",
                       help="skip these rules or families (repeatable, comma-separated)")
    add_allow_empty(check)
    check.add_argument("--max-annotations", type=_count, metavar="N",
                       help="--format github: at most N annotations of each level (default 10, "
                            "what GitHub shows per step; 0: no limit)")
    add_scale_options(check)
    changed = check.add_mutually_exclusive_group()
    changed.add_argument("--changed-lines-only", action="store_true",
                         help="report only findings on lines the staged change adds or modifies "
                              "(git diff --cached); the pre-commit hook's mode")
    changed.add_argument("--new-from-rev", metavar="REV",
                         help="report only findings on lines changed since REV (its merge base "
                              "with HEAD), uncommitted edits included: a pull request against its base")

    sub.add_parser("rules", help="list the rules").add_argument(
        "--format", choices=("text", "json"), default="text")
    explain = sub.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", help="a rule id (links/broken-anchor), its name (broken-anchor) or a family (links)")
    compare = sub.add_parser("compare", help="check a translation against its source, named explicitly")
    compare.add_argument("source", help="the source guide")
    compare.add_argument("target", help="its translation")
    add_output_options(compare)
    compare.add_argument("--source-locale", help="the source's locale, when its path does not say")
    compare.add_argument("--locale", help="the translation's locale, when its path does not say")
    translations = sub.add_parser("translations", help="matrix of every guide folder's translations")
    translations.add_argument("paths", nargs="*", default=["."], help="folders to scan")
    translations.add_argument("--format", choices=("text", "json", "html"), default="text")
    translations.add_argument("--config", help="configuration file")
    translations.add_argument("--output", "-o", help="write the matrix to this file instead of stdout")
    translations.add_argument("--no-color", action="store_true", help="never colour the text output")
    add_allow_empty(translations)
    server = sub.add_parser("server", help="run the language server over stdio (the lsp extra)")
    server.add_argument("--config", help="configuration file for every guide (default: the nearest one)")
    server.add_argument("--debounce", type=int, default=None, metavar="MS",
                        help="milliseconds of quiet after an edit before checking (default 250)")
    server.add_argument("--docs-url", metavar="TEMPLATE",
                        help="rule documentation links, e.g. 'https://example.org/rules/{rule}' "
                             "({family}, {name} too; default: the rule's source file)")
    server.add_argument("--stdio", action="store_true", help="accepted for editors that pass it: stdio is the only transport")
    server.add_argument("--debug", action="store_true", help="print tracebacks of internal errors on stderr")
    cache = sub.add_parser("cache", help="manage the result cache")
    cache.add_argument("action", choices=("clear",), help="clear: delete the cache folder")
    cache.add_argument("paths", nargs="*", default=["."], help="folder whose configuration names the cache")
    cache.add_argument("--config", help="configuration file whose cache_dir to use")
    return parser


def add_output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("--config", help="configuration file (default: nearest .guidelint.yaml or pyproject.toml)")
    p.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that fails the run")
    p.add_argument("--no-color", action="store_true", help="never colour the text output")
    p.add_argument("--output", "-o", help="write the report to this file instead of stdout")
    p.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")


def add_allow_empty(p: argparse.ArgumentParser) -> None:
    p.add_argument("--allow-empty", action="store_true",
                   help="a folder that holds no Markdown file (none, or all excluded) is not an error")


def _at_least(minimum: int):
    """An argparse type: a whole number no smaller than ``minimum``."""
    def number(value: str) -> int:
        try:
            found = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
        if found < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more")
        return found
    return number


_jobs, _count = _at_least(1), _at_least(0)


def _shard(value: str) -> tuple[int, int]:
    try:
        index, count = (int(v) for v in value.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected K/N, e.g. 1/4, not {value!r}") from None
    if not 1 <= index <= count:
        raise argparse.ArgumentTypeError(f"K must be between 1 and N in {value!r}")
    return index, count


def add_scale_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                   help="worker processes (default: the number of cores; few files run in one process)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    p.add_argument("--shard", type=_shard, metavar="K/N",
                   help="check only shard K of N (whole folders; the union of all N is a full run)")
    p.add_argument("--fix", action="store_true", help="apply safe fixes; report what remains")
    p.add_argument("--unsafe-fixes", action="store_true",
                   help="with --fix or --diff, also apply fixes that change words")
    p.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    p.add_argument("--baseline", metavar="FILE", help="report only findings that are not in this baseline")
    p.add_argument("--write-baseline", metavar="FILE", help="record this run's findings as the baseline")


def _split(values: list[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _validate_rule_names(names: list[str]) -> None:
    rules, families = registry.load(), registry.families()
    for name in names:
        if name not in rules and name not in families and name != "ALL":
            close = registry.closest(name, ("ALL",))
            hint = f"did you mean '{close}'? " if close else ""
            raise UsageError(f"unknown rule or family '{name}' ({hint}see 'guidelint rules')")


def _require_markdown(paths: list[str], files: list[str], allow_empty: bool) -> None:
    """A folder with nothing to check is most often a wrong path in a CI job, which would
    otherwise pass for ever (ESLint's --no-error-on-unmatched-pattern is the opt-out)."""
    for path in paths:
        folder = os.path.join(path, "")
        if os.path.isdir(path) and not any(f.startswith(folder) for f in files):
            if allow_empty:
                print(f"guidelint: warning: no Markdown files to check in {path}", file=sys.stderr)
            else:
                raise UsageError(f"no Markdown files to check in {path} (--allow-empty accepts that)")


def cmd_check(args) -> int:
    explicit = Config.load(args.config) if args.config else None
    select, ignore = _split(args.select), _split(args.ignore)
    resolver = ConfigResolver(explicit, {"select": select, "ignore": ignore})
    if args.paths != ["-"] and all(os.path.isfile(p) for p in args.paths):
        # a pre-commit run names its few guides: their dictionaries load on the second core
        # while the rules import (lint.preload)
        dictionaries.load_ahead(args.paths, resolver)
    try:
        with garbage.batch_run():
            return _check(args, explicit, select, ignore, resolver)
    finally:
        preload.stop()


def _check(args, explicit, select, ignore, resolver) -> int:
    _validate_rule_names(select + ignore)
    services = Services(debug=args.debug)
    fix_mode = "diff" if getattr(args, "diff", False) else "fix" if getattr(args, "fix", False) else None
    if getattr(args, "unsafe_fixes", False) and not fix_mode:
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    baseline = _load_baseline(args, explicit, resolver)
    changes = _changes(args)
    if args.paths == ["-"]:
        if fix_mode:
            raise UsageError("--fix and --diff need files, not stdin")
        name = args.stdin_filename or "<stdin>"
        data = sys.stdin.buffer.read()
        results = [check_file(name, resolver.effective_for(name), services, data=data)]
        if changes is not None:
            results[0].changed = changes.for_path(name)
        files, checked = 1, []
    else:
        files_list, missing = collect_files(args.paths, resolver)
        _require_markdown(args.paths, files_list, args.allow_empty)
        if args.shard:
            files_list = select_shard(files_list, *args.shard)
        files_list.sort()  # the report's order: results can then be written as they come
        files = len(files_list)
        checked = files_list
        cache = None if args.no_cache else _open_cache(explicit, resolver, args.paths)
        progress = progress_bar.create(files)
        options = RunOptions(jobs=args.jobs or os.cpu_count() or 1, cache=cache, fix=fix_mode,
                             unsafe_fixes=getattr(args, "unsafe_fixes", False), progress=progress,
                             changes=changes, baseline=baseline if fix_mode else None,
                             keep_stored=args.format == "json")
        if changes is not None:
            missing = missing + _source_changed_notes(changes, files_list, resolver, services)
        results = _in_path_order(missing, _closing(run(files_list, resolver, services, options), progress))
    fail_on = args.fail_on or (explicit.fail_on if explicit else _first_fail_on(resolver, args.paths))
    stream = _Stream(results, args, baseline)
    if fix_mode == "diff":
        for _ in stream:
            pass
        emit("".join(stream.diffs), args)
        print(f"guidelint: {stream.fixed} fix{'es' if stream.fixed != 1 else ''} would change "
              f"{stream.fixed_files} file{'s' if stream.fixed_files != 1 else ''}", file=sys.stderr)
        return EXIT_ERROR if stream.engine_error else (EXIT_FINDINGS if stream.diffs else EXIT_OK)
    extra: dict = {}

    def summarised():
        yield from stream
        if fix_mode == "fix":
            extra["fixed"] = stream.fixed
        if getattr(args, "write_baseline", None):
            from .baseline import write_rows

            count = write_rows(args.write_baseline, stream.baseline_rows)
            print(f"guidelint: wrote {count} findings to {args.write_baseline}", file=sys.stderr)
        if changes is not None:  # the file's older findings are still there: say how many
            extra["findings_on_unchanged_lines"] = stream.unchanged_lines
        if baseline is not None:
            extra["baseline_findings_fixed"] = baseline.fixed(
                checked, lambda p: resolver.effective_for(p).rules)

    report = Report(summarised(), files, extra)
    how = {"colour": want_colour(args)}
    if args.format == "github":
        how.update(max_annotations=_max_annotations(args, explicit, resolver),
                   step_summary=os.environ.get("GITHUB_STEP_SUMMARY") or None)
    if getattr(args, "output", None):
        with open(args.output, "w", encoding="utf-8") as out:
            write_report(report, args.format, out, **how)
    else:
        write_report(report, args.format, sys.stdout, **how)
        sys.stdout.flush()
    if stream.engine_error:
        return EXIT_ERROR
    if getattr(args, "write_baseline", None):
        return EXIT_OK  # recording the findings is what was asked, not judging them
    threshold = severity_rank(fail_on)
    reached = any(count - stream.informative[severity] and severity_rank(severity) >= threshold
                  for severity, count in report.summary()["by_severity"].items())
    return EXIT_FINDINGS if reached else EXIT_OK


def _load_baseline(args, explicit, resolver):
    """``--baseline FILE``, else the configuration's ``baseline:`` (none while writing one)."""
    from .baseline import Baseline, BaselineError

    path = getattr(args, "baseline", None)
    if not path and not getattr(args, "write_baseline", None) and args.paths != ["-"]:
        config = explicit or resolver.config_for(args.paths[0] if args.paths else ".")
        path = config.baseline
        if path and not os.path.exists(path):
            raise UsageError(f"{config.path}: baseline: {path} does not exist "
                             f"(write it with 'guidelint check --write-baseline {path}')")
    if not path:
        return None
    try:
        return Baseline(path)
    except BaselineError as e:
        raise UsageError(str(e)) from None


def _changes(args):
    """The change whose lines are reported, in changed-lines mode."""
    if not (getattr(args, "changed_lines_only", False) or getattr(args, "new_from_rev", None)):
        return None
    from .changes import Changes, ChangesError

    try:
        if args.new_from_rev:
            return Changes.since(args.new_from_rev)
        return Changes.staged()
    except ChangesError as e:
        raise UsageError(str(e)) from None


def _source_changed_notes(changes, files: list[str], resolver: ConfigResolver, services):
    from .changes import outdated_translations
    from .runner import FileResult

    notes = outdated_translations(changes, files, resolver.effective_for, services)
    return [FileResult(f.path, [f]) for f in notes]


_RUN_NOTES = frozenset(ENGINE_CHECKS)  # findings the stream looks at one by one


class _Stream:
    """The run's findings in report order, one file's at a time, never all at once.

    Files are checked in sorted order and each file's findings are sorted, so the report
    can be written while the run goes on; the few paths that could not even be listed
    (missing files, FIFOs) are merged in by path. On the way it drops what the baseline
    absorbs, records the baseline rows ``--write-baseline`` asked for, and keeps what the
    summary and the exit status need beyond the report's own counts."""

    def __init__(self, results, args, baseline):
        self.results, self.args, self.baseline = results, args, baseline
        # SARIF too: its fingerprints are the baseline's, made of the offending line
        self.shows_lines = (args.format in ("text", "sarif") or baseline is not None
                            or bool(getattr(args, "write_baseline", None)))
        self.records_baseline = bool(getattr(args, "write_baseline", None))
        # a cache hit's stored findings go to the JSON report as they are when nothing on
        # the way reads them (lint.cache.Stored)
        self.passes_stored = args.format == "json" and not (self.shows_lines or self.records_baseline)
        self.baseline_rows: list[dict] = []
        self.diffs: list[str] = []
        self.fixed = self.fixed_files = 0
        self.engine_error = False
        self.unchanged_lines = 0  # findings changed-lines mode left out
        self.noted: set = set()  # the notes shown: each once per run
        self.informative: Counter = Counter()  # notes that never fail the run, by severity

    def __iter__(self):
        if self.shows_lines:
            from .cache import restore_source_lines
        if self.records_baseline:
            from .baseline import row as baseline_row

            folder = os.path.dirname(os.path.abspath(self.args.write_baseline))
        for result in self.results:
            stored = result.stored
            if stored is not None:
                if self.passes_stored and result.changed is None and _RUN_NOTES.isdisjoint(stored.rules()):
                    yield stored
                    continue
                result.findings = stored.findings()
            if result.cached and self.shows_lines:
                restore_source_lines(result.findings)
            self.engine_error |= result.unreadable
            if result.fixed:
                self.fixed += result.fixed
                self.fixed_files += 1
            if result.diff:
                self.diffs.append(result.diff)
            # a cache hit comes in report order already (Cache.store sorts)
            findings = result.findings if result.cached else sorted(result.findings, key=Finding.sort_key)
            notes = [f for f in findings if f.rule in NOTES]
            if notes:  # about the run, not a line: never baselined nor line-filtered, shown once
                findings = [f for f in findings if f.rule not in NOTES]
                notes = [f for f in notes if self._first(f)]
            if self.records_baseline:
                self.baseline_rows.extend(baseline_row(f, folder) for f in findings)
            if self.baseline is not None:
                findings = self.baseline.filter(findings)
            if result.changed is not None:
                before = len(findings)
                findings = [f for f in findings if result.changed.keeps(f)]
                self.unchanged_lines += before - len(findings)
            if notes:
                findings = sorted(findings + notes, key=Finding.sort_key)
            for f in findings:
                self.engine_error |= f.rule in ENGINE_ERRORS
                yield f

    def _first(self, note: Finding) -> bool:
        key = (note.rule, note.message) if note.rule == NO_DICTIONARY.id else (note.rule, note.path, note.message)
        if key in self.noted:
            return False
        self.noted.add(key)
        if note.rule == SOURCE_CHANGED.id:
            self.informative[note.severity] += 1
        return True


def _in_path_order(unlisted, checked):
    """The results of the paths that could not be listed (missing files, FIFOs) merged by
    path into the sorted stream of checked files."""
    import heapq

    return heapq.merge(sorted(unlisted, key=lambda r: r.path), checked, key=lambda r: r.path)


def _closing(results, progress):
    try:
        yield from results
    finally:
        if progress is not None:
            progress.close()


def _open_cache(explicit, resolver: ConfigResolver, paths: list[str]):
    """The cache of the configuration in use: its ``cache_dir`` under its folder; with no
    configuration file, ``.guidelint_cache`` in the current folder."""
    from .cache import Cache, code_fingerprint

    config = explicit or resolver.config_for(paths[0] if paths else ".")
    folder = config.cache_dir if config.path else os.path.join(os.getcwd(), ".guidelint_cache")
    return Cache(folder, code_fingerprint(registry.load().values()))


def cmd_cache(args) -> int:
    from .cache import clear

    explicit = Config.load(args.config) if args.config else None
    resolver = ConfigResolver(explicit)
    cache = _open_cache(explicit, resolver, args.paths)
    try:
        removed = clear(cache.folder)
    except OSError as e:
        print(f"guidelint: {e}", file=sys.stderr)
        return EXIT_ERROR
    print(f"guidelint: {'removed' if removed else 'no cache at'} {cache.folder}")
    return EXIT_OK


def _max_annotations(args, explicit, resolver: ConfigResolver) -> int | None:
    if args.max_annotations is not None:
        return args.max_annotations
    first = args.paths[0] if args.paths and args.paths != ["-"] else "."
    return (explicit or resolver.config_for(first)).data.get("max_annotations")


def _first_fail_on(resolver: ConfigResolver, paths: list[str]) -> str:
    first = paths[0] if paths and paths != ["-"] else "."
    return resolver.config_for(first).fail_on


def cmd_rules(args) -> int:
    rules = registry.load()
    if args.format == "json":
        import json

        data = [{"id": rid, "severity": cls.severity, "summary": cls.summary, "tags": list(cls.tags),
                 "fix": cls.fix, "enabled_by_default": cls.enabled_by_default,
                 "options": {name: option.info() for name, option in cls.declared_options().items()}}
                for rid, cls in rules.items()]
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
        return EXIT_OK
    width = max(len(r) for r in rules) if rules else 10
    for rid, cls in rules.items():
        flags = ("fix" if cls.fix == "safe" else "fix!" if cls.fix == "unsafe" else "   ")
        off = "" if cls.enabled_by_default else " (off by default)"
        print(f"{rid:<{width}}  {cls.severity:<7}  {flags:<4}  {cls.summary}{off}")
    return EXIT_OK


def cmd_explain(args) -> int:
    from .explain import explain

    rules = registry.load()
    name = args.rule
    if name in registry.families() and name not in rules:
        return _explain_family(name, rules)
    shorts = registry.short_names()
    if name not in rules and name not in ENGINE_CHECKS and len(shorts.get(name, ())) == 1:
        name = shorts[name][0]
    cls = rules.get(name) or ENGINE_CHECKS.get(name)
    if cls is None:
        close = registry.closest(name, tuple(ENGINE_CHECKS))
        hint = f"did you mean '{close}'? " if close else ""
        raise UsageError(f"unknown rule or family '{name}' ({hint}see 'guidelint rules')")
    sys.stdout.write(explain(cls.id))
    return EXIT_OK


def _explain_family(family: str, rules) -> int:
    members = {rid: cls for rid, cls in rules.items() if rid.split("/")[0] == family}
    print(f"{family}: {len(members)} rule{'s' if len(members) != 1 else ''} (guidelint explain RULE for one)")
    width = max(len(r) for r in members)
    for rid, cls in members.items():
        off = "" if cls.enabled_by_default else " (off by default)"
        print(f"  {rid:<{width}}  {cls.severity:<7}  {cls.summary}{off}")
    return EXIT_OK


def cmd_server(args) -> int:
    from .server import main as serve

    return serve(config=args.config, debounce_ms=args.debounce, docs_url=args.docs_url, debug=args.debug)


def cmd_compare(args) -> int:
    from .commands.compare import cmd_compare as run

    return run(args)


def cmd_translations(args) -> int:
    from .commands.translations import cmd_translations as run

    return run(args)


COMMANDS = {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain, "cache": cmd_cache,
            "compare": cmd_compare, "translations": cmd_translations, "server": cmd_server}


def _collect_garbage_less_often() -> None:
    """Every command keeps hundreds of thousands of objects alive (rule data, dictionaries'
    answers, parsed guides) and the default threshold (a collection every 700 allocations)
    makes the cycle collector scan them over and over. Parsed documents are cycles (parent
    links), so collection stays on, only less often; ``check`` goes further and collects at
    folder ends only (:mod:`lint.garbage`)."""
    import gc

    gc.freeze()  # what start-up loaded (modules, rule data) is never garbage: stop scanning it
    gc.set_threshold(10_000, 10, 10)


def main(argv: list[str] | None = None) -> int:
    _collect_garbage_less_often()
    parser = build_parser()
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_help()
            return EXIT_ERROR
        return COMMANDS[args.command](args)
    except UsageError as e:
        print(f"guidelint: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except ConfigError as e:
        print(f"guidelint: configuration error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as e:  # noqa: BLE001 - never a traceback unless asked
        if debug:
            raise
        print(f"guidelint: internal error: {type(e).__name__}: {e} (run with --debug for details)",
              file=sys.stderr)
        return EXIT_ERROR


def entry() -> None:
    """The ``guidelint`` command: :func:`main`, then an exit that skips tearing down the
    interpreter's objects one by one (15 ms at the end of a pre-commit run; mypy exits so
    too). The output is flushed and the exit handlers run first; every file a run writes is
    closed by then. Under a profiler or a tracer (cProfile, pyinstrument, coverage), which
    write their results as the interpreter ends, and through ``python -m lint``, the exit is
    Python's own."""
    ending = sys.getprofile() is None and sys.gettrace() is None
    if ending:
        garbage.process_ends_with_the_run()
    code = main()
    if not ending:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a reader that went away (| head): nothing left to tell it
        pass
    atexit._run_exitfuncs()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
