"""Two things WeasyPrint's PDF/UA tags say wrongly, put right in the written PDF (pikepdf).

- A link's alternate description (its annotation's /Contents, which a screen reader says
  for the link) is its target, such as "tel:01225394382" or "fn-1"; PDF/UA-1 (7.18.5) asks
  for a description of the link. It becomes the link's words, as printed ("01225 394382",
  "[1]"), taken from the print view's HTML by target; the /Link structure element gets
  the same words as its /Alt.
- A <figure> is tagged as a grouping element holding a /Figure (the picture) and a /Caption
  side by side, so the caption is not the figure's. The /Caption is moved into the /Figure,
  after the picture: a Figure contains its Caption.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pikepdf


def link_words(html: str) -> dict[str, str]:
    """Each link target (an address, or an anchor's id without its '#') -> the words of its first link."""
    from lxml import html as lxml_html

    words: dict[str, str] = {}
    for link in lxml_html.fromstring(html).iter("a"):
        href = link.get("href")
        said = " ".join(link.text_content().replace("\u200b", "").replace("\u2060", "").split())  # the print view's break marks
        if href and said:
            words.setdefault(href[1:] if href.startswith("#") else href, said)
    return words


def _kids(element: pikepdf.Object) -> list[pikepdf.Object]:
    import pikepdf

    kids = element.get("/K")
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []


def structure_elements(root: pikepdf.Object) -> Iterator[pikepdf.Dictionary]:
    """Every structure element under root."""
    import pikepdf

    stack = _kids(root)
    seen: set[tuple[int, int]] = set()
    while stack:
        element = stack.pop()
        if isinstance(element, pikepdf.Dictionary) and "/S" in element and element.objgen not in seen:
            seen.add(element.objgen)
            yield element
            stack.extend(_kids(element))


def fix_tags(path: Path, html: str) -> None:
    import pikepdf

    words = link_words(html)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        if "/StructTreeRoot" not in pdf.Root:
            return
        for page in pdf.pages:
            for annotation in page.obj.get("/Annots", []):
                target = str(annotation.get("/Contents", ""))
                if annotation.get("/Subtype") == "/Link" and target in words:
                    annotation.Contents = pikepdf.String(words[target])
        for element in list(structure_elements(pdf.Root.StructTreeRoot)):
            kids = _kids(element)
            if element.S == "/Link":
                described = [k.Obj.Contents for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR" and "/Contents" in k.Obj]
                if described:
                    element.Alt = described[0]
            figures = [k for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/S") == "/Figure"]
            captions = [k for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/S") == "/Caption"]
            if len(figures) == 1 and len(captions) == 1:
                figure, caption = figures[0], captions[0]
                element.K = pikepdf.Array([k for k in kids if not (isinstance(k, pikepdf.Dictionary) and k.objgen == caption.objgen)])
                figure.K = pikepdf.Array([*_kids(figure), caption])
                caption.P = figure
        pdf.save(path, deterministic_id=True, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.preserve)
