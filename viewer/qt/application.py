"""The QApplication: its names, icon, style and theme (Qt layer). No window here: the window
imports this module, never the other way round."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QStyleFactory

from viewer import __version__
from viewer.core.packaged import (
    APP_ID,
    APP_NAME,
    ICON_SIZES,
    ORGANISATION,
    icon_png,
    resource_path,
)

_icon: QIcon | None = None


def app_icon() -> QIcon:
    """The application icon from the packaged PNGs (every size the icon theme uses; the
    SVG is for the desktop's icon theme, and needs no image plugin here)."""
    global _icon
    if _icon is None:
        _icon = QIcon()
        for size in ICON_SIZES:
            png = resource_path("icons", f"{size}x{size}", icon_png(size).name)
            _icon.addFile(str(png), QSize(size, size))
    return _icon


def identify_app() -> None:
    """Names the application as the desktop knows it: organisation, name, display name,
    version, the ``.desktop`` file (the Wayland app id) and the window icon."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName("viewer")
    QCoreApplication.setApplicationVersion(__version__)
    if isinstance(QCoreApplication.instance(), QGuiApplication):
        QGuiApplication.setApplicationDisplayName(APP_NAME)
        QGuiApplication.setDesktopFileName(APP_ID)
        QGuiApplication.setWindowIcon(app_icon())


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
        identify_app()
        return existing
    identify_app()  # the names first: QApplication reads them when it starts
    app = QApplication(argv or [sys.argv[0]])
    identify_app()
    from viewer.qt.palette import remember_system_palette

    remember_system_palette()  # before Fusion replaces the desktop's palette
    app.setStyle(QStyleFactory.create("Fusion"))
    return app
