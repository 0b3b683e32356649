"""The MkDocs adapter (mkdocs_plugin.py); its language parts are in test_site_languages.py."""


def test_the_plugins_settings_are_its_own_and_a_block_for_each_writer():
    from factsheets.mkdocs_plugin import FactsheetsPlugin
    from factsheets.writers import registry

    names = [name for name, _ in FactsheetsPlugin.config_class._schema]
    assert names == ["language", "factsheets_dir", "glossary_dir", "organisation", "job_timeout", *registry()]


def test_the_menu_is_left_as_it_is_while_the_sources_have_a_problem():
    # Under serve, a source's problem leaves no project (on_config): every page shows the
    # problem, and the menu is not pruned of translations no one could read.
    from mkdocs.structure.nav import Navigation

    from factsheets.mkdocs_plugin import FactsheetsPlugin

    plugin = FactsheetsPlugin()
    plugin.problem, plugin.project = "docs/factsheets/short.md:4: the term 'Local Ofer' is not in the glossary", None
    nav = Navigation([], [])
    assert plugin.on_nav(nav, config=None, files=None) is nav


def test_a_page_with_no_source_file_is_left_for_mkdocs_to_read(tmp_path):
    # A page another plugin makes has no file (abs_src_path None): there is no front matter to check.
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    from factsheets.mkdocs_plugin import FactsheetsPlugin

    (tmp_path / "docs").mkdir()
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "Advice", "docs_dir": str(tmp_path / "docs")})
    assert config.validate() == ([], [])
    page = Page(None, File("made.md", None, str(tmp_path / "site"), False), config)
    assert page.file.abs_src_path is None
    assert FactsheetsPlugin().on_page_read_source(page=page, config=config) is None
