"""The passage list: rows follow the panes and the panes follow the rows; filters; sorting;
the keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from tests.articles import ReviewCase
from viewer.qt.mainwindow import MainWindow
from viewer.qt.pane import Pane
from viewer.qt.passagelist import PassageList

from .review import click, column_of, focus, open_case, passage_of, seen

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_list(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> tuple[ReviewCase, PassageList]:
    case = open_case(qtbot, window, tmp_path)
    window.actions_by_name["passage_list"].trigger()
    qtbot.wait(20)
    panel = window.docks.passages
    assert panel.isVisible()
    return case, panel


def numbers(panel: PassageList) -> list[str]:
    return seen(panel.view, column_of(panel.view, "No."))


def number(window: MainWindow, case: ReviewCase, name: str, shared: int) -> str:
    return str(passage_of(window, case, name, shared) + 1)


def pane_named(window: MainWindow, name: str) -> Pane:
    return next(p for p in window.row.panes if p.document.name == f"{name}.txt")


def in_view(pane: Pane, offset: int) -> bool:
    top = pane.view.top()
    return top <= pane.view.y_of(offset) <= top + pane.view.viewport().height() - 10


def click_offset(qtbot: QtBot, pane: Pane, offset: int) -> None:
    """A real left click on the character at ``offset`` (scrolled into view first)."""
    view = pane.view
    view.reveal(offset, offset + 1)
    qtbot.wait(10)
    cursor = view.textCursor()
    cursor.setPosition(view.qt_range(offset, offset)[0])
    rect = view.cursorRect(cursor)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() + 2, rect.center().y())
    )


def test_choosing_a_row_makes_its_passage_current_in_every_pane(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    case, panel = open_list(qtbot, window, tmp_path)
    p3 = passage_of(window, case, "d", 3)
    row = numbers(panel).index(str(p3 + 1))
    click(qtbot, panel.view, panel.filter.index(row, 0))
    qtbot.wait(20)
    assert window.current_passage == p3
    for name in case.NAMES:
        pane = pane_named(window, name)
        outline = pane.view.overlays.outline()
        if name in "cd":  # the carriers: outlined and in view
            start = case.offset(name, 3)
            assert len(outline) == 1 and outline[0][0] <= start + 5 < outline[0][1], name
            assert in_view(pane, outline[0][0]), name
        else:
            assert outline == [], name
    assert "Passage" in window.status_text.text()


def test_a_passage_made_current_in_the_panes_selects_its_row(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    case, panel = open_list(qtbot, window, tmp_path)
    # A click in pane a, inside P1.
    click_offset(qtbot, pane_named(window, "a"), case.offset("a", 1) + 30)
    p1 = passage_of(window, case, "a", 1)
    assert window.current_passage == p1
    assert panel.selected_passage() == p1
    # The keyboard: the next passage, with the panes' shortcut.
    qtbot.keyClick(pane_named(window, "a").view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.current_passage == p1 + 1
    assert panel.selected_passage() == p1 + 1
    # A band in the link map between a and b.
    linkmap = window.row.linkmaps[0]
    pane_named(window, "a").view.reveal(case.offset("a", 2), case.offset("a", 2) + 1)
    qtbot.wait(20)
    passage, path = next((p, path) for p, path in linkmap.bands() if p != window.current_passage)
    qtbot.mouseClick(linkmap, Qt.MouseButton.LeftButton, pos=path.boundingRect().center().toPoint())
    assert window.current_passage == passage
    assert panel.selected_passage() == passage
    selected = panel.view.selectionModel().selectedRows()
    assert [i.row() for i in selected] == [numbers(panel).index(str(passage + 1))]


def test_filters_show_the_rows_a_user_expects(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    case, panel = open_list(qtbot, window, tmp_path)

    def no(name: str, shared: int) -> str:
        return number(window, case, name, shared)

    everything = [no("a", s) for s in (0, 1, 2, 4)] + [no("d", 3)]
    assert numbers(panel) == sorted(everything, key=int)
    assert panel.count.text() == "5 passages"
    # Text search: "Quorble" stands only in d's copy of P3; any case.
    qtbot.keyClicks(panel.search, "qUORBLE")
    assert numbers(panel) == [no("d", 3)]
    assert panel.count.text() == "1 of 5 passages"
    panel.search.clear()
    assert len(numbers(panel)) == 5
    # Passages with changed words: P0 (one word) and P3 (two).
    panel.changed.setChecked(True)
    assert numbers(panel) == sorted([no("a", 0), no("d", 3)], key=int)
    # Moved and changed: none; moved alone: P2 and P4.
    panel.moved.setChecked(True)
    assert numbers(panel) == []
    assert panel.count.text() == "0 of 5 passages"
    panel.changed.setChecked(False)
    assert numbers(panel) == sorted([no("a", 2), no("a", 4)], key=int)
    panel.moved.setChecked(False)
    # By article.
    for name, wanted in (("d", [no("d", 3)]), ("a", [no("a", s) for s in (0, 1, 2, 4)])):
        panel.article.setCurrentIndex(panel.article.findData(case.NAMES.index(name)))
        assert numbers(panel) == sorted(wanted, key=int), name
    panel.article.setCurrentIndex(0)
    assert len(numbers(panel)) == 5


def test_filtering_keeps_the_current_passage(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    case, panel = open_list(qtbot, window, tmp_path)
    p0 = passage_of(window, case, "a", 0)
    window.select_passage(p0)
    assert panel.selected_passage() == p0
    qtbot.keyClicks(panel.search, "quorble")  # hides P0's row
    assert window.current_passage == p0
    assert panel.selected_passage() is None
    panel.search.clear()
    assert window.current_passage == p0
    assert panel.selected_passage() == p0


def test_every_column_sorts_as_its_values_do(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    case, panel = open_list(qtbot, window, tmp_path)
    view, header = panel.view, panel.view.horizontalHeader()

    def sort_by(title: str) -> list[str]:
        column = column_of(view, title)
        qtbot.mouseClick(
            header.viewport(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2),
        )
        return seen(view, column)

    words = sort_by("Words")
    if words[0] != "12":  # the first click may sort either way
        words = sort_by("Words")
    assert words == [str(n) for n in sorted(case.LENGTHS)]  # as numbers: 12 before 100
    assert sort_by("Words") == [str(n) for n in sorted(case.LENGTHS, reverse=True)]
    changed = sort_by("Changed")
    assert changed in (["0", "0", "0", "1", "2"], ["2", "1", "0", "0", "0"])
    moved = sort_by("Moved")
    assert sorted(moved) == ["", "", "", "moved", "moved"] and moved[1] == moved[0]
    articles = sort_by("Articles")
    assert articles in (sorted(articles), sorted(articles, reverse=True))
    assert sorted(articles) == ["a, b", "a, b", "a, c", "a, c", "c, d"]
    alike = [int(a.rstrip(" %")) for a in sort_by("Alike")]
    assert alike in (sorted(alike), sorted(alike, reverse=True)) and alike[0] != alike[-1]
    starts = sort_by("Starts with")
    assert starts in (
        sorted(starts, key=str.casefold),
        sorted(starts, key=str.casefold, reverse=True),
    )
    numbers_seen = [int(n) for n in sort_by("No.")]
    assert numbers_seen in ([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])


def test_the_list_works_from_the_keyboard(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    case = open_case(qtbot, window, tmp_path)
    panel = window.docks.passages
    window.activateWindow()
    pane = window.row.panes[0]
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_P, CTRL_SHIFT)  # shows the list, keyboard in it
    assert panel.isVisible() and focus(panel.view)
    assert window.current_passage is None  # coming in chooses nothing: the panes stay put
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    first = window.current_passage
    assert first == int(numbers(panel)[0]) - 1 and panel.selected_passage() == first
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    assert window.current_passage == panel.selected_passage() != first
    # Typing goes to the search field.
    qtbot.keyClicks(panel.view, "Quorble")
    assert focus(panel.search) and panel.search.text() == "Quorble"
    p3 = passage_of(window, case, "d", 3)
    assert numbers(panel) == [str(p3 + 1)]
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)  # into the table
    assert focus(panel.view)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.current_passage == p3
    # Escape: back to the panes.
    qtbot.keyClick(panel.view, Qt.Key.Key_Escape)
    assert any(focus(p.view) for p in window.row.panes)
    # The shortcut again goes back to the list; pressed in the list, it hides the list.
    qtbot.keyClick(window.row.panes[0].view, Qt.Key.Key_P, CTRL_SHIFT)
    assert focus(panel.view)
    qtbot.keyClick(panel.view, Qt.Key.Key_P, CTRL_SHIFT)
    assert not panel.isVisible()
    assert not window.actions_by_name["passage_list"].isChecked()
    assert any(focus(p.view) for p in window.row.panes)


def test_article_text_stays_plain_text_in_the_list(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    case = ReviewCase()
    markup = "<b>Bold</b> &amp; <i>claims</i> "
    paths = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.txt"
        path.write_text(case.text(name).replace(case.shared[2], markup + case.shared[2]))
        paths.append(str(path))
    from .conftest import open_and_wait

    open_and_wait(qtbot, window, paths)
    window.actions_by_name["passage_list"].trigger()
    panel = window.docks.passages
    starts = seen(panel.view, column_of(panel.view, "Starts with"))
    row = next(i for i, s in enumerate(starts) if "</b> &amp; <i>claims</i>" in s)
    tip = panel.filter.index(row, column_of(panel.view, "Starts with")).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "&lt;/b&gt; &amp;amp; &lt;i&gt;claims" in tip  # escaped: shown literally
