"""One tagged table for each table, however many pages it runs over.

WeasyPrint tags each page on its own (weasyprint/pdf/tags.py): a table that runs
over three pages becomes three /Table elements, each with its own copy of the
repeated header row, and each data cell's /Headers points at the copy on its own
page. A screen reader then meets three tables. After WeasyPrint has written the
file, this joins them: the rows of the later parts move into the first part's
table, each repeated header row becomes a pagination artifact (it is printed for
the eye, and read once), the data cells point at the first header row, and every
header cell gets /Scope /Column. An /IDTree makes the cells' /Headers resolvable.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pikepdf
    import weasyprint

# An object's (object number, generation): its identity in the file.
ObjectId = tuple[int, int]


def table_fragments(document: weasyprint.Document) -> list[int]:
    """For each /Table WeasyPrint will tag, in the order it tags them, which HTML table it is part of.

    WeasyPrint builds its structure tree by walking each page's boxes in order, and
    tags each table wrapper box as one /Table; a table on three pages has three
    wrapper boxes that share one HTML element. The same walk here finds them.
    """
    # WeasyPrint has no type information: its boxes are read by attribute, as its own tagging does.
    found: list[int] = []

    def walk(box: Any) -> None:
        box = getattr(box, "_box", box)  # an absolutely placed box stands in for its own
        if getattr(box, "element_tag", None) == "table" and getattr(box, "is_table_wrapper", False):
            found.append(id(box.element))
            return
        for child in getattr(box, "children", ()) or ():
            walk(child)

    for page in document.pages:
        walk(page._page_box)
    return found


def _tables_in_order(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    import pikepdf

    found: list[pikepdf.Dictionary] = []
    seen: set[ObjectId] = set()

    def walk(element: pikepdf.Object | None) -> None:
        if not isinstance(element, pikepdf.Dictionary) or element.objgen in seen:
            return
        seen.add(element.objgen)
        if element.get("/S") == "/Table":
            found.append(element)
            return
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
            walk(kid)

    for top in pdf.Root.StructTreeRoot.get("/K", []):
        walk(top)
    return found


def _kids(element: pikepdf.Object) -> list[pikepdf.Object]:
    import pikepdf

    kids = element.get("/K")
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []


def _children(element: pikepdf.Object, tag: str) -> list[pikepdf.Object]:
    import pikepdf

    return [k for k in _kids(element) if isinstance(k, pikepdf.Dictionary) and k.get("/S") == tag]


def _header_cells(table: pikepdf.Object) -> list[pikepdf.Object]:
    return [th for head in _children(table, "/THead") for row in _children(head, "/TR") for th in _children(row, "/TH")]


def _marked_content(element: pikepdf.Object, found: dict[ObjectId, set[int]]) -> None:
    """Every marked-content id under an element, by page object: {page objgen: {mcid, ...}}."""
    import pikepdf

    for kid in _kids(element):
        if isinstance(kid, int) or (isinstance(kid, pikepdf.Object) and kid._type_name == "integer"):
            found.setdefault(element.Pg.objgen, set()).add(int(kid))
        elif isinstance(kid, pikepdf.Dictionary) and "/MCID" in kid:
            # A reference names its page, else its element's; with neither, no page holds it to mark.
            page = kid.get("/Pg", element.get("/Pg"))
            if page is not None:
                found.setdefault(page.objgen, set()).add(int(kid.MCID))
        elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            _marked_content(kid, found)


def _detach(element: pikepdf.Object) -> None:
    """Takes an element out of its parent, and the parent out of its own if it is left empty."""
    import pikepdf

    parent = element.get("/P")
    while isinstance(parent, pikepdf.Dictionary) and parent.get("/S") not in (None, "/Document"):
        parent.K = pikepdf.Array([k for k in _kids(parent) if not (isinstance(k, pikepdf.Dictionary) and k.objgen == element.objgen)])
        if len(parent.K):
            return
        element, parent = parent, parent.get("/P")


def _join(first: pikepdf.Object, later: pikepdf.Object, artifacts: dict[ObjectId, set[int]]) -> None:
    """Moves the rows of a later part of a table into the first, its header row into artifacts."""
    import pikepdf

    ids = {bytes(th.ID): th.ID for th in _header_cells(first) if "/ID" in th}
    renamed = {bytes(copy.ID): first_th.ID for copy, first_th in zip(_header_cells(later), _header_cells(first)) if "/ID" in copy and "/ID" in first_th}
    for head in _children(later, "/THead"):
        _marked_content(head, artifacts)
    bodies = _children(first, "/TBody")
    for kid in _kids(later):
        if not isinstance(kid, pikepdf.Dictionary) or kid.get("/S") == "/THead":
            continue
        rows = _children(kid, "/TR") if kid.get("/S") == "/TBody" and bodies else [kid]
        target = bodies[0] if kid.get("/S") == "/TBody" and bodies else first
        for row in rows:
            row.P = target
            target.K.append(row)
            for cell in _children(row, "/TD"):
                attributes = cell.get("/A")
                if isinstance(attributes, pikepdf.Dictionary) and "/Headers" in attributes:
                    attributes.Headers = pikepdf.Array([renamed.get(bytes(h), ids.get(bytes(h), h)) for h in attributes.Headers])
    _detach(later)


def _mark_artifacts(pdf: pikepdf.Pdf, artifacts: dict[ObjectId, set[int]]) -> None:
    """Marks the given marked content (the repeated header rows) as page-header artifacts."""
    import pikepdf

    for page in pdf.pages:
        wanted = artifacts.get(page.obj.objgen)
        if not wanted:
            continue
        instructions: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage] = []
        for instruction in pikepdf.parse_content_stream(page):
            operands, operator = instruction.operands, instruction.operator
            if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and int(operands[1].get("/MCID", -1)) in wanted:
                artifact = [pikepdf.Name.Artifact, pikepdf.Dictionary(Type=pikepdf.Name.Pagination, Subtype=pikepdf.Name.Header)]
                instruction = pikepdf.ContentStreamInstruction(artifact, operator)
            instructions.append(instruction)
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))


def _scope_and_ids(pdf: pikepdf.Pdf, tables: list[pikepdf.Dictionary]) -> None:
    """/Scope /Column on every header cell, and an /IDTree so that /Headers can be resolved."""
    import pikepdf

    names: list[tuple[bytes, pikepdf.Object]] = []
    for table in tables:
        for th in _header_cells(table):
            attributes = th.get("/A")
            if isinstance(attributes, pikepdf.Dictionary):
                attributes.Scope = pikepdf.Name.Column
            else:
                th.A = pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=pikepdf.Name.Column)
            if "/ID" in th:
                names.append((bytes(th.ID), th))
    if names:
        names.sort(key=lambda pair: pair[0])
        flat = pikepdf.Array()
        for key, element in names:
            flat.append(pikepdf.String(key))
            flat.append(element)
        pdf.Root.StructTreeRoot.IDTree = pdf.make_indirect(pikepdf.Dictionary(Names=flat))


def join_split_tables(path: Path, fragments: list[int]) -> int | None:
    """Joins the parts of each table split over pages into one tagged table. Returns how many parts it joined.

    None when the tagged tables do not match the laid-out ones (a WeasyPrint that tags
    differently): the file is then left as WeasyPrint wrote it, and the caller says so.
    """
    import pikepdf

    joined = 0
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        if "/StructTreeRoot" not in pdf.Root:
            return 0
        tables = _tables_in_order(pdf)
        if not tables:
            return 0
        if len(tables) != len(fragments):
            return None
        first_of: dict[int, pikepdf.Dictionary] = {}
        artifacts: dict[ObjectId, set[int]] = {}
        kept: list[pikepdf.Dictionary] = []
        for table, source in zip(tables, fragments):
            if source in first_of:
                _join(first_of[source], table, artifacts)
                joined += 1
            else:
                first_of[source] = table
                kept.append(table)
        _mark_artifacts(pdf, artifacts)
        _scope_and_ids(pdf, kept)
        pdf.save(path, deterministic_id=True, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.preserve)
    return joined
