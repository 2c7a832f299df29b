"""The rule interface: one class per rule, its documentation is its docstring.

A rule declares a stable ``id`` (``family/name``), a default ``severity``, a one-line
``summary``, ``tags``, its ``options`` with defaults, and ``fix`` ("safe", "unsafe" or
None): the applicability its fixes get unless it decides otherwise for a finding
(``ctx.report(..., applicability=UNSAFE)``). Its single method :meth:`Rule.check` reads a
:class:`~lint.document.Document` and calls ``ctx.report(...)``. The engine never knows a
rule by name.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from .finding import APPLICABILITIES, SAFE, UNSAFE, Edit, Finding

if TYPE_CHECKING:
    from .document import Document
    from .markdown import Node


class Rule:
    id: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    summary: ClassVar[str] = ""
    tags: ClassVar[tuple[str, ...]] = ()
    options: ClassVar[dict[str, Any]] = {}
    #: "safe" | "unsafe" | None: what ``guidelint rules`` lists, and the applicability of the
    #: rule's fixes when a report does not say (a rule without one must not return edits)
    fix: ClassVar[str | None] = None
    enabled_by_default: ClassVar[bool] = True
    #: True when the rule reads files other than the one checked (translations, repository counts)
    cross_file: ClassVar[bool] = False
    #: rules whose findings repeat this rule's defect: where a finding of this rule overlaps
    #: one of theirs in the same file, theirs is dropped (one defect, one finding)
    supersedes: ClassVar[tuple[str, ...]] = ()

    def check(self, doc: "Document", ctx: "Context") -> None:  # pragma: no cover - interface
        raise NotImplementedError

    @classmethod
    def documentation(cls) -> str:
        import inspect  # only `explain` and the docs need it; it costs every run 5 ms at start

        return inspect.cleandoc(cls.__doc__ or cls.summary)


class Context:
    """What a rule may use besides the document: its options, shared services, and report()."""

    def __init__(self, rule: Rule, doc: "Document", options: dict, services: Any, severity: str,
                 effective: Any = None):
        self.rule, self.doc, self.options = rule, doc, options
        self.services = services
        self.effective = effective  # the file's configuration (locale map, words, source locales)
        self.severity = severity
        self.findings: list[Finding] = []

    def option(self, name: str):
        return self.options[name]

    def setting(self, name: str, default=None):
        """A repository-wide setting from the configuration (``words``, ``locale_map``...)."""
        if self.effective is None:
            return default
        return self.effective.settings.get(name, default)

    def depends_on(self, path: str, by: str = "content") -> None:
        """Declare that this check read ``path`` (another guide, a folder's listing, a data
        file), so the cache re-checks this file when that input changes, appears or vanishes.
        Cross-file rules must call it for every file they read or looked for. ``by="stat"``
        compares mtime and size instead of content (large files such as dictionaries)."""
        record = getattr(self.services, "depends_on", None)
        if record is not None:
            record(path, by)

    def report(self, line: int, column: int, message: str, *, end_line: int | None = None,
               end_column: int | None = None, edits: tuple[Edit, ...] | list[Edit] = (),
               severity: str | None = None, applicability: str | None = None) -> None:
        """Report a finding at ``line``:``column`` (1-based) up to ``end_line``:``end_column``
        (exclusive; default: one character). ``edits`` fix it; ``applicability`` (SAFE or
        UNSAFE) says whether ``--fix`` may apply them without ``--unsafe-fixes`` (default: the
        rule's ``fix``)."""
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
        self.report(node.line, node.column, message, end_line=node.end_line,
                    end_column=node.end_column, **kw)
