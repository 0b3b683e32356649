"""The website, built for real and opened in Debian's Chromium."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import FIXTURES, LEAFLET, SEND_SLUG, copy_project

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

PAGE = f"factsheets/{SEND_SLUG}.html"


class _Text(HTMLParser):
    """The visible text of a page's main content and its headings."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # inside <article>
        self.words: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self._heading: list | None = None
        self.html_lang = None

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.html_lang = dict(attrs).get("lang")
        if tag == "article":
            self.depth += 1
        if self.depth and re.fullmatch(r"h[1-6]", tag):
            self._heading = [int(tag[1]), ""]

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        if self._heading and re.fullmatch(r"h[1-6]", tag):
            self.headings.append((self._heading[0], self._heading[1].strip()))
            self._heading = None

    def handle_data(self, data):
        if self.depth:
            self.words.append(data)
            if self._heading is not None:
                self._heading[1] += data


def page_text(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))


@pytest.fixture(scope="module")
def site(built_project):
    return built_project / "build" / "site"


def test_site_is_in_british_english(site):
    for page in ("index.html", PAGE, "glossary.html", "accessibility.html"):
        assert page_text(site / page).html_lang == "en-GB", page


def test_factsheet_page_has_every_word_of_the_leaflet(site):
    """Word for word: every word of the extracted leaflet is on the page as often as in the leaflet."""
    from collections import Counter

    leaflet = (FIXTURES / "leaflet-extracted.txt").read_text(encoding="utf-8")
    # The markup of the extraction is not content.
    leaflet = re.sub(r"\]\(http[^)]*\)", "]", leaflet).replace("\\_", "_")
    page = Counter(words(" ".join(page_text(site / PAGE).words)))
    missing = {w: n - page[w] for w, n in Counter(words(leaflet)).items() if page[w] < n}
    assert not missing, missing


def test_body_text_keeps_the_leaflets_order(site):
    leaflet = (FIXTURES / "leaflet-extracted.txt").read_text(encoding="utf-8")
    body = leaflet[leaflet.index("## Disagreement resolution"):leaflet.index("## Glossary")]
    body = re.sub(r"\]\(http[^)]*\)", "]", body)
    expected = words(body)
    found = words(" ".join(page_text(site / PAGE).words))
    position = 0
    for word in expected:
        position = found.index(word, position) + 1  # raises ValueError if out of order


def test_heading_structure_is_the_sources(site):
    source = (LEAFLET / "docs" / "factsheets" / f"{SEND_SLUG}.md").read_text(encoding="utf-8")
    expected = [(1, "What if I do not agree with decisions about SEN provision?")]
    expected += [(len(h), t.strip()) for h, t in re.findall(r"^(#{2,6}) (.+)$", source, re.M)]
    expected.append((2, "Glossary"))
    english = [p for p in sorted((LEAFLET / "glossary").glob("*.md")) if "." not in p.stem]  # not the translations (term.cy.md)
    glossary_terms = re.findall(r'^term: "(.+)"$', "\n".join(p.read_text() for p in english), re.M)
    expected += [(3, t) for t in sorted(glossary_terms, key=str.casefold)]
    # The website's own boxes, each under a heading, after the glossary.
    expected += [(2, "Other formats and audio"), (3, "Listen to this factsheet"), (3, "Download this factsheet"),
                 (4, "Files for developers and players")]
    expected.append((2, "Contact the SEND Partnership Service"))
    assert page_text(site / PAGE).headings == expected


def test_headings_are_in_sentence_case(site):
    for _level, text in page_text(site / PAGE).headings:
        assert not re.search(r"\b[A-Z]{2,}\s+[A-Z]{2,}\s+[A-Z]{2,}\b", text) or "SEN" in text, text


def test_first_use_of_a_term_links_to_its_definition_on_the_page(site):
    html = (site / PAGE).read_text(encoding="utf-8")
    links = re.findall(r'<a class="fs-term" href="#glossary-([a-z-]+)"', html)
    assert len(links) == len(set(links)) == 8
    for term in links:
        assert f'id="glossary-{term}"' in html


