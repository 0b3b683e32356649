"""The package's import graph keeps the design's direction: no cycles, the reader knows
nothing of the formats, a writer knows nothing of checks or the website, and no module
reaches into another writer package's modules. Read from the source with `ast`, every
import counted (those inside functions too: they run, just later), except those under
`if TYPE_CHECKING:`."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "factsheets"

# The reader side: Markdown in, the document model out.
READER = ("reader", "lists", "title_line", "placeholders", "shared_text", "markdown_rules", "frontmatter",
          "sources", "urls", "model", "walk", "literal_syntax", "word_habits")
# What runs after the writers: checks, the website, the build's orchestration, the commands.
DOWNSTREAM = ("validators", "site", "check", "cli", "mkdocs_plugin", "serve", "build")


def module_names() -> dict[str, Path]:
    names = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in import_statements(ast.parse(path.read_text(encoding="utf-8")).body):
        if isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            origin = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                found.add(f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in known else origin)
        else:
            found.update(alias.name for alias in node.names)
    return {n for n in found if n in known and n != name}


def import_statements(body: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement in a block and the blocks inside it (functions, classes, if, try,
    with, loops, match cases), except an `if TYPE_CHECKING:` block. An import is a statement, so
    the expressions (most of a module's nodes) are never walked: 0.26 s for the package, where
    ast.walk over every node took 0.48 s."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
            continue
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from import_statements(node.orelse)
            continue
        for field in ("body", "orelse", "finalbody"):  # every statement's "body" is a list of statements
            yield from import_statements(getattr(node, field, []))
        for inner in (*getattr(node, "handlers", []), *getattr(node, "cases", [])):  # except ...:, case ...:
            yield from import_statements(inner.body)


def import_graph() -> dict[str, set[str]]:
    names = module_names()
    return {name: imports_of(name, path, set(names)) for name, path in names.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def within(name: str, parts: tuple[str, ...]) -> bool:
    relative = name.removeprefix("factsheets.")
    return any(relative == p or relative.startswith((p + ".", p + "_")) for p in parts)


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    # Read when a test asks for it, not as the module is collected: a run that selects none of
    # these tests (the slower tiers) does not pay for it.
    return import_graph()


def test_the_graph_is_read_from_the_source(graph):
    # A broken reader of imports would pass every test below with an empty graph.
    assert len(graph) > 80
    assert "factsheets.model" in graph["factsheets.reader"]
    assert "factsheets.writers.audio.section_task" in graph["factsheets.writers.audio.record"]


def test_no_module_imports_itself_round_a_cycle(graph):
    assert cycles(graph) == []


def test_cycles_are_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_reader_knows_nothing_of_the_formats(graph):
    wrong = {name: sorted(d for d in deps if within(d, ("writers",) + DOWNSTREAM))
             for name, deps in graph.items() if within(name, READER)}
    assert {name: deps for name, deps in wrong.items() if deps} == {}


def test_writers_know_nothing_of_checks_the_website_or_the_build(graph):
    wrong = {name: sorted(d for d in deps if within(d, DOWNSTREAM))
             for name, deps in graph.items() if within(name, ("writers",))}
    assert {name: deps for name, deps in wrong.items() if deps} == {}


def test_validators_know_nothing_of_the_website_the_build_or_the_commands(graph):
    wrong = {name: sorted(d for d in deps if within(d, tuple(p for p in DOWNSTREAM if p != "validators")))
             for name, deps in graph.items() if within(name, ("validators",))}
    assert {name: deps for name, deps in wrong.items() if deps} == {}


def test_no_module_reaches_into_another_writer_package(graph):
    # A writer package (writers/audio/, writers/braille/, writers/epub/) is used through its
    # __init__; its modules are its own business, and the build's, which runs its parts.
    wrong = sorted(f"{name} -> {d}" for name, deps in graph.items() for d in deps
                   if len(d.split(".")) >= 4 and d.split(".")[1] == "writers"
                   and not name.startswith(".".join(d.split(".")[:3])) and not within(name, ("build",)))
    assert wrong == []


def test_imports_are_found_in_every_kind_of_block_but_type_checking(tmp_path):
    source = tmp_path / "m.py"
    source.write_text("""
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    import t_only
else:
    import t_else
try:
    import in_try
except ImportError:
    import in_handler
finally:
    import in_finally
class C:
    def f(self):
        with open('x'):
            for _ in ():
                import in_loop
match 1:
    case 1:
        import in_case
while False:
    import in_while
""")
    known = {"t_only", "t_else", "in_try", "in_handler", "in_finally", "in_loop", "in_case", "in_while"}
    assert imports_of("m", source, known) == known - {"t_only"}
