"""The rule interface: one class per rule, its documentation is its docstring.

A rule declares a stable ``id`` (``family/name``), a default ``severity``, a one-line
``summary``, ``tags``, its ``options`` (each an :class:`Option`: default, type, allowed
values and help), and ``fix`` ("safe", "unsafe" or None): the applicability its fixes get
unless it decides otherwise for a finding (``ctx.report(..., applicability=UNSAFE)``). Its
single method :meth:`Rule.check` reads a :class:`~lint.document.Document` and calls
``ctx.report(...)``. The engine never knows a rule by name.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from .finding import APPLICABILITIES, SAFE, UNSAFE, Edit, Finding

if TYPE_CHECKING:
    from .document import Document
    from .markdown import Node


# the kinds of value an option takes: what the configuration is checked against, and how
# `explain` names it
_KINDS: dict[str, Callable[[Any], bool]] = {
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "list of strings": lambda v: isinstance(v, (list, tuple)) and all(isinstance(i, str) for i in v),
    "list of numbers or strings": lambda v: isinstance(v, (list, tuple)) and all(
        isinstance(i, (int, float, str)) and not isinstance(i, bool) for i in v),
    "list of mappings": lambda v: isinstance(v, (list, tuple)) and all(isinstance(i, dict) for i in v),
    "mapping of strings": lambda v: isinstance(v, dict) and all(
        isinstance(k, str) and isinstance(i, str) for k, i in v.items()),
}


def _kind_of(default: Any) -> str:
    if isinstance(default, bool):
        return "boolean"
    if isinstance(default, int):
        return "integer"
    if isinstance(default, float):
        return "number"
    if isinstance(default, str):
        return "string"
    if isinstance(default, (list, tuple)):
        return "list of strings"
    if isinstance(default, dict):
        return "mapping of strings"
    return ""  # None or an object a plug-in made up: any value goes


@dataclass(frozen=True)
class Option:
    """One option of a rule: its default, the values it accepts and what it does.

    The configuration is checked against it when it is loaded, so a bad value is one error
    naming the key, never a failure of the rule on every file (sqlfluff's
    ``get_configs_info()`` is the model). ``kind`` is inferred from the default unless given;
    ``check`` is for what a type cannot say (a pattern that must compile) and returns the
    problem or None."""

    default: Any
    help: str
    kind: str = ""
    choices: tuple | None = None
    minimum: float | None = None
    maximum: float | None = None
    check: Callable[[Any], str | None] | None = None

    def __post_init__(self):
        if not self.kind:
            object.__setattr__(self, "kind", _kind_of(self.default))
        if self.kind and self.kind not in _KINDS:
            raise ValueError(f"unknown option kind {self.kind!r} (known: {', '.join(_KINDS)})")

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is not acceptable, or None when it is."""
        if self.kind and not _KINDS[self.kind](value):  # first: `true` equals 1 in a list of choices
            if self.choices is not None:
                return f"must be one of {', '.join(map(_show, self.choices))}, not {_given(value)}"
            return f"must be {_article(self.kind)}, not {_given(value)}"
        if self.choices is not None:
            if value not in self.choices:
                return f"must be one of {', '.join(map(_show, self.choices))}, not {_given(value)}"
            return None
        if self.minimum is not None and value < self.minimum:
            return f"must be at least {_show(self.minimum)}, not {_given(value)}"
        if self.maximum is not None and value > self.maximum:
            return f"must be at most {_show(self.maximum)}, not {_given(value)}"
        return self.check(value) if self.check else None

    def values(self) -> str:
        """The accepted values in words, for ``explain``."""
        if self.choices is not None:
            return "one of " + ", ".join(map(_show, self.choices))
        text = self.kind or "any value"
        if self.minimum is not None and self.maximum is not None:
            text += f" from {_show(self.minimum)} to {_show(self.maximum)}"
        elif self.minimum is not None:
            text += f", at least {_show(self.minimum)}"
        elif self.maximum is not None:
            text += f", at most {_show(self.maximum)}"
        return text

    def default_text(self) -> str:
        return _show(self.default)

    def info(self) -> dict:
        """What ``guidelint rules --format json`` says of the option."""
        return {"type": self.kind or None, "default": self.default,
                "choices": list(self.choices) if self.choices is not None else None,
                "minimum": self.minimum, "maximum": self.maximum, "help": self.help}


def _show(value: Any) -> str:
    """A value as it is written in YAML."""
    import json

    if isinstance(value, str) and value and value.strip() == value and value[0] not in "[{'\"":
        return value
    return json.dumps(value, ensure_ascii=False)


def _given(value: Any) -> str:
    return repr(value) if isinstance(value, str) else _show(value)


