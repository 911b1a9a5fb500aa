"""Starting the application: theme, window, files from the command line, screenshots (Qt)."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QStyleFactory

from viewer import __version__
from viewer.core.model import CompareOptions


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


def run_app(args: argparse.Namespace, options: CompareOptions) -> int:
    """Open the window on ``args.files`` or ``args.session`` (or the start page, offering
    to restore work a crashed window left); or render a screenshot."""
    if args.screenshot:
        from viewer.qt.screenshot import take_screenshot

        return take_screenshot(
            args.files, args.screenshot, args.size, options, args.theme or "light"
        )
    app = make_app()
    from viewer.qt.mainwindow import MainWindow

    window = MainWindow(theme=args.theme)  # applies its theme
    if args.min_words != CompareOptions().min_words or args.match_case or args.match_punctuation:
        window.options_bar.set_options(options)
    window.show()
    session = getattr(args, "session", None)

    def start() -> None:
        if window.sessions.offer_recovery():
            return  # the restored work is shown instead
        if session is not None:
            window.sessions.open(session)
        elif args.files:
            window.files.open_paths(list(args.files))

    QTimer.singleShot(0, start)
    return app.exec()
