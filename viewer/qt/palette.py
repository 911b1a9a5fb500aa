"""Highlight colours for light and dark themes (Qt layer).

Shared text is blue, deeper the more of the other articles carry it; changed words inside
a shared passage are orange; the current passage is outlined in near-black (near-white
in the dark theme), a colour no highlight uses. Blue and orange
stay distinct for the common forms of colour blindness (Okabe–Ito / ColorBrewer).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette


@dataclass(frozen=True)
class Colours:
    """Every colour the panes, link map and overview use."""

    dark: bool
    shared: tuple[str, ...]  # index 0: carried by one other article … last: by all others
    changed: str
    changed_text: str
    outline: str
    find: str
    band_alpha: int
    overview_background: str
    viewport: str

    def shared_for(self, others: int, possible: int) -> QColor:
        """Colour for text that ``others`` of ``possible`` other articles carry."""
        if possible <= 1 or others >= possible:
            return QColor(self.shared[-1])
        steps = len(self.shared)
        index = min(steps - 2, round((others - 1) * (steps - 2) / max(1, possible - 2)))
        return QColor(self.shared[max(0, index)])


LIGHT = Colours(
    dark=False,
    shared=("#c6dbef", "#9ecae1", "#78b4dc", "#5aa0d2"),
    changed="#fdae6b",
    changed_text="#000000",
    outline="#1b1b1b",
    find="#f0e442",
    band_alpha=110,
    overview_background="#f4f4f4",
    viewport="#40000000",
)
DARK = Colours(
    dark=True,
    shared=("#17324d", "#1f4468", "#285a88", "#3373ad"),
    changed="#b8621b",
    changed_text="#ffffff",
    outline="#f2f2f2",
    find="#8a7f00",
    band_alpha=120,
    overview_background="#2a2a2a",
    viewport="#40ffffff",
)


def system_is_dark() -> bool:
    """Whether the desktop asks for a dark theme."""
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def colours_for(theme: str) -> Colours:
    """``light``, ``dark`` or ``system``."""
    if theme == "dark" or (theme == "system" and system_is_dark()):
        return DARK
    return LIGHT


def dark_qpalette() -> QPalette:
    """A Fusion-style dark palette for when the user picks the dark theme explicitly."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#2b2b2b",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d6fa5",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Link: "#7fb2ff",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7a7a7a"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#7a7a7a"))
    return p
