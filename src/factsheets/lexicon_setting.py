"""The audio's `lexicon` setting (in mkdocs.yml or a factsheet's `audio:`): a file of the project.

Beside it, each language may have its own: `glossary/lexicon.cy.yml`, `glossary/lexicon.zh-Hans.yml`
(the language's tag after the lexicon's name). A translation's voice uses its language's file;
without one it spells capitals ("EHC") and keeps only the entries of the main lexicon that
say nothing English (letters, or a word said as written): writers/audio/lexicon.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .errors import Location, SourceError
from .frontmatter import key_line
from .sources import inside_project, load_yaml, read_text

DEFAULT_LEXICON = "glossary/lexicon.yml"


def check_lexicon(audio: Mapping[str, object], root: Path, shown: str, text: str, default: bool = False) -> None:
    """The audio's lexicon, if named, must be an ordinary file inside the project, and valid YAML."""
    written = audio.get("lexicon")
    if written is None and not default:
        return
    line = key_line(text, "lexicon") if written is not None else 1
    if written is not None and (not isinstance(written, str) or not written.strip()):
        raise SourceError(Location(shown, line), "'lexicon' must be the name of a file in the project, such as glossary/lexicon.yml")
    path = root / (written or DEFAULT_LEXICON)
    if written is None and not path.exists() and not path.is_symlink():
        return  # no lexicon is allowed: words are said as written
    real = inside_project(path, root, shown if written else DEFAULT_LEXICON, line)
    if not real.is_file():
        raise SourceError(Location(shown, line), f"the lexicon '{written or DEFAULT_LEXICON}' is a folder, not a file")
    lexicon_shown = real.relative_to(root.resolve()).as_posix()
    load_yaml(read_text(path, lexicon_shown, root), lexicon_shown)
    check_language_lexicons(path, root)


def check_language_lexicons(path: Path, root: Path) -> None:
    """Each language's lexicon beside the main one (`lexicon.<language>.yml`) is read as the
    audio will read it, so a malformed entry stops the build with its file and line."""
    from .writers.audio import load_lexicon  # the audio reads it so: checked the same way

    for language_file in sorted(path.parent.glob(f"{path.stem}.*{path.suffix}")):
        shown = language_file.relative_to(root).as_posix() if language_file.is_relative_to(root) else language_file.name
        read_text(language_file, shown, root)  # a regular file inside the project
        load_lexicon(language_file, shown)


