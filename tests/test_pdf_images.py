"""Images in the large-print PDF: printed as wide as the text with their description as a
caption, a warning when their own text would print too small, and nothing read from
outside the project (WeasyPrint's URL fetcher refuses it, and the writer says where).
"""

from __future__ import annotations

import http.server
import json
import random
import shutil
import threading
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from PIL import Image, ImageDraw

from conftest import FIXTURES, copy_project, factsheets
from factsheets import model as m
from factsheets.engines import weasyprint as engine
from factsheets.errors import Location, SourceError
from factsheets.project import load_project
from factsheets.writers.pdf import LINE_WIDTH_PT, PdfWriter
from factsheets.writers.pdf_images import image_text_warning
from factsheets.writers.print_html import print_document

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines


def layout_project(folder: Path) -> Path:
    """The small project with the print-layout factsheet: tables, a diagram, a photograph, long paragraphs."""
    root = copy_project(folder, FIXTURES / "small")
    for item in (FIXTURES / "print-layout").iterdir():
        shutil.copy(item, root / "docs" / "factsheets" / item.name)
    shutil.copy(FIXTURES / "pdf-photo.png", root / "docs" / "factsheets" / "pdf-photo.png")
    return root


@pytest.fixture(scope="module")
def built_layout(tmp_path_factory):
    root = layout_project(tmp_path_factory.mktemp("layout") / "project")
    result = factsheets(root, "build", "--format", "pdf,print")
    assert result.returncode == 0, result.stderr
    entry = next(e for e in json.loads((root / "build" / "manifest.json").read_text())["factsheets"] if e["slug"] == "appeals")
    return root, entry, result.stderr


def drawing(path: Path, width: int, height: int) -> Path:
    picture = Image.new("RGB", (width, height), "white")
    ImageDraw.Draw(picture).text((10, 10), "Week 4: mediation", fill="black")
    picture.save(path)
    return path


def photograph(path: Path, width: int, height: int) -> Path:
    # Every pixel a different colour, as in a photograph.
    picture = Image.frombytes("RGB", (width, height), random.Random(1).randbytes(width * height * 3))
    picture.save(path)
    return path


# Captions and size --------------------------------------------------------------------

def test_every_image_prints_as_wide_as_the_text_with_its_description_under_it(built_layout):
    root, entry, _ = built_layout
    document = next(d for d in load_project(root).documents if d.meta.slug == "appeals")
    figures = [b.image for b in document.blocks if isinstance(b, m.Figure)]
    with pdfplumber.open(root / "build" / entry["formats"]["large_print_pdf"]) as pdf:
        placed = [(page, image) for page in pdf.pages for image in page.images]
        assert len(placed) == len(figures) == 2
        for (page, image), figure in zip(placed, figures):
            assert image["x1"] - image["x0"] == pytest.approx(LINE_WIDTH_PT, abs=1)
            below = "".join(c["text"] for c in page.chars if c["top"] >= image["bottom"] - 1)
            assert below.replace(" ", "").startswith(("Picture:" + figure.alt).replace(" ", "")), below[:80]
            label = [c for c in page.chars if c["top"] >= image["bottom"] - 1][:8]
            assert all(c["fontname"].endswith("Bold") for c in label)  # "Picture:" in bold


