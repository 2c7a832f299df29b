"""Translation QA: pair each translation with its source, align them, compare, and summarise.

- :mod:`.pairing`: which file is a translation's source (folder, locale pattern, source locales);
- :mod:`.blocks` / :mod:`.align`: the two guides as block sequences, aligned by their AST;
- :mod:`.diff`: differences between aligned blocks, shared by the ``translation/`` rules;
- :mod:`.compare`: one named pair and its verdict; :mod:`.matrix`: every folder's state (the
  model), :mod:`.matrix_render`: that model as text, JSON and HTML.

A library: the commands that call it live in :mod:`lint.commands`, and nothing here imports them.
"""
