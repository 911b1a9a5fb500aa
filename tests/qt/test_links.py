"""Links in articles: web and mail open only after confirmation; everything else is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from viewer.qt import linkopen
from viewer.qt.mainwindow import MainWindow
from viewer.qt.pane import Pane

LINKS = {
    "web": "https://example.com/news?id=1",
    "mail": "mailto:desk@example.com",
    "share": "smb://server/share/evil.exe",
    "shell": "ssh://host.example.com",
    "plain web": "http://example.org/",
    "download": "~/Downloads/evil.sh",
    "nearby": "../evil.sh",
    "absolute": "/tmp/evil.sh",
}


class Desktop:
    """Records confirmations and openings, in order."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: bool) -> None:
        self.events: list[tuple[str, str]] = []
        self.answer = answer
        monkeypatch.setattr(linkopen, "confirm_link", self._confirm, raising=False)
        monkeypatch.setattr(QDesktopServices, "openUrl", self._open)

    def _confirm(self, _parent: object, address: str) -> bool:
        self.events.append(("confirm", address))
        return self.answer

    def _open(self, url: QUrl) -> bool:
        self.events.append(("open", url.toString()))
        return True


def open_links_article(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> Pane:
    path = tmp_path / "links.md"
    lines = [f"Link to [{label}]({href}) here." for label, href in LINKS.items()]
    path.write_text("# Links\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    window.files.open_paths([str(path)])
    (pane,) = window.row.panes
    qtbot.wait(20)
    return pane


def click_text(qtbot: QtBot, pane: Pane, needle: str) -> None:
    """A real left click in the middle of the first character of ``needle``."""
    view = pane.view
    offset = pane.document.text.index(needle) + 1
    cursor = view.textCursor()
    cursor.setPosition(view.qt_range(offset, offset)[0])
    rect = view.cursorRect(cursor)
    point = QPoint(rect.x() + 2, rect.center().y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


@pytest.mark.parametrize("label", ["web", "mail", "plain web"])
def test_web_and_mail_links_open_after_confirmation(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, label: str
) -> None:
    desktop = Desktop(monkeypatch, answer=True)
    pane = open_links_article(qtbot, window, tmp_path)
    click_text(qtbot, pane, label)
    assert desktop.events == [("confirm", LINKS[label]), ("open", LINKS[label])]


def test_a_declined_link_is_not_opened(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desktop = Desktop(monkeypatch, answer=False)
    pane = open_links_article(qtbot, window, tmp_path)
    click_text(qtbot, pane, "web")
    assert desktop.events == [("confirm", LINKS["web"])]
    assert "not opened" in window.status_text.text()


@pytest.mark.parametrize("label", ["share", "shell", "download", "nearby", "absolute"])
def test_other_schemes_and_local_paths_are_refused(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, label: str
) -> None:
    desktop = Desktop(monkeypatch, answer=True)
    pane = open_links_article(qtbot, window, tmp_path)
    click_text(qtbot, pane, label)
    assert desktop.events == []
    status = window.status_text.text()
    assert "not opened" in status
    assert LINKS[label].lstrip("./~") in status


@pytest.mark.parametrize(
    "href", ["file:///etc/passwd", "javascript:alert(1)", "data:text/html,x", "evil.sh"]
)
def test_links_the_markdown_parser_drops_are_refused_too(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    href: str,
) -> None:
    """Other readers (HTML, pastes) may produce them: the view refuses them itself."""
    desktop = Desktop(monkeypatch, answer=True)
    pane = open_links_article(qtbot, window, tmp_path)
    pane.view.anchorClicked.emit(QUrl(href))
    assert desktop.events == []
    assert "not opened" in window.status_text.text()
