"""Article text and file names shown literally in Qt's widgets (Qt layer).

Qt guesses whether a string is rich text (``Qt::mightBeRichText``) for labels in auto
mode, tooltips and message boxes, reads ``&`` in menu entries as a shortcut marker and
``[*]`` in window titles as the modified-marker. Article text and file names are data:
labels get ``Qt.TextFormat.PlainText``; the strings below are for the places that have
no such switch.
"""

from __future__ import annotations

import html

from PySide6.QtGui import Qt


def tooltip(text: str) -> str:
    """A tooltip that shows ``text`` exactly.

    Qt renders a tooltip as rich text when ``Qt.mightBeRichText`` says so; only then is
    the text escaped, inside a paragraph that keeps its line breaks.
    """
    if not Qt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def menu_text(text: str) -> str:
    """A menu entry that shows ``text`` exactly (no shortcut marker, no shortcut column)."""
    return text.replace("&", "&&").replace("\t", " ")


def window_title(text: str) -> str:
    """A window title that shows ``text`` exactly (``[*]`` included)."""
    return text.replace("[*]", "[*][*]")
