"""Compiled regular expressions kept between runs, as Python keeps compiled modules.

Compiling guidelint's patterns and those of the libraries it imports (mistune, PyYAML)
costs ~40 ms of every start: a handful of them (case-insensitive ones over ``\\w``, PyYAML's
non-printable ranges) take ~5-12 ms each, because the compiler expands every character class
against Unicode's case folds. A translator's pre-commit run pays it at each commit. What the
compiler produces (the ``_sre`` code of a pattern) depends on nothing but the pattern, its
flags and the interpreter, so the ``guidelint`` command keeps it in a file per interpreter
and hands it straight to ``_sre.compile`` next time, skipping the parse and the code
generation, like a ``.pyc`` file skips compiling a module.

Only the command line installs it (a library caller's process is left alone). It reads
``re``'s internals, so everything is checked: a file of another interpreter, a damaged file,
or a compiler that no longer has the expected shape, and guidelint compiles as Python does.
"""
from __future__ import annotations

import marshal
import os
import sys

from .atomic import replace_file
from .checksum import read_checksummed, with_checksum

try:  # the compiler's internals: present on CPython 3.11 to 3.13, which guidelint supports
    import _sre
    from re import _compiler, _parser
except ImportError:  # another implementation: nothing to keep
    _sre = _compiler = _parser = None

#: patterns kept at most; a run that compiles more (patterns built from a document's own
#: words) keeps only those it used, so the file cannot grow without end
KEPT = 4000

_table: dict[tuple, tuple] = {}
_used: dict[tuple, tuple] = {}
_file: str | None = None
_compile = None


def _interpreter_tag() -> str:
    """What the compiled code depends on: the interpreter's version and its regex engine's."""
    return f"{sys.implementation.name}-{sys.version_info.major}{sys.version_info.minor}-" \
           f"{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}"


def default_file() -> str:
    """The file in the user's cache folder (``$XDG_CACHE_HOME/guidelint``, by default
    ``~/.cache/guidelint``), one per interpreter."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "guidelint", f"patterns-{_interpreter_tag()}.marshal")


def install(path: str | None = None) -> bool:
    """Compile patterns from the kept file from now on, and add what this process compiles
    to it at :func:`save`. Returns whether it is installed."""
    global _file, _compile, _table
    if _compiler is None or _compile is not None:
        return False
    _file = path or default_file()
    body = read_checksummed(_file)  # a torn or hand-edited file must not yield wrong code
    try:
        table = marshal.loads(body) if body is not None else {}
    except (EOFError, ValueError, TypeError):
        table = {}
    _table = table if isinstance(table, dict) else {}
    _compile = _compiler.compile
    _compiler.compile = _compile_kept
    return True


def uninstall() -> None:
    """Compile as Python does again, and forget the kept patterns (the tests' way back)."""
    global _file, _compile, _table, _used
    if _compile is not None:
        _compiler.compile = _compile
    _file = _compile = None
    _table, _used = {}, {}


def _compile_kept(p, flags=0):
    if not isinstance(p, (str, bytes)) or flags & (_compiler.SRE_FLAG_DEBUG | _compiler.SRE_FLAG_LOCALE):
        return _compile(p, flags)  # a parsed pattern, a debugging dump, or code read with the locale
    key = (p, flags)
    kept = _table.get(key)
    if kept is not None:
        try:
            compiled = _sre.compile(p, *kept)
        except (TypeError, ValueError, RuntimeError):
            pass  # not the shape this interpreter's engine takes: compile it as Python does
        else:
            _used[key] = kept
            return compiled
    parsed = _parser.parse(p, flags)
    # the code's opcodes are named int constants, which marshal cannot write: plain ints run the same
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    kept = (flags | parsed.state.flags, code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))
    if not kept[0] & _compiler.SRE_FLAG_LOCALE:  # an inline (?L)
        _used[key] = kept
    return _sre.compile(p, *kept)


def save() -> None:
    """Write the kept patterns if this process compiled any the file lacked (atomically:
    a parallel run reads the old file or the new one, never half of one)."""
    if _file is None or not (_used.keys() - _table.keys()):
        return
    table = {**_table, **_used}
    if len(table) > KEPT:
        table = dict(_used)
    try:
        os.makedirs(os.path.dirname(_file), exist_ok=True)
        replace_file(_file, with_checksum(marshal.dumps(table)))
    except (OSError, ValueError):
        pass  # a read-only home, a full disk: the next run compiles again, nothing is lost
