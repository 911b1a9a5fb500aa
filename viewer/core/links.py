"""Which links in an article may be opened (core layer: no Qt).

Article text comes from anywhere, so a link in it is untrusted. Only web pages
(``http``, ``https`` with a host) and e-mail addresses (``mailto``) may be handed to the
desktop, and only after the user confirms the full address. Every other scheme
(``file:``, ``smb://``, ``ssh://``, ``javascript:``…) and every local or relative path
(``~/Downloads/evil.sh``, ``../x``, ``/etc/passwd``) is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https", "mailto")

# Control characters, spaces and the bidirectional overrides that can disguise an address.
_HIDDEN = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


@dataclass(frozen=True)
class LinkVerdict:
    """``allowed``: may be opened after confirmation; ``reason`` says why not otherwise."""

    href: str
    allowed: bool
    reason: str = ""


def classify_link(href: str) -> LinkVerdict:
    """Decide whether the link ``href`` may be opened (after the user confirms it)."""
    address = href.strip()
    if not address:
        return LinkVerdict(href, False, "the link has no address")
    if _HIDDEN.search(address):
        return LinkVerdict(href, False, "the address contains hidden or control characters")
    try:
        parts = urlsplit(address)
    except ValueError:
        return LinkVerdict(href, False, "the address is malformed")
    scheme = parts.scheme.lower()
    if address.startswith("#"):
        return LinkVerdict(href, False, "it points inside the article")
    if not scheme or len(scheme) == 1:  # "c:" is a Windows drive, not a scheme
        return LinkVerdict(href, False, "it points to a local file or folder")
    if scheme not in ALLOWED_SCHEMES:
        return LinkVerdict(href, False, f"{scheme}: links are not opened from articles")
    if scheme == "mailto":
        if not parts.path or parts.netloc:
            return LinkVerdict(href, False, "the e-mail address is missing")
        return LinkVerdict(href, True)
    try:
        host = parts.hostname
    except ValueError:
        host = None
    if not address[len(scheme) + 1 :].startswith("//") or not host:
        return LinkVerdict(href, False, "the web address has no host")
    return LinkVerdict(href, True)
