"""The light theme's highlight colours, for reports (core layer; no Qt).

A copy of ``viewer.qt.palette.LIGHT``'s shared and changed colours (the core cannot import
Qt); ``tests/qt/test_report_colours.py`` checks that the two stay equal. Light colours
print well: a report is read on paper as often as on screen.
"""

from __future__ import annotations

SHARED = ("#c6dbef", "#9ecae1", "#78b4dc", "#5aa0d2")  # carried by one other … by all others
SHARED_TEXT = "#000000"
CHANGED = "#fdae6b"
CHANGED_TEXT = "#000000"
OUTLINE = "#1b1b1b"


def shared_level(others: int, possible: int) -> int:
    """Index into ``SHARED`` for text that ``others`` of ``possible`` other articles carry
    (as ``Colours.shared_level`` in the window)."""
    if possible <= 1 or others >= possible:
        return len(SHARED) - 1
    steps = len(SHARED)
    index = min(steps - 2, round((others - 1) * (steps - 2) / max(1, possible - 2)))
    return max(0, index)
