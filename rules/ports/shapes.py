"""The shapes port settings take in a guide's text: port numbers and what they must not be
mistaken for (dates, sizes, URLs, series of numbers), label markup, list markers."""
from __future__ import annotations

import re

LIST_MARKER = re.compile(r"(?:\\?[-*+]|\d{1,3}[.)])[ \t]+")
BR = re.compile(r"<br\s*/?>", re.IGNORECASE)

KNOWN_PORTS = (25, 110, 143, 465, 587, 993, 995)
# (?<!\d)(?:25|110|143|465|587|993|995)(?!\d), written to start with the first digit: a pattern
# that starts with a character class is scanned several times faster than one that starts with
# a lookbehind, which the engine tries at every position of every line
PORT_NUMBER = re.compile(r"[12459](?<!\d[12459])(?:(?<=2)5|(?<=1)(?:10|43)|(?<=4)65|(?<=5)87|(?<=9)9[35])(?!\d)")
# a glued word before a number is accepted only when it is the word "port" in some language
GLUED_PORT_WORD = re.compile(r"(?:port[aeoiy]?|porte|ports|portti|portit|poort|puerto|prievad\w*)$", re.I)
BEFORE_REJECT = set(".,/_#=+@%$€\\")
AFTER_REJECT = re.compile(r"(?:[.,:/]\d|\s*(?:[kmgt]i?b|[kmgt]o|%|px|ms|mb/s)\b|\s*%|/)", re.IGNORECASE)
NUMBER_LIST = re.compile(r"\(\s*\d+(?:\s*,\s*\d+)+\s*\)")        # "(25, 465, 587)": a list of defaults
NUMBER_BEFORE = re.compile(r"(?<![\w.,])(\d+)[\W_]*(?:[^\W\d_]{1,5}[\W_]*)?$")
SRV_LINE = re.compile(r"\bSRV\b|_[a-z]+\._tcp", re.IGNORECASE)   # DNS SRV records are not settings

URL = re.compile(r"(?:https?://|www\.)[^\s)\]>|]+", re.IGNORECASE)
LINK_DEST = re.compile(r"(?<=\]\()[^)]*(?=\))")
ATTRIBUTE_LIST = re.compile(r"\{\s*[.#][^{}]*\}")
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # starts only at a run's start: linear
HOST = re.compile(r"(?<![\w.-])([a-z][\w-]*)\.(?:[\w-]+\.)+[a-z]{2,}(?![\w-])", re.IGNORECASE)

# between two ports of one value: markup, punctuation and at most one short word ("tai", "ou", "or", "lub")
CONNECTOR = re.compile(r"[\W_]*(?:[^\W\d_]{1,5}[\W_]*)?")
MARKUP = re.compile(r"[*_`\"'“”„«»‘’()\[\]\s]+")
SENTENCE_END = re.compile(r"[.!?](?:\*\*|\*|_)?\s+(?=[\W_]*[^\W\d_])")
MAX_LABEL_WORDS = 12
MAX_TITLE_WORDS = 16   # "Dans le cadre d'une configuration en **POP**, les valeurs sont les suivantes:"


# each masked pattern with the (lower-case) substrings it cannot match without: most lines
# hold none of them, and a substring test is far cheaper than a regex scan
MASKED = ((LINK_DEST, ("](",)), (URL, ("://", "www.")), (ATTRIBUTE_LIST, ("{",)), (HTML_TAG, ("<",)),
          (EMAIL, ("@",)), (NUMBER_LIST, ("(",)))
_NUMBER_LIST = MASKED[-1][0]


def mask(text: str) -> str:
    """Blank out (same length) what can hold digits but is no setting: URLs, link targets,
    attribute lists, HTML tags, e-mail addresses and lists of numbers in parentheses."""
    lowered = text.lower()  # URL ignores case; blanking never adds a needed substring
    for pattern, needs in MASKED:
        for needle in needs:
            if needle in lowered:
                # a list of numbers also needs a comma: prose opens many parentheses
                if pattern is not _NUMBER_LIST or "," in lowered:
                    text = pattern.sub(_blank, text)
                break
    return text


def _blank(match) -> str:
    return " " * len(match.group())


def find_ports(text: str) -> list[tuple[int, int]]:
    """(port, index) of the port numbers in a masked text.

    Accepts ``**995**``, ``“995”``, ``« 995 »``, ``'993'``, ``host:993``, ``(POP3)110.``,
    ``porte143``, ``:995`` and ``995.``; rejects ``25 MB``, ``2014``, ``1.25``, ``10/25``.
    """
    out = []
    for m in PORT_NUMBER.finditer(text):
        i = m.start()
        before = text[i - 1] if i else ""
        if before in BEFORE_REJECT:
            continue
        if before in "-:" and i >= 2 and text[i - 2].isalnum() and not (before == ":" and text[i - 2].isalpha()):
            continue  # a range or date ("10-25", "2014-05-25") or a time ("12:25"); "Port:995" is fine
        if before.isalpha():
            word = re.search(r"[^\W\d_]+$", text[:i])
            if not word or not GLUED_PORT_WORD.search(word.group()):
                continue
        if AFTER_REJECT.match(text, m.end()):
            continue
        near = NUMBER_BEFORE.search(text[:i])
        if near and int(near.group(1)) not in KNOWN_PORTS:
            continue  # "100 eikä 110", "20 or 25": one of a series of other numbers
        out.append((int(m.group()), i))
    return out


def ports_phrase(numbers) -> str:
    """"port 465 is" / "ports 465, 587 are"."""
    numbers = [str(n) for n in numbers]
    if len(numbers) == 1:
        return f"port {numbers[0]} is"
    return f"ports {', '.join(numbers)} are"


# compiled once: plain() runs for every label, cell and header, and re.sub's cache lookup
# cost more than the substitution itself
MARKUP_AND_QUOTES = re.compile(r"[*_`\"“”„«»‘’]+")
WHITESPACE_RUN = re.compile(r"\s+")
LEADING_MARKUP = re.compile(r"[\s*_`\"“”„«»‘’]*")


def plain(text: str) -> str:
    """Label text without markup, quotes and surrounding punctuation."""
    text = MARKUP_AND_QUOTES.sub("", text)
    return WHITESPACE_RUN.sub(" ", text).strip(" \t:-,.;")


def lead(text: str) -> int:
    """Characters of markup and spaces before the first word of a label."""
    m = LEADING_MARKUP.match(text)
    return m.end() if m else 0
