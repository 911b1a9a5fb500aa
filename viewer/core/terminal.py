"""Text bound for a terminal: control characters shown as escapes (core layer; no Qt).

Article text and file names are data: a title must not retitle, clear or reorder the
terminal it is printed to.
"""

from __future__ import annotations

import re

# Characters a terminal acts on (C0 and C1 controls, DEL) or that reorder a line (bidi
# overrides and isolates): article text and file names never reach the terminal raw.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """``text`` with every terminal control character shown as an escape (``\\x1b``)."""

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _CONTROLS.sub(escape, text)


# In JSON, the C0 controls are escaped already; escape the rest the same way (\u009b).
_JSON_CONTROLS = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_json_controls(text: str) -> str:
    """JSON text with C1 controls, DEL and bidi overrides as ``\\uXXXX`` escapes."""
    return _JSON_CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
