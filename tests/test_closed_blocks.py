"""A block or inline type added to the model is a mypy error in every renderer and check that
must handle every node, before anything runs.

`model.Block` and `model.Inline` are closed unions; each dispatch over them is one `match`
whose last case is `walk.unknown_node` (`typing.assert_never` in model.py), typed `Never`. A
copy of the package is given a `Sidebar` block and a `Sparkle` inline, in their unions, and
mypy must then name the new type in each module below, and nowhere else. The same copy
unchanged passes, so these findings come from the new types and nothing else.
"""

import re
import shutil
from pathlib import Path

import pytest
from mypy import api

pytestmark = pytest.mark.engines  # mypy runs twice on a copy of the package: about 6 s

PACKAGE = Path(__file__).parent.parent / "src" / "factsheets"

# Every module with a match over all blocks: the walk, each renderer, each check that reads
# every block. One that stops dispatching, or a new one, fails the test until listed here.
BLOCK_DISPATCH = {
    "walk.py",
    "writers/html.py",
    "writers/braille/text.py",
    "writers/audio/script.py",
    "writers/pdf.py",
    "writers/epub/pages.py",
    "validators/pdf_words.py",
    "validators/plain_english.py",
}
# Every module with a match over all inlines.
INLINE_DISPATCH = {
    "model.py",
    "walk.py",
    "writers/html.py",
    "writers/braille/text.py",
    "writers/audio/script.py",
}

NEW_TYPES = '''

@dataclass(frozen=True)
class Sparkle:
    """An inline no module has been taught."""

    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Sidebar:
    """A block no module has been taught."""

    blocks: tuple["Block", ...]
    id: str = ""
    line: int | None = None

'''

# mypy's finding at a match's last case: 'Argument 1 to "unknown_node" has incompatible type
# "Sidebar"; expected "Never"'.
FINDING = re.compile(r'^(?P<path>[^:]+):\d+: error: Argument 1 to "(?:unknown_node|assert_never)" has incompatible type "(?P<type>\w+)"')


def copy_package(folder: Path) -> Path:
    """The package's source copied into folder/src/factsheets."""
    copied = folder / "src" / "factsheets"
    shutil.copytree(PACKAGE, copied, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return copied


def add_new_types(copied: Path) -> None:
    model = copied / "model.py"
    source = model.read_text(encoding="utf-8")
    first_union = source.index("\nInline = Union[")
    source = source[:first_union] + NEW_TYPES + source[first_union:]
    source = source.replace("\nInline = Union[", "\nInline = Union[Sparkle, ", 1)
    source = source.replace("\nBlock = Union[", "\nBlock = Union[Sidebar, ", 1)
    assert source.count("Sparkle, ") == 1 and source.count("Sidebar, ") == 1
    model.write_text(source, encoding="utf-8")


def dispatching_modules(copied: Path) -> list[Path]:
    """The listed modules and any other that ends a match the same way (so it is checked too)."""
    listed = {copied / name for name in BLOCK_DISPATCH | INLINE_DISPATCH}
    found = {path for path in copied.rglob("*.py") if re.search(r"\b(?:unknown_node|assert_never)\(", path.read_text(encoding="utf-8"))}
    return sorted(listed | found)


def mypy_findings(copied: Path, cache: Path) -> tuple[str, int]:
    """mypy's report on the dispatching modules of a copy; the modules they import are read
    for their types but not reported on (follow_imports=silent), which keeps it quick."""
    report, errors, status = api.run([
        "--no-site-packages", "--python-version", "3.11", "--follow-imports", "silent", "--ignore-missing-imports",
        "--config-file", "", "--cache-dir", str(cache), "--no-error-summary", "--show-absolute-path",
        *(str(p) for p in dispatching_modules(copied)),
    ])
    return report + errors, status


def named(report: str, copied: Path, type_name: str) -> set[str]:
    """The modules (relative to the package) where mypy names type_name at a match's last case."""
    found = (FINDING.match(line) for line in report.splitlines())
    return {Path(f["path"]).relative_to(copied).as_posix() for f in found if f and f["type"] == type_name}


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for both tests: the standard library's types are read once."""
    return tmp_path_factory.mktemp("mypy-cache")


def test_the_package_as_it_is_passes(tmp_path: Path, cache: Path) -> None:
    copied = copy_package(tmp_path)
    report, status = mypy_findings(copied, cache)
    assert (report, status) == ("", 0)


def test_a_new_block_and_inline_are_errors_in_every_dispatch(tmp_path: Path, cache: Path) -> None:
    copied = copy_package(tmp_path)
    add_new_types(copied)
    report, status = mypy_findings(copied, cache)
    assert status == 1
    assert named(report, copied, "Sidebar") == BLOCK_DISPATCH, report
    assert named(report, copied, "Sparkle") == INLINE_DISPATCH, report
    others = [line for line in report.splitlines() if not FINDING.match(line)]
    assert others == [], report
