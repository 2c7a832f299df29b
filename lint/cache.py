"""The result cache: a re-run over unchanged files re-parses nothing.

One entry per checked file and effective configuration, in ``<cache_dir>/entries-<code>/``. An
entry's name is a hash of everything that selects it (the path as reported, the file's
effective configuration fingerprint, guidelint's version and a fingerprint of the code of
the engine and of every loaded rule); its body records the hash of the file's content and
of every other input a rule declared it read (``ctx.depends_on(path)``: a sibling
translation, a folder listing, a dictionary), and the findings. A lookup is a hit only when
the file's content and every recorded input still hash the same, so changing a source
guide re-checks exactly the translations that read it.

Entries are written atomically (temporary file, then ``os.replace``) and start with a
checksum of their body: an entry that cannot be read or whose checksum does not match is a
miss, never an error. An entry that passes was written by this very code (the folder is
per Python version and code fingerprint), so it is read without checking each field's type:
a head in ``marshal`` format (a fifth of JSON's cost to read back), then the findings twice,
as lists (:class:`Finding` objects for every format, ``--fix`` and baselines) and as the
records of the JSON report, which a warm JSON run writes as they are (:class:`Stored`).
"""
from __future__ import annotations

import hashlib
import marshal
import mmap
import os
import shutil
import stat
import sys
import time
import zlib
from collections import Counter
from typing import Iterable

from .atomic import replace_file
from .checksum import content_hash, read_checksummed, with_checksum
from .finding import Edit, Finding
from .json_records import records

FORMAT = 10  # 2: findings keep whether they had a source line, not the line itself; 3: checksummed;
# 4: a finding keeps its fix's applicability ("safe"/"unsafe"), not a fix_safe flag; 5: marshal, not JSON;
# 6: the pack indexes its bodies in one buffer; 7: an entry's findings are a section of their own;
# 8: the stat index is marshal, and holds folders; 9: entries hold their findings' JSON records too;
# 10: the pack's index holds the entries' heads, sharing their strings
TAG_NAME = "CACHEDIR.TAG"
TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
       "# This folder is guidelint's result cache (https://bford.info/cachedir/).\n"
       "# Remove it with 'guidelint cache clear'.\n")
ABSENT = "absent"
INDEX = "stat-index.bin"  # a CRC-32 line, then marshal: absolute path -> [size, mtime, ctime, inode, digest]
#: every entry of the last large runs in one file: a CRC-32 line, the size of the index, the
#: index (marshal: key -> (the entry's head, start, end of its findings' sections)), then the
#: sections
PACK = "pack.bin"
#: a run of this many files reads entries from the pack: one read instead of a file each
#: (10,000 opens were a fifth of a warm re-run); a smaller run (pre-commit) reads its few
#: entries one by one rather than the whole pack
PACK_FROM = 200
ENTRY = ".entry"  # one checked file's entry, in marshal format
SETTLED = 2.0  # seconds: a file modified more recently is always read


def input_digest(path: str, by: str = "content") -> str:
    """How an input looks now: the hash of a file's bytes (``by="content"``), its mtime and
    size (``by="stat"``, for large data files such as dictionaries), or for a folder the hash
    of its sorted entry names. ``"absent"`` when it does not exist."""
    try:
        if by == "stat":
            st = os.stat(path)
            return f"s{st.st_mtime_ns}:{st.st_size}"
        if os.path.isdir(path):
            return "d" + content_hash("\0".join(sorted(os.listdir(path))).encode("utf-8", "surrogateescape"))
        if not os.path.isfile(path):
            return "special" if os.path.exists(path) else ABSENT  # a FIFO would block the open
        with open(path, "rb") as f:
            return content_hash(f.read())
    except OSError:
        return ABSENT


