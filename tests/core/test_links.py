"""Which links from an article may be opened: web pages and e-mail only."""

import pytest

from viewer.core.links import classify_link


@pytest.mark.parametrize(
    "href",
    [
        "http://example.com",
        "https://example.com/a/b?q=1#top",
        "HTTPS://Example.com/",
        "mailto:editor@example.com",
        "mailto:editor@example.com?subject=Hi",
        "https://user@example.com:8443/x",
    ],
)
def test_web_and_mail_links_may_be_opened(href: str) -> None:
    assert classify_link(href).allowed


@pytest.mark.parametrize(
    "href",
    [
        "smb://server/share/evil.exe",
        "ssh://host",
        "file:///etc/passwd",
        "FILE:/etc/passwd",
        "javascript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "ftp://example.com/x",
        "~/Downloads/evil.sh",
        "/home/user/evil.sh",
        "evil.sh",
        "../evil.sh",
        "./evil.sh",
        "C:\\Windows\\evil.exe",
        "c:/evil.exe",
        "\\\\server\\share",
        "//server/share",
        "http:evil.sh",
        "http:///etc/passwd",
        "https://",
        "mailto:",
        "mailto://host",
        "http://exa mple.com",
        "http://example.com/\x00",
        "https://example.com/\u202egnp.exe",
        "",
        "   ",
        "#section",
        "x-scheme-handler:open",
        "vnc://host",
        "tel:123",
    ],
)
def test_other_schemes_and_local_paths_are_refused(href: str) -> None:
    verdict = classify_link(href)
    assert not verdict.allowed
    assert verdict.reason


def test_a_refusal_says_why() -> None:
    assert "inside the article" in classify_link("#notes").reason
    assert "local file" in classify_link("~/Downloads/evil.sh").reason
    assert "smb:" in classify_link("smb://server/x").reason
