"""Files that carry a checksum of their body on their first line: cache entries, the pack,
the spelling answers. A torn write, a hand edit or a foreign file reads as absent."""
from __future__ import annotations

import hashlib


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def with_checksum(body: bytes) -> bytes:
    return content_hash(body).encode() + b"\n" + body


def read_checksummed(path: str) -> bytes | None:
    """The body of a file :func:`with_checksum` wrote, or None when it cannot be read or its
    checksum does not match."""
    try:
        with open(path, "rb") as f:
            checksum, _, body = f.read().partition(b"\n")
    except OSError:
        return None
    return body if checksum == content_hash(body).encode() else None
