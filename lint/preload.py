"""Hunspell dictionaries loaded ahead, in a helper process, while a small run starts.

A pre-commit run checks one or two guides. Python starts, the rules load, the guides parse,
and only then does a rule meet a word no earlier run asked (a translator's typo, a new term),
so Hunspell loads a dictionary: 70 ms for en_GB, half a second for pt_PT, the largest single
cost of such a run. chunspell holds the GIL while it loads, so a thread cannot hide that; a
process can. :func:`start` starts one that loads the dictionaries the run will most
likely ask, on the second core, while this process imports the rules, and then answers
their questions over a pipe. :class:`lint.spellers.HunspellBackend` asks it through
:func:`ask` until it has asked :data:`MAX_QUESTIONS` (a question costs about 10 µs there, 5 µs
in process), then loads its own copy; the answers are Hunspell's either way.
"""
from __future__ import annotations

import atexit
import os
import select
import subprocess
import sys

#: guides a run may check for a preload to pay: a larger run asks more questions than a
#: pipe serves cheaply, and runs long enough for the load not to matter
SMALL_RUN = 8
#: questions sent over the pipe before the backend loads its own copy of the dictionary:
#: ~20 ms of round trips, a fraction of a load
MAX_QUESTIONS = 2000

SPELL, SUGGEST = b"s", b"g"
_NAMED_LATER = "--named-later"  # the helper's argument when start_early spawned it
_parent = os.getpid()
_FAILED = 0xFFFFFFFF  # the answer's length when the helper could not load that dictionary

_loader: "_Loader | None" = None
_early: "subprocess.Popen | None" = None  # started by start_early, not yet told what to load


def start_early() -> bool:
    """Start the helper process now, before the run knows which dictionaries it will want
    (:func:`start` names them): its interpreter and Hunspell's module load while this process
    imports the engine, so a dictionary is ready ~30 ms sooner. The command calls this first
    thing when its arguments look like a pre-commit run's; a helper never named any
    dictionary is stopped with the run."""
    global _early
    if _early is not None or os.name != "posix" or _cores() < 2:
        return False
    try:
        _early = _spawn([])
    except OSError:
        return False
    atexit.register(_stop_early)
    return True


def start(dictionaries: list[tuple[str, str]]) -> bool:
    """Start loading these (name, folder) Hunspell dictionaries, in this order, in a helper
    process (the one :func:`start_early` started, if any), when there is a second core for
    it; True when it started."""
    global _loader, _early
    wanted = list(dict.fromkeys(dictionaries))
    # POSIX: the helper waits on its pipe with select(), which Windows offers for sockets only
    if _loader is not None or not wanted or os.name != "posix" or _cores() < 2:
        return False
    process, _early = _early, None
    try:
        _loader = _Loader(wanted, process)
    except OSError:  # no process to be had, or the early one died: the backends load their own
        if process is not None:
            _end(process)
        return False
    return True


def ask(kind: bytes, name: str, folder: str, word: str):
    """The helper's answer: ``spell`` (a bool) or ``suggest`` (a tuple), or None when it has
    no answer to give (not preloaded, failed, or asked enough) and the backend must load."""
    if _loader is None:
        return None
    return _loader.ask(kind, name, folder, word)


def stop() -> None:
    """End the helper: the run is over."""
    global _loader
    _stop_early()
    if _loader is not None:
        _loader.close()
        _loader = None


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _spawn(dictionaries: list[tuple[str, str]]) -> subprocess.Popen:
    """The helper: a new interpreter running this file, not a fork (a forked copy of this
    process would share its pages copy-on-write, and every object the run then touches (a
    reference count is a write) would be copied, costing more than the load saves). With no
    dictionaries named, it waits for their names on its pipe."""
    arguments = [a for d in dictionaries for a in d] or [_NAMED_LATER]
    return subprocess.Popen(
        [sys.executable, os.path.abspath(__file__), *arguments], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0)


def _stop_early() -> None:
    global _early
    if _early is not None and _early.pid and os.getpid() == _parent:
        process, _early = _early, None
        _end(process)


def _end(process: subprocess.Popen) -> None:
    process.kill()  # it may still be loading a dictionary nobody asked: no need to wait for that
    process.wait()
    process.stdin.close()
    process.stdout.close()


