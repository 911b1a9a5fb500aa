"""A wheel step repaints only what moved (Qt layer).

Every pane follows a wheel step, so whatever one step repaints is repainted six or eight
times over. Counted here, deterministically, with an event filter: which widgets get a
paint event during one wheel step, and how much of each text view is drawn again.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionSlider, QWidget
from pytestqt.qtbot import QtBot

from viewer.core import gaps
from viewer.qt import linkmap as linkmap_module
from viewer.qt.articleview import ArticleView
from viewer.qt.later import pending
from viewer.qt.linkmap import LinkMap
from viewer.qt.mainwindow import MainWindow
from viewer.qt.overview import Overview
from viewer.qt.pane import Pane
from viewer.qt.scrollbar import SlimScrollBar
from viewer.qt.syncscroll import SyncScroller
from viewer.qt.texttiles import TILE

from .conftest import open_and_wait, seed_paths


class PaintCounter(QObject):
    """Counts paint events per widget kind, and the area each one asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.count: Counter[str] = Counter()
        self.area: Counter[str] = Counter()
        self.painted: list[QObject] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            kind = watched.objectName() or type(watched).__name__
            if isinstance(watched.parent(), ArticleView) and kind == "qt_scrollarea_viewport":
                kind = "text"
            self.count[kind] += 1
            self.painted.append(watched)
            rect = event.region().boundingRect()  # type: ignore[attr-defined]
            self.area[kind] += rect.width() * rect.height()
        return False


def wheel(widget: QWidget, notches: int = -1) -> None:
    """One real wheel event on ``widget`` (negative: down), as a mouse sends it."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_a_wheel_step_repaints_the_moving_parts_only(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "001", "002", "003", "004"))
    window.resize(1600, 700)
    qtbot.wait(300)
    panes = window.row.panes
    leader = panes[0].view
    for _ in range(3):  # past the top, where the sync point still moves down the screen
        wheel(leader.viewport())
        QApplication.processEvents()
    moved_before = [p.view.top() for p in panes]
    counter = PaintCounter()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(counter)
    try:
        wheel(leader.viewport())
        QApplication.processEvents()
    finally:
        app.removeEventFilter(counter)
    moved = sum(p.view.top() != before for p, before in zip(panes, moved_before, strict=True))
    assert moved >= 2, "the step should move the leader and at least one follower"
    # What moves: each moved pane's text and overview strip (its scroll bar); the link
    # maps. The views' own scroll bars are hidden: they painted the same position again.
    allowed = {"text", Overview.__name__, LinkMap.__name__}
    painted_elsewhere = {kind: n for kind, n in counter.count.items() if kind not in allowed}
    assert not painted_elsewhere, (
        f"a wheel step also repainted {painted_elsewhere}: something moving is not opaque, "
        "so Qt paints what lies behind it"
    )
    assert counter.count["text"] <= moved
    comparison = window.comparison
    assert comparison is not None
    sharing = {doc for link in comparison.links for doc in link.docs}
    idle = [  # maps between two articles that share nothing with any article
        m for m in window.findChildren(LinkMap) if not {m.left_doc, m.right_doc} & sharing
    ]
    assert idle, "the five seeds have neighbours that share nothing"
    assert not [m for m in idle if m in counter.painted], (
        "a link map between articles that share nothing (and no far band) repainted"
    )
    # Scrolled text is moved on screen as pixels; only the strip that comes into view is
    # drawn again, not the whole page.
    page = leader.viewport().width() * leader.viewport().height()
    assert counter.area["text"] <= moved * page / 3, (
        f"{counter.area['text'] / page:.1f} pages of text drawn for one wheel step of {moved} panes"
    )


def drawn_directly(view: ArticleView) -> QImage:
    """The view's text as drawn straight from the layout, bypassing the tiles."""
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.fillRect(image.rect(), view.palette().color(QPalette.ColorRole.Base))
    view._draw_text(painter, QRectF(image.rect()))  # the reference drawing
    painter.end()
    return image


def shown_text(view: ArticleView) -> QImage:
    """The text as the view shows it now (its tiles), without the marks drawn over it."""
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    scroll = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    view._tiles.paint(  # what paintEvent copies onto the screen
        painter,
        image.rect(),
        scroll,
        view.viewport().width(),
        1.0,
        view.palette().color(QPalette.ColorRole.Base),
        view.viewport().height(),
    )
    painter.end()
    return image


def assert_shown_as_drawn(view: ArticleView, after: str) -> None:
    shown, drawn = shown_text(view), drawn_directly(view)
    if shown != drawn:
        rows = [
            y
            for y in range(shown.height())
            if any(shown.pixel(x, y) != drawn.pixel(x, y) for x in range(0, shown.width(), 2))
        ]
        raise AssertionError(
            f"after {after}, {len(rows)} rows of the text differ from drawing it directly "
            f"(first at y={rows[:1]}): a tile is stale or misplaced"
        )


