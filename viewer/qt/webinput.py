"""File → Open URL and Save article as… (Qt layer; fetching runs on the reading thread).

A URL is read like a big file, on ``FileKeeper``'s reading thread, with the status line
saying what is being fetched; the window keeps answering meanwhile.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

from viewer.core.fetch import is_url

if TYPE_CHECKING:
    from viewer.qt.mainwindow import MainWindow


def open_url(window: MainWindow, url: str) -> bool:
    """Fetch ``url`` as an article beside the open ones; False when it is not a URL."""
    url = url.strip()
    if not is_url(url):
        return False
    window.files.open_paths([url], add=bool(window.documents))
    return True


def ask_for_url(window: MainWindow) -> None:
    """Ask for a URL (http or https) and open it."""
    url, accepted = QInputDialog.getText(
        window, "Open URL", "Address of the article (http or https):", QLineEdit.EchoMode.Normal
    )
    if accepted and url.strip() and not open_url(window, url):
        window.files.report("Not a URL", [f"{url.strip()}: give an address like https://…"])


def save_article(window: MainWindow) -> None:
    """Save the active pane's article as read (a fetched page as Markdown with its metadata)."""
    pane = window.active_pane() or (window.row.panes[0] if window.row.panes else None)
    if pane is None:
        window.show_status("No article to save.")
        return
    article = window.session.article_of(pane.document)
    suffix = ".md" if article.format == "markdown" else ".txt"
    stem = Path(pane.document.title or "article").name[:80] or "article"
    path, _ = QFileDialog.getSaveFileName(
        window, "Save article as", stem + suffix, "Markdown (*.md);;Text (*.txt)"
    )
    if path:
        write_article(window, path, article.text)


def write_article(window: MainWindow, path: str, text: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        window.files.report("The article could not be saved", [f"{path}: {exc.strerror or exc}"])
    else:
        window.show_status(f"Saved {path}")
