"""The EPUB writer's real output: checked by EPUBCheck and Ace, read back, and its read-along
timings measured against the decoded audio. Real engines throughout (espeak-ng, LAME, sox,
Java, Chromium)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import numpy as np
import pytest
from lxml import etree

from conftest import FIXTURES, copy_project
from factsheets import model as m
from factsheets.project import load_project
from factsheets.validators import epub as check
from factsheets.validators.epub_batch import check_books
from factsheets.options import with_defaults
from factsheets.writers import FinishedJob
from factsheets.writers.audio import AudioWriter
from factsheets.writers.epub import EpubWriter, overlay, write_epub
from factsheets.writers.pdf import PdfWriter
from factsheets.writers.epub import pages

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops", "opf": "http://www.idpf.org/2007/opf", "s": "http://www.w3.org/ns/SMIL"}


def finished_needs(project, document, root: Path) -> dict:
    """The audio's and the large-print PDF's finished jobs, which the build makes first and hands the EPUB writer."""
    needed = {}
    for writer in (AudioWriter(), PdfWriter()):
        folder = root / f"{writer.name}-{document.meta.slug}"
        given = {**with_defaults(writer.name, project.config.writer_options(writer.name)), "project_root": root}
        made = writer.write(document, folder, given)
        files = {key: path.relative_to(folder).as_posix() for key, path in made.files.items()}
        needed[writer.name] = FinishedJob(folder, files, made.details, given)
    return needed


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The small fixture project's EPUB, written once (its audio recorded for real)."""
    root = copy_project(tmp_path_factory.mktemp("epub") / "small", FIXTURES / "small")
    project = load_project(root)
    document = project.documents[0]
    options = {**project.config.writer_options("epub"), "project_root": root}
    needed = finished_needs(project, document, root)
    out = root / "out"
    output = EpubWriter().write(document, out, options, needed=needed)
    return {"document": document, "output": output, "epub": output.files["epub"], "root": root, "needed": needed}


def test_the_epub_plays_the_audio_writers_recording_not_a_second_one(small):
    with zipfile.ZipFile(small["epub"]) as archive:
        inside = archive.read("EPUB/audio/short.mp3")
    assert inside == small["needed"]["audio"].path("audio_mp3").read_bytes()


def test_the_epub_is_not_made_without_the_writers_it_needs(small, tmp_path):
    with pytest.raises(RuntimeError, match="made from the audio writer's recording"):
        EpubWriter().write(small["document"], tmp_path, {"project_root": small["root"]})