def _article(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


class Rule:
    id: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    summary: ClassVar[str] = ""
    tags: ClassVar[tuple[str, ...]] = ()
    options: ClassVar[dict[str, Option]] = {}
    #: "safe" | "unsafe" | None: what ``guidelint rules`` lists, and the applicability of the
    #: rule's fixes when a report does not say (a rule without one must not return edits)
    fix: ClassVar[str | None] = None
    enabled_by_default: ClassVar[bool] = True
    #: True when the rule reads files other than the one checked (translations, repository counts)
    cross_file: ClassVar[bool] = False
    #: rules whose findings repeat this rule's defect: where a finding of this rule overlaps
    #: one of theirs in the same file, theirs is dropped (one defect, one finding)
    supersedes: ClassVar[tuple[str, ...]] = ()
    #: "span": theirs is dropped where the spans overlap; "line": anywhere on the owner's lines
    #: (a table row whose cells contradict each other is one defect, whichever cell is named)
    supersede_scope: ClassVar[str] = "span"

    def check(self, doc: "Document", ctx: "Context") -> None:  # pragma: no cover - interface
        """Read ``doc`` and call ``ctx.report(...)`` for each defect; return nothing."""
        raise NotImplementedError

    @classmethod
    def declared_options(cls) -> dict[str, Option]:
        """The rule's options; a plug-in's bare default values become options of their type."""
        return {name: value if isinstance(value, Option) else Option(value, "")
                for name, value in cls.options.items()}

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        """The options' default values: what a rule reads when the configuration sets none."""
        return {name: _copy(option.default) for name, option in cls.declared_options().items()}

    @classmethod
    def documentation(cls) -> str:
        import inspect  # only `explain` and the docs need it; it costs every run 5 ms at start

        return inspect.cleandoc(cls.__doc__ or cls.summary)


def _copy(value: Any) -> Any:
    # a default list or mapping is shared by every file's options: never hand out the original
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


class Context:
    """What a rule may use besides the document: its options, the run memo, and report().

    ``ctx.config`` is the file's configuration (:class:`lint.config.FileConfig`: locale
    pattern, source locales, repository settings); ``ctx.memo`` is what the run computes once
    and shares across files (:class:`lint.runner.RunMemo`: loaded dictionaries, a folder's
    parsed guides, repository URL counts)."""

    def __init__(self, rule: Rule, doc: "Document", options: dict, memo: Any, severity: str,
                 config: Any = None):
        self.rule, self.doc, self.options = rule, doc, options
        self.memo = memo
        self.config = config
        self.severity = severity
        self.findings: list[Finding] = []

    # the names of the run memo and the file's configuration in rules written before they
    # were renamed: plug-ins may still read them
    @property
    def services(self) -> Any:
        return self.memo

    @property
    def effective(self) -> Any:
        return self.config

    def option(self, name: str):
        """The value of one of the rule's options (its default, or the configuration's)."""
        return self.options[name]

    def setting(self, name: str, default=None):
        """A repository-wide setting from the configuration (``words``, ``locale_map``...)."""
        if self.config is None:
            return default
        return self.config.settings.get(name, default)

    def depends_on(self, path: str, by: str = "content") -> None:
        """Declare that this check read ``path`` (another guide, a folder's listing, a data
        file), so the cache re-checks this file when that input changes, appears or vanishes.
        Cross-file rules must call it for every file they read or looked for. ``by="stat"``
        compares mtime and size instead of content (large files such as dictionaries)."""
        record = getattr(self.memo, "depends_on", None)
        if record is not None:
            record(path, by)

    def report(self, line: int, column: int, message: str, *, end_line: int | None = None,
               end_column: int | None = None, edits: tuple[Edit, ...] | list[Edit] = (),
               severity: str | None = None, applicability: str | None = None) -> None:
        """Report a finding at ``line``:``column`` (1-based, in the file as written), the
        first character of the defect.

        ``end_line``/``end_column`` (exclusive) close the span the caret underlines; by
        default one character, or, when only ``end_line`` is given, up to the start of that line.
        ``edits`` fix the defect (:class:`lint.finding.Edit`, applied together or not at all
        by ``--fix``); ``applicability`` (SAFE or UNSAFE) says whether ``--fix`` may apply
        them without ``--unsafe-fixes`` (default: the rule's ``fix``). ``severity`` overrides
        the configured one for this finding."""
        end_line = end_line or line
        if end_column is None:
            end_column = max(column, min(column + 1, len(self.doc.line(line)) + 1)) if end_line == line else 1
        self.findings.append(Finding(
            path=self.doc.path, line=line, column=column, end_line=end_line, end_column=end_column,
            rule=self.rule.id, severity=severity or self.severity, message=message,
            edits=tuple(edits), applicability=self._applicability(applicability, edits),
            source_line=self.doc.line(line)))

    def _applicability(self, given: str | None, edits) -> str:
        if not edits:
            return SAFE  # the dataclass default: meaningless without edits
        chosen = given or self.rule.fix
        if chosen not in APPLICABILITIES:
            # edits from a rule that declares no fix: offered, never applied without asking
            return UNSAFE
        return chosen

    def note(self, check, message: str) -> None:
        """A finding of the engine's ``check`` (see :mod:`lint.internal`) about the whole
        file rather than a line of it: a missing dictionary, for example."""
        self.findings.append(Finding(self.doc.path, 1, 1, 1, 2, check.id, check.severity, message))

    def report_node(self, node: "Node", message: str, **kw) -> None:
        """:meth:`report` over the whole span of a tree node; ``kw`` as for report()."""
        self.report(node.line, node.column, message, end_line=node.end_line,
                    end_column=node.end_column, **kw)
