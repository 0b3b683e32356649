"""The site's format box: what it says of each file, read from the manifest's sections (no engines)."""

from factsheets.site import format_facts


def test_the_format_box_reads_each_files_facts_from_its_own_section_of_the_manifest():
    entry = {"details": {"large_print_pdf": {"pages": 19}, "large_print_pdf_24": {"pages": 27},
                         "brf": {"braille_pages": 40}, "audio_mp3": {"duration_s": 754.2}}}
    assert format_facts("large_print_pdf", entry, None) == ["PDF", "19 pages"]
    assert format_facts("large_print_pdf_24", entry, None) == ["PDF", "27 pages"]
    assert format_facts("brf", entry, None) == ["BRF, contracted UEB", "40 braille pages"]
    assert format_facts("audio_mp3", entry, None) == ["MP3", "12 min 34 s"]
    assert format_facts("large_print_pdf_30", entry, None) == ["PDF"]  # no section: no facts, nothing guessed


def test_an_ebooks_page_list_is_not_shown_as_a_page_count():
    from factsheets.site import format_facts

    entry = {"formats": {"epub": "site/files/x/x.epub"}, "details": {"epub": {"pages": [1, 2, 3], "overlay_items": 9}}}
    assert not any("pages" in fact for fact in format_facts("epub", entry, None))
