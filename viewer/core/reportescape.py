"""Text made safe for a report's HTML (core layer; no Qt).

Every character of an article, title or note goes through ``escape``: markup characters
become entities, so ``<script>`` or ``<img src=…>`` shows as text; control characters
(invalid in HTML) show as their Unicode pictures (U+2400…) one for one, or U+FFFD.
"""

from __future__ import annotations

import html
import re

_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def escape(text: str) -> str:
    """``text`` as HTML text or attribute value: nothing in it is read as markup."""
    return _CONTROLS.sub(_picture, html.escape(text, quote=True))
