"""guidelint: lint Markdown guides and check their translations.

The Python API::

    import lint
    findings = lint.check_text("# Title\n\nSome  text\n", path="guide.en-gb.md")
    findings = lint.check_paths(["docs/"])
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from .version import __version__

if TYPE_CHECKING:
    from .config import Config
    from .finding import Edit, Finding

__all__ = ["check_text", "check_paths", "Config", "Finding", "Edit", "__version__"]


def __getattr__(name: str):
    # imported on first use, so the command can put its kept compilations in place before the
    # engine (and mistune and PyYAML, which compile as they are imported) is loaded
    if name == "Config":
        from .config import Config
        return Config
    if name in ("Finding", "Edit"):
        from . import finding
        return getattr(finding, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _config(config) -> Config | None:
    from .config import Config

    if config is None or isinstance(config, Config):
        return config
    return Config.load(config)


def check_text(text: str, path: str = "guide.md", config: Config | str | None = None) -> list[Finding]:
    """Check Markdown text as if it were the file ``path``; return its findings."""
    from .check import check_file
    from .config import ConfigResolver
    from .memo import RunMemo

    resolver = ConfigResolver(_config(config))
    return check_file(path, resolver.effective_for(path), RunMemo(), data=text.encode("utf-8")).findings


def check_paths(paths: Iterable[str], config: Config | str | None = None) -> list[Finding]:
    """Check files and folders (walked for ``*.md``); return every finding, sorted."""
    from .check import iter_results
    from .config import ConfigResolver
    from .discovery import collect_files
    from .finding import Finding
    from .memo import RunMemo

    resolver = ConfigResolver(_config(config))
    files, missing = collect_files(list(paths), resolver)
    findings = [f for r in missing for f in r.findings]
    for result in iter_results(files, resolver, RunMemo()):
        findings.extend(result.findings)
    return sorted(findings, key=Finding.sort_key)
