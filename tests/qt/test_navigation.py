"""Stepping through changes and passages in the window: order, wrap-around, the visible mark."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.articles import article, with_typos, write
from viewer.core.coverage import changed_ranges
from viewer.qt.mainwindow import MainWindow
from viewer.qt.pane import Pane

from .conftest import open_and_wait, seed_paths


def in_view(pane: Pane, offset: int) -> bool:
    top = pane.view.top()
    y = pane.view.y_of(offset)
    return top <= y <= top + pane.view.viewport().height() - 10


def revision_pair(tmp_path: Path) -> tuple[str, str]:
    """An article and its revision: typo fixes all through, reader comments appended."""
    original = article(9, paragraphs=8)
    revised, _ = with_typos(original, every=45)
    revised += "\n\n" + article(379, paragraphs=3)
    return write(tmp_path, "009.txt", original), write(tmp_path, "379.txt", revised)


def open_revision_pair(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, list(revision_pair(tmp_path)))
    window.resize(1400, 500)
    qtbot.wait(100)


def marked(pane: Pane) -> str:
    (start, end) = pane.view.overlays.current_change()
    return pane.document.text[start:end]


def test_next_change_visits_every_change_once_per_cycle(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_revision_pair(qtbot, window, tmp_path)
    comparison = window.comparison
    assert comparison is not None
    for pane_index in (1, 0):
        pane = window.row.panes[pane_index]
        doc = window.docs_of_panes[pane_index]
        expected = [pane.document.text[s:e] for s, e in changed_ranges(comparison, doc)]
        assert len(expected) >= 6
        pane.view.setFocus()
        window.focus_pane = pane
        pane.view.scroll_to_y(0)
        seen = []
        for press in range(len(expected) + 1):
            qtbot.keyClick(
                pane.view,
                Qt.Key.Key_Down,
                Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
            )
            seen.append(marked(pane))
            start = pane.view.overlays.current_change()[0]
            assert in_view(pane, start)
            wrapped = "Wrapped to the first change" in window.status_text.text()
            assert wrapped == (press == len(expected)), (press, window.status_text.text())
        assert seen == expected + expected[:1]
        back = []
        for press in range(len(expected) + 1):
            qtbot.keyClick(
                pane.view,
                Qt.Key.Key_Up,
                Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
            )
            back.append(marked(pane))
            wrapped = "Wrapped to the last change" in window.status_text.text()
            assert wrapped == (press in (0, len(expected))), (press, window.status_text.text())
        # From the first change, back wraps to the last, walks to the first, wraps again.
        assert back == expected[::-1] + expected[-1:]


def test_seed_changes_in_order_then_wrap(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    pane = window.row.panes[0]
    window.focus_pane = pane
    pane.view.setFocus()
    comparison = window.comparison
    assert comparison is not None
    expected = [pane.document.text[s:e] for s, e in changed_ranges(comparison, 0)]
    seen = []
    for _ in range(len(expected) + 1):
        window.actions_by_name["next_change"].trigger()
        seen.append(marked(pane))
    assert seen == expected + expected[:1]
    assert "Wrapped to the first change" in window.status_text.text()


def test_passage_navigation_announces_the_wrap(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    comparison = window.comparison
    assert comparison is not None
    count = len(comparison.passages)
    for press in range(count + 1):
        window.actions_by_name["next_passage"].trigger()
        wrapped = "Wrapped to the first passage" in window.status_text.text()
        assert wrapped == (press == count)
    assert window.current_passage == 0
    window.actions_by_name["previous_passage"].trigger()
    assert window.current_passage == count - 1
    assert "Wrapped to the last passage" in window.status_text.text()


def test_the_current_change_is_framed_on_screen(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    pane = window.row.panes[0]
    window.focus_pane = pane
    window.actions_by_name["next_change"].trigger()
    qtbot.wait(50)
    change = pane.view.overlays.current_change()
    assert change is not None
    with_mark = pane.view.viewport().grab().toImage()
    pane.view.overlays.set_current_change(None)
    qtbot.wait(50)
    without = pane.view.viewport().grab().toImage()
    (rect,) = pane.view.range_rects(*change)
    near = rect.adjusted(-5, -5, 5, 5).toRect()
    changed_near = changed_far = 0
    for y in range(0, with_mark.height(), 2):
        for x in range(0, with_mark.width(), 2):
            if with_mark.pixel(x, y) != without.pixel(x, y):
                if near.contains(x, y):
                    changed_near += 1
                else:
                    changed_far += 1
    assert changed_near >= rect.width() / 2  # a frame around the word, at least its top edge
    assert changed_far == 0


def test_ctrl_home_and_ctrl_end_go_to_the_article_ends(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """As in an editor or a browser: a read-only text view only knew Home and End."""
    open_revision_pair(qtbot, window, tmp_path)
    view = window.row.panes[0].view
    bar = view.verticalScrollBar()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == bar.maximum() > 0
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == bar.minimum()


def test_the_next_passage_key_is_offered_only_when_there_is_a_passage(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    apart = [write(tmp_path, f"{s}.txt", article(s)) for s in (21, 22)]
    open_and_wait(qtbot, window, apart)
    assert window.comparison is not None and not window.comparison.passages
    assert window.status_text.text().startswith("0 shared passages")
    assert "Alt+Down" not in window.status_text.text()
    open_and_wait(qtbot, window, list(revision_pair(tmp_path)))
    assert window.comparison is not None and window.comparison.passages
    assert window.status_text.text().endswith("Alt+Down for the next passage")
