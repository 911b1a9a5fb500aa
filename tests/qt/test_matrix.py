"""Who shares with whom: a cell puts two articles side by side; figures agree with the
headers and the core statistics; cell text stays readable in both themes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from pytestqt.qtbot import QtBot

from viewer.core.navigation import percent
from viewer.qt.mainwindow import MainWindow
from viewer.qt.matrix import FIGURES, MatrixPanel

from .colourmath import contrast
from .conftest import open_and_wait, seed_paths
from .review import click, focus, open_case, passage_of

AA = 4.5


def open_matrix(window: MainWindow) -> MatrixPanel:
    window.actions_by_name["share_matrix"].trigger()
    panel = window.docks.matrix
    assert panel.isVisible()
    return panel


def order(window: MainWindow) -> list[str]:
    return [p.document.name.removesuffix(".txt") for p in window.row.panes]


def doc_index(window: MainWindow, name: str) -> int:
    assert window.comparison is not None
    return [d.name for d in window.comparison.documents].index(f"{name}.txt")


def test_a_cell_puts_its_articles_side_by_side_at_their_first_shared_passage(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    case = open_case(qtbot, window, tmp_path)
    panel = open_matrix(window)
    assert order(window) == ["a", "b", "c", "d"]
    a, c = doc_index(window, "a"), doc_index(window, "c")
    click(qtbot, panel.view, panel.model.index(a, c))
    qtbot.wait(20)
    assert order(window) == ["a", "c", "b", "d"]
    # a carries P1 before P4 (c the other way round): P1 is their first shared passage.
    assert window.current_passage == passage_of(window, case, "a", 1)
    for name in "ac":
        pane = next(p for p in window.row.panes if p.document.name == f"{name}.txt")
        (outline,) = pane.view.overlays.outline()
        assert outline[0] <= case.offset(name, 1) + 5 < outline[1]
    # Enter on a focused cell does the same: d beside c, at P3.
    d = doc_index(window, "d")
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(d, c))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert order(window) == ["a", "b", "d", "c"]  # the column's article moves beside the row's
    assert window.current_passage == passage_of(window, case, "d", 3)
    # Escape hands the keyboard back to the panes.
    qtbot.keyClick(panel.view, Qt.Key.Key_Escape)
    assert any(focus(p.view) for p in window.row.panes)


def test_neighbours_stay_where_they_are(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    case = open_case(qtbot, window, tmp_path)
    panel = open_matrix(window)
    b, a = doc_index(window, "b"), doc_index(window, "a")
    click(qtbot, panel.view, panel.model.index(b, a))
    assert order(window) == ["a", "b", "c", "d"]
    # b's first passage shared with a is P2 (b carries P2 before P0).
    assert window.current_passage == passage_of(window, case, "b", 2)


def test_figures_agree_with_the_pane_headers_and_the_core(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "001", "002", "003", "004"))
    panel = open_matrix(window)
    comparison = window.comparison
    assert comparison is not None
    model = panel.model
    count = len(comparison.documents)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(count + 3)]
    assert headers[count:] == list(FIGURES)
    for pane, doc in zip(window.row.panes, window.docs_of_panes, strict=True):
        row = [model.index(doc, c).data() for c in range(count + 3)]
        # The header's "Shares 47 % with 004" items are the row's cells.
        for item in pane.relations.full_text().removeprefix("Shares ").split(", "):
            if item == "nothing with the others":
                continue
            share, other = item.split(" with ")
            assert row[headers.index(other)].split(" · ")[0] == share
        # The header's "47 % shared" is the Shared figure.
        assert f"{row[count + 1]} shared" in pane.meta.full_text()
        stats = comparison.document_stats[doc]
        assert row[count] == percent(stats.original)
        assert row[doc] == "—"
        longest = 0
        for other in range(count):
            if other == doc:
                continue
            pair = comparison.pair(doc, other)
            cell = row[other]
            if pair.passages:
                assert cell == f"{percent(pair.shared[0])} · {pair.passages}"
                longest = max(longest, pair.longest_words)
            else:
                assert cell == "0 %"
        assert row[count + 2] == f"{longest:,}"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_cell_text_is_readable_in_both_themes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, theme: str
) -> None:
    open_case(qtbot, window, tmp_path)
    panel = open_matrix(window)
    window.set_theme(theme)
    qtbot.wait(10)
    model, palette = panel.model, panel.view.palette()
    coloured = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            background = index.data(Qt.ItemDataRole.BackgroundRole)
            foreground = index.data(Qt.ItemDataRole.ForegroundRole)
            bg = palette.color(QPalette.ColorRole.Base).name()
            fg = palette.color(QPalette.ColorRole.Text).name()
            if isinstance(background, QBrush):
                coloured += 1
                bg = background.color().name()
            if isinstance(foreground, QBrush):
                fg = foreground.color().name()
            else:
                assert background is None
            assert contrast(fg, bg) >= AA, (row, column, fg, bg)
    assert coloured == 6  # a–b, a–c and c–d, each way
    # A deeper colour for a larger share: c's share in d (36 of 230 words) is below d's
    # share in c (36 of 116).
    c, d = doc_index(window, "c"), doc_index(window, "d")

    def level(row: int, column: int) -> int:
        brush = model.index(row, column).data(Qt.ItemDataRole.BackgroundRole)
        return window.colours.shared.index(brush.color().name())

    assert level(c, d) < level(d, c)
