"""What every start of the command compiles, kept between runs as Python keeps bytecode.

A translator's pre-commit run checks two guides, yet each start compiled the same things
again before reading them:

- ~320 regular expressions (guidelint's, mistune's, PyYAML's): 30-50 ms, mostly a handful of
  case-insensitive patterns over ``\\w`` and PyYAML's non-printable ranges, whose character
  classes the compiler expands against Unicode's case folds;
- the methods :mod:`dataclasses` writes as source text for ~36 classes (``__init__``,
  ``__eq__``, ``__repr__``...) and compiles one by one: ~13 ms.

What comes out (a pattern's ``_sre`` code, a method's code object) depends on nothing but its
text and the interpreter, so the ``guidelint`` command keeps both in one checksummed file per
interpreter in the user's cache folder and uses them next time, skipping the compiler, like a
``.pyc`` file skips compiling a module. Only the command installs this (a library caller's
process is left alone). It relies on ``re``'s and ``dataclasses``' internals, so it checks
what it can: a file of another interpreter is never read, a damaged one reads as empty, and
kept code the regex engine refuses is compiled again as Python does.
"""
from __future__ import annotations

import builtins
import marshal
import os
import sys

from . import user_cache
from .atomic import replace_file
from .checksum import read_checksummed, with_checksum

try:  # the regex compiler's internals: present on CPython 3.11 to 3.13, which guidelint supports
    import _sre
    from re import _compiler, _parser
except ImportError:  # another implementation: nothing to keep
    _sre = _compiler = _parser = None

#: entries kept at most per kind; a run that compiles more (patterns built from a document's
#: words) keeps only those it used, so the file cannot grow without end
KEPT = 4000

_file: str | None = None
_kept: dict[str, dict] = {"patterns": {}, "sources": {}}  # as read from the file
_used: dict[str, dict] = {"patterns": {}, "sources": {}}  # what this process compiled or reused
_python_compile = None
_patched_exec = False


def _interpreter_tag() -> str:
    """What the compiled code depends on: the interpreter's version and its regex engine's."""
    return (f"{sys.implementation.name}-{sys.version_info.major}{sys.version_info.minor}-"
            f"{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}")


def default_file() -> str:
    """The file in the user's cache folder (``$XDG_CACHE_HOME/guidelint``, by default
    ``~/.cache/guidelint``), one per interpreter."""
    return user_cache.folder(f"compiled-{_interpreter_tag()}.marshal")


def install(path: str | None = None) -> bool:
    """Compile patterns and dataclass methods from the kept file from now on, and add what
    this process compiles to it at :func:`save`. Returns whether it is installed."""
    global _file, _python_compile, _patched_exec
    if _compiler is None or _file is not None:
        return False
    _file = path or default_file()
    body = read_checksummed(_file)  # a torn or hand-edited file must not yield wrong code
    try:
        kept = marshal.loads(body) if body is not None else {}
    except (EOFError, ValueError, TypeError):
        kept = {}
    for kind in _kept:
        table = kept.get(kind) if isinstance(kept, dict) else None
        _kept[kind] = table if isinstance(table, dict) else {}
    _python_compile = _compiler.compile
    _compiler.compile = _compile_pattern
    import dataclasses

    # dataclasses calls exec() on the source of each method it writes; a global of that name
    # in its module is found before the built-in, and touches nothing else
    dataclasses.exec = _exec_source
    _patched_exec = True
    return True


def uninstall() -> None:
    """Compile as Python does again, and forget the kept entries (the tests' way back)."""
    global _file, _python_compile, _patched_exec
    if _python_compile is not None:
        _compiler.compile = _python_compile
    if _patched_exec:
        import dataclasses

        del dataclasses.exec
    _file = _python_compile = None
    _patched_exec = False
    for kind in _kept:
        _kept[kind], _used[kind] = {}, {}


def _compile_pattern(p, flags=0):
    if not isinstance(p, (str, bytes)) or flags & (_compiler.SRE_FLAG_DEBUG | _compiler.SRE_FLAG_LOCALE):
        return _python_compile(p, flags)  # a parsed pattern, a debugging dump, or code read with the locale
    key = (p, flags)
    kept = _kept["patterns"].get(key)
    if kept is not None:
        try:
            compiled = _sre.compile(p, *kept)
        except (TypeError, ValueError, RuntimeError):
            pass  # not the shape this interpreter's engine takes: compile it as Python does
        else:
            _used["patterns"][key] = kept
            return compiled
    # re._compiler.compile's own steps, keeping what it hands to the engine
    parsed = _parser.parse(p, flags)
    # the code's opcodes are named int constants, which marshal cannot write: plain ints run the same
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    kept = (flags | parsed.state.flags, code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))
    if not kept[0] & _compiler.SRE_FLAG_LOCALE:  # an inline (?L)
        _used["patterns"][key] = kept
    return _sre.compile(p, *kept)


def _exec_source(source, globals=None, locals=None):
    if not isinstance(source, str):
        return builtins.exec(source, globals, locals)
    code = _kept["sources"].get(source)
    if code is None:
        # what exec() does with a string, without the flags of this module's own
        # `from __future__` imports (dataclasses has none)
        code = compile(source, "<string>", "exec", dont_inherit=True)
    _used["sources"][source] = code
    return builtins.exec(code, globals, locals)


def save() -> None:
    """Write the kept entries if this process compiled any the file lacked (atomically: a
    parallel run reads the old file or the new one, never half of one)."""
    if _file is None or not any(_used[kind].keys() - _kept[kind].keys() for kind in _kept):
        return
    tables = {}
    for kind in _kept:
        table = {**_kept[kind], **_used[kind]}
        tables[kind] = table if len(table) <= KEPT else dict(_used[kind])
    try:
        os.makedirs(os.path.dirname(_file), exist_ok=True)
        replace_file(_file, with_checksum(marshal.dumps(tables)))
    except (OSError, ValueError):
        pass  # a read-only home, a full disk: the next run compiles again, nothing is lost
