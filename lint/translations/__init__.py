"""Translation QA: pair each translation with its source, align them, compare, and summarise.

- :mod:`.pairing`: which file is a translation's source (folder, locale pattern, source locales);
- :mod:`.blocks` / :mod:`.align`: the two guides as block sequences, aligned by their AST;
- :mod:`.diff`: differences between aligned blocks, shared by the ``translation/`` rules;
- :mod:`.compare`: ``guidelint compare SOURCE TARGET``; :mod:`.matrix`: ``guidelint translations``.
"""
