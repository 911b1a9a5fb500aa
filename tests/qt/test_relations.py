"""What joins the articles shows without a click: headers, pane order, dragging, far bands."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRectF, QSettings, Qt
from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from viewer.qt.bands import tongue_path
from viewer.qt.mainwindow import MainWindow
from viewer.qt.settings import Settings

from .conftest import open_and_wait, seed_paths
from .test_scroll_cost import wheel


def names(window: MainWindow) -> list[str]:
    return [p.document.name[:3] for p in window.row.panes]


def test_headers_name_the_articles_each_pane_shares_with(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "001", "004"))
    by_name = {p.document.name[:3]: p for p in window.row.panes}
    assert by_name["000"].relations.full_text().startswith("Shares 47 % with 004")
    assert by_name["004"].relations.full_text().startswith("Shares 51 % with 000")
    assert by_name["001"].relations.full_text() == "Shares nothing with the others"
    for pane in window.row.panes:
        label = pane.relations
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert label.toolTip() == label.full_text()
        assert label.text() == label.full_text()  # 3 panes at 1400 px: nothing cut off


def test_a_narrow_header_drops_whole_items_not_half_words(qtbot: QtBot, window: MainWindow) -> None:
    from viewer.qt.pane import ElidedLabel

    label = ElidedLabel()
    label.set_items("Shares ", ["47 % with 004", "12 % with 002", "3 % with 001"])
    qtbot.addWidget(label)
    metrics = label.fontMetrics()
    label.resize(metrics.horizontalAdvance("Shares 47 % with 004, 12 % with 002, +1 more") + 4, 20)
    label.show()
    qtbot.wait(10)
    assert label.text() == "Shares 47 % with 004, 12 % with 002, +1 more"
    assert label.toolTip() == "Shares 47 % with 004, 12 % with 002, 3 % with 001"


def test_related_order_is_the_default(tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    assert Settings(store).order_by_relation()


def test_panes_open_with_related_articles_side_by_side(qtbot: QtBot, window: MainWindow) -> None:
    window.actions_by_name["order_by_relation"].setChecked(True)
    open_and_wait(qtbot, window, seed_paths("000", "001", "002", "003", "004"))
    order = names(window)
    assert abs(order.index("000") - order.index("004")) == 1
    assert window.row.linkmaps[order.index("000")].bands()  # bands join them at once


def test_a_setting_keeps_file_order(qtbot: QtBot, window: MainWindow) -> None:
    action = window.actions_by_name["order_by_relation"]
    assert not action.isChecked()  # the fixture's settings keep file order
    action.setChecked(True)
    assert window.settings.order_by_relation() is True
    action.setChecked(False)
    assert window.settings.order_by_relation() is False
    open_and_wait(qtbot, window, seed_paths("000", "001", "002", "003", "004"))
    assert names(window) == ["000", "001", "002", "003", "004"]
    action.setChecked(True)  # turning it on orders the open articles
    order = names(window)
    assert abs(order.index("000") - order.index("004")) == 1
    action.setChecked(False)  # and off again restores the file order
    assert names(window) == ["000", "001", "002", "003", "004"]


def test_dragging_a_header_reorders_the_panes(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "001", "002"))
    assert names(window) == ["000", "001", "002"]
    header = window.row.panes[0].header
    start = QPoint(header.width() // 2, header.height() // 2)
    target = window.row.panes[2]
    end_global = target.mapToGlobal(QPoint(target.width() * 3 // 4, 40))
    qtbot.mousePress(header, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(header, start + QPoint(30, 0))
    qtbot.mouseMove(header, header.mapFromGlobal(end_global))
    assert window.row.drop_marker.isVisible()
    qtbot.mouseRelease(header, Qt.MouseButton.LeftButton, pos=header.mapFromGlobal(end_global))
    assert names(window) == ["001", "002", "000"]
    assert not window.row.drop_marker.isVisible()
    assert window.documents[-1].name.startswith("000")


def test_non_neighbours_show_what_joins_them(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "001", "002", "003", "004"))
    assert names(window) == ["000", "001", "002", "003", "004"]
    comparison = window.comparison
    assert comparison is not None
    joined = {link.passage for link in comparison.links_between(0, 4)}
    first, last = window.row.linkmaps[0], window.row.linkmaps[-1]
    # Scroll 000 to its first passage shared with 004: a far band leaves 000 towards 004…
    pane = window.row.panes[0]
    span = comparison.passages[min(joined)].spans_in(0)[0]
    pane.view.reveal(span.start, span.end)
    qtbot.wait(20)
    far = first.far_bands()
    assert {(passage, label) for passage, label, _ in far} >= {(min(joined), "004")}
    # … and one arrives in 004 from 000.
    pane = window.row.panes[4]
    span = comparison.passages[min(joined)].spans_in(4)[0]
    pane.view.reveal(span.start, span.end)
    qtbot.wait(20)
    assert (min(joined), "000") in {(p, label) for p, label, _ in last.far_bands()}
    # Clicking the far band selects the passage, as a band does.
    passage, _, path = first.far_bands()[0]
    box = path.boundingRect()
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton, pos=box.center().toPoint())
    assert window.current_passage == passage


def test_crossing_bands_keep_their_edges_in_sight(qtbot: QtBot, window: MainWindow) -> None:
    """A moved passage's band crosses the others: where another band's fill covers it, its
    edge still shows (the later band's fill used to hide all but its ends)."""
    window.actions_by_name["order_by_relation"].setChecked(True)
    open_and_wait(qtbot, window, seed_paths("000", "001", "002", "003", "004"))
    qtbot.wait(200)
    checked = 0
    for linkmap in window.row.linkmaps:
        bands = linkmap.bands()
        image = linkmap.grab().toImage()
        for index, (_, shape) in enumerate(bands):
            # The top edge's middle: the curve from (0, ly0) to (width, ry0) passes
            # through (width / 2, (ly0 + ry0) / 2).
            start, end = shape.elementAt(0), shape.elementAt(3)
            middle = QPointF(linkmap.width() / 2, (start.y + end.y) / 2)
            covering = [s for i, (_, s) in enumerate(bands) if i > index and s.contains(middle)]
            if not covering or not 2 <= middle.y() < image.height() - 2:
                continue
            x, y = int(middle.x()), round(middle.y())
            fill = image.pixelColor(x, y + 6 if covering[0].contains(QPointF(x, y + 6)) else y - 6)
            around = [image.pixelColor(x, row) for row in range(y - 1, y + 2)]
            assert any(abs(c.lightness() - fill.lightness()) > 25 for c in around), (
                "a band's edge is hidden under a later band's fill",
                [c.name() for c in around],
                fill.name(),
            )
            checked += 1
    assert checked, "the five seeds have a moved passage whose band crosses another"


def test_bands_stay_beside_the_text_not_the_headers(qtbot: QtBot, window: MainWindow) -> None:
    """A band whose text has scrolled up out of view was drawn on up beside the panes'
    headers (a tongue pointed at nothing there)."""
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.resize(900, 380)
    qtbot.wait(200)
    linkmap = window.row.linkmaps[0]
    left = linkmap.left.view
    mine = linkmap.mapTo(window, QPoint(0, 0)).y()
    origin = min(
        pane.view.viewport().mapTo(window, QPoint(0, 0)).y() - mine
        for pane in (linkmap.left, linkmap.right)
    )
    assert origin > 10, "the headers stand above the text"
    background = linkmap.palette().color(linkmap.backgroundRole()).rgb()
    crossing = 0  # positions where a band runs on above the text
    for top in range(0, left.verticalScrollBar().maximum(), 20):
        left.verticalScrollBar().setValue(top)
        qtbot.wait(1)
        image = linkmap.grab().toImage()
        above = {image.pixel(x, y) for x in range(image.width()) for y in range(origin - 1)}
        assert above == {background}, f"something drawn beside the headers at top {top}"
        crossing += any(
            shape.boundingRect().top() < origin for _, shape in linkmap.bands(compute=False)
        )
    assert crossing >= 3, "bands should have run on above the text"


def test_the_wheel_over_the_bands_scrolls_the_panes(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.resize(1400, 450)
    qtbot.wait(200)
    linkmap = window.row.linkmaps[0]
    before = linkmap.left.view.top()
    wheel(linkmap)
    assert linkmap.left.view.top() > before


def labels_placed(
    qtbot: QtBot, window: MainWindow, labels: list[tuple[str, float, float]]
) -> tuple[int, list[QRectF]]:
    """Paint far labels (text, tongue top, tongue bottom) in the seeds' link map as its
    paint does; return the map's width and where each label went (left out: missing)."""
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    linkmap = window.row.linkmaps[0]
    image = QImage(linkmap.size(), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    placed: list[QRectF] = []
    for text, top, bottom in labels:
        shape, _ = tongue_path(0.0, 30.0, top, bottom)
        linkmap._paint_label(painter, text, shape, placed)
    painter.end()
    return linkmap.width(), placed


def test_far_labels_at_one_height_are_not_printed_over_each_other(
    qtbot: QtBot, window: MainWindow
) -> None:
    # Two on a tall tongue, then one on a short tongue with the same middle and no room.
    labels = [("000, 004", 10.0, 200.0)] * 2 + [("000, 004", 95.0, 115.0)]
    _, placed = labels_placed(qtbot, window, labels)
    assert len(placed) == 2, "two labels fit on the tall tongue; the third has no room"
    assert not placed[0].intersects(placed[1])


def test_far_labels_wider_than_the_map_are_elided_not_cut_at_both_ends(
    qtbot: QtBot, window: MainWindow
) -> None:
    width, placed = labels_placed(qtbot, window, [("000, 001, 002, 003", 10.0, 200.0)])
    (rect,) = placed
    assert rect.left() >= 0 and rect.right() <= width, rect