def code_fingerprint(rule_classes: Iterable[type] = ()) -> str:
    """guidelint's version plus the size and mtime of the engine's and the rules' files, so a
    development install or an upgraded plug-in never serves stale results."""
    from .version import __version__

    h = hashlib.blake2b(digest_size=12)
    h.update(f"{FORMAT}|{__version__}|{sys.version_info[:2]}".encode())
    seen = set()
    folders = {os.path.dirname(os.path.abspath(__file__))}
    engine = next(iter(folders))
    folders |= {os.path.join(engine, d) for d in os.listdir(engine)  # lint/translations...
                if os.path.isfile(os.path.join(engine, d, "__init__.py"))}
    for cls in rule_classes:
        module = sys.modules.get(cls.__module__)
        file = getattr(module, "__file__", None)
        if file:
            folders.add(os.path.dirname(os.path.abspath(file)))
    for folder in sorted(folders):
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            if not name.endswith((".py", ".yaml", ".yml", ".json", ".txt")):
                continue
            path = os.path.join(folder, name)
            if path in seen:
                continue
            seen.add(path)
            try:
                st = os.stat(path)
            except OSError:
                continue
            h.update(f"{path}|{st.st_mtime_ns}|{st.st_size}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


# A finding's source line is a copy of the file's text, a third of an entry's size: an entry
# only says whether the finding had one, and restore_source_lines() reads it back from the
# unchanged file for the outputs that show it (text, baselines). JSON never needs it.
HAS_LINE = "\n"


def finding_to_list(f: Finding) -> list:
    return [f.line, f.column, f.end_line, f.end_column, f.rule, f.severity, f.message,
            [[e.line, e.column, e.end_line, e.end_column, e.replacement] for e in f.edits],
            f.applicability, HAS_LINE if f.source_line else ""]


_edit = Edit._make  # tuple.__new__ on the stored list: no per-field Python call


def finding_from_list(path: str, item: list) -> Finding:
    line, column, end_line, end_column, rule, severity, message, edits, applicability, has_line = item
    return Finding(path, line, column, end_line, end_column, rule, severity, message,
                   tuple(map(_edit, edits)) if edits else (), applicability, has_line)


class Stored:
    """A cache hit's findings as its entry holds them, made :class:`Finding` objects only when
    asked: the lists :func:`finding_to_list` makes, and the same findings as the records of
    the JSON report, which a warm JSON run writes as they are (formatting 110,000 records
    was a third of it, making Findings to read their fields back a fifth). Each section is
    read from the entry only when first used: a run looks every file up before it writes
    the first, and holding every hit's findings at once cost a page fault per 4 KB."""

    __slots__ = ("path", "_lists", "_items", "_json", "_summary")

    def __init__(self, path: str, lists, json_records, summary: tuple):
        self.path, self._lists, self._items, self._json = path, lists, None, json_records
        self._summary = summary

    @property
    def items(self) -> list[list]:
        if self._items is None:
            self._items, self._lists = marshal.loads(self._lists), None
        return self._items

    def __len__(self) -> int:
        return sum(self._summary[0].values())

    def findings(self) -> list[Finding]:
        path = self.path
        return [finding_from_list(path, item) for item in self.items]

    def json_records(self) -> memoryview | None:
        """The findings as :func:`lint.json_records.records` writes them, in UTF-8; None when
        the entry could not keep them (text no UTF-8 encodes: a path's undecodable bytes)."""
        return self._json if self._summary[3] else None

    def rules(self) -> tuple[str, ...]:
        """The rules that reported them, each once."""
        return self._summary[2]

    def tally(self, severities: Counter, fixes: Counter) -> None:
        """Count the findings by severity, and those with a fix by applicability."""
        severities.update(self._summary[0])
        fixes.update(self._summary[1])


def entry_body(path: str, data_hash: str, deps: dict[str, tuple[str, str]], findings: list[Finding]) -> bytes:
    """An entry: the size of its head, its head (marshal: the content hash, the inputs read and
    their digests, the size of the next section, and a summary of the findings: counts by
    severity, counts of fixes by applicability, the rules, whether the JSON records could be
    kept), then its findings as lists (marshal) and as JSON records (UTF-8), sections read
    only when used."""
    inputs = tuple(sorted(deps.items()))
    # in report order, so a hit is written as read, with no sort
    ordered = sorted(findings, key=Finding.sort_key)
    lists = marshal.dumps([finding_to_list(f) for f in ordered])
    try:  # a hit's findings are reported under the path looked up
        json_records = records(ordered, path).encode("utf-8")
    except UnicodeEncodeError:
        json_records = None
    summary = (dict(Counter(f.severity for f in ordered)),
               dict(Counter(f.applicability for f in ordered if f.edits)),
               tuple(sorted({f.rule for f in ordered})), json_records is not None)
    head = marshal.dumps((data_hash, tuple((dep, by) for dep, (by, _) in inputs),
                          tuple(digest for _, (_, digest) in inputs), len(lists), summary))
    return b"".join([len(head).to_bytes(4, "little"), head, lists, json_records or b""])


def split_entry(body) -> tuple[tuple, memoryview]:
    """An entry's head (decoded) and its findings' sections (unread). Raises ValueError,
    EOFError or TypeError when it is not an entry."""
    view = memoryview(body)
    size = int.from_bytes(view[:4], "little")
    return marshal.loads(view[4:4 + size]), view[4 + size:]


def read_entry(body) -> tuple[str, tuple, tuple, memoryview, memoryview, tuple]:
    """An entry's content hash, inputs ((path, by) pairs), their digests, its findings' two
    sections, unread, and their summary. Raises ValueError, EOFError or TypeError when it is
    not an entry."""
    head, sections = split_entry(body)
    return _read(head, sections)


def _read(head: tuple, sections) -> tuple[str, tuple, tuple, memoryview, memoryview, tuple]:
    data_hash, inputs, digests, lists_size, summary = head
    return data_hash, inputs, digests, sections[:lists_size], sections[lists_size:], summary


def _shared(head: tuple, pool: dict) -> tuple:
    """``head`` made of the objects ``pool`` already holds where equal ones were seen: marshal
    writes an object it meets again as a reference, and the siblings of a folder name the
    same inputs and digests (a pack's heads shrink sevenfold, and read back four times faster)."""
    data_hash, inputs, digests, lists_size, (severities, fixes, rules, has_json) = head
    inputs = tuple([pool.setdefault(pair, pair) for pair in inputs])
    digests = tuple([pool.setdefault(digest, digest) for digest in digests])
    return (data_hash, pool.setdefault(inputs, inputs), pool.setdefault(digests, digests), lists_size,
            (severities, fixes, pool.setdefault(rules, rules), has_json))


def restore_source_lines(findings: list[Finding]) -> None:
    """Put back the source lines a cached result left out, from the file (whose content the
    cache lookup found unchanged)."""
    from .source import UndecodableFile, decode

    pending = [f for f in findings if f.source_line == HAS_LINE]
    if not pending:
        return
    try:
        with open(pending[0].path, "rb") as fh:
            lines = decode(fh.read()).lines
    except (OSError, UndecodableFile):
        lines = ()
    for f in pending:
        f.source_line = lines[f.line - 1] if 0 < f.line <= len(lines) else ""


class Cache:
    """Reads and writes entries; memoises the digest of each input for the run."""

    def __init__(self, folder: str, code: str):
        self.folder = folder
        self.code = code
        # one folder per code fingerprint: an upgrade starts afresh and removes the old one
        self.entries = os.path.join(folder, "entries-" + code)
        self._digests: dict[tuple[str, str], str] = {}
        self._folders: dict[str, str] = {}  # a folder as given -> its absolute path, with a final separator
        self._index: dict | None = None
        self._new_index: dict[str, list] = {}
        self._ready = False
        self._pack: dict[str, bytes] | None = None  # entries new this run; None: no pack in use
        self._pack_data = memoryview(b"")  # the pack's bodies, as read
        self._pack_index: dict[str, tuple] = {}  # key -> (head, start, end of its sections in _pack_data)
        self._pack_stale = False  # the pack lacks or holds an outdated entry this run used
        self._used: set[str] = set()  # the keys of the entries this run looked up
        self.hits = self.misses = 0

    # keys ---------------------------------------------------------------------------
    def key(self, path: str, fingerprint: str) -> str:
        h = hashlib.blake2b(f"{self.code}|{fingerprint}|{path}".encode("utf-8", "surrogateescape"),
                            digest_size=16)
        return h.hexdigest()

    def digest(self, path: str, by: str) -> str:
        """How the input ``path`` (absolute, as recorded) looks now, memoised for the run."""
        key = (path, by)
        value = self._digests.get(key)
        if value is None:
            if by == "content":
                try:
                    value = self._hash(path)
                except OSError:
                    value = ABSENT
            else:
                value = input_digest(path, by)
            self._digests[key] = value
        return value

    # the stat index: skip reading files whose stat has not changed -------------------
    def _load_index(self) -> dict:
        if self._index is None:
            index = None
            try:
                with open(os.path.join(self.entries, INDEX), "rb") as f:
                    checksum, _, body = f.read().partition(b"\n")
                if checksum == b"%08x" % zlib.crc32(body):
                    index = marshal.loads(body)
            except (OSError, ValueError, EOFError, TypeError):
                pass
            self._index = index if isinstance(index, dict) else {}
        return self._index

    def file_hash(self, path: str, data: bytes | None = None) -> str:
        """The content hash of the file at ``path``, like git's index: taken from the last
        run when the file's size, mtime, ctime and inode are unchanged (and were already
        more than :data:`SETTLED` seconds old then, so a write within the same clock tick
        cannot hide), else read and hashed. ``data``: the file's bytes, already read."""
        folder, _, name = path.rpartition(os.sep)
        if name in ("", os.curdir, os.pardir) or os.altsep:
            full = os.path.abspath(path)
        else:  # one abspath per folder, not per file
            base = self._folders.get(folder)
            if base is None:
                base = os.path.abspath(folder or (os.sep if path.startswith(os.sep) else os.curdir))
                base = self._folders[folder] = base if base.endswith(os.sep) else base + os.sep
            full = base + name
        if data is None:
            known = self._digests.get((full, "content"))
            if known is None:  # else a sibling's check already asked this run
                known = self._digests[(full, "content")] = self._hash(full)
            return known
        st = os.stat(full)
        digest = self._digests[(full, "content")] = content_hash(data)
        self._record(full, st, [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino], digest)
        return digest

    def _hash(self, full: str) -> str:
        """:meth:`file_hash` of an absolute path, not memoised; a folder's is the digest of
        its listing (:func:`input_digest`), kept in the stat index too: a folder's mtime and
        ctime move whenever a name in it is added, removed or renamed."""
        st = os.stat(full)
        stamp = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        record = self._load_index().get(full)
        if isinstance(record, list) and record[:4] == stamp and len(record) == 5:
            return record[4]
        if stat.S_ISREG(st.st_mode):
            with open(full, "rb") as f:
                digest = content_hash(f.read())
        elif stat.S_ISDIR(st.st_mode):
            digest = input_digest(full)
        else:
            return input_digest(full)  # a FIFO would block the open
        self._record(full, st, stamp, digest)
        return digest

    def _record(self, full: str, st: os.stat_result, stamp: list, digest: str) -> None:
        if max(st.st_mtime, st.st_ctime) < time.time() - SETTLED:
            self._new_index[full] = stamp + [digest]

    def save_index(self) -> None:
        if not self._new_index:
            return
        index = dict(self._load_index())
        index.update(self._new_index)
        self._new_index = {}
        try:
            self._prepare()
            body = marshal.dumps(index)
            replace_file(os.path.join(self.entries, INDEX), b"%08x\n" % zlib.crc32(body) + body)
        except (OSError, ValueError):
            pass

    # the pack: one file holding the entries of large runs ---------------------------
    def use_pack(self) -> None:
        """Read entries from the pack from now on (a large run); :meth:`save_pack` at its end."""
        if self._pack is not None:
            return
        self._pack = {}
        self._pack_data, self._pack_index = memoryview(b""), {}
        try:
            with open(os.path.join(self.entries, PACK), "rb") as f:
                # mapped, not read: the bodies stay slices of the file's pages, never copied
                # (a copy of the pack's 30 MB per step, and their page faults, were a tenth
                # of a warm re-run); the pack is replaced by rename, never rewritten in place.
                # Windows cannot replace a mapped file, which save_pack() does: read it there
                raw = (f.read() if os.name == "nt" else mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))
        except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
            return
        checksum, _, _ = raw[:16].partition(b"\n")
        view = memoryview(raw)[len(checksum) + 1:]
        try:
            if checksum != b"%08x" % zlib.crc32(view):
                return
            size = int.from_bytes(view[:8], "little")
            index = marshal.loads(view[8:8 + size])
        except (ValueError, EOFError, TypeError):
            return
        if isinstance(index, dict):
            self._pack_data, self._pack_index = view[8 + size:], index

    def _packed(self, key: str) -> tuple[tuple, memoryview] | None:
        """The head and sections the pack (or this run) holds for ``key``, or None."""
        body = self._pack.get(key)
        if body is not None:
            return split_entry(body)
        found = self._pack_index.get(key)
        if found is None:
            return None
        head, start, end = found
        return head, self._pack_data[start:end]

    def remember(self, key: str, body: bytes) -> None:
        """An entry read or stored this run (by a worker process too), for the pack the run
        writes at its end."""
        if self._pack is None:
            return
        try:
            if self._packed(key) == split_entry(body):
                return
        except (ValueError, EOFError, TypeError):
            pass
        self._pack[key] = body
        self._pack_stale = True

    def save_pack(self) -> None:
        if self._pack is None or not self._pack_stale:
            return
        used = self._used
        keys = list(self._pack_index)
        if len(keys) - len(used.intersection(keys)) > len(used):
            # entries no run has asked for since (renamed guides, an earlier configuration)
            # outnumber this run's: leave them to their entry files, so the pack stays within
            # twice the size of the runs that read it
            keys = [key for key in keys if key in used]
        keys += [key for key in self._pack if key not in self._pack_index]
        index, sections, offset, pool = {}, [], 0, {}
        try:
            for key in keys:
                head, body = self._packed(key)
                index[key] = (_shared(head, pool), offset, offset + len(body))
                sections.append(body)
                offset += len(body)
        except (ValueError, EOFError, TypeError):
            return  # an entry this run holds is not one: keep the pack as it is
        head = marshal.dumps(index)
        body = b"".join([len(head).to_bytes(8, "little"), head, *sections])
        try:
            self._prepare()
            replace_file(os.path.join(self.entries, PACK), b"%08x\n" % zlib.crc32(body) + body)
        except (OSError, ValueError):
            pass
        self._pack_stale = False

    # lookup -------------------------------------------------------------------------
    def _entry(self, key: str) -> tuple[tuple, memoryview] | None:
        """The head and sections of the entry ``key``, from the pack or its own file."""
        self._used.add(key)
        if self._pack is not None:
            found = self._packed(key)
            if found is not None:
                return found
        body = read_checksummed(os.path.join(self.entries, key + ENTRY))
        if body is None:
            return None
        self.remember(key, body)  # the pack lacked it: the run's pack will have it
        return split_entry(body)

    def lookup(self, path: str, fingerprint: str, data_hash: str) -> list[Finding] | None:
        """The cached findings of ``path`` if its content and every input it read are unchanged."""
        stored = self.lookup_stored(path, fingerprint, data_hash)
        return stored.findings() if stored is not None else None

    def lookup_stored(self, path: str, fingerprint: str, data_hash: str) -> Stored | None:
        """:meth:`lookup`'s findings as stored."""
        try:
            entry = self._entry(self.key(path, fingerprint))
            if entry is None:
                return None
            content, inputs, digests, lists, json_records, summary = _read(*entry)
            if content != data_hash:
                return None
            known = self._digests.get
            # the inputs a folder's guides share are known after the first: one C loop
            if tuple(map(known, inputs)) != digests:
                for (dep, by), digest in zip(inputs, digests, strict=True):
                    if (known((dep, by)) or self.digest(dep, by)) != digest:
                        return None
        except (OSError, ValueError, EOFError, TypeError, KeyError, IndexError, AttributeError):
            return None  # absent or corrupt: check the file again
        return Stored(path, lists, json_records, summary)

    def answers(self):
        """The spelling answers of earlier runs (:mod:`lint.answers`), beside the entries."""
        from .answers import AnswerStore

        return AnswerStore(self.entries, self._prepare)

    # store --------------------------------------------------------------------------
    def _prepare(self) -> None:
        if self._ready:
            return
        if not os.path.isdir(self.entries):
            os.makedirs(self.entries, exist_ok=True)
            for name in os.listdir(self.folder):
                if name.startswith("entries-") and name != os.path.basename(self.entries):
                    shutil.rmtree(os.path.join(self.folder, name), ignore_errors=True)
        tag = os.path.join(self.folder, TAG_NAME)
        if not os.path.exists(tag):
            replace_file(tag, TAG.encode())
            replace_file(os.path.join(self.folder, ".gitignore"), b"# created by guidelint\n*\n")
        self._ready = True

    def store(self, path: str, fingerprint: str, data_hash: str, deps: dict[str, tuple[str, str]],
              findings: list[Finding]) -> tuple[str, bytes]:
        """Write the entry of ``path``; returns its key and body (for the pack)."""
        key, body = self.key(path, fingerprint), entry_body(path, data_hash, deps, findings)
        try:
            self._prepare()
            replace_file(os.path.join(self.entries, key + ENTRY), with_checksum(body))
        except OSError:
            pass  # a read-only or full disk makes the cache useless, not the run wrong
        self.remember(key, body)
        return key, body


def clear(folder: str) -> bool:
    """Remove a cache folder guidelint created (it holds our CACHEDIR.TAG). False if absent."""
    if not os.path.isdir(folder):
        return False
    tag = os.path.join(folder, TAG_NAME)
    try:
        with open(tag, encoding="utf-8") as f:
            ours = f.read().startswith(TAG.splitlines()[0])
    except OSError:
        ours = False
    if not ours:
        raise OSError(f"{folder} is not a guidelint cache (no {TAG_NAME}); not removing it")
    shutil.rmtree(folder)
    return True
