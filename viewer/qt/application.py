"""The QApplication: its names, style and theme (Qt layer). No window here: the window
imports this module, never the other way round."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QStyleFactory

from viewer import __version__


def apply_theme(theme: str, scheme: Qt.ColorScheme | None = None) -> bool:
    """Fusion with the light or dark palette of ``theme``; true if that is the dark one.

    "system" follows the desktop's colour scheme (``scheme``: as just announced by Qt), so
    the window's palette and the highlight colours always belong to the same theme.
    """
    from viewer.qt.palette import is_dark, qpalette, remember_system_palette

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return is_dark(theme, scheme)
    remember_system_palette()
    dark = is_dark(theme, scheme)
    if app.style().name().lower() != "fusion":
        app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(qpalette(dark))
    return dark


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("article-viewer")
    QCoreApplication.setApplicationName("viewer")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv or [sys.argv[0]])
    from viewer.qt.palette import remember_system_palette

    remember_system_palette()  # before Fusion replaces the desktop's palette
    app.setStyle(QStyleFactory.create("Fusion"))
    return app
