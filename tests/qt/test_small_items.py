"""Issue 6 section 8: files left out, re-created files, Reload, the active pane, zoom, recent
files, word wrap, the start page."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QPalette
from pytestqt.qtbot import QtBot

from tests.articles import article, write
from viewer.core.compare import MAX_DOCUMENTS
from viewer.qt.mainwindow import MainWindow

from .conftest import open_and_wait, seed_paths


def drop(window: MainWindow, paths: list[str]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(p) for p in paths])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_files_beyond_the_maximum_are_named_not_dropped_silently(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    paths = [write(tmp_path, f"art{i:02}.txt", article(i, paragraphs=2)) for i in range(13)]
    with qtbot.waitSignal(window.comparer.finished, timeout=30000):
        drop(window, paths[:9])
    assert len(window.row.panes) == 9  # the window takes as many as the command line
    with qtbot.waitSignal(window.comparer.finished, timeout=30000):
        drop(window, paths[9:])
    assert len(window.row.panes) == MAX_DOCUMENTS
    status = window.status_text.text()
    assert f"{MAX_DOCUMENTS} articles" in status and "art12.txt" in status, status
    assert "art11.txt" not in status


def test_a_deleted_and_recreated_file_is_watched_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    a = write(tmp_path, "a.txt", article(1, paragraphs=3))
    b = write(tmp_path, "b.txt", article(1, paragraphs=3) + "\n\nA closing line of b.")
    open_and_wait(qtbot, window, [a, b])
    os.remove(b)
    qtbot.waitUntil(lambda: "deleted" in window.status_text.text(), timeout=5000)
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        Path(b).write_text(article(1, paragraphs=3) + "\n\nRe-created.", encoding="utf-8")
    assert window.row.panes[1].document.text.endswith("Re-created.")
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        Path(b).write_text(article(1, paragraphs=3) + "\n\nChanged again.", encoding="utf-8")
    assert window.row.panes[1].document.text.endswith("Changed again.")


def test_reload_reads_every_article_again(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", article(1, paragraphs=3))
    b = write(tmp_path, "b.txt", article(1, paragraphs=3))
    open_and_wait(qtbot, window, [a, b])
    action = window.actions_by_name["reload"]
    assert action.shortcut().toString() == "F5"
    window.files.watcher.removePaths(window.files.watcher.files())  # as if the watch was lost
    Path(a).write_text(article(1, paragraphs=3) + "\n\nEdited.", encoding="utf-8")
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        action.trigger()
    assert window.row.panes[0].document.text.endswith("Edited.")
    assert "Reloaded" in window.status_text.text()
    action.trigger()
    assert window.status_text.text() == "No article changed on disk."


def test_the_active_pane_is_marked(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "001", "004"))
    panes = window.row.panes
    qtbot.mouseClick(panes[2].view.viewport(), Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    assert window.active_pane() is panes[2]
    highlight = panes[2].palette().color(QPalette.ColorRole.Highlight)

    def top_colour(index: int) -> QColor:
        image = panes[index].header.grab().toImage()
        return QColor(image.pixel(image.width() // 2, 1))

    assert top_colour(2) == highlight
    assert top_colour(0) != highlight and top_colour(1) != highlight
    qtbot.mouseClick(panes[0].view.viewport(), Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    assert top_colour(0) == highlight and top_colour(2) != highlight


def test_zoom_keeps_the_reading_position(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    text = article(5, paragraphs=24)
    paths = [write(tmp_path, "a.txt", text), write(tmp_path, "b.txt", article(6, 3) + text)]
    open_and_wait(qtbot, window, paths)
    window.resize(1400, 600)
    qtbot.wait(150)
    pane = window.row.panes[0]
    view = pane.view
    view.scroll_to_y(view.y_of(len(text) // 2))
    qtbot.wait(20)
    assert 0 < view.top() < view.verticalScrollBar().maximum()
    before = view.offset_at(view.top() + 2)
    for action in ("zoom_in", "zoom_in", "zoom_out", "zoom_reset"):
        window.actions_by_name[action].trigger()
        qtbot.wait(20)
        now = view.offset_at(view.top() + 2)
        assert view.y_of(now) == view.y_of(before), action  # the same line stays at the top


def test_recent_files_are_told_apart_and_picking_one_opens_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    (tmp_path / "tech").mkdir()
    (tmp_path / "business").mkdir()
    first = write(tmp_path / "tech", "009.txt", article(1, paragraphs=2))
    second = write(tmp_path / "business", "009.txt", article(2, paragraphs=2))
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.settings.add_recent([first, second])
    window.refresh_recent_menu()
    labels = [a.text() for a in window.recent_menu.actions() if a.data()]
    assert len(labels) >= 2 and len(set(labels)) == len(labels)
    assert any("tech" in label for label in labels)
    assert any("business" in label for label in labels)
    pick = next(a for a in window.recent_menu.actions() if a.data() == str(Path(first).resolve()))
    pick.trigger()  # opens it: the comparison is replaced, not extended
    assert [d.path for d in window.documents] == [str(Path(first).resolve())] or [
        Path(d.path).resolve() for d in window.documents
    ] == [Path(first).resolve()]
    add = next(
        a for a in window.recent_add_menu.actions() if a.data() == str(Path(second).resolve())
    )
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        add.trigger()
    assert len(window.documents) == 2


def test_eight_panes_wrap_at_word_boundaries(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    long_word = "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz"
    text = " ".join(["Independence", "internationalisation", long_word] * 60)
    paths = [write(tmp_path, f"{i}.txt", f"{text}\n\n{article(i, 2)}") for i in range(8)]
    window.resize(1500, 900)
    open_and_wait(qtbot, window, paths)
    qtbot.wait(100)
    for pane in window.row.panes:
        assert pane.view.viewport().width() >= 160
        doc = pane.view.document()
        block = doc.begin()
        while block.isValid():
            layout = block.layout()
            body = block.text()
            for n in range(layout.lineCount() - 1):
                line = layout.lineAt(n)
                end = line.textStart() + line.textLength()
                assert body[end - 1].isspace() or not body[end].isalnum(), body[end - 12 : end + 3]
            block = block.next()


def test_the_start_page_shows_its_whole_explanation(qtbot: QtBot, window: MainWindow) -> None:
    for width, height in ((1400, 900), (700, 500)):
        window.resize(width, height)
        qtbot.wait(50)
        label = window.start_page.explanation
        assert label.isVisible()
        assert label.height() >= label.heightForWidth(label.width()), (width, label.size())
        assert "twelve" in label.text()


def test_distinct_labels_use_the_fewest_folders() -> None:
    from viewer.qt.menus import distinct_labels

    paths = ["/c/tech/009.txt", "/c/business/009.txt", "/c/tech/010.txt", "/d/tech/010.txt"]
    assert distinct_labels(paths) == [
        "tech/009.txt",
        "business/009.txt",
        "c/tech/010.txt",
        "d/tech/010.txt",
    ]


def test_dropped_words_leave_a_caret_in_the_other_copy(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    text = article(11, paragraphs=2)
    words = text.split(" ")
    shorter = " ".join(words[:30] + words[32:])
    open_and_wait(
        qtbot, window, [write(tmp_path, "a.txt", text), write(tmp_path, "b.txt", shorter)]
    )
    view = window.row.panes[1].view
    point = len(" ".join(words[:30]))
    assert view.overlays.visible_deletions() == [point]
    assert window.row.panes[0].view.overlays.visible_deletions() == []
    with_caret = view.viewport().grab().toImage()
    view.overlays.set_deletions(None, QColor())
    qtbot.wait(20)
    without = view.viewport().grab().toImage()
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_qt(point))
    rect = view.cursorRect(cursor)
    column = [
        with_caret.pixel(rect.left(), y) != without.pixel(rect.left(), y)
        for y in range(rect.top() + 1, rect.bottom())
    ]
    assert sum(column) >= len(column) - 2  # a line the height of the text line
