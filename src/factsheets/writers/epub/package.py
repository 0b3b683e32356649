"""The EPUB 3 package: the package document (OPF: metadata, accessibility included,
manifest and spine), the OCF container, and a zip that is the same for the same input.

The package document is written with lxml, so every value is escaped and the root carries
the factsheet's language and direction (DAISY Ace counts a package without xml:lang as a
serious violation) and, for a right-to-left language (Arabic, Urdu), the spine's
page-progression-direction="rtl", so a reading system turns its pages from right to left.
The content and navigation documents are ours, as XHTML bytes. There is no NCX: EPUB 3
reading systems read the navigation document, and EPUBCheck asks for nothing more. Each
zip entry is dated from the factsheet's date, never the clock, as dcterms:modified is.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

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
OPF_NS = "http://www.idpf.org/2007/opf"
DC_NS = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFIXES = "rendition: http://www.idpf.org/vocab/rendition/#"
CONTAINER = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">\n'
    '  <rootfiles>\n    <rootfile media-type="application/oebps-package+xml" full-path="EPUB/content.opf"/>\n  </rootfiles>\n'
    '</container>\n'
)


def metadata_values(document: m.Document, contents: Contents) -> list[tuple[str, str, dict[str, str]]]:
    """(property, value, other attributes) for each <meta> of the package."""
    modes = [*ACCESS_MODES, "visual"] if contents.has_images else ACCESS_MODES  # pictures are seen
    values: list[tuple[str, str, dict[str, str]]] = [("dcterms:modified", _modified(document.meta.date), {})]
    for name, listed in (("schema:accessMode", modes), ("schema:accessModeSufficient", ACCESS_MODES_SUFFICIENT),
                         ("schema:accessibilityFeature", features(contents)), ("schema:accessibilityHazard", HAZARDS)):
        values += [(name, value, {}) for value in listed]
    values += [
        ("schema:accessibilitySummary", accessibility_summary(document, contents.has_images), {}),
        ("dcterms:conformsTo", CONFORMANCE, {}),
        ("a11y:certifiedBy", document.organisation.name, {}),  # the publisher's own claim
    ]
    if contents.page_source:
        values.append(("pageBreakSource", contents.page_source, {}))
    values += [
        ("media:active-class", ACTIVE_CLASS, {}),
        ("media:duration", clock(contents.overlay_seconds), {}),
        ("media:duration", clock(contents.overlay_seconds), {"refines": "#overlay"}),
    ]
    return values


def package_document(document: m.Document, contents: Contents) -> bytes:
    """The OPF: what the book is, what is in it, and the order it is read in."""
    meta = document.meta
    direction = language_direction(meta.language)
    root = etree.Element(f"{{{OPF_NS}}}package", nsmap={None: OPF_NS},
                         attrib={"version": "3.0", "unique-identifier": "id", XML_LANG: meta.language, "dir": direction, "prefix": PREFIXES})
    metadata = etree.SubElement(root, f"{{{OPF_NS}}}metadata", nsmap={"dc": DC_NS})
    identifier = f"urn:factsheets:{document.organisation.name}:{meta.slug}:{meta.version}".replace(" ", "-")
    dublin_core = [("identifier", identifier, {"id": "id"}), ("title", meta.title, {}), ("language", meta.language, {}),
                   ("creator", document.organisation.name, {"id": "creator"}), ("publisher", document.organisation.name, {}),
                   ("description", meta.summary, {})]
    if meta.date:
        dublin_core.append(("date", meta.date, {}))
    for name, value, attributes in dublin_core:
        etree.SubElement(metadata, f"{{{DC_NS}}}{name}", attrib=attributes).text = value
    for name, value, attributes in metadata_values(document, contents):
        etree.SubElement(metadata, f"{{{OPF_NS}}}meta", attrib={"property": name, **attributes}).text = value
    manifest = etree.SubElement(root, f"{{{OPF_NS}}}manifest")
    items = [("style", "style.css", "text/css", {}),
             ("text", "text.xhtml", "application/xhtml+xml", {"media-overlay": "overlay"}),
             ("nav", "nav.xhtml", "application/xhtml+xml", {"properties": "nav"}),
             ("overlay", "text.smil", "application/smil+xml", {}),
             ("audio", f"audio/{contents.audio.name}", "audio/mpeg", {})]
    items += [(f"image{number}", name, IMAGE_TYPES.get(path.suffix.lower(), "application/octet-stream"), {})
              for number, (name, path) in enumerate(sorted(contents.images.items()), 1)]
    for ident, href, kind, attributes in items:
        etree.SubElement(manifest, f"{{{OPF_NS}}}item", attrib={"id": ident, "href": href, "media-type": kind, **attributes})
    spine = etree.SubElement(root, f"{{{OPF_NS}}}spine", attrib={"page-progression-direction": direction} if direction == "rtl" else {})
    etree.SubElement(spine, f"{{{OPF_NS}}}itemref", attrib={"idref": "text"})
    # The landmarks link to the contents: a spine item, outside the reading order.
    etree.SubElement(spine, f"{{{OPF_NS}}}itemref", attrib={"idref": "nav", "linear": "no"})
    written: bytes = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)  # lxml has no types
    return written


def write(document: m.Document, contents: Contents, target: Path) -> None:
    stamp = _stamp(document.meta.date)
    entries: list[tuple[str, bytes | Path]] = [
        ("mimetype", b"application/epub+zip"),  # first and stored, as OCF requires
        ("META-INF/container.xml", CONTAINER.encode()),
        ("EPUB/content.opf", package_document(document, contents)),
        ("EPUB/style.css", STYLESHEET.encode()),
        ("EPUB/text.xhtml", contents.xhtml.encode()),
        ("EPUB/nav.xhtml", contents.nav.encode()),
        ("EPUB/text.smil", contents.smil.encode()),
        (f"EPUB/audio/{contents.audio.name}", contents.audio),
        *((f"EPUB/{name}", path) for name, path in sorted(contents.images.items())),
    ]
    with zipfile.ZipFile(target, "w") as book:
        for name, content in entries:
            info = zipfile.ZipInfo(name, stamp)
            # An MP3 or a picture is compressed already: deflating it again costs time and saves nothing.
            stored = name == "mimetype" or name.endswith(".mp3") or name.startswith("EPUB/images/")
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            book.writestr(info, content.read_bytes() if isinstance(content, Path) else content)


def _stamp(date: str) -> tuple[int, int, int, int, int, int]:
    year, _, month = (date or "2000-01").partition("-")
    return int(year), int(month or 1), 1, 0, 0, 0


def _modified(date: str) -> str:
    year, month, *_ = _stamp(date)
    return f"{year:04d}-{month:02d}-01T00:00:00Z"
