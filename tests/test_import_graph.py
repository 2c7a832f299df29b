"""Imports inside ``lint/`` point one way: source → document → rules → runner → fix → reporters → CLI.

The graph is read from the modules' import statements (deferred imports inside functions
included: they still tie the two modules together), not by importing them.
"""
from __future__ import annotations

import ast
from pathlib import Path

LINT = Path(__file__).resolve().parent.parent / "lint"
ENGINE = ("lint.runner", "lint.fix", "lint.document", "lint.rule", "lint.registry", "lint.config",
          "lint.cache", "lint.suppress", "lint.markdown", "lint.source", "lint.finding")


def module_name(path: Path) -> str:
    parts = path.relative_to(LINT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_imports(tree: ast.AST):
    """Import statements, except those under ``if TYPE_CHECKING:`` (never run)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def import_graph(modules: dict[str, Path] | None = None) -> dict[str, set[str]]:
    """Module → the ``lint`` modules it imports."""
    if modules is None:
        modules = {module_name(p): p for p in LINT.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = package
                for _ in range(node.level - 1 if node.level else 0):
                    base = base.rpartition(".")[0]
                base = (f"{base}.{node.module}" if node.module else base) if node.level else node.module
                # `from . import registry` names a module; `from .cli import emit` names a function
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                           for alias in node.names]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a list of modules (first == last), or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def reaches(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_no_import_cycle_inside_lint():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_translation_library_and_the_engine_never_reach_the_front_door():
    graph = import_graph()
    libraries = [m for m in graph if m.startswith("lint.translations")] + [m for m in ENGINE if m in graph]
    assert len(libraries) > 10  # the walk found the modules it is about
    for module in libraries:
        front = {m for m in reaches(graph, module)
                 if m == "lint.cli" or m.startswith(("lint.reporters", "lint.commands"))}
        assert not front, f"{module} imports {sorted(front)}"


def test_the_walk_sees_deferred_and_relative_imports(tmp_path):
    """The checker itself: a cycle made only of imports inside functions is still a cycle."""
    package = tmp_path / "lint"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("def f():\n    from .sub.b import g\n")
    (package / "sub" / "b.py").write_text("from typing import TYPE_CHECKING\n"
                                          "if TYPE_CHECKING:\n    from ..c import h\n"
                                          "def g():\n    from .. import a\n")
    (package / "c.py").write_text("from .sub import b\n")
    modules = {".".join(p.relative_to(tmp_path).with_suffix("").parts).removesuffix(".__init__"): p
               for p in package.rglob("*.py")}
    graph = import_graph(modules)
    assert graph["lint.a"] == {"lint.sub.b"}
    assert graph["lint.sub.b"] == {"lint.a"}  # the TYPE_CHECKING import is not a runtime edge
    assert graph["lint.c"] == {"lint.sub.b"}
    assert find_cycle(graph) == ["lint.a", "lint.sub.b", "lint.a"]
    del graph["lint.a"]
    assert find_cycle(graph) is None