def test_text_from_tiles_is_the_text_drawn_directly(qtbot: QtBot, window: MainWindow) -> None:
    """Copied tiles show what drawing the text would: at any scroll position, and after
    the highlights, Find marks and selection change (no stale tile)."""
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.resize(1200, 600)
    qtbot.wait(300)
    view = window.row.panes[0].view
    for step in range(7):  # across several tile borders
        wheel(view.viewport())
        QApplication.processEvents()
        assert_shown_as_drawn(view, f"wheel step {step + 1}")
    before = shown_text(view)
    view.find_all("the", QColor("#ffd700"))
    QApplication.processEvents()
    assert_shown_as_drawn(view, "Find")
    assert shown_text(view) != before, "Find marks must show in the text"
    cursor = view.textCursor()
    start = view.cursorForPosition(QPoint(10, 10)).position()
    cursor.setPosition(start)
    cursor.setPosition(start + 40, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    QApplication.processEvents()
    assert_shown_as_drawn(view, "selecting text")
    window.row.panes[0].clear_highlights()
    QApplication.processEvents()
    assert_shown_as_drawn(view, "clearing the highlights")


def made_up_text(seed: int, paragraphs: int) -> str:
    """Paragraphs of 30–80 made-up words: long enough to scroll through many tiles."""
    rng = random.Random(seed)
    words = [f"w{n}" for n in range(400)] + ["the", "a", "of"] * 40
    return "\n\n".join(
        " ".join(rng.choice(words) for _ in range(rng.randint(30, 80))) for _ in range(paragraphs)
    )


def test_a_pane_moving_several_tiles_a_step_finds_them_drawn_ahead(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """A follower catching up through text the leader does not share moves several tiles
    a step: the idle turn after a step draws as many tiles ahead as it crossed, so the
    next step copies them instead of drawing text while it paints."""
    text = made_up_text(seed=7, paragraphs=60)
    paths = []
    for name in ("long.txt", "other.txt"):
        (tmp_path / name).write_text(text if name == "long.txt" else text[:2000], encoding="utf-8")
        paths.append(str(tmp_path / name))
    open_and_wait(qtbot, window, paths)
    window.resize(1200, 700)
    qtbot.wait(300)
    view = next(p.view for p in window.row.panes if p.document.path.endswith("long.txt"))
    bar = view.verticalScrollBar()
    step = 3 * TILE + 20
    for n in range(1, 5):
        bar.setValue(n * step)
        QApplication.processEvents()
        qtbot.waitUntil(lambda: pending() == 0)
        top, page = view.top(), view.viewport().height()
        coming = [
            i
            for i in range(top // TILE, (top + page + step) // TILE + 1)
            if i * TILE < view.document_height()
        ]
        missing = [i for i in coming if not view._tiles.has(i)]
        assert not missing, (n, top, missing)


def seeds_with_000_and_004_side_by_side(qtbot: QtBot, window: MainWindow) -> list[Pane]:
    """The five seeds, 000 leading, 004 beside it (the only two that share), 1600 x 700."""
    open_and_wait(qtbot, window, seed_paths("000", "004", "001", "002", "003"))
    window.resize(1600, 700)
    qtbot.wait(300)
    return window.row.panes


def test_link_maps_are_drawn_before_the_wheel_step_that_shows_them(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bands were a fifth of a wheel step's time. After a step, an idle turn draws
    each link map as the next step the same way will show it: painting that step draws
    no band, and shows what drawing the map then would show."""
    panes = seeds_with_000_and_004_side_by_side(qtbot, window)
    leader = panes[0].view
    drawn: list[object] = []
    real_band_path = linkmap_module.band_path

    def counted(*args: float) -> object:
        drawn.append(args)
        return real_band_path(*args)

    monkeypatch.setattr(linkmap_module, "band_path", counted)

    def step() -> list[LinkMap]:
        """One wheel step; the link maps next to a pane that moved, painted at once."""
        tops = [p.view.top() for p in panes]
        wheel(leader.viewport())
        moved = [p for p, top in zip(panes, tops, strict=True) if p.view.top() != top]
        assert leader in [p.view for p in moved], "the leader should move"
        maps = [m for m in window.row.linkmaps if m.left in moved or m.right in moved]
        drawn.clear()
        for linkmap in maps:
            linkmap.repaint()
        return maps

    step()  # the first step finds the maps' geometry still being worked out
    qtbot.waitUntil(lambda: pending() == 0)  # the idle turns after a step
    checked = 0
    for number in range(8):
        maps = step()
        assert not drawn, f"step {number}: {len(drawn)} bands drawn while painting it"
        for linkmap in maps:
            shown = linkmap.grab().toImage()
            linkmap._ahead = None  # forget the picture drawn ahead: drawn now instead
            assert shown == linkmap.grab().toImage(), f"step {number}: map differs"
            checked += 1
        qtbot.waitUntil(lambda: pending() == 0)
    assert checked >= 8
    # What a map shows changing (here its current passage) is never covered by a
    # picture drawn before the change.
    target = next(m for m in window.row.linkmaps if m.bands(compute=False))
    target.set_current(target.bands(compute=False)[0][0])
    step()
    shown = target.grab().toImage()
    target._ahead = None
    assert shown == target.grab().toImage()


def test_a_step_that_comes_as_foreseen_is_not_worked_out_again(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The idle turn after a step works out where the panes stand after the next one (for
    the link maps drawn ahead); when that step comes, the followers go there without the
    sync scroller working their places out again, and stand where it would have put them."""
    panes = seeds_with_000_and_004_side_by_side(qtbot, window)
    leader = panes[0].view
    worked_out: list[bool] = []
    real_plan = SyncScroller._plan

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        worked_out.append(args[3] if len(args) > 3 else kwargs["build"])
        return real_plan(self, *args, **kwargs)

    monkeypatch.setattr(SyncScroller, "_plan", counted)
    wheel(leader.viewport())
    qtbot.waitUntil(lambda: pending() == 0)
    for number in range(6):
        worked_out.clear()
        wheel(leader.viewport())
        assert True not in worked_out, f"step {number}: the followers' places worked out again"
        placed = [p.view.top() for p in panes]
        # Where working them out would have put them: the same places.
        plan = real_plan(window.sync, 0, None, leader.top(), True)
        assert plan is not None
        qtbot.waitUntil(lambda: pending() == 0)
        for index, top in plan.items():
            if window.sync._share(0, index) > 0:
                assert abs(placed[index] - top) <= 1, (number, index, placed[index], top)


def test_scrolling_back_over_text_just_read_draws_no_text(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Reading back and forth (what a reviewer does) copies pixels instead of drawing
    the text with its highlights again."""
    text = made_up_text(seed=5, paragraphs=40)
    paths = []
    for name in ("draft.txt", "copy.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    open_and_wait(qtbot, window, paths)
    window.resize(1400, 700)
    qtbot.wait(300)
    views = [p.view for p in window.row.panes]
    for _ in range(4):
        wheel(views[0].viewport())
        QApplication.processEvents()
    qtbot.waitUntil(lambda: pending() == 0)  # the tiles ahead, drawn in idle turns
    drawn = [v._tiles.drawn for v in views]
    tops = [v.top() for v in views]
    assert min(tops) > 0
    for notches in (1, 1, 1, -1, -1):  # back up three notches, then down two
        wheel(views[0].viewport(), notches)
        QApplication.processEvents()
    assert [v.top() for v in views] != tops
    assert [v._tiles.drawn for v in views] == drawn


def test_scroll_bar_handle_is_drawn_where_a_click_grabs_it(qtbot: QtBot) -> None:
    """The bar works out its handle without asking the style on every paint; it must
    still stand exactly where the style (and so the mouse) has it."""
    for orientation, size in (
        (Qt.Orientation.Vertical, (14, 600)),
        (Qt.Orientation.Horizontal, (500, 14)),
    ):
        bar = SlimScrollBar(orientation)
        qtbot.addWidget(bar)
        bar.resize(*size)
        for low, high, page in ((0, 20_000, 850), (-300, 4_000, 600), (0, 90, 400)):
            bar.setRange(low, high)
            bar.setPageStep(page)
            for value in range(low, high + 1, max(1, (high - low) // 37)):
                bar.setValue(value)
                option = QStyleOptionSlider()
                bar.initStyleOption(option)
                expected = bar.style().subControlRect(
                    QStyle.ComplexControl.CC_ScrollBar,
                    option,
                    QStyle.SubControl.SC_ScrollBarSlider,
                    bar,
                )
                assert bar.handle_rect() == expected, (orientation, low, high, value)


def test_scrolling_a_settled_window_works_out_no_dropped_word_marks(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where a copy dropped words (the carets) is worked out in idle turns after a result,
    not while painting a wheel step (up to a millisecond per passage)."""
    open_and_wait(qtbot, window, seed_paths("000", "001", "002", "003", "004"))
    window.resize(1600, 700)
    qtbot.waitUntil(lambda: pending() == 0)
    calls: list[object] = []
    original = gaps._link_points
    monkeypatch.setattr(gaps, "_link_points", lambda *a: calls.append(a) or original(*a))
    for view in (window.row.panes[0].view, window.row.panes[-1].view):
        for _ in range(12):
            wheel(view.viewport())
            QApplication.processEvents()
    assert calls == []


def test_line_tops_asked_together_are_the_tops_asked_one_by_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Scroll maps ask for thousands of line tops at once, paragraph by paragraph; each
    must be the top of the line holding that word, as asked alone."""
    open_and_wait(qtbot, window, seed_paths("000", "002"))
    window.resize(900, 600)
    qtbot.wait(200)
    view = window.row.panes[1].view
    text = view.article.text
    rng = random.Random(3)
    offsets = [*sorted(rng.sample(range(len(text) + 1), 400)), len(text), len(text)]
    assert view.tops_of(offsets) == [view.y_of(o) for o in offsets]
    assert len(set(view.tops_of(offsets))) > 20  # many lines, in several paragraphs