def read(epub: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(epub) as archive:
        return etree.fromstring(archive.read(name))


def test_epubcheck_and_ace_pass(checked):
    assert checked["small"] == []


def broken_copy(epub: Path, broken: Path) -> Path:
    """The book with a fault for each checker: no language on the package (Ace) and a duplicate id (EPUBCheck)."""
    with zipfile.ZipFile(epub) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith(".opf"):
                data = re.sub(rb'(<package[^>]*?) xml:lang="[^"]*"', rb"\1", data)  # Ace: serious
            if info.filename.endswith("text.xhtml"):
                data = data.replace(b'<h1 id="title">', b'<h1 id="top">')  # EPUBCheck: duplicate id
            target.writestr(info, data)
    return broken


def test_a_broken_epub_fails_both_checkers(checked):
    problems = checked["broken"]
    assert any(p.checker == "EPUBCheck" and p.severity == "ERROR" and p.code == "RSC-005" for p in problems)
    assert any(p.checker == "Ace" and p.severity == "serious" and p.code == "epub-lang" for p in problems)


def test_accessibility_metadata(small):
    opf = read(small["epub"], "EPUB/content.opf")
    assert opf.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB"
    metas = {}
    for meta in opf.iterfind(".//opf:meta[@property]", NS):
        metas.setdefault((meta.get("property"), meta.get("refines")), []).append(meta.text)
    assert metas[("schema:accessMode", None)] == ["textual", "auditory"]
    assert "textual" in metas[("schema:accessModeSufficient", None)]
    features = metas[("schema:accessibilityFeature", None)]
    assert {"structuralNavigation", "synchronizedAudioText", "tableOfContents"} <= set(features)
    assert metas[("schema:accessibilityHazard", None)] == ["none"]
    assert metas[("dcterms:conformsTo", None)] == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    assert metas[("schema:accessibilitySummary", None)][0].startswith("This publication meets")
    assert metas[("media:active-class", None)] == [overlay.ACTIVE_CLASS]
    assert metas[("media:duration", "#overlay")] == metas[("media:duration", None)]


def test_text_navigation_and_glossary_links(small):
    text = read(small["epub"], "EPUB/text.xhtml")
    assert text.get("lang") == "en-GB" and text.get("dir") == "ltr"
    ids = set(text.xpath("//@id"))
    links = [a.get("href") for a in text.iterfind(".//x:a", NS) if a.get("href", "").startswith("#")]
    assert links and all(href[1:] in ids for href in links)  # the glossary links, as on the website
    assert "glossary-education-health-and-care-plan" in ids and "contact-end" in ids
    nav = read(small["epub"], "EPUB/nav.xhtml")
    toc = [a.text for a in nav.iterfind(".//x:nav[@epub:type='toc']//x:a", NS)]
    assert toc == ["A short factsheet", "What you can do", "Glossary", "Education, Health and Care plan", "Local Offer", "SEND Code of Practice"]
    landmarks = {a.get("{%s}type" % NS["epub"]): a.get("href") for a in nav.iterfind(".//x:nav[@epub:type='landmarks']//x:a", NS)}
    assert landmarks["bodymatter"] == "text.xhtml#top" and landmarks["glossary"] == "text.xhtml#glossary"
    for href in landmarks.values():
        target = href.split("#")[1]
        assert target in ids or target == "toc"


def test_every_overlay_item_points_at_text_and_audio_in_order(small):
    text = read(small["epub"], "EPUB/text.xhtml")
    by_id = {e.get("id"): e for e in text.iter() if e.get("id")}
    smil = read(small["epub"], "EPUB/text.smil")
    pars = smil.findall(".//s:par", NS)
    assert len(pars) >= 10
    begins = []
    for par in pars:
        target = par.find("s:text", NS).get("src").split("#")[1]
        assert target in by_id
        audio = par.find("s:audio", NS)
        assert audio.get("src") == "audio/short.mp3"
        begin, end = (overlay_seconds(audio.get(a)) for a in ("clipBegin", "clipEnd"))
        assert end > begin
        begins.append(begin)
    assert begins == sorted(begins)
    # The sentences of "You can ask ..." paragraphs are spans of their own.
    assert sum(1 for par in pars if "-s" in par.find("s:text", NS).get("src")) >= len(pars) // 2


def overlay_seconds(value: str) -> float:
    hours, minutes, seconds = value.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def test_sentence_starts_are_where_they_are_heard(small, tmp_path):
    """Each sentence's overlay start within 100 ms of the audible start (silence boundary) in the
    decoded MP3, for at least 95% of the sentences."""
    smil = read(small["epub"], "EPUB/text.smil")
    starts = [overlay_seconds(a.get("clipBegin")) for a in smil.iterfind(".//s:audio", NS)]
    with zipfile.ZipFile(small["epub"]) as archive:
        mp3 = tmp_path / "short.mp3"
        mp3.write_bytes(archive.read("EPUB/audio/short.mp3"))
    offsets = np.array(check.overlay_offsets(mp3, starts))
    assert (offsets <= 100).mean() >= 0.95, offsets


def test_same_input_same_bytes(small, tmp_path):
    with zipfile.ZipFile(small["epub"]) as archive:
        mp3 = tmp_path / "short.mp3"
        mp3.write_bytes(archive.read("EPUB/audio/short.mp3"))
    timings = [{"block": "top-p1", "text": "This factsheet tells you about your EHC plan and the Local Offer.", "start": 1.0, "end": 4.0, "id": "s1"}]
    write_epub(small["document"], timings, mp3, tmp_path / "a.epub")
    write_epub(small["document"], timings, mp3, tmp_path / "b.epub")
    assert (tmp_path / "a.epub").read_bytes() == (tmp_path / "b.epub").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.epub") as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED


def test_overlay_pairs_sentences_or_falls_back_to_the_whole_block():
    said = [
        {"block": "p1", "text": "A.", "start": 1.0, "end": 2.0},
        {"block": "p1", "text": "B.", "start": 2.0, "end": 3.0},
        {"block": "p2", "text": "C one.", "start": 3.5, "end": 4.0},
        {"block": "p2", "text": "C two.", "start": 4.0, "end": 5.0},
        {"block": "", "text": "Quotation:", "start": 5.0, "end": 6.0},
    ]
    pars = overlay.pars(said, {"p1": ["p1-s1", "p1-s2"], "p2": ["p2-s1"]}, ["p1", "p2"])
    assert pars == [overlay.Par("p1-s1", 1.0, 2.0), overlay.Par("p1-s2", 2.0, 3.0), overlay.Par("p2", 3.5, 5.0)]
    assert overlay.clock(3725.5) == "1:02:05.500" and overlay.duration(pars) == 3.5


def test_page_marks_go_before_the_first_block_that_starts_on_each_page():
    first, second, third = m.Paragraph((m.Text("Alpha beta gamma delta epsilon zeta"),), "p1"), m.Heading(2, (m.Text("Next part"),), "h"), m.Paragraph((m.Text("Alpha beta gamma delta epsilon zeta again"),), "p2")
    blocks = pages.leaves([first, second, third])
    laid_out = [["titleofthefactsheet", pages.key("Alpha beta gamma delta epsilon zeta")], [pages.key("Next part")], [pages.key("Alpha beta gamma delta epsilon zeta again")], ["text07530263401"]]
    marks, unmarked = pages.match(laid_out, blocks)
    # Same opening words twice: the second paragraph is matched after the first, not to it.
    assert marks == {id(second): 2, id(third): 3}
    assert unmarked == {4: ["text07530263401"]}
    html, left = pages.mark_lines('<ul><li><strong>Text:</strong> 07530 263401</li></ul>', unmarked, lambda n: f"[{n}]")
    assert html == "<ul><li>[4]<strong>Text:</strong> 07530 263401</li></ul>" and left == {}


def test_page_marks_in_arabic_and_chinese_go_to_their_own_paragraphs():
    """A key of Latin letters alone was empty for these paragraphs, and an empty key was found
    in any block: page 2 was marked at the next paragraph with a Latin word in it."""
    arabic = m.Paragraph((m.Text("ماذا أفعل إذا لم أوافق على القرارات"),), "p1")
    chinese = m.Paragraph((m.Text("如果我不同意有关特殊教育需要支持的决定"),), "p2")
    english = m.Paragraph((m.Text("Bath and North East Somerset Council"),), "p3")
    blocks = pages.leaves([arabic, chinese, english])
    assert all(key for _, key in blocks) and pages.key("Ǆemal ﻻ") == "džemalلا"  # any script, compatibility forms folded
    laid_out = [[pages.key("ماذا أفعل إذا لم أوافق")], [pages.key("如果我不同意有关特殊教育")], [pages.key("Bath and North East")]]
    assert pages.match(laid_out, blocks)[0] == {id(chinese): 2, id(english): 3}
    # A page starting with no words (a picture) marks nothing rather than the next block.
    assert pages.match([[""], [""], [pages.key("Bath and North East")]], blocks) == ({id(english): 3}, {2: [""]})


@pytest.fixture(scope="module")
def leaflet(built_project, send_entry):
    """The real leaflet's EPUB and large-print PDF from the project's build."""
    build = built_project / "build"
    return {"epub": build / send_entry["formats"]["epub"], "pdf": build / send_entry["formats"]["large_print_pdf"], "entry": send_entry}


def test_the_leaflet_passes_epubcheck_and_ace(checked):
    assert checked["leaflet"] == []


def test_the_leaflets_page_list_marks_the_pdfs_pages(leaflet):
    """Each page marker is followed by words that are on that page of the PDF (read with pdftotext)."""
    import subprocess

    with zipfile.ZipFile(leaflet["epub"]) as archive:
        text = archive.read("EPUB/text.xhtml").decode()
        nav = read(leaflet["epub"], "EPUB/nav.xhtml")
    listed = [a.text for a in nav.iterfind(".//x:nav[@epub:type='page-list']//x:a", NS)]
    pdf_pages = leaflet["entry"]["details"]["large_print_pdf"]["pages"]
    assert listed == [str(n) for n in range(1, pdf_pages + 1)]
    for found in re.finditer(r'id="page-(\d+)" aria-label="Page \d+"></span>(.{0,400})', text):
        number = int(found.group(1))
        words = " ".join(re.sub(r"<[^>]+>", " ", found.group(2)).split()[:4])
        page = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(leaflet["pdf"]), "-"], capture_output=True, text=True, check=True).stdout
        assert words in " ".join(page.split()), (number, words)


