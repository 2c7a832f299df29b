"""The command line's wiring: parsed arguments in, a library call, a report out.

The libraries (the engine in ``lint/``, translation QA in ``lint/translations/``) never import
this package, the reporters or ``lint.cli``: imports point from the front door inwards.
"""
