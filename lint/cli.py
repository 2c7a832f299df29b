"""The ``guidelint`` command line.

Exit status: 0 when no finding reaches the fail level, 1 when one does, 2 for usage,
configuration or unreadable-file errors.
"""
from __future__ import annotations

import argparse
import os
import sys
import textwrap

from . import __version__, registry
from .config import Config, ConfigError
from .finding import SEVERITIES, Finding, severity_rank
from .internal import ENGINE_CHECKS
from .reporters import FORMATS, Report, render
from .runner import ConfigResolver, Services, check_file, collect_files

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits 2 too, but we want our own wording
        raise UsageError(message)


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

    sub.add_parser("rules", help="list the rules").add_argument(
        "--format", choices=("text", "json"), default="text")
    explain = sub.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule")
    return parser


def add_output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("--config", help="configuration file (default: nearest .guidelint.yaml or pyproject.toml)")
    p.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that fails the run")
    p.add_argument("--no-color", action="store_true", help="never colour the text output")
    p.add_argument("--output", "-o", help="write the report to this file instead of stdout")
    p.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")


def _split(values: list[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _validate_rule_names(names: list[str]) -> None:
    rules, families = registry.load(), registry.families()
    for name in names:
        if name not in rules and name not in families and name != "ALL":
            raise UsageError(f"unknown rule or family '{name}' (see 'guidelint rules')")


def want_colour(args) -> bool:
    if args.no_color or os.environ.get("NO_COLOR") or args.output:
        return False
    return sys.stdout.isatty()


def emit(text: str, args) -> None:
    if getattr(args, "output", None):
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def exit_status(findings: list[Finding], fail_on: str, unreadable: bool) -> int:
    if unreadable:
        return EXIT_ERROR
    threshold = severity_rank(fail_on)
    return EXIT_FINDINGS if any(severity_rank(f.severity) >= threshold for f in findings) else EXIT_OK


def cmd_check(args) -> int:
    explicit = Config.load(args.config) if args.config else None
    select, ignore = _split(args.select), _split(args.ignore)
    _validate_rule_names(select + ignore)
    resolver = ConfigResolver(explicit, {"select": select, "ignore": ignore})
    services = Services(debug=args.debug)
    findings: list[Finding] = []
    unreadable = False
    if args.paths == ["-"]:
        name = args.stdin_filename or "<stdin>"
        data = sys.stdin.buffer.read()
        result = check_file(name, resolver.effective_for(name), services, data=data)
        files = 1
        results = [result]
    else:
        files_list, missing = collect_files(args.paths, explicit)
        results = list(missing)
        results.extend(check_file(p, resolver.effective_for(p), services) for p in files_list)
        files = len(files_list)
    for result in results:
        findings.extend(result.findings)
        unreadable |= result.unreadable
    findings.sort(key=Finding.sort_key)
    fail_on = args.fail_on or (explicit.fail_on if explicit else _first_fail_on(resolver, args.paths))
    emit(render(Report(findings, files), args.format, colour=want_colour(args)), args)
    return exit_status(findings, fail_on, unreadable or any(f.rule in ENGINE_CHECKS for f in findings))


def _first_fail_on(resolver: ConfigResolver, paths: list[str]) -> str:
    first = paths[0] if paths and paths != ["-"] else "."
    return resolver.config_for(first).fail_on


def cmd_rules(args) -> int:
    rules = registry.load()
    if args.format == "json":
        import json

        data = [{"id": rid, "severity": cls.severity, "summary": cls.summary, "tags": list(cls.tags),
                 "fix": cls.fix, "enabled_by_default": cls.enabled_by_default,
                 "options": cls.options} for rid, cls in rules.items()]
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
        return EXIT_OK
    width = max(len(r) for r in rules) if rules else 10
    for rid, cls in rules.items():
        flags = ("fix" if cls.fix == "safe" else "fix!" if cls.fix == "unsafe" else "   ")
        off = "" if cls.enabled_by_default else " (off by default)"
        print(f"{rid:<{width}}  {cls.severity:<7}  {flags:<4}  {cls.summary}{off}")
    return EXIT_OK


def cmd_explain(args) -> int:
    rules = registry.load()
    cls = rules.get(args.rule) or ENGINE_CHECKS.get(args.rule)
    if cls is None:
        raise UsageError(f"unknown rule '{args.rule}' (see 'guidelint rules')")
    print(f"{cls.id}  ({cls.severity})")
    print(cls.summary)
    print()
    print(cls.documentation())
    options = getattr(cls, "options", {})
    if options:
        print("\nOptions:")
        for name, value in options.items():
            print(textwrap.indent(f"{name}: {value!r}", "  "))
    return EXIT_OK


COMMANDS = {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain}


def main(argv: list[str] | None = None) -> int:
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


if __name__ == "__main__":
    sys.exit(main())
