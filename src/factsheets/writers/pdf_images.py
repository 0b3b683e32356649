"""Pictures in large print: is the text inside an image large enough once it is printed?

UKAAF's guidance holds for every word on the page, a picture's included: 16 pt at least.
A picture prints as wide as the text (print.css), so its own text prints at a scale
known from its width in pixels.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from .. import model as m
from ..errors import Location, SourceError, Warning_
from .print_sources import images_of

MINIMUM_SIZE_PT = 16  # UKAAF G003: large print is 16 pt or more
FIGURE_MAX_HEIGHT_PT = 150 * 72 / 25.4  # print.css: a picture is as wide as the text, at most 150 mm high
ASSUMED_IMAGE_TEXT_PX = 12
DRAWING_MAX_COLOURS = 1024  # a drawing or chart has few colours; a photograph has many thousands
PRINT_NOTE = re.compile(r"print-note:\s*(?:(no text)|[^0-9]*?(\d+(?:\.\d+)?)\s*(?:px|pixels?)\b)", re.I)


def _image_size_and_kind(path: Path) -> tuple[tuple[int, int], bool] | None:
    """(width, height) in pixels and whether it looks like a drawing; None if Pillow cannot read it."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as picture:
            return picture.size, picture.convert("RGB").getcolors(DRAWING_MAX_COLOURS) is not None
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


def image_text_warning(image: m.Image, path: Path, width_pt: float, where: Location) -> Warning_ | None:
    """A warning when the image's own text would print below 16 pt, or None.

    The image prints as wide as the text (at most 150 mm high), so one pixel prints
    at width_pt / its width in pixels. Its smallest text is what the author's
    print-note says, or, for a drawing (few colours), 12 pixels; a photograph
    without a note is taken to have no text.
    """
    note = PRINT_NOTE.search(image.title or "")
    if note and note.group(1):
        return None
    measured = _image_size_and_kind(path)
    if measured is None:
        return None
    (width_px, height_px), drawing = measured
    if not note and not drawing:
        return None
    text_px = float(note.group(2)) if note else ASSUMED_IMAGE_TEXT_PX
    scale = min(width_pt / width_px, FIGURE_MAX_HEIGHT_PT / height_px)  # points per pixel
    printed = text_px * scale
    if printed >= MINIMUM_SIZE_PT - 0.05:
        return None
    said = "as its print-note says" if note else "as in most images made for screens"
    return Warning_(where, (
        f"large print: the text in the image '{image.src}' would print at about {printed:.0f} pt, below {MINIMUM_SIZE_PT} pt "
        f"(it is {width_px} pixels wide, printed {width_pt * 25.4 / 72:.0f} mm wide; its smallest text is taken to be {text_px:g} pixels high, {said}): "
        f"make its text at least {math.ceil(MINIMUM_SIZE_PT / scale)} pixels high, or give what it says as text or a table. "
        f"If the image has no text, add the title \"print-note: no text\""
    ))


def refused_fetch(document: m.Document, root: Path, url: str) -> SourceError:
    """WeasyPrint was stopped from reading something: say which image, at its line."""
    for image in images_of(document):
        if image.src and url.endswith(image.src.lstrip("./")):
            return SourceError(Location(document.meta.source, image.line), (
                f"large print: the image '{image.src}' was not read, because only files inside the project are: "
                f"copy it beside the factsheet and give its file name"))
    return SourceError(Location(document.meta.source), f"large print: '{url}' was not read, because only files inside the project are")
