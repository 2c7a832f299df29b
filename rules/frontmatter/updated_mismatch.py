import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from lint.data import load_yaml
from lint.frontmatter import as_date
from lint.registry import register
from lint.rule import Rule

LEAD = re.compile(r"^[\s>*_]*")
NUMERIC = re.compile(r"(?P<a>\d{1,4})[./-](?P<b>\d{1,2})[./-](?P<c>\d{2,4})")
ORDINAL = r"(?:st|nd|rd|th|er|\.)?"


@lru_cache(maxsize=1)
def _data():
    data = load_yaml(Path(__file__).with_suffix(".yaml")) or {}
    phrases = [re.compile(r"(?i)" + p + r"\s*:?\s*") for p in data.get("phrases", {}).values()]
    # one match per line instead of one per phrase: the first alternative that matches is
    # the first phrase that would, with the same end (nothing follows the alternation).
    # Phrases with groups (which could refer to each other by number) keep the loop
    joined = phrases
    if phrases and not any(p.groups for p in phrases):
        try:
            joined = [re.compile("(?i)(?:" + ")|(?:".join(p.pattern[len("(?i)"):] for p in phrases) + ")")]
        except re.error:  # a flag only valid at a pattern's start
            pass
    months = {}
    for names in data.get("months", {}).values():
        for i, name in enumerate(names, 1):
            months.setdefault(name.lower(), i)
    words = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    worded = re.compile(r"(?i)(?:(?P<d>\d{1,2})" + ORDINAL + r"\s+(?:de\s+)?(?P<m>" + words + r")"
                        r"|(?P<m2>" + words + r")\s+(?P<d2>\d{1,2})" + ORDINAL + r",?)\s+(?:de\s+)?(?P<y>\d{4})")
    return joined, months, worded


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def read_dates(text: str) -> list[dt.date]:
    """Every date ``text`` can mean: `05/03/2020` gives 5 March and, read the US way, 3 May."""
    _, months, worded = _data()
    m = worded.match(text)
    if m:
        day = int(m.group("d") or m.group("d2"))
        month = months[(m.group("m") or m.group("m2")).lower()]
        found = _date(int(m.group("y")), month, day)
        return [found] if found else []
    m = NUMERIC.match(text)
    if not m:
        return []
    a, b, c = (int(m.group(k)) for k in "abc")
    if len(m.group("a")) == 4:
        candidates = [_date(a, b, c)]
    else:
        year = c + 2000 if c < 100 else c
        candidates = [_date(year, b, a), _date(year, a, b)]
    return [d for d in dict.fromkeys(candidates) if d]


@register
class UpdatedMismatch(Rule):
    """
    What it does
        Reports a "last updated" line in a guide's body (`**Last updated 31st May 2022**`,
        `**Dernière mise à jour le 03/08/2022**`, `**Päivitetty 13.4.2018**`) whose date
        differs from the front matter's `updated:`. Dates are read as written in the
        guides: day/month/year, ISO, `13.4.2018`, and with month names in eight languages
        (`rules/frontmatter/updated_mismatch.yaml`, with the phrases that introduce them).
        A date such as `05/03/2020` that can be read two ways matches either.

    Why is this bad?
        The site shows both: the page header says one date, the text another, and the
        reader cannot tell whether the guide is current. One of them was not touched when
        the guide was updated.

    Example
        (hosting_migrating_to_ovh/guide.fr-fr.md)
        updated: 2022-11-24
        ...
        **Dernière mise à jour le 15/02/2023**

    Use instead
        updated: 2023-02-15
        ...
        **Dernière mise à jour le 15/02/2023**
    """

    id = "frontmatter/updated-mismatch"
    severity = "warning"
    summary = "front matter 'updated:' contradicts the body's last-updated line"
    tags = ("frontmatter", "dates")

    def check(self, doc, ctx):
        updated = as_date(doc.frontmatter.data.get("updated")) if doc.frontmatter.present else None
        if updated is None:
            return
        phrases = _data()[0]
        skip = doc.code_lines
        lines = doc.lines
        for number in range(doc.body_first_line, len(lines) + 1):
            if number in skip:
                continue
            line = lines[number - 1]
            start = LEAD.match(line).end()
            for phrase in phrases:
                m = phrase.match(line, start)
                if m:
                    break
            else:
                continue
            dates = read_dates(line[m.end():])
            if not dates or updated in dates:
                return
            written = line[m.end():].split("*")[0].strip()
            read = "" if written == dates[0].isoformat() else f" ({dates[0].isoformat()})"
            ctx.report(number, m.end() + 1, f"the body says last updated {written}{read}, "
                       f"the front matter says updated: {updated.isoformat()} (line "
                       f"{doc.frontmatter.line_of('updated')})", end_column=m.end() + 1 + len(written))
            return
