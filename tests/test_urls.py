import pytest

from factsheets.urls import is_remote, url_problem


@pytest.mark.parametrize("url", [
    "https://www.ipsea.org.uk", "http://example.org/a%20b", "HTTPS://EXAMPLE.ORG", "mailto:a@b.org",
    "tel:01225394382", "sms:07530263401", "other.md", "../index.md#contact", "#glossary",
])
def test_allowed_addresses(url):
    assert url_problem(url) is None


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", "javascript&#58;alert(1)", "javascript&colon;x", "&#106;avascript:x",
    "java\tscript:x", "java\nscript:x", "java&#x09;script:x", "javascript\\:x", "javascript%3Ax", "java\u200bscript:x",
    "data:text/html,x", "vbscript:x", "file:///etc/passwd", "ftp://example.org", "//evil.example/x", "\\\\evil.example/x",
    "http:alert(1)", "https:/evil",
])
def test_refused_addresses(url):
    assert url_problem(url)


def test_remote_means_another_host():
    assert is_remote("https://example.org/x.png") and is_remote("//example.org/x.png") and not is_remote("../x.png")
