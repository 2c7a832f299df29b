import os
import re

from lint.document import PARSED_GUIDE
from lint.registry import register
from lint.rule import Rule
from lint.translations import pairing as pairing_module
from lint.translations.align import pairing_for

# file system paths as commands and instructions write them: `C:\Users\Name\.ssh`,
# `%USERPROFILE%\.ssh`, `...\.ssh`, `~/.ssh/id_rsa`, `/etc/network/interfaces`
PATH = re.compile(r"(?:[A-Za-z]:\\|%\w+%\\|\.\.\.\\|\\)[^\s`'\"<>|*?,;()]+"
                  r"|(?:~|\.{1,2})?/[\w.~-]+(?:/[\w.~-]*)+")
SKELETON = re.compile(r"[^0-9a-z]+")


def _paths(doc):
    """skeleton -> {form: (line, column) of its first occurrence} of the paths in code."""
    found: dict[str, dict[str, tuple[int, int]]] = {}
    for node in doc.walk("codespan", "block_code"):
        if node.type == "codespan":
            if node.line != node.end_line:
                continue
            pieces = [(node.line, node.column, doc.line(node.line)[node.column - 1:node.end_column - 1])]
        else:
            pieces = [(n, 1, doc.line(n)) for n in range(node.line, node.end_line + 1)]
        for line, column, text in pieces:
            if "/" not in text and "\\" not in text:
                continue
            for m in PATH.finditer(text):
                form = m.group().rstrip(".:")
                if "://" in text[max(0, m.start() - 3):m.start() + 3] or form.count("/") + form.count("\\") < 2:
                    continue
                skeleton = SKELETON.sub("", form.lower())
                if len(skeleton) >= 6:
                    found.setdefault(skeleton, {}).setdefault(form, (line, column + m.start()))
    return found


def _own_paths(doc, here: str, ctx):
    """``_paths(doc)``, shared with the siblings that read this guide from disk when ``doc`` is
    that very text (the run parsed it once for both): each guide's paths are found once."""
    peek = getattr(ctx.services, "peek", None)
    parsed = peek((PARSED_GUIDE, here)) if peek is not None else None
    if parsed is None or parsed.source is not doc.source:  # an unsaved buffer, another version
        return _paths(doc)
    return ctx.services.get(("path-variant-paths", here), lambda: _paths(doc), scope="folder")


def _parts(form: str) -> set[str]:
    return {p for p in re.split(r"[\\/]+", form) if p}


def _support(form: str, other: str, skeleton: str, everywhere) -> str:
    """The first of the folder's other paths (any locale) that writes a part of ``form`` that
    ``other`` lacks (`\\.ssh` as a folder of its own), or ''."""
    own = _parts(form) - _parts(other)
    for paths in everywhere:
        for key, forms in paths.items():
            if key == skeleton:
                continue
            for written in forms:
                if own & _parts(written):
                    return written
    return ""


@register
class PathVariant(Rule):
    """
    What it does
        Compares the file system paths written in code (inline code and code blocks) across
        the locales of a guide folder. When a path is written two ways, differing only in
        separators or dots (`C:\\Users\\WindowsUsername.ssh` and
        `C:\\Users\\WindowsUsername\\.ssh`), each locale whose form is in the minority is
        reported, with the form the majority of locales writes. On a tie, the translations
        that differ from the source guide are reported. The folder's other paths are read as
        evidence first: when they write a part as one form does (`\\.ssh` as a folder of its
        own in `C:\\Users\\Username\\.ssh\\id_rsa`) and never as the other, the locales with
        the unsupported form are reported, majority or not.

    Why is this bad?
        Paths are not translated: the guides must agree, and a reader who follows the
        locale with the wrong path looks for a folder that does not exist. Which form is
        right needs a person; the finding says where the guides part and which form the
        majority and the folder's other paths have.

    Example
        (creating-ssh-keys-dedicated/guide.fr-fr.md:59 and guide.de-de.md:63; en-gb and every
        other path of the folder write `\\.ssh`)
        Rendez-vous dans le répertoire `.ssh` (par défaut : `C:\\Users\\WindowsUsername.ssh`)

    Use instead
        (en-gb)
        Go to the directory `.ssh` (by default: `C:\\Users\\WindowsUsername\\.ssh`)
    """

    id = "translation/path-variant"
    severity = "warning"
    summary = "a path written otherwise than in the other locales of the guide"
    tags = ("translation", "commands")
    cross_file = True

    def check(self, doc, ctx):
        found = pairing_for(doc, ctx)
        if found is None or found.locale is None or len(found.siblings) < 2:
            return
        here = os.path.abspath(doc.path)
        mine = _own_paths(doc, here, ctx)
        if not mine:
            return
        pattern = ctx.effective.locale_pattern
        folder = os.path.dirname(here)
        ctx.depends_on(folder or ".")
        others = {}
        for locale, path in sorted(found.siblings.items()):
            if locale == found.locale:
                continue
            ctx.depends_on(path)
            key = ("path-variant-paths", os.path.abspath(path))
            others[locale] = ctx.services.get(key, lambda path=path: self._load(ctx, path, pattern), scope="folder")
        source_locale = found.locale if found.is_source else found.source_locale
        everywhere = [mine] + list(others.values())
        for skeleton, forms in mine.items():
            if len(forms) != 1:
                continue  # the guide itself writes it two ways: not a question of locales
            [(form, (line, column))] = forms.items()
            votes: dict[str, list[str]] = {form: [found.locale]}
            for locale, paths in others.items():
                theirs = paths.get(skeleton, {})
                if len(theirs) == 1:
                    votes.setdefault(next(iter(theirs)), []).append(locale)
            if len(votes) < 2:
                continue
            best = max((f for f in votes if f != form), key=lambda f: len(votes[f]))
            mine_count, best_count = len(votes[form]), len(votes[best])
            total = sum(len(v) for v in votes.values())
            where = f"{best_count} of the {total} locales ({', '.join(sorted(votes[best]))})"
            backed = _support(form, best, skeleton, everywhere), _support(best, form, skeleton, everywhere)
            if backed[0] and not backed[1]:
                continue  # the folder's other paths write it as this guide does: the others are wrong
            if backed[1] and not backed[0]:
                ctx.report(line, column, f"path '{form}' is written '{best}' in {where}, and the folder's "
                           f"other paths agree with '{best}' ({backed[1]})", end_column=column + len(form))
                continue
            tie_against_source = (mine_count == best_count and source_locale in votes[best]
                                  and source_locale != found.locale)
            if best_count > mine_count or tie_against_source:
                ctx.report(line, column, f"path '{form}' is written '{best}' in {where}: the guides must agree",
                           end_column=column + len(form))

    @staticmethod
    def _load(ctx, path, pattern):
        sibling = pairing_module.load(ctx.services, path, pattern)
        return _paths(sibling) if sibling is not None else {}
