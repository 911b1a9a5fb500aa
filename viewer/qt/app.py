"""Starting the window: files or a session from the command line, recovery, screenshots (Qt).

``make_app`` and ``apply_theme`` live in ``viewer.qt.application`` (the window needs them,
and this module needs the window); they are imported here for the callers that know them
by this name.
"""

from __future__ import annotations

import argparse

from PySide6.QtCore import QTimer

from viewer.core.model import CompareOptions
from viewer.qt.application import apply_theme, make_app

__all__ = ["apply_theme", "make_app", "run_app"]


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