def test_a_caption_is_tagged_as_the_figures_caption(built_layout):
    root, entry, _ = built_layout
    with pikepdf.open(root / "build" / entry["formats"]["large_print_pdf"]) as pdf:
        tags = [str(o.S) for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/S") in ("/Figure", "/Caption")]
        assert tags.count("/Figure") == tags.count("/Caption") == 2


def test_a_diagram_whose_text_prints_below_16pt_is_warned_about_at_its_line(built_layout):
    _, _, stderr = built_layout
    lines = [line for line in stderr.splitlines() if "text in the image" in line]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("docs/factsheets/appeals.md:25: warning: large print: the text in the image 'timeline.png' "
                               "would print at about 5 pt, below 16 pt")
    assert "at least 40 pixels high" in lines[0] and "print-note: no text" in lines[0]


def test_the_estimate_takes_the_authors_print_note(tmp_path):
    wide = drawing(tmp_path / "wide.png", 1200, 300)
    where = Location("docs/factsheets/x.md", 7)
    assumed = image_text_warning(m.Image("wide.png", "A timeline", 7), wide, LINE_WIDTH_PT, where)
    assert "about 5 pt" in assumed.message and "12 pixels" in assumed.message
    noted = image_text_warning(m.Image("wide.png", "A timeline", 7, "print-note: smallest text 30px"), wide, LINE_WIDTH_PT, where)
    assert "about 12 pt" in noted.message and "as its print-note says" in noted.message
    assert image_text_warning(m.Image("wide.png", "A timeline", 7, "print-note: smallest text 48 px"), wide, LINE_WIDTH_PT, where) is None
    assert image_text_warning(m.Image("wide.png", "A timeline", 7, "print-note: no text"), wide, LINE_WIDTH_PT, where) is None


def test_a_small_drawing_printed_large_and_a_photograph_are_not_warned_about(tmp_path):
    where = Location("docs/factsheets/x.md", 7)
    small = drawing(tmp_path / "small.png", 300, 200)  # printed 1.6 pt a pixel: 12 px text is 19 pt
    assert image_text_warning(m.Image("small.png", "A chart", 7), small, LINE_WIDTH_PT, where) is None
    photo = photograph(tmp_path / "photo.png", 1600, 1000)
    assert image_text_warning(m.Image("photo.png", "Our office", 7), photo, LINE_WIDTH_PT, where) is None
    # A photograph of a sign is a photograph with text: the author's note says how big.
    sign = m.Image("photo.png", "The sign", 7, "print-note: smallest text 20px")
    assert "about 6 pt" in image_text_warning(sign, photo, LINE_WIDTH_PT, where).message
    # A tall image is printed at most 150 mm high, so narrower: its scale comes from its height.
    tall = drawing(tmp_path / "tall.png", 200, 2000)
    assert "about 3 pt" in image_text_warning(m.Image("tall.png", "A flow chart", 7), tall, LINE_WIDTH_PT, where).message


# Nothing from outside the project -----------------------------------------------------------

class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - the standard library's name
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write((FIXTURES / "pdf-photo.png").read_bytes())

    def log_message(self, *args):
        pass


@pytest.fixture
def web_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    _Recorder.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_weasyprint_reads_nothing_from_another_host_or_outside_the_project(tmp_path, web_server):
    project = tmp_path / "project" / "docs" / "factsheets"
    project.mkdir(parents=True)
    secret = tmp_path / "secret.png"
    shutil.copy(FIXTURES / "pdf-photo.png", secret)
    shutil.copy(FIXTURES / "pdf-photo.png", tmp_path / "other.png")
    shutil.copy(FIXTURES / "pdf-photo.png", project / "ours.png")
    (project / "link.png").symlink_to(secret)
    sources = [f"{web_server}/remote.png", str(secret), "../../../other.png", "link.png",
               "data:image/png;base64,iVBORw0KGgo=", "ours.png"]
    html = "<!DOCTYPE html><html lang='en'><body>" + "".join(f'<p><img src="{s}" alt="x"></p>' for s in sources) + "</body></html>"
    target = tmp_path / "out.pdf"
    rendered = engine.render_pdf(html, target, base_url=project.as_uri() + "/", identifier=b"0" * 32,
                                 allowed_folders=[tmp_path / "project"])
    assert _Recorder.requests == []  # the web server was never asked
    refused = rendered.refused
    assert len(refused) == 5 and refused[0] == f"{web_server}/remote.png" and refused[4].startswith("data:")
    assert refused[1:3] == [secret.as_uri(), (tmp_path / "other.png").as_uri()] and refused[3].endswith("/link.png")
    with pdfplumber.open(target) as pdf:
        assert len(pdf.pages[0].images) == 1  # only the project's own image


@pytest.mark.parametrize("src, says", [
    ("https://example.org/map.png", "is not a file in the project (it is a web address)"),
    ("/etc/map.png", "is given by a full path"),
    ("../../../outside.png", "is outside the project's folder"),
])
def test_an_image_from_outside_the_project_stops_the_pdf_at_its_line(tmp_path, src, says):
    root = copy_project(tmp_path / "project", FIXTURES / "small")
    shutil.copy(FIXTURES / "pdf-photo.png", tmp_path / "outside.png")
    document = load_project(root).documents[0]
    blocks = (*document.blocks, m.Figure(m.Image(src, "A map", 12)))
    with pytest.raises(SourceError) as error:
        PdfWriter().write(m.Document(document.meta, blocks, document.organisation), tmp_path / "out", {"project_root": root})
    assert error.value.location == Location("docs/factsheets/short.md", 12) and says in error.value.message


def test_the_command_line_refuses_an_image_outside_the_project_and_keeps_the_last_build(tmp_path):
    root = copy_project(tmp_path / "project", FIXTURES / "small")
    assert factsheets(root, "build", "--format", "pdf,print").returncode == 0
    before = {p: p.read_bytes() for p in (root / "build").rglob("*") if p.is_file()}
    shutil.copy(FIXTURES / "pdf-photo.png", tmp_path / "outside.png")
    page = root / "docs" / "factsheets" / "short.md"
    page.write_text(page.read_text() + "\n![A map](../../../outside.png)\n")
    result = factsheets(root, "build", "--format", "pdf,print")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    # Refused when the project is read, before any writer runs (the writers refuse it too: see above).
    assert result.stderr.startswith("docs/factsheets/short.md:26: ") and "outside the project folder" in result.stderr
    assert {p: p.read_bytes() for p in (root / "build").rglob("*") if p.is_file()} == before


def test_print_documents_html_names_no_file_outside(tmp_path):
    # The print view itself writes sources as given; the writers decide what may be read.
    document = load_project(FIXTURES / "small").documents[0]
    html = print_document(m.Document(document.meta, (m.Figure(m.Image("a.png", "A", 1)),), document.organisation),
                          image_src={"a.png": "images/a.png"})
    assert '<img src="images/a.png" alt="A">' in html and "Picture:</strong> A</figcaption>" in html


def test_the_layout_factsheet_meets_every_check_and_names_the_factsheet_it_links_to(built_layout):
    from factsheets.validators.pdf import check_pdf, glyphs

    root, entry, _ = built_layout
    document = next(d for d in load_project(root).documents if d.meta.slug == "appeals")
    pdf = root / "build" / entry["formats"]["large_print_pdf"]
    assert check_pdf(pdf, document) == []
    first_page = "".join(c["text"] for c in glyphs(pdf)[0])
    assert "theshortfactsheet(thefactsheet\u201cAshortfactsheet\u201d)first." in first_page  # glyphs, no spaces


def test_a_fetch_the_engine_refused_is_reported_at_the_images_line(tmp_path):
    # The writer refuses such images before layout; if WeasyPrint is ever asked for
    # something else outside the project, its refusal still names the place.
    from factsheets.writers.pdf import refused_fetch

    document = load_project(FIXTURES / "small").documents[0]
    blocks = (*document.blocks, m.Figure(m.Image("maps/county.png", "A map", 30)))
    with_image = m.Document(document.meta, blocks, document.organisation)
    error = refused_fetch(with_image, tmp_path, "file:///elsewhere/maps/county.png")
    assert error.location == Location("docs/factsheets/short.md", 30) and "'maps/county.png' was not read" in error.message
    other = refused_fetch(with_image, tmp_path, "https://example.org/font.woff")
    assert other.location == Location("docs/factsheets/short.md") and "'https://example.org/font.woff' was not read" in other.message