class _Loader:
    def __init__(self, dictionaries: list[tuple[str, str]], process: "subprocess.Popen | None" = None):
        self.index = {d: i for i, d in enumerate(dictionaries)}
        self.questions = 0
        self.parent = os.getpid()
        if process is None:
            process = _spawn(dictionaries)
        else:  # started early: name what to load (a line of NUL-separated names and folders)
            names = "\0".join(a for d in dictionaries for a in d).encode("utf-8", "surrogateescape")
            _write_all(process.stdin.fileno(), len(names).to_bytes(4, "little") + names)
        self.process = process
        self.requests, self.answers = self.process.stdin.fileno(), self.process.stdout.fileno()
        atexit.register(self.close)

    def ask(self, kind: bytes, name: str, folder: str, word: str):
        index = self.index.get((name, folder))
        if index is None or self.process is None or os.getpid() != self.parent:
            return None  # a worker forked from this process must not share the pipe
        if self.questions >= MAX_QUESTIONS:
            return None
        self.questions += 1
        data = word.encode("utf-8", "surrogatepass")
        try:
            _write_all(self.requests, kind + bytes((index,)) + len(data).to_bytes(4, "little") + data)
            size = int.from_bytes(_read_exact(self.answers, 4), "little")
            if size == _FAILED:
                return None
            answer = _read_exact(self.answers, size).decode("utf-8", "surrogatepass")
        except (OSError, EOFError):  # the helper died: the backend loads its own copy
            self.close()
            return None
        if kind == SPELL:
            return answer == "1"
        return tuple(answer.split("\0")) if answer else ()

    def close(self) -> None:
        if self.process is None or os.getpid() != self.parent:
            return
        process, self.process = self.process, None
        _end(process)


def _serve(dictionaries: list[tuple[str, str]], requests: int, answers: int) -> None:
    from hunspell import Hunspell

    loaded: dict[int, object] = {}

    def dictionary(index: int):
        if index not in loaded:
            name, folder = dictionaries[index]
            try:
                loaded[index] = Hunspell(name, hunspell_data_dir=folder)
            except Exception:  # noqa: BLE001 - the backend then loads it itself, and says why it cannot
                loaded[index] = None
        return loaded[index]

    ahead = list(range(len(dictionaries)))
    while True:
        # load ahead in the order given, but answer a question as soon as one comes
        while ahead and not select.select([requests], [], [], 0)[0]:
            dictionary(ahead.pop(0))
        try:
            head = _read_exact(requests, 6)
        except EOFError:
            return
        kind, index, size = head[:1], head[1], int.from_bytes(head[2:], "little")
        word = _read_exact(requests, size).decode("utf-8", "surrogatepass")
        hunspell = dictionary(index)
        if hunspell is None:
            _write_all(answers, _FAILED.to_bytes(4, "little"))
            continue
        if kind == SPELL:
            try:
                answer = "1" if hunspell.spell(word) else "0"
            except (UnicodeError, ValueError):  # as HunspellBackend.spell answers it
                answer = "0"
        else:
            try:
                answer = "\0".join(hunspell.suggest(word))
            except (UnicodeError, ValueError):
                answer = ""
        data = answer.encode("utf-8", "surrogatepass")
        _write_all(answers, len(data).to_bytes(4, "little") + data)


def _read_exact(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, left)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _named_on_pipe(requests: int) -> list[tuple[str, str]]:
    size = int.from_bytes(_read_exact(requests, 4), "little")
    names = _read_exact(requests, size).decode("utf-8", "surrogateescape").split("\0")
    return list(zip(names[0::2], names[1::2]))


if __name__ == "__main__":  # the helper: python preload.py NAME FOLDER [NAME FOLDER ...] | --named-later
    del sys.path[0]  # this file's folder: its modules must not shadow the standard library's
    if sys.argv[1:] == [_NAMED_LATER]:
        import hunspell  # noqa: F401 - loaded while the run decides what to ask for

        try:
            named = _named_on_pipe(sys.stdin.fileno())
        except EOFError:  # never told: the run wanted no dictionary ahead
            sys.exit(0)
    else:
        named = list(zip(sys.argv[1::2], sys.argv[2::2]))
    _serve(named, sys.stdin.fileno(), sys.stdout.fileno())
