"""What each output format is, in the plain words the website's "Other formats" box uses.

The key is the format's name in build/manifest.json; the order here is the
order the box lists them in.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    label: str
    kind: str  # the kind of file, said after the link: "PDF", "MP3", ...
    purpose: str


FORMATS: dict[str, Format] = {
    "html": Format("Web page", "this page", "to read on screen, with a screen reader or zoomed in"),
    "print_html": Format("Print-friendly page", "web page", "a plain page with every web address written out, to print from your browser"),
    "large_print_pdf": Format("Large print", "PDF", "to print, or to read on screen with a magnifier"),
    "large_print_pdf_24": Format("Giant print (24 pt)", "PDF", "the same in bigger type, to print"),
    "braille_text": Format("Braille-ready text", "plain text", "for a braille transcriber or braille translation software"),
    "brf": Format("Braille file", "BRF, contracted UEB", "to send straight to a braille embosser or open on a braille display"),
    "pef": Format("Braille file for embosser software", "PEF", "the same braille pages in the Portable Embosser Format, which embosser software opens directly"),
    "braille_preview": Format("Braille preview", "text", "the braille file shown as braille dots on screen, for sighted staff to check; not for an embosser"),
    "audio_mp3": Format("Audio", "MP3", "the factsheet read aloud, with a chapter for each section"),
}


# The manifest keys each writer produces, and what --format accepts besides writer names.
WRITER_FORMATS: dict[str, list[str]] = {
    "print": ["print_html"],
    "pdf": ["large_print_pdf"],
    "braille": ["braille_text", "brf", "pef", "braille_preview"],
    "audio": ["audio_mp3"],
}
FORMAT_ALIASES: dict[str, str] = {
    key: writer for writer, keys in WRITER_FORMATS.items() for key in keys
} | {"brf": "braille", "large_print": "pdf", "mp3": "audio"}
