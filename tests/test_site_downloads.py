"""The factsheet page's downloads as GOV.UK lists attachments: each link says the file's type and
size, and the files for software (playlist, chapters, sentence timings, PEF) are listed apart."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.engines


def test_each_download_link_says_its_type_and_size_and_technical_files_are_apart(translated_site):
    html = (translated_site / "factsheets" / "what-if-i-do-not-agree.html").read_text(encoding="utf-8")
    main = re.search(r'<ul class="fs-downloads">(.*?)</ul>', html).group(1)
    technical = re.search(r'<ul class="fs-downloads fs-technical">(.*?)</ul>', html).group(1)
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', main)
    assert len(links) >= 5
    assert ("../files/what-if-i-do-not-agree/what-if-i-do-not-agree-large-print.pdf",
            re.search(r"Large print \(PDF, \d+ kB, \d+ pages\)", main).group(0)) in links
    for href, text in links:
        assert re.search(r"\(.+, [\d.]+ [kM]B", text), text
        assert not href.endswith((".json", ".vtt", ".m3u8", ".pef")), href
    assert sorted(re.findall(r'\.(json|vtt|m3u8|pef)"', technical)) == ["json", "m3u8", "pef", "vtt"]
    assert "Files for developers and players" in html
