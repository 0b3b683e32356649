"""The glossary: one file a term in glossary/, the single source of definitions.

Each file has front matter `term`, optional `aliases` and an optional `spoken`
form for audio; its body is the definition. Factsheets refer to a term as
[[term]] (or [[term|words shown]]) and never repeat a definition.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from . import model as m
from .errors import Location, SourceError
from .reader import parse_blocks
from .walk import iter_block_inlines
from .frontmatter import GLOSSARY, check_front_matter
from .literal_syntax import MarkdownExtensions
from .sources import inside_project, read_text, split_front_matter


@dataclass(frozen=True)
class Entry:
    id: str
    term: str
    aliases: tuple[str, ...]
    spoken: str | None
    blocks: tuple[m.Block, ...]
    source: str
    digest_text: str  # the file's text, for cache keys
    language: str = "en-GB"  # the language of its words: a translation's, or English


# A translated entry: glossary/<english file>.<language>.md, e.g. ehc-needs-assessment.cy.md.
TRANSLATED_FILE = re.compile(r"(?P<stem>[^.]+)\.(?P<language>[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*)")


def normalise(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


class Glossary:
    def __init__(self, entries: list[Entry], translations: dict[str, dict[str, Entry]] | None = None):
        self.entries = {e.id: e for e in entries}
        self.translations = translations or {}  # language -> English entry's id -> translated entry
        self._names: dict[str, str] = {}
        for entry in entries:
            self._add_names(entry)

    def _add_names(self, entry: Entry, fallback: bool = False) -> None:
        for name in (entry.term, *entry.aliases):
            key = normalise(name)
            other = self._names.get(key)
            if other and other != entry.id:
                if fallback:
                    continue  # a translated name wins over an English one
                raise SourceError(
                    Location(entry.source, 1),
                    f'"{name}" is already a name of {self.entries[other].source}: a name can belong to one term only',
                )
            self._names[key] = entry.id

    def for_language(self, tag: str) -> "Glossary":
        """The glossary a factsheet in `tag` uses: each term translated where a translation
        exists (found by its translated names and aliases), else the English entry, whose
        English names still find it."""
        translated = self.translations.get(tag) or {}
        if not translated:
            return self
        view = Glossary([translated.get(e.id, e) for e in self.entries.values() if e.id in translated])
        view.entries = {i: translated.get(i, e) for i, e in self.entries.items()}
        for entry in self.entries.values():
            view._add_names(entry, fallback=True)
        return view

    def find(self, name: str) -> Entry | None:
        key = self._names.get(normalise(name))
        return self.entries[key] if key else None

    def sorted(self) -> list[Entry]:
        return sorted(self.entries.values(), key=lambda e: normalise(e.term))


def term_id(term: str) -> str:
    """A term's web anchor: its words in lower case, joined by hyphens (never the file's name)."""
    return re.sub(r"[^a-z0-9]+", "-", term.casefold()).strip("-") or "term"


def load_glossary(folder: Path, root: Path, extensions: MarkdownExtensions) -> Glossary:
    files: list[Path] = []
    translated: list[Path] = []
    if folder.is_dir() or folder.is_symlink():
        inside_project(folder, root, folder.relative_to(root).as_posix())
        for path in sorted(folder.glob("*.md")):
            match = TRANSLATED_FILE.fullmatch(path.stem)
            (translated if match else files).append(path)
    entries = [load_entry(path, root, extensions) for path in files]
    ids: dict[str, Entry] = {}
    for entry in entries:
        if entry.id in ids:
            raise SourceError(Location(entry.source, 1), f'the term "{entry.term}" is too like "{ids[entry.id].term}" ({ids[entry.id].source}): give each term different words')
        ids[entry.id] = entry
    return Glossary(entries, load_translations(translated, entries, root, extensions))


def load_translations(paths: list[Path], entries: list[Entry], root: Path, extensions: MarkdownExtensions) -> dict[str, dict[str, Entry]]:
    """glossary/<term>.<language>.md: a term's translation, named after the English entry's file.
    It keeps the English entry's id, so its anchors are the same in every language."""
    by_file = {Path(e.source).stem: e for e in entries}
    out: dict[str, dict[str, Entry]] = {}
    for path in paths:
        match = TRANSLATED_FILE.fullmatch(path.stem)
        assert match is not None
        english = by_file.get(match["stem"])
        shown = path.relative_to(root).as_posix()
        if english is None:
            close = difflib.get_close_matches(match["stem"], list(by_file), n=1)
            hint = f"did you mean {close[0]}.{match['language']}.md?" if close else "name it after the English term's file"
            raise SourceError(Location(shown, 1), f"this translation has no English entry glossary/{match['stem']}.md: {hint}")
        entry = load_entry(path, root, extensions)
        out.setdefault(match["language"], {})[english.id] = replace(entry, id=english.id, language=match["language"])
    for translated in out.values():
        Glossary(list(translated.values()))  # a translated name can belong to one term only
    return out


def load_entry(path: Path, root: Path, extensions: MarkdownExtensions) -> Entry:
    shown = path.relative_to(root).as_posix()
    text = read_text(path, shown, root)
    meta, body, first_line = split_front_matter(text, shown)
    term = meta.get("term")
    if not isinstance(term, str) or not term.strip():
        raise SourceError(Location(shown, 1), "a glossary entry needs 'term: ...' in its front matter")
    check_front_matter(meta, GLOSSARY, shown, text, "a glossary entry")
    aliases = meta.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    spoken = meta.get("spoken")
    blocks = parse_blocks(body, shown, first_line, extensions)
    if not blocks:
        raise SourceError(Location(shown, first_line), f'the glossary entry "{term.strip()}" has no definition: write its meaning below the second ---')
    for block in blocks:
        _refuse_nested_terms(block, shown)
    return Entry(term_id(term), term.strip(), tuple(a.strip() for a in aliases), spoken.strip() if spoken else None, tuple(blocks), shown, text)


def _refuse_nested_terms(top: m.Block, shown: str) -> None:
    """A definition is shown where a term is used: a [[term]] in it would have nowhere to link
    to. Table cells and lists included (the one walk sees into every block)."""
    for block, node in iter_block_inlines([top]):
        if isinstance(node, m.TermRef):
            line = getattr(block, "line", None) or getattr(top, "line", None)
            raise SourceError(Location(shown, line), "a definition cannot use [[...]] terms: write the words plainly")
