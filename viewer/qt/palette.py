"""Colours of the light and dark themes, for Qt's widgets and for the highlights (Qt layer).

Shared text is blue, deeper the more of the other articles carry it; changed words inside
a shared passage are orange; Find matches are yellow and the current match violet; the
current passage is outlined in near-black (near-white in the dark theme). Each theme has
its own window palette, so the window and the highlights always agree.

Checked by ``tests/qt/test_theme.py``: every text colour on its background reaches WCAG
contrast 4.5:1, and shared, changed, find, current find and outline stay at least
ΔE 20 apart in normal vision and simulated deuteranopia and protanopia.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette


@dataclass(frozen=True)
class Colours:
    """Every colour the panes, link map, find bar and overview use."""

    dark: bool
    shared: tuple[str, ...]  # index 0: carried by one other article … last: by all others
    shared_text: str  # on every shared level: links and quotes too, so they stay legible
    changed: str
    changed_text: str
    outline: str
    find: str
    current_find: str
    find_text: str  # on both find colours
    band_alpha: int
    overview_background: str
    viewport: str

    def shared_level(self, others: int, possible: int) -> int:
        """Index into ``shared`` for text that ``others`` of ``possible`` others carry."""
        if possible <= 1 or others >= possible:
            return len(self.shared) - 1
        steps = len(self.shared)
        index = min(steps - 2, round((others - 1) * (steps - 2) / max(1, possible - 2)))
        return max(0, index)

    def shared_for(self, others: int, possible: int) -> QColor:
        """Colour for text that ``others`` of ``possible`` other articles carry."""
        return QColor(self.shared[self.shared_level(others, possible)])


LIGHT = Colours(
    dark=False,
    shared=("#c6dbef", "#9ecae1", "#78b4dc", "#5aa0d2"),
    shared_text="#000000",
    changed="#fdae6b",
    changed_text="#000000",
    outline="#1b1b1b",
    find="#f0e442",
    current_find="#9f7fff",
    find_text="#000000",
    band_alpha=110,
    overview_background="#f4f4f4",
    viewport="#40000000",
)
DARK = Colours(
    dark=True,
    shared=("#16304a", "#1d4163", "#24527e", "#2b6399"),
    shared_text="#e6e6e6",
    changed="#a0520a",
    changed_text="#ffffff",
    outline="#f2f2f2",
    find="#d4c400",
    current_find="#c79bff",
    find_text="#000000",
    band_alpha=120,
    overview_background="#2a2a2a",
    viewport="#40ffffff",
)

# The window colours of each theme; derived roles (light, mid, shadow…) come from
# QPalette(button, window). Placeholder text is the header's details line.
_ROLES = {
    False: {
        QPalette.ColorRole.Window: "#efefef",
        QPalette.ColorRole.WindowText: "#000000",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f7f7f7",
        QPalette.ColorRole.Text: "#000000",
        QPalette.ColorRole.Button: "#efefef",
        QPalette.ColorRole.ButtonText: "#000000",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#2a6db0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#ffffdc",
        QPalette.ColorRole.ToolTipText: "#000000",
        QPalette.ColorRole.PlaceholderText: "#5e5e5e",
        QPalette.ColorRole.Link: "#0b57d0",
        QPalette.ColorRole.LinkVisited: "#6b2fa0",
    },
    True: {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#2b2b2b",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#3d6fa5",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#a0a0a0",
        QPalette.ColorRole.Link: "#7fb2ff",
        QPalette.ColorRole.LinkVisited: "#c8a2ff",
    },
}
_DISABLED = {False: "#8a8a8a", True: "#7a7a7a"}

_system_window_lightness: int | None = None


def over(colour: QColor, alpha: int, background: QColor) -> QColor:
    """``colour`` at ``alpha`` (0–255) blended over an opaque ``background``, as one
    opaque colour."""
    a = max(0, min(255, alpha)) / 255
    return QColor(
        round(colour.red() * a + background.red() * (1 - a)),
        round(colour.green() * a + background.green() * (1 - a)),
        round(colour.blue() * a + background.blue() * (1 - a)),
    )


def luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an opaque colour."""

    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.red())
        + 0.7152 * linear(colour.green())
        + 0.0722 * linear(colour.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def standing_out(colour: QColor, ink: QColor, background: QColor, least: float = 3.0) -> QColor:
    """``colour`` mixed towards ``ink`` (the text colour) just enough to stand out from
    ``background`` at ``least`` : 1 (WCAG 1.4.11 asks 3:1 of lines a user must see)."""
    for alpha in range(0, 256, 16):
        mixed = over(ink, alpha, colour)
        if contrast(mixed, background) >= least:
            return mixed
    return QColor(ink)


def remember_system_palette() -> None:
    """Note the desktop's own palette before the app replaces it (the fallback for "system")."""
    global _system_window_lightness
    if _system_window_lightness is None:
        window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
        _system_window_lightness = window.lightness()


def system_is_dark(scheme: Qt.ColorScheme | None = None) -> bool:
    """Whether the desktop asks for a dark theme (``scheme``: as just announced by Qt)."""
    if scheme is None:
        hints = QGuiApplication.styleHints()
        scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    if _system_window_lightness is not None:
        return _system_window_lightness < 128
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def is_dark(theme: str, scheme: Qt.ColorScheme | None = None) -> bool:
    """``light``, ``dark`` or ``system`` (the desktop's ``scheme``) → dark?"""
    return theme == "dark" or (theme == "system" and system_is_dark(scheme))


def colours_for(theme: str, scheme: Qt.ColorScheme | None = None) -> Colours:
    """Highlight colours for ``light``, ``dark`` or ``system``."""
    return DARK if is_dark(theme, scheme) else LIGHT


def qpalette(dark: bool) -> QPalette:
    """The window palette that goes with ``DARK`` (dark) or ``LIGHT``."""
    roles = _ROLES[dark]
    p = QPalette(QColor(roles[QPalette.ColorRole.Button]), QColor(roles[QPalette.ColorRole.Window]))
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED[dark]))
    return p
