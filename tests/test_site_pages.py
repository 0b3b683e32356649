"""Small parts of the MkDocs adapter: the menu without the translations' pages."""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from factsheets.site_pages import without_pages


def test_left_out_pages_leave_the_menu_its_sections_and_the_next_and_previous_links(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    config = MkDocsConfig()
    config.load_dict({"site_name": "Advice", "docs_dir": str(docs)})
    assert config.validate() == ([], [])

    def page(name: str) -> Page:
        (docs / name).write_text("Text", encoding="utf-8")
        return Page(name, File(name, str(docs), str(tmp_path / "site"), False), config)

    source, translation, other = page("send.md"), page("send.cy.md"), page("other.md")
    section = Section("More", [translation, other])
    nav = without_pages(Navigation([source, section], [source, translation, other]), {(docs / "send.cy.md").resolve()})
    assert nav.items == [source, section] and section.children == [other]
    assert nav.pages == [source, other]
    assert (source.previous_page, source.next_page, other.previous_page, other.next_page) == (None, other, source, None)
