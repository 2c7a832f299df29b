"""``guidelint server``: a language server over stdio (the optional ``lsp`` extra).

The protocol side needs pygls and lsprotocol; without them the command says how to install
them. ``lint.server.session`` (buffers, checks, fix edits) and ``lint.server.positions`` do
not need them.
"""
from __future__ import annotations

import sys

INSTALL_HINT = "the language server needs the 'lsp' extra: pip install 'guidelint[lsp]'"


def main(config: str | None = None, debounce_ms: int | None = None, docs_url: str | None = None,
         debug: bool = False) -> int:
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        print(f"guidelint: {INSTALL_HINT}", file=sys.stderr)
        return 2
    from .protocol import DEBOUNCE_MS, Settings, serve

    return serve(Settings(config=config, debounce_ms=DEBOUNCE_MS if debounce_ms is None else debounce_ms,
                          docs_url=docs_url, debug=debug))
