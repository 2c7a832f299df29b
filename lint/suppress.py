"""Inline suppressions written as Markdown comments.

``<!-- guidelint-disable RULE... -->`` / ``<!-- guidelint-enable RULE... -->`` switch rules
off and on from that line; ``<!-- guidelint-disable-next-line RULE... -->`` silences the next
line. Without rule ids they apply to every rule. Rule ids may be families (``links``).
Comments inside code blocks are examples, not directives.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

DIRECTIVE = re.compile(r"<!--\s*guidelint-(disable-next-line|disable|enable)\b(.*?)-->")
ALL = "*"


@dataclass
class Unknown:
    line: int
    column: int
    name: str


@dataclass
class Suppressions:
    # (rule or family or ALL, from line, to line inclusive)
    ranges: list[tuple[str, int, int]] = field(default_factory=list)
    unknown: list[Unknown] = field(default_factory=list)

    def covers(self, rule_id: str, line: int) -> bool:
        family = rule_id.split("/")[0]
        return any(lo <= line <= hi and name in (ALL, rule_id, family) for name, lo, hi in self.ranges)


def parse(lines: tuple[str, ...], code_lines: frozenset[int], known_rules: set[str]) -> Suppressions:
    result = Suppressions()
    if "guidelint-" not in "\n".join(lines):  # most guides have no directive: one C-level scan
        return result
    families = {r.split("/")[0] for r in known_rules}
    open_since: dict[str, int] = {}
    last = len(lines)
    for number, text in enumerate(lines, 1):
        if "guidelint-" not in text or number in code_lines:
            continue
        for m in DIRECTIVE.finditer(text):
            kind, names = m.group(1), m.group(2).split()
            column = m.start(2) + 1
            for name in names:
                if name not in known_rules and name not in families:
                    result.unknown.append(Unknown(number, m.start() + 1, name))
            names = [n for n in names if n in known_rules or n in families] if names else [ALL]
            if not names:
                continue
            for name in names:
                if kind == "disable-next-line":
                    result.ranges.append((name, number + 1, number + 1))
                elif kind == "disable":
                    open_since.setdefault(name, number)
                elif name in open_since:
                    result.ranges.append((name, open_since.pop(name), number))
                elif name == ALL:
                    for other, since in list(open_since.items()):
                        result.ranges.append((other, since, number))
                    open_since.clear()
            del column
    for name, since in open_since.items():
        result.ranges.append((name, since, last))
    return result