def test_the_leaflets_sentences_are_where_they_are_heard(leaflet, tmp_path):
    smil = read(leaflet["epub"], "EPUB/text.smil")
    starts = [overlay_seconds(a.get("clipBegin")) for a in smil.iterfind(".//s:audio", NS)]
    with zipfile.ZipFile(leaflet["epub"]) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".mp3"))
        mp3 = tmp_path / "leaflet.mp3"
        mp3.write_bytes(archive.read(name))
    offsets = np.array(check.overlay_offsets(mp3, starts))
    assert len(offsets) > 100 and (offsets <= 100).mean() >= 0.95


@pytest.fixture(scope="module")
def pictured(tmp_path_factory) -> Path:
    """A book with a picture and a link to another factsheet of the project."""
    root = copy_project(tmp_path_factory.mktemp("pictured") / "small", FIXTURES / "small")
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + "site_url: https://www.example.org.uk/\n")
    (root / "docs/factsheets/photo.png").write_bytes((FIXTURES / "pdf-photo.png").read_bytes())
    (root / "docs/factsheets/pictured.md").write_text(
        "---\ntitle: A pictured factsheet\nsummary: With a picture and a link.\nversion: 1\ndate: 2024-04\n---\n\n"
        "Read [the short one](short.md) first.\n\n![A test photograph](photo.png \"print-note: no text\")\n", encoding="utf-8")
    project = load_project(root)
    document = next(d for d in project.documents if d.meta.slug == "pictured")
    options = {**project.config.writer_options("epub"), "project_root": root}
    return EpubWriter().write(document, root / "out", options, needed=finished_needs(project, document, root)).files["epub"]