def test_other_formats_box_and_ask_for_another_format(site, send_entry):
    html = (site / PAGE).read_text(encoding="utf-8")
    box = html[html.index('aria-labelledby="other-formats"'):]
    box = box[: box.index("</section>")]
    for key, path in send_entry["formats"].items():
        if key != "html":
            assert path.startswith("site/") and (site.parent / path).exists()
            assert Path(path).name in box, key
    assert "Print-friendly page" in box
    # One line near the top leads to it, before the factsheet's text.
    assert html.index('<a href="#other-formats">') < html.index('id="first-steps"') < html.index('id="other-formats"')
    assert "mailto:send_partnershipservice@bathnes.gov.uk?subject=Please%20send%20me%20another%20format%20of%3A%20What%20if%20I%20do%20not%20agree" in box


def test_home_page_lists_factsheets_with_summaries(site, send_entry):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="{PAGE}"' in html and send_entry["summary"] in html


def test_glossary_page_has_every_term(site):
    from factsheets.glossary import load_glossary

    html = (site / "glossary.html").read_text(encoding="utf-8")
    entries = load_glossary(LEAFLET / "glossary", LEAFLET, []).sorted()
    assert len(entries) == len([p for p in (LEAFLET / "glossary").glob("*.md") if "." not in p.stem])  # term.cy.md is a translation
    # An entry's anchor is made from its term, never from its file's name.
    assert 'id="glossary-special-educational-needs-coordinator-senco"' in html
    for entry in entries:
        assert f'id="glossary-{entry.id}"' in html


def test_accessibility_statement_says_how_to_ask_for_another_format(site):
    text = " ".join(page_text(site / "accessibility.html").words)
    assert "Accessibility statement" in text
    assert "send_partnershipservice@bathnes.gov.uk" in text and "01225 394382" in text
    assert "large print" in text and "braille" in text.lower() and "audio" in text


def test_manifest_lists_the_factsheet(send_entry):
    assert send_entry["title"] == "What if I do not agree with decisions about SEN provision?"
    assert send_entry["language"] == "en-GB" and send_entry["version"] == "4" and send_entry["date"] == "2021-06"
    assert send_entry["source"] == f"docs/factsheets/{SEND_SLUG}.md"
    assert send_entry["formats"]["html"] == f"site/{PAGE}"


