"""``guidelint translations PATH``: the model of :mod:`lint.translations.matrix`, rendered."""
from __future__ import annotations

import os
import sys

from ..config import Config
from ..translations.matrix import scan
from ..translations.matrix_render import render_html, render_json, render_text
from .output import EXIT_ERROR, EXIT_OK, emit, want_colour


def cmd_translations(args) -> int:
    config = Config.load(args.config) if args.config else None
    for path in args.paths:
        if not os.path.exists(path):
            print(f"guidelint: error: {path}: no such file or directory", file=sys.stderr)
            return EXIT_ERROR
    matrix = scan(args.paths, config)
    if not matrix.rows and not getattr(args, "allow_empty", False):
        print(f"guidelint: error: no guide with a locale (guide.<locale>.md) in {', '.join(args.paths)} "
              "(--allow-empty accepts that)", file=sys.stderr)
        return EXIT_ERROR
    bases = [p if os.path.isdir(p) else os.path.dirname(p) for p in args.paths]
    if args.format == "json":
        text = render_json(matrix, bases)
    elif args.format == "html":
        text = render_html(matrix, bases)
    else:
        text = render_text(matrix, bases, want_colour(args))
    emit(text, args)
    return EXIT_OK
