"""Garbage collection in a batch run: at folder ends, not every few thousand allocations.

A cold run parses thousands of guides. Each parsed guide is thousands of tracked objects
(nodes, their children lists, attribute dicts) that live until the run leaves the guide's
folder, so Python's automatic collector, triggered by allocation counts, traverses the same
living trees again and again: a quarter of a cold ``--jobs 1`` run on 1,968 guides, and its
full collections grow with the run's word caches. Yet almost nothing a check allocates is
garbage that only the collector can free: a guide's tree is let go whole when the run leaves
its folder (:meth:`lint.document.Document.release` breaks its parent links then, so reference
counting frees it), and the run's caches live to the end.

So a batch run (:func:`for_a_batch_run`) turns automatic collection off and collects at a
folder end every :data:`FILES_PER_COLLECTION` files instead (:func:`file_started`): what
survives a collection is the run's caches, which :func:`gc.freeze` moves out of the
collector's sight so that no later collection traverses them again. Library callers and the
language server keep Python's automatic collection: they never call :func:`for_a_batch_run`.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager

#: files checked between two collections, which run when the run next leaves a folder. The
#: cycles a check leaves once its guides are released are few (about 30 objects a guide: the
#: bench's 1,968 guides peak at 308 MB collected every 64 files, 312 MB collected once), and
#: collections cost less the rarer they are (on those guides: 0.94 s every 64 files, 0.45 s
#: every 512, 0.26 s every 1,000)
FILES_PER_COLLECTION = 1000
#: a folder this large (a flat repository) is not waited for: collect in its middle
FILES_IN_ONE_FOLDER = 4000

_state = {"batch": False, "files": 0, "ending": False}


def process_ends_with_the_run() -> None:
    """The process exits when the run ends, without tearing its objects down (the
    ``guidelint`` command): a batch run then leaves automatic collection off at its end, since
    turning it back on starts a collection of everything the run allocated since the last
    one (0.1 s after a cold run of 490 guides) just before the exit."""
    _state["ending"] = True


def for_a_batch_run() -> bool:
    """Collect only at folder ends from now on, in this process (and in the workers forked
    from it). Returns whether automatic collection was on."""
    was_on = gc.isenabled()
    gc.freeze()  # what start-up loaded (modules, rule data) is never garbage
    gc.disable()
    _state["batch"], _state["files"] = True, 0
    return was_on


def file_started(left_a_folder: bool) -> None:
    """A file's check starts (``left_a_folder``: the previous file was in another folder,
    whose guides were just released). Every few dozen files, at a folder end, free the cycles
    left since the last collection and set aside what survived it: the run's caches, which no
    later collection then traverses again."""
    if not _state["batch"]:
        return
    files = _state["files"] = _state["files"] + 1
    if (left_a_folder and files >= FILES_PER_COLLECTION) or files >= FILES_IN_ONE_FOLDER:
        _state["files"] = 0
        gc.collect()
        gc.freeze()


@contextmanager
def batch_run():
    """:func:`for_a_batch_run` for the length of a ``with`` block: the command line wraps a
    check in it, and a caller that runs the command in its own process (a test, a script)
    gets automatic collection back afterwards."""
    was_on = for_a_batch_run()
    try:
        yield
    finally:
        _state["batch"] = False
        if was_on and not _state["ending"]:
            gc.enable()
