"""The EPUB 3 package, put together with EbookLib: metadata (accessibility included),
manifest, spine, navigation, and a zip that is the same for the same input.

EbookLib writes the OPF, the container and the NCX (for older reading systems);
the content and navigation documents are ours, as XHTML bytes, so that EbookLib's
HTML parser never rewrites them. It stamps each zip entry with the clock and
dcterms:modified with now: both are set from the factsheet's date instead.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ... import model as m
from .overlay import ACTIVE_CLASS, clock
from .xhtml import language_direction

# Reflow (WCAG 1.4.10, 1.4.4): at 320 px wide or at 200% text nothing is clipped or scrolls
# sideways: pictures scale to the page, long addresses and words wrap anywhere.
STYLESHEET = """body { font-family: sans-serif; line-height: 1.5; overflow-wrap: break-word; }
h1, h2, h3 { line-height: 1.25; }
img, svg, video { max-width: 100%; height: auto; }
a, td, th, li, p { overflow-wrap: anywhere; }
table { border-collapse: collapse; max-width: 100%; }
td, th { border: 1px solid #555; padding: 0.25em; vertical-align: top; }
figure { margin: 1em 0; }
.admonition { border: 0.15em solid #000; padding: 0.5em 1em; margin: 1em 0; }
.admonition.warning, .admonition.danger, .admonition.important, .admonition.caution { border-width: 0.35em; }
.admonition-title { margin-top: 0; }
.fs-contact { border: 0.15em solid #000; padding: 0.5em 1em; margin: 1em 0; }
.fs-quote { margin: 1em 0; border-left: 0.3em solid #555; padding-left: 1em; }
.fs-term { font-weight: bold; }
.-epub-media-overlay-active { background-color: #ffe066; color: #000; }
"""

# EPUB Accessibility 1.1, 2.3 Discoverability: what the book offers and how it can be used.
ACCESS_MODES = ["textual", "auditory"]
ACCESS_MODES_SUFFICIENT = ["textual", "auditory", "textual,auditory"]
HAZARDS = ["none"]
CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"


@dataclass
class Contents:
    xhtml: str  # the content document
    nav: str  # the navigation document
    smil: str
    audio: Path  # the whole MP3
    overlay_seconds: float
    has_images: bool
    page_source: str = ""  # what the page list's numbers are the pages of ("": no page list)
    images: dict[str, Path] = field(default_factory=dict)  # file name in the book (images/x.png) -> the image file


def accessibility_summary(document: m.Document, has_images: bool = False) -> str:
    pictures = (" Its pictures each have a description, shown under the picture and read aloud;"
                " no information is given by a picture alone.") if has_images else ""
    return (
        f"This publication meets {CONFORMANCE}. It has a table of contents and headings to move "
        "around by. Every sentence is read aloud in a recorded synthetic voice, highlighted as it "
        "is spoken; the whole text can be read without the audio, and the whole audio heard without the text."
        + pictures
    )


def features(contents: Contents) -> list[str]:
    out = ["structuralNavigation", "tableOfContents", "readingOrder", "synchronizedAudioText", "displayTransformability"]
    if contents.has_images:
        out.append("alternativeText")
    if contents.page_source:
        out += ["pageNavigation", "printPageNumbers"]
    return out


IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp"}


def book(document: m.Document, contents: Contents):
    from ebooklib import epub

    meta = document.meta
    result = epub.EpubBook()
    result.set_identifier(f"urn:factsheets:{document.organisation.name}:{meta.slug}:{meta.version}".replace(" ", "-"))
    result.set_title(meta.title)
    result.set_language(meta.language)
    result.add_author(document.organisation.name)
    result.add_metadata("DC", "publisher", document.organisation.name)
    result.add_metadata("DC", "description", meta.summary)
    if meta.date:
        result.add_metadata("DC", "date", meta.date)
    modes = [*ACCESS_MODES, "visual"] if contents.has_images else ACCESS_MODES  # pictures are seen
    for name, values in (("schema:accessMode", modes), ("schema:accessModeSufficient", ACCESS_MODES_SUFFICIENT),
                         ("schema:accessibilityFeature", features(contents)), ("schema:accessibilityHazard", HAZARDS)):
        for value in values:
            result.add_metadata(None, "meta", value, {"property": name})
    result.add_metadata(None, "meta", accessibility_summary(document, contents.has_images), {"property": "schema:accessibilitySummary"})
    result.add_metadata(None, "meta", CONFORMANCE, {"property": "dcterms:conformsTo"})
    result.add_metadata(None, "meta", document.organisation.name, {"property": "a11y:certifiedBy"})  # the publisher's own claim
    if contents.page_source:
        result.add_metadata(None, "meta", contents.page_source, {"property": "pageBreakSource"})
    result.add_metadata(None, "meta", ACTIVE_CLASS, {"property": "media:active-class"})
    result.add_metadata(None, "meta", clock(contents.overlay_seconds), {"property": "media:duration"})
    result.add_metadata(None, "meta", clock(contents.overlay_seconds), {"property": "media:duration", "refines": "#overlay"})

    style = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=STYLESHEET.encode())
    text = epub.EpubItem(uid="text", file_name="text.xhtml", media_type="application/xhtml+xml", content=contents.xhtml.encode())
    text.media_overlay = "overlay"
    nav = epub.EpubItem(uid="nav", file_name="nav.xhtml", media_type="application/xhtml+xml", content=contents.nav.encode())
    nav.properties = ["nav"]
    overlay = epub.EpubSMIL(uid="overlay", file_name="text.smil", content=contents.smil.encode())
    # Empty here: the recording is put into the zip by _fixed_dates, from its file (see write).
    audio = epub.EpubItem(uid="audio", file_name=f"audio/{contents.audio.name}", media_type="audio/mpeg", content=b"")
    for item in (style, text, nav, overlay, audio):
        result.add_item(item)
    for number, (name, path) in enumerate(sorted(contents.images.items()), 1):
        kind = IMAGE_TYPES.get(path.suffix.lower(), "application/octet-stream")
        result.add_item(epub.EpubItem(uid=f"image{number}", file_name=name, media_type=kind, content=path.read_bytes()))
    result.add_item(epub.EpubNcx())
    result.toc = [epub.Link("text.xhtml#top", meta.title, "top")]
    result.spine = [text, (nav, "no")]  # the landmarks link to the contents: a spine item, outside the reading order
    return result


def write(document: m.Document, contents: Contents, target: Path) -> None:
    from ebooklib import epub

    modified = _modified(document.meta.date)
    buffer = io.BytesIO()
    # Level 0: EbookLib's zip is only read back by _fixed_dates, which compresses each entry
    # itself. The recording (10 MB for the leaflet) is not in it: _fixed_dates takes it from its
    # file, rather than have it zipped, read back and zipped again (25 ms, measured).
    epub.write_epub(buffer, book(document, contents), {"mtime": modified, "epub3_pages": False, "epub3_landmark": False, "compresslevel": 0})
    language = document.meta.language
    package_attributes = f'<package xml:lang="{language}" dir="{language_direction(language)}" '.encode()
    files = {f"EPUB/audio/{contents.audio.name}": contents.audio}
    target.write_bytes(_fixed_dates(buffer.getvalue(), (modified.year, modified.month, 1, 0, 0, 0), package_attributes, files))


def _modified(date: str):
    import datetime as dt

    year, _, month = (date or "2000-01").partition("-")
    return dt.datetime(int(year), int(month or 1), 1)


def _fixed_dates(data: bytes, stamp: tuple, package_attributes: bytes, files: dict[str, Path]) -> bytes:
    """The same zip with every entry dated `stamp` (the mimetype first and stored, as OCF requires),
    the package's language and direction on its root element, which EbookLib leaves out
    (DAISY Ace counts a package without xml:lang as a serious violation), and the entries
    named in `files` (left empty by EbookLib) filled from those files."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        missing = set(files) - set(source.namelist())
        if missing:  # an entry left empty for its file, and then never filled, would be a silent loss
            raise RuntimeError(f"EbookLib wrote no entry for {sorted(missing)}: the EPUB would lack it")
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, stamp)
            # An MP3 is compressed already: deflating it again costs seconds and saves nothing.
            stored = info.filename == "mimetype" or info.filename.endswith(".mp3")
            fixed.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            content = files[info.filename].read_bytes() if info.filename in files else source.read(info.filename)
            if info.filename.endswith(".opf"):
                content = content.replace(b"<package ", package_attributes, 1)
            target.writestr(fixed, content)
    return out.getvalue()
