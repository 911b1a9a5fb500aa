"""Article text and file names show literally: never as markup, never loading anything."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from viewer.qt.mainwindow import MainWindow

from .conftest import open_and_wait
from .test_window import WIRE

HOSTILE = "<b>Bold</b><img src=/some/local.png>"
NAME = "<b>big & [*] name.md"


class RecordingDocument(QTextDocument):
    """Renders rich text as Qt does for a tooltip and records what it tries to load."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []

    def loadResource(self, kind: int, name: QUrl) -> object:
        self.loaded.append(name.toString())
        return super().loadResource(kind, name)


def shown_tooltip(tip: str) -> tuple[str, list[str]]:
    """What a tooltip shows (Qt guesses rich text, as QToolTip does) and what it loads."""
    if not GuiQt.mightBeRichText(tip):
        return tip, []
    document = RecordingDocument()
    document.setHtml(tip)
    document.size()  # lay out: images are requested here
    return document.toPlainText(), document.loaded


def hostile_articles(tmp_path: Path) -> list[str]:
    a = tmp_path / NAME
    a.write_text(
        f"---\ntitle: {HOSTILE}\noutlet: <i>Wire</i> & co\ndate: 2021-04-01\n---\n\n{WIRE}\n",
        encoding="utf-8",
    )
    b = tmp_path / "plain.md"
    b.write_text(f"# Plain\n\nAs reported: {WIRE}\n", encoding="utf-8")
    return [str(a), str(b)]


def test_titles_tooltips_and_window_title_show_article_text_literally(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    paths = hostile_articles(tmp_path)
    open_and_wait(qtbot, window, paths)
    pane = window.row.panes[0]
    assert pane.title.textFormat() == Qt.TextFormat.PlainText
    assert pane.title.full_text() == HOSTILE
    assert pane.meta.textFormat() == Qt.TextFormat.PlainText
    for tip, expected in (
        (pane.title.toolTip(), HOSTILE),
        (pane.meta.toolTip(), pane.meta.full_text()),
        (pane.header.toolTip(), paths[0]),
    ):
        shown, loaded = shown_tooltip(tip)
        assert shown.splitlines()[0] == expected
        assert loaded == []
    assert "<i>Wire</i> & co" in pane.meta.full_text()
    handle = window.windowHandle()
    assert handle is not None
    assert handle.title().startswith(NAME + " ↔ plain.md")


def test_status_bar_shows_file_names_literally(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, hostile_articles(tmp_path))
    window.actions_by_name["find"].trigger()
    window.find_bar.field.setText("Chiefs of staff")
    window.actions_by_name["find_next"].trigger()
    assert window.status_text.text() == f"Match 1 of 2 in {NAME}"
    assert window.status_text.textFormat() == Qt.TextFormat.PlainText


def test_recent_files_menu_shows_names_literally(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    paths = hostile_articles(tmp_path)
    open_and_wait(qtbot, window, paths)
    entries = {a.toolTip(): a for a in window.recent_menu.actions() if a.toolTip()}
    action = next(a for tip, a in entries.items() if shown_tooltip(tip)[0] == paths[0])
    assert action.text().replace("&&", "&") == NAME  # "&&" is how a menu shows "&"
    assert QKeySequence.mnemonic(action.text()).isEmpty()


def test_load_error_message_box_is_plain_text(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.files.interactive = True
    missing = tmp_path / "<b>missing</b><img src=/x.png>.md"
    window.files.open_paths([str(missing)])
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    box = boxes[0]
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert str(missing) in box.text()
    assert window.status_text.textFormat() == Qt.TextFormat.PlainText
    assert str(missing) in window.status_text.text()
    box.close()
    QApplication.processEvents()


def test_no_widget_renders_article_text_as_markup(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Every label, tooltip and action anywhere in the window, after a tour of it."""
    open_and_wait(qtbot, window, hostile_articles(tmp_path))
    window.actions_by_name["next_passage"].trigger()
    window.actions_by_name["find"].trigger()
    window.find_bar.field.setText("Bold")
    window.actions_by_name["find_next"].trigger()
    seen = 0
    for label in window.findChildren(QLabel):
        if "<b>" in label.text():
            seen += 1
            rich = label.textFormat() == Qt.TextFormat.RichText or (
                label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(label.text())
            )
            assert not rich, label.text()
    tips = [w.toolTip() for w in window.findChildren(QWidget)]
    tips += [a.toolTip() for a in window.findChildren(QAction)]
    for tip in tips:
        shown, loaded = shown_tooltip(tip)
        assert loaded == []
        if "Bold" in tip:
            seen += 1
            assert "<b>" in shown, tip
    assert seen >= 4  # the title, its tooltip, the details line and the status bar at least
