"""The window opens web pages: HTML from the clipboard, a URL fetched on the reading thread
while the window answers, and the fetched article saved (issue 10)."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.core.test_formats import ARTICLE, FURNITURE, page
from viewer.qt.mainwindow import MainWindow
from viewer.qt.webinput import open_url, write_article

from .conftest import open_and_wait, seed_paths


class SlowPage(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        time.sleep(0.6)  # the window must go on answering meanwhile
        body = page().encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), SlowPage)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/article"
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def test_html_on_the_clipboard_goes_through_the_extraction(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "001"))
    mime = QMimeData()
    mime.setHtml(page())
    mime.setText("plain " + " ".join(FURNITURE) + " " + " ".join(ARTICLE))
    QApplication.clipboard().setMimeData(mime)
    window.actions_by_name["paste"].trigger()
    pasted = window.row.panes[-1].document
    assert pasted.title == "Troops stay near the border"
    assert ARTICLE[0] in pasted.text
    assert not any(furniture in pasted.text for furniture in FURNITURE)


def test_a_url_is_fetched_while_the_window_answers_and_can_be_saved(
    qtbot: QtBot, window: MainWindow, server: str, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "001"))
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    assert open_url(window, server)
    assert window.status_text.text() == f"Fetching {server}…"
    qtbot.waitUntil(lambda: len(window.row.panes) == 3, timeout=10000)
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 10 and max(gaps) < 0.3  # no stall while fetching
    fetched = window.row.panes[-1].document
    assert (fetched.outlet, fetched.url) == ("Daily Planet", server)
    assert "Daily Planet" in window.row.panes[-1].meta.text()
    target = tmp_path / "saved.md"
    write_article(window, str(target), window.session.article_of(fetched).text)
    saved = target.read_text(encoding="utf-8")
    assert saved.startswith("---\n") and ARTICLE[0] in saved and f"url: {server}" in saved
