"""Replace a file atomically: a temporary file in the same folder, then ``os.replace``.

A reader, or a crash between the two steps, sees either the old content or the new one;
the temporary file is removed when anything fails.
"""
from __future__ import annotations

import os
import tempfile


def replace_file(path: str, data: bytes, *, mode: int | None = None, durable: bool = False) -> None:
    """Write ``data`` to ``path``. ``mode`` sets the new file's permissions; ``durable`` flushes
    it to disk before the rename (for a user's file, not for a cache entry)."""
    folder, name = os.path.split(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".guidelint-tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def user_file_mode(path: str) -> int:
    """The permissions a file the user asked for should get: those of the file it replaces,
    else what ``open()`` would give under the umask (``mkstemp`` always makes 0600, which
    would hide a committed baseline from the rest of a team)."""
    import stat

    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        pass
    umask = os.umask(0)  # the only way to read it; set back at once
    os.umask(umask)
    return 0o666 & ~umask
