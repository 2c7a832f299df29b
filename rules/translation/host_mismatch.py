import re

from lint.registry import register
from lint.rule import Rule
from lint.translations.align import pair_for

# a host name of three labels or more, not inside a URL, a path or an e-mail address
HOST = re.compile(r"(?<![\w.@/:-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.){2,}[a-z]{2,6})(?![\w-]|\.\w|/)", re.I)
# what every HOST match holds (the end of a label, a dot, a label, a dot, the next one's start):
# far cheaper to look for, and most lines with two dots (two sentences) have none
HOST_HINT = re.compile(r"[a-z0-9]\.[a-z0-9-]+\.[a-z0-9]", re.I)
_DOTS = re.compile(r"\.[a-z0-9-]+\.[a-z0-9]", re.I)  # HOST_HINT but its first character
URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S*|\bwww\.\S*", re.I)
LINK_TARGET = re.compile(r"\]\([^)]*\)")


def hosts(doc) -> list[tuple[str, int, int]]:
    """(host, line, column) of every host name written in the body, links' targets and code
    blocks aside (translation/code-mismatch compares code blocks, sample output included)."""
    found, skip = [], doc.code_lines
    start = doc.body_first_line
    # HOST_HINT without its first character starts with a dot: the regex engine looks for that
    # dot alone, so one search over the body finds the few lines worth a look (none of these
    # patterns spans lines) faster than a test per line
    text = "\n".join(doc.lines[start - 1:])
    number, at, hint = start, 0, _DOTS.search(text)
    while hint is not None:
        begin = text.rfind("\n", 0, hint.start()) + 1
        number += text.count("\n", at, begin)
        end = text.find("\n", hint.end())
        end = len(text) if end < 0 else end
        at, hint = begin, _DOTS.search(text, end)
        line = text[begin:end]
        if number in skip or not HOST_HINT.search(line):
            continue
        masked = URL.sub(lambda m: " " * len(m.group()), line) if ("://" in line or "www." in line) else line
        if "](" in masked:  # most lines hold no link target
            masked = LINK_TARGET.sub(lambda m: " " * len(m.group()), masked)
        found.extend((m.group(1), number, m.start(1) + 1) for m in _host_matches(masked))
    return found


def _host_matches(line: str):
    """``HOST.finditer(line)``, the pattern tried only on the words that hold a HOST_HINT.

    A host name holds a hint and no space or tab, so a match found from ``pos`` starts in the
    word around the first hint from there, and ends in it; a space or tab after a word fails
    HOST's look-ahead as the end of the line does, so the word alone (``endpos``) finds the
    same matches, and the rest of a long line is not tried at every character."""
    pos = 0
    while (hint := HOST_HINT.search(line, pos)) is not None:
        at, after = hint.start(), hint.end()
        start = max(pos, line.rfind(" ", 0, at) + 1, line.rfind("\t", 0, at) + 1)
        space, tab = line.find(" ", after), line.find("\t", after)
        end = min(space if space >= 0 else len(line), tab if tab >= 0 else len(line))
        found = HOST.search(line, start, end)
        if found is None:
            pos = end
            continue
        yield found
        pos = found.end()


def _source_hosts(doc) -> list[str]:
    return sorted({h for h, _, _ in hosts(doc)}, key=str.lower)


def _key(host: str) -> tuple[str, str]:
    """(first label, second-level name): `ssl0.mail.ovh.net` -> ('ssl0', 'ovh')."""
    labels = host.lower().split(".")
    return labels[0], labels[-2]


def _same(a: str, b: str) -> bool:
    """Equal but for the country domain: the Canadian guides write imap.mail.ovh.ca."""
    return a.lower().rsplit(".", 1)[0] == b.lower().rsplit(".", 1)[0]


@register
class HostMismatch(Rule):
    """
    What it does
        Compares the server names a translation writes (in prose, tables and inline code;
        link targets aside, and code blocks, which translation/code-mismatch compares) with its source guide's, and reports a server that the source does
        not name, when the source names one with the same first label and domain but
        otherwise written (`ssl0.mail.ovh.net` where the source has `ssl0.ovh.net`).
        A different country domain (`.ca` for `.net`) is a local variant, not a mismatch,
        and a server with no counterpart in the source (the Canadian guides'
        `imap.mail.ovh.ca`) is not judged.

    Why is this bad?
        Server names are not translated: a reader who enters a server the source does not
        give cannot connect, or connects to a host that is not meant for customers.

    Example
        Source (fr-fr): Serveur entrant : ssl0.ovh.net
        Translation (it-it, how_to_configure_android): Server in entrata: ssl0.mail.ovh.net

    Use instead
        Server in entrata: ssl0.ovh.net
    """

    id = "translation/host-mismatch"
    severity = "warning"
    summary = "a server name that differs from the source guide's"
    tags = ("translation", "email")
    cross_file = True

    def check(self, doc, ctx):
        pair = pair_for(doc, ctx)
        if pair is None:
            return
        source = pair.source.memo(_source_hosts)  # once per source, which every translation shares
        if not source:
            return
        by_key: dict[tuple[str, str], list[str]] = {}
        for host in source:
            by_key.setdefault(_key(host), []).append(host)
        for host, line, column in hosts(doc):
            if any(_same(host, s) for s in source):
                continue
            rivals = by_key.get(_key(host), [])
            if not rivals:
                continue
            ctx.report(line, column, f"server {host} is not in the source guide, which writes "
                       f"{' or '.join(rivals)}", end_column=column + len(host))
