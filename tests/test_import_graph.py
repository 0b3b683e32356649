"""The package's import graph keeps the design's direction: no cycles, the reader knows
nothing of the formats, a writer knows nothing of checks or the website, and no module
reaches into another writer package's modules. Read from the source with `ast`, every
import counted (those inside functions too: they run, just later), except those under
`if TYPE_CHECKING:`."""

from __future__ import annotations

import ast
from pathlib import Path

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
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
                 for n in ast.walk(node)}
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            origin = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                found.add(f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in known else origin)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {n for n in found if n in known and n != name}


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


GRAPH = import_graph()


def test_the_graph_is_read_from_the_source():
    # A broken reader of imports would pass every test below with an empty graph.
    assert len(GRAPH) > 80
    assert "factsheets.model" in GRAPH["factsheets.reader"]
    assert "factsheets.writers.audio.section_task" in GRAPH["factsheets.writers.audio.record"]


def test_no_module_imports_itself_round_a_cycle():
    assert cycles(GRAPH) == []


def test_cycles_are_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_reader_knows_nothing_of_the_formats():
    wrong = {name: sorted(d for d in deps if within(d, ("writers",) + DOWNSTREAM))
             for name, deps in GRAPH.items() if within(name, READER)}
    assert {name: deps for name, deps in wrong.items() if deps} == {}


def test_writers_know_nothing_of_checks_the_website_or_the_build():
    wrong = {name: sorted(d for d in deps if within(d, DOWNSTREAM))
             for name, deps in GRAPH.items() if within(name, ("writers",))}
    assert {name: deps for name, deps in wrong.items() if deps} == {}


def test_validators_know_nothing_of_the_website_the_build_or_the_commands():
    wrong = {name: sorted(d for d in deps if within(d, tuple(p for p in DOWNSTREAM if p != "validators")))
             for name, deps in GRAPH.items() if within(name, ("validators",))}
    assert {name: deps for name, deps in wrong.items() if deps} == {}


def test_no_module_reaches_into_another_writer_package():
    # A writer package (writers/audio/, writers/braille/, writers/epub/) is used through its
    # __init__; its modules are its own business, and the build's, which runs its parts.
    wrong = sorted(f"{name} -> {d}" for name, deps in GRAPH.items() for d in deps
                   if len(d.split(".")) >= 4 and d.split(".")[1] == "writers"
                   and not name.startswith(".".join(d.split(".")[:3])) and not within(name, ("build",)))
    assert wrong == []
