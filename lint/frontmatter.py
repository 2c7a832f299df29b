"""YAML front matter: split it from the body and load it safely, remembering where keys are.

PyYAML's safe loader silently keeps the last of two equal keys and happily expands
alias "billion laughs" bombs; a linter must report the first and refuse the second.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

import yaml

MAX_ALIASES = 100  # real guides use none; a bomb uses thousands
MAX_EXPANDED = 100_000  # values once aliases are expanded: the "billion laughs" needs only 80 aliases


@dataclass
class FrontMatterProblem:
    kind: str  # "invalid-yaml" | "duplicate-key" | "not-mapping" | "unterminated"
    message: str
    line: int
    column: int = 1


@dataclass
class FrontMatter:
    present: bool = False
    data: dict = field(default_factory=dict)
    key_lines: dict[str, tuple[int, int]] = field(default_factory=dict)  # key -> (line, column)
    start_line: int = 0  # line of the opening ---
    end_line: int = 0  # line of the closing ---
    problems: list[FrontMatterProblem] = field(default_factory=list)

    def line_of(self, key: str) -> int:
        """The line of ``key`` in the file, or the front matter's first line if it lacks it."""
        return self.key_lines.get(key, (self.start_line or 1, 1))[0]


def find_block(lines: tuple[str, ...]) -> tuple[int, int] | None:
    """Return 0-based indexes (open, close) of the front matter fences, or (0, -1) if unterminated."""
    if not lines or lines[0].rstrip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return 0, i
    return 0, -1


class _Loader(yaml.SafeLoader):
    """Safe loader that counts aliases, so an expansion bomb is refused before it is built."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self._aliases = getattr(self, "_aliases", 0) + 1
            if self._aliases > MAX_ALIASES:
                event = self.peek_event()
                raise yaml.constructor.ConstructorError(
                    None, None, f"more than {MAX_ALIASES} YAML aliases: refusing a possible alias bomb",
                    event.start_mark)
        return super().compose_node(parent, index)


def _expanded_size(node, memo: dict, limit: int) -> int:
    """How many nodes ``node`` stands for once every alias is copied out (memoised, so the
    count itself costs one visit per distinct node); stops as soon as it passes ``limit``."""
    key = id(node)
    if key in memo:
        return memo[key]
    size = 1
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            size += _expanded_size(child, memo, limit)
            if size > limit:
                break
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            size += _expanded_size(k, memo, limit) + _expanded_size(v, memo, limit)
            if size > limit:
                break
    memo[key] = size
    return size


def _scalar_key(node) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def parse(lines: tuple[str, ...]) -> FrontMatter:
    """The front matter at the top of ``lines``: its data, key positions and problems."""
    block = find_block(lines)
    fm = FrontMatter()
    if block is None:
        return fm
    fm.present, fm.start_line = True, 1
    _, close = block
    if close == -1:
        fm.problems.append(FrontMatterProblem(
            "unterminated", "front matter opened with '---' on line 1 is never closed", 1))
        return fm
    fm.end_line = close + 1
    text = "\n".join(lines[1:close])
    if _CLoader is not None and "*" not in text:
        # no alias can occur: libyaml's parser (several times faster) builds the same nodes;
        # on any error, parse again below so messages and positions are PyYAML's own
        fast = FrontMatter(True, start_line=1, end_line=fm.end_line)
        try:
            _load(_CLoader(text), fast)
        except _Retry:
            pass
        else:
            return fast
    try:
        loader = _Loader(text)  # refuses control characters at once, before any parsing
    except yaml.reader.ReaderError as e:
        line = text.count("\n", 0, e.position) + 2
        column = e.position - (text.rfind("\n", 0, e.position) + 1) + 1
        fm.problems.append(FrontMatterProblem(
            "invalid-yaml", f"YAML error: control character #x{e.character:04x} is not allowed",
            line, column))
        return fm
    _load(loader, fm)
    return fm


class _Retry(Exception):
    pass


_CLoader = getattr(yaml, "CSafeLoader", None)


def _load(loader, fm: FrontMatter) -> None:
    retry = not isinstance(loader, _Loader)
    try:
        node = loader.get_single_node()
        if node is None:
            return
        if not isinstance(node, yaml.MappingNode):
            kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
            fm.problems.append(FrontMatterProblem(
                "not-mapping", f"front matter must be a mapping of keys to values, not {kind}", 2))
            return
        if _expanded_size(node, {}, MAX_EXPANDED) > MAX_EXPANDED:
            fm.problems.append(FrontMatterProblem(
                "invalid-yaml", f"YAML aliases expand to more than {MAX_EXPANDED:,} values: refusing "
                "a possible alias bomb (\"billion laughs\")", 2))
            return
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            key = _scalar_key(key_node)
            line, column = key_node.start_mark.line + 2, key_node.start_mark.column + 1
            if key is None:
                fm.problems.append(FrontMatterProblem(
                    "invalid-yaml", "front matter key is not a plain value", line, column))
                continue
            if key in seen:
                fm.problems.append(FrontMatterProblem(
                    "duplicate-key",
                    f"duplicate key '{key}' (first on line {seen[key]}); YAML keeps only the last value",
                    line, column))
            else:
                seen[key] = line
                fm.key_lines[key] = (line, column)
        data = loader.construct_document(node)
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) if retry else () as e:
        raise _Retry from e
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = e.problem or e.context or "invalid YAML"
        if e.context and e.context_mark is not None:
            # "while scanning a quoted scalar ... found unexpected end of stream": the defect is
            # where the unclosed construct starts, not where the YAML ran out
            where = f"line {e.context_mark.line + 2}, column {e.context_mark.column + 1}"
            problem = f"{e.context} at {where}: {problem}"
            if "end of stream" in (e.problem or ""):
                mark = e.context_mark
        line = mark.line + 2 if mark else 2
        column = mark.column + 1 if mark else 1
        fm.problems.append(FrontMatterProblem("invalid-yaml", f"YAML error: {problem}", line, column))
        return
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as e:
        fm.problems.append(FrontMatterProblem("invalid-yaml", f"YAML error: {e}", 2))
        return
    finally:
        loader.dispose()
    fm.data = {str(k): v for k, v in data.items()} if isinstance(data, dict) else {}


def as_date(value) -> _dt.date | None:
    """A front matter date (``updated: 2024-01-15``, which YAML reads as a date, or a string
    starting with one) as a date; None for anything else."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
