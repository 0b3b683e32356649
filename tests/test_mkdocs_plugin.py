"""The MkDocs adapter's language parts."""

from factsheets.site_languages import material_language


def test_materials_interface_language_for_a_tag():
    assert material_language("cy") == "cy"
    assert material_language("ar") == "ar"
    assert material_language("ur") == "ur"
    assert material_language("zh-Hans") == "zh"  # Material's zh is simplified Chinese
    assert material_language("zh-Hant") == "zh-Hant"
    assert material_language("pl-PL") == "pl"
    assert material_language("so") == "en"  # Material has no Somali: its English words
