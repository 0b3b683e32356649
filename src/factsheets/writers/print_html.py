"""The print view: the factsheet as one plain, self-contained HTML page.

It is what the website's "print-friendly page" links to, and the HTML the
large-print PDF is made from: web addresses are written out in full and the
stylesheet is our own, not the website's theme.
"""

from __future__ import annotations

from html import escape
from importlib.resources import files
from pathlib import Path

from .. import model as m
from . import Output
from .html import HtmlRenderer


def print_css(size_pt: float) -> str:
    css = files("factsheets").joinpath("assets/print.css").read_text(encoding="utf-8")
    return css.replace("--fs-size: 18pt", f"--fs-size: {size_pt:g}pt")


def print_document(document: m.Document, size_pt: float = 18, extra_css: str = "") -> str:
    meta = document.meta
    renderer = HtmlRenderer(document, print_urls=True)
    first = (
        f'<header class="fs-title-block"><h1 id="title">{escape(meta.title)}</h1>'
        f'<p class="fs-meta">{escape(document.organisation.name)} factsheet. '
        f"Version {escape(meta.version)}, {escape(m.display_month(meta.date))}.</p></header>"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(meta.language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(meta.title)}</title>\n"
        f'<meta name="author" content="{escape(document.organisation.name)}">\n'
        f'<meta name="description" content="{escape(meta.summary)}">\n'
        f"<style>\n{print_css(size_pt)}{extra_css}</style>\n</head>\n<body>\n<main>\n"
        f"{first}\n{renderer.blocks(document.blocks)}\n</main>\n</body>\n</html>\n"
    )


class PrintHtmlWriter:
    name = "print"
    version = "1"

    def write(self, document: m.Document, out_dir: Path, options: dict) -> Output:
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / f"{document.meta.slug}-print.html"
        path.write_text(print_document(document), encoding="utf-8")
        return Output(files={"print_html": path})
