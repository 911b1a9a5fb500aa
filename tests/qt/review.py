"""Helpers for the review panel tests: the built case opened in the window, the rows seen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from tests.articles import ReviewCase
from viewer.qt.mainwindow import MainWindow

from .conftest import open_and_wait


def open_case(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> ReviewCase:
    case = ReviewCase()
    open_and_wait(qtbot, window, case.write(tmp_path))
    return case


def passage_of(window: MainWindow, case: ReviewCase, name: str, shared: int) -> int:
    """The passage whose span in article ``name`` starts inside shared paragraph ``shared``."""
    comparison = window.comparison
    assert comparison is not None
    doc = next(i for i, d in enumerate(comparison.documents) if d.name == f"{name}.txt")
    start = case.offset(name, shared)
    end = start + len(case.shared[shared])
    (found,) = [
        p.id for p in comparison.passages for s in p.spans_in(doc) if start <= s.start < end
    ]
    return found


def seen(view: QTableView, column: int) -> list[str]:
    """The text a user sees in ``column``, top to bottom."""
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def column_of(view: QTableView, title: str) -> int:
    model = view.model()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return titles.index(title)


def click(qtbot: QtBot, view: QTableView, index: QModelIndex) -> None:
    """A real left click in the middle of a cell."""
    view.scrollTo(index)
    point = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def focus(widget: object) -> bool:
    return QApplication.focusWidget() is widget
