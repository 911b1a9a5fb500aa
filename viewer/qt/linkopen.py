"""Opening a link in an article: web and mail only, after the user confirms the full
address (Qt layer). Article text is data: a link in it is never followed unasked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.core.links import classify_link


def open_link(view: QWidget, url: QUrl) -> None:
    """Open a web or mail link after the user confirms its full address; refuse the rest.

    The address is shown encoded, so look-alike characters and hidden controls show. What
    happened is said in the window's status bar.
    """
    address = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
    verdict = classify_link(address)
    target = QUrl(address, QUrl.ParsingMode.StrictMode)
    if not verdict.allowed or not target.isValid():
        reason = verdict.reason or "the address is malformed"
        _tell(view, f"Link not opened: {reason} ({address})")
        return
    if not confirm_link(view, address):
        _tell(view, f"Link not opened: {address}")
        return
    if QDesktopServices.openUrl(target):
        _tell(view, f"Opened {address}")
    else:
        _tell(view, f"No program could open {address}")


def _tell(view: QWidget, message: str) -> None:
    show = getattr(view.window(), "show_status", None)
    if callable(show):
        show(message)


def confirm_link(parent: QWidget, address: str) -> bool:
    """Ask before handing ``address`` to the desktop; the full address is shown as text."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Open link?",
        f"This article links to:\n\n{address}\n\nOpen it in your browser or mail program?",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Open