@pytest.fixture(scope="module")
def checked(small, leaflet, pictured, tmp_path_factory) -> dict[str, list]:
    """EPUBCheck's and Ace's problems with each of the module's books, from one batch: a JVM,
    a Node and a Chromium for all four, where a book at a time took about 40 s each."""
    books = {"small": small["epub"], "broken": broken_copy(small["epub"], tmp_path_factory.mktemp("broken") / "broken.epub"),
             "leaflet": leaflet["epub"], "pictured": pictured}
    return dict(zip(books, check_books(list(books.values()))))


def test_a_picture_and_a_link_to_another_factsheet_are_in_the_book_and_pass_epubcheck(pictured, checked):
    """The book carries its pictures, and a link to another factsheet (not in the book) goes to
    its web page: EPUBCheck refuses a reference to a file the book does not hold (RSC-007)."""
    book = pictured
    assert checked["pictured"] == []
    with zipfile.ZipFile(book) as archive:
        assert archive.read("EPUB/images/photo.png") == (FIXTURES / "pdf-photo.png").read_bytes()
    text = read(book, "EPUB/text.xhtml")
    [image] = text.findall(".//x:img", NS)
    assert image.get("src") == "images/photo.png" and image.get("alt") == "A test photograph"
    [link] = [a for a in text.findall(".//x:a", NS) if "".join(a.itertext()) == "the short one"]
    assert link.get("href") == "https://www.example.org.uk/factsheets/short.html"


def test_the_package_document_is_written_without_patches_and_an_rtl_book_turns_right_to_left(small):
    """The OPF from lxml (issue 30: no bytes patched into EbookLib's): the language and
    direction on its root, and an Arabic book's spine goes right to left (issue 24)."""
    from dataclasses import replace

    from factsheets.writers.epub.package import Contents, package_document

    document = small["document"]
    contents = Contents("", "", "", Path("x.mp3"), 1.0, False)
    package = etree.fromstring(package_document(document, contents))
    opf = {"o": "http://www.idpf.org/2007/opf"}
    assert package.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB" and package.get("dir") == "ltr"
    assert package.find("o:spine", opf).get("page-progression-direction") is None
    arabic = replace(document, meta=replace(document.meta, language="ar"))
    package = etree.fromstring(package_document(arabic, contents))
    assert package.get("dir") == "rtl" and package.find("o:spine", opf).get("page-progression-direction") == "rtl"
    assert [i.get("idref") for i in package.find("o:spine", opf)] == ["text", "nav"]