def test_no_page_names_another_host_to_load(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        loads = re.findall(r'<(?:script|link|img|source|audio|video|iframe)\b[^>]*(?:src|href)="(https?:)?//', html)
        assert not loads, page


def test_axe_finds_nothing_in_either_palette_and_the_page_reflows(checked_project):
    """The site check's findings on this site, every page (axe in both palettes; reflow, text spacing
    and JavaScript off on the factsheet's page), as the session's check of a copy of it found them:
    not a warning, let alone a failure. Read from its report rather than found again: the same
    pages through the same page_checks."""
    root, _ = checked_project
    report = json.loads((root / "build/check.json").read_text(encoding="utf-8"))
    assert any("website" in sheet["checked"] for sheet in report["factsheets"])
    found = [f"{f['path']}: {f['message']}" for sheet in report["factsheets"] for f in sheet["findings"] if f["format"] == "website"]
    assert found == []


def checked_alone(site_dir: Path, page: str) -> list:
    """What the site check (page_checks) finds on one factsheet page, without the
    site's other pages (test_axe_finds_nothing_in_either_palette_and_the_page_reflows reads them)."""
    from factsheets.validators.website import chromium, kept_tabs, page_checks, serve

    with serve(site_dir) as base, chromium() as browser, kept_tabs(browser) as tabs:
        return page_checks(tabs, base, page, "x.md", True)


def test_check_site_catches_low_contrast_a_wide_page_clipped_text_and_script_only_content(site, tmp_path):
    """The validator can fail: break a copy of the page on purpose."""
    import shutil

    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    page = broken / PAGE
    html = page.read_text(encoding="utf-8")
    html = html.replace('<p class="fs-summary">', '<p class="fs-summary" style="color:#ccc;background:#fff">', 1)
    html = html.replace("</article>", '<div style="width:900px">wide</div>'
                        '<p style="height:1.3em;overflow:hidden">Tightly boxed text</p>'
                        "<script>document.querySelector('article').insertAdjacentHTML('beforeend', '<p>Scriptonlyword</p>')</script>"
                        "</article>", 1)
    page.write_text(html, encoding="utf-8")
    messages = [f.message for f in checked_alone(broken, PAGE)]
    assert any("color-contrast" in m for m in messages), messages
    assert any("scrolls sideways" in m for m in messages), messages
    assert any("text is cut off" in m and "WCAG 1.4.12" in m for m in messages), messages
    assert any("JavaScript off" in m and "scriptonlyword" in m for m in messages), messages


def test_check_site_catches_a_fault_of_the_dark_palette_alone_switched_in_place(site, tmp_path):
    """The dark palette is switched on the page the light one was checked on (validators/website.py):
    Material's own attributes change, so a colour only its dark scheme gets wrong is still found."""
    import shutil

    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    page = broken / PAGE
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</head>", "<style>[data-md-color-scheme=slate] .fs-summary { color: #333 !important; }</style></head>", 1),
                    encoding="utf-8")
    messages = [f.message for f in checked_alone(broken, PAGE)]
    assert any("(dark): axe color-contrast" in m and ".fs-summary" in m for m in messages), messages
    assert not any("(light): axe" in m or "did not switch" in m for m in messages), messages


def test_mkdocs_build_alone_still_works_for_a_live_preview(tmp_path):
    import subprocess
    import sys

    root = copy_project(tmp_path / "p", FIXTURES / "small")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run([str(mkdocs), "build", "-q", "-d", str(tmp_path / "out")], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "factsheets" / "short.html").read_text(encoding="utf-8")
    assert "A short factsheet" in html and 'href="#glossary-local-offer"' in html


def test_search_works_offline_from_the_folder(site):
    from factsheets.validators.website import chromium, search_results

    with chromium() as browser:
        assert search_results(browser, (site / "index.html").as_uri(), "mediation") >= 1
        assert search_results(browser, (site / "index.html").as_uri(), "zzzqqqnotaword") == 0


def test_the_contact_box_appears_once_under_its_own_heading(site):
    html = (site / PAGE).read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert article.count("<section class=\"fs-contact") == 1 and article.count("href=\"tel:") == 1
    # The heading carries the read-along's times when the audio says it (site_read_along.stretch_of).
    assert re.search(r'<section class="fs-contact fs-about" aria-labelledby="contact-end"><h2 id="contact-end"( data-[a-z-]+="[^"]*")*>'
                     r'Contact the SEND Partnership Service</h2>', article)


def test_also_called_leaves_out_plurals_and_the_term_itself(site):
    from factsheets.glossary import Entry
    from factsheets.site import shown_aliases

    def entry(term, *aliases):
        return Entry("x", term, aliases, None, (), "x.md", "")

    assert shown_aliases(entry("SENCo", "SENCO", "Special Educational Needs Coordinator")) == ["Special Educational Needs Coordinator"]
    assert shown_aliases(entry("Education, Health and Care plan", "EHC plan", "EHC plans", "EHCP")) == ["EHC plan", "EHCP"]
    assert shown_aliases(entry("First-tier Tribunal", "First Tier Tribunal", "SEND Tribunal")) == ["SEND Tribunal"]
    assert shown_aliases(entry("Special Educational Needs Coordinator (SENCO)", "Special Educational Needs Coordinator", "SENCO")) == []
    html = (site / "glossary.html").read_text(encoding="utf-8")
    assert "Also called: EHC plan, EHCP." in html and "Also called: Special Educational Needs Coordinator" not in html


def test_the_glossary_page_lists_its_terms_in_its_table_of_contents(site):
    html = (site / "glossary.html").read_text(encoding="utf-8")
    toc = html[html.index('aria-label="Table of contents"'):]
    from factsheets.glossary import load_glossary

    for entry in load_glossary(LEAFLET / "glossary", LEAFLET, []).sorted():
        assert f'href="#glossary-{entry.id}"' in toc


def test_text_downloads_start_with_a_byte_order_mark(site, send_entry):
    """Without it, a server that sends text/plain with no charset shows "Â£" for "£". The
    braille-ready text is the exception: it is for a transcriber's software, plain UTF-8."""
    for key in ("braille_preview", "audio_transcript"):
        assert (site.parent / send_entry["formats"][key]).read_bytes().startswith(b"\xef\xbb\xbf"), key
    assert not (site.parent / send_entry["formats"]["braille_text"]).read_bytes().startswith(b"\xef\xbb\xbf")
