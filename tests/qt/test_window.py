"""The window as a user sees it: highlights, scrolling, navigation, options, files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.core.coverage import changed_ranges, shared_segments
from viewer.core.grouping import merge_ranges
from viewer.core.model import CompareOptions
from viewer.core.navigation import percent
from viewer.qt.mainwindow import MainWindow
from viewer.qt.pane import Pane

from .conftest import open_and_wait, seed_paths

WIRE = (
    "Chiefs of staff of the Russian and U.S. militaries held a telephone call, the U.S. military "
    "and RIA news agency reported on Wednesday, amid rising tensions near the border."
)


def join(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge ranges, across paragraph breaks too: in Qt a break is a block boundary, not a
    character that carries a colour."""
    joined: list[tuple[int, int]] = []
    for start, end in merge_ranges(spans):
        if joined and text[joined[-1][1] : start] in ("", "\n"):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def highlighted(pane: Pane) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(every highlighted range, the ranges in the "changed" colour) as the user sees them."""
    ranges = pane.view.highlighted_ranges()
    text = pane.document.text
    changed_colour = "#fdae6b"
    every = join(text, [(s, e) for s, e, _ in ranges])
    changed = join(text, [(s, e) for s, e, c in ranges if c == changed_colour])
    return every, changed


def in_view(pane: Pane, offset: int) -> bool:
    top = pane.view.top()
    y = pane.view.y_of(offset)
    return top <= y <= top + pane.view.viewport().height() - 10


def test_start_page_then_samples(qtbot: QtBot, window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.start_page
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        window.start_page.samplesRequested.emit()
    assert len(window.row.panes) == 5
    assert window.stack.currentIndex() == 1
    assert "2 shared passages" in window.status_text.text()


def test_highlights_equal_the_engine_spans(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    comparison = window.comparison
    assert comparison is not None
    for index, pane in enumerate(window.row.panes):
        every, changed = highlighted(pane)
        text = pane.document.text
        expected = join(text, [(s.start, s.end) for s in shared_segments(comparison, index)])
        assert every == expected
        assert changed == join(text, changed_ranges(comparison, index))
    text = window.row.panes[0].document.text
    shown = [text[s:e] for s, e in highlighted(window.row.panes[0])[1]]
    assert shown == ["Kyiv", "Moscow", "in recent weeks"]


def test_emoji_before_a_passage_does_not_shift_highlights(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.md"
    a.write_text(f"Breaking 😀🇺🇦 news 🚀: {WIRE}\nEnd of story.", encoding="utf-8")
    b.write_text(f"# Report 😀\n\nOur *desk* says: {WIRE}", encoding="utf-8")
    open_and_wait(qtbot, window, [str(a), str(b)])
    for pane in window.row.panes:
        every, _ = highlighted(pane)
        text = pane.document.text
        assert [text[s:e] for s, e in every] == [WIRE]
        # What Qt shows at those positions is the same text.
        cursor = pane.view.textCursor()
        q0, q1 = pane.view.qt_range(*every[0])
        cursor.setPosition(q0)
        cursor.setPosition(q1, cursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == WIRE


def test_scrolling_one_pane_brings_the_counterpart_into_view(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "001", "002", "004"))
    window.resize(1400, 500)
    qtbot.wait(200)
    left, right = window.row.panes[0], window.row.panes[3]
    assert window.sync.enabled
    target = left.document.text.index("Both sides provided few")
    left.view.scroll_to_y(left.view.y_of(target) - left.view.viewport().height() / 2)
    qtbot.wait(50)
    assert in_view(left, target)
    assert in_view(right, right.document.text.index("Both sides provided few"))
    window.actions_by_name["sync"].setChecked(False)
    before = right.view.top()
    left.view.scroll_to_y(0)
    assert right.view.top() == before


def test_navigation_moves_current_passage_and_view(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.resize(1400, 450)
    qtbot.wait(200)
    comparison = window.comparison
    assert comparison is not None
    window.actions_by_name["next_passage"].trigger()
    assert window.current_passage == 0
    alike = percent(comparison.passages[0].similarity)
    assert window.status_text.text() == f"Passage 1 of 2 · in 000, 004 · {alike} alike"
    for index, pane in enumerate(window.row.panes):
        (span,) = comparison.passages[0].spans_in(index)
        assert pane.view.overlays.outline() == [(span.start, span.end)]
        assert in_view(pane, span.start)
    window.actions_by_name["next_passage"].trigger()
    assert window.current_passage == 1
    (span,) = comparison.passages[1].spans_in(1)
    assert in_view(window.row.panes[1], span.start)
    assert window.row.linkmaps[0].current == 1


def test_clicking_a_link_band_selects_its_passage(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    linkmap = window.row.linkmaps[0]
    bands = linkmap.bands()
    assert {passage for passage, _ in bands} == {0, 1}
    for passage, path in bands:
        box = path.boundingRect()
        points = [
            QPointF(box.left() + box.width() * fx, box.top() + box.height() * fy)
            for fx in (0.1, 0.3, 0.5, 0.7, 0.9)
            for fy in (n / 40 for n in range(1, 40))
        ]
        only_here = [
            pt
            for pt in points
            if path.contains(pt)
            and not any(other.contains(pt) for pid, other in bands if pid != passage)
        ]
        assert only_here, f"no point of band {passage} is free of the others"
        qtbot.mouseClick(linkmap, Qt.MouseButton.LeftButton, pos=only_here[0].toPoint())
        assert window.current_passage == passage


def test_option_change_recomputes_and_a_superseded_result_is_dropped(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "001", "004"))
    assert window.comparison is not None and window.comparison.options.min_words == 8
    stale = window.comparison
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        window.options_bar.min_words.setValue(5)  # debounced, then recomputed
    assert window.comparison is not None and window.comparison.options.min_words == 5
    assert len(window.comparison.passages) > len(stale.passages)
    # A late result from an older run is ignored.
    with qtbot.waitSignal(window.comparer.dropped, timeout=1000):
        window.comparer._signals.done.emit(window.comparer.token - 1, stale)
    assert window.comparison.options.min_words == 5
    assert window.settings.options() == CompareOptions(min_words=5)


def drop_event(data: QMimeData) -> QDropEvent:
    """What the window gets when ``data`` is dropped on it."""
    return QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


def test_dropped_files_open(qtbot: QtBot, window: MainWindow) -> None:
    window.files.open_paths(seed_paths("000"))  # one article: nothing to compare yet
    assert len(window.row.panes) == 1
    assert window.status_text.text().startswith("Add another article")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(p) for p in seed_paths("004")])
    event = drop_event(data)
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        window.dropEvent(event)
    assert [p.document.name[:3] for p in window.row.panes] == ["000", "004"]


def test_a_bad_file_leaves_the_others_open(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01binary")
    paths = seed_paths("000", "004")
    open_and_wait(qtbot, window, [paths[0], str(bad), paths[1]])
    assert len(window.row.panes) == 2
    assert (
        window.status_text.text().startswith("2 shared passages")
        or str(bad) in window.status_text.text()
    )
    window.files.open_paths([str(tmp_path / "missing.md")], add=True)
    assert len(window.row.panes) == 2
    assert window.status_text.text() == f"{tmp_path / 'missing.md'}: no such file"


def test_close_and_reorder_panes(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "001", "004"))
    window.focus_pane = window.row.panes[2]
    window.row.panes[2].view.setFocus()
    window.actions_by_name["move_left"].trigger()
    assert [p.document.name[:3] for p in window.row.panes] == ["000", "004", "001"]
    bands = window.row.linkmaps[0].bands()
    assert bands  # 000 and 004 are neighbours now: their bands show
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        window.close_pane(window.row.panes[2])
    assert [p.document.name[:3] for p in window.row.panes] == ["000", "004"]


def test_find_marks_matches_in_all_panes(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.actions_by_name["find"].trigger()
    window.find_bar.field.setText("Milley")
    total = sum(p.document.text.count("Milley") for p in window.row.panes)
    assert total == 4
    assert window.find_bar.count.text() == "4 matches in 2 articles"
    window.actions_by_name["find_next"].trigger()
    assert window.status_text.text().startswith("Match 1 of 4 in 000-")


def test_zoom_keeps_highlights(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    before = highlighted(window.row.panes[0])
    size = window.row.panes[0].view.document().defaultFont().pointSizeF()
    window.actions_by_name["zoom_in"].trigger()
    assert window.row.panes[0].view.document().defaultFont().pointSizeF() > size
    assert highlighted(window.row.panes[0]) == before
    assert window.settings.zoom() == 1


def test_paste_adds_an_article(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "001"))
    QApplication.clipboard().setText(f"Pasted copy\n\n{WIRE}")
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        window.actions_by_name["paste"].trigger()
    assert [p.document.title for p in window.row.panes][-1] == "Pasted copy"
    assert len(window.row.panes) == 3


def test_file_changed_on_disk_is_reloaded(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(f"First draft.\n\n{WIRE}", encoding="utf-8")
    b.write_text(f"Second draft.\n\n{WIRE}", encoding="utf-8")
    open_and_wait(qtbot, window, [str(a), str(b)])
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        b.write_text(f"Second draft, revised.\n\n{WIRE.replace('Wednesday', 'Thursday')}", "utf-8")
    assert window.row.panes[1].document.text.startswith("Second draft, revised.")
    comparison = window.comparison
    assert comparison is not None
    text = comparison.documents[1].text
    (passage,) = comparison.passages
    (span,) = passage.spans_in(1)
    assert [text[s:e] for s, e in span.changes] == ["Thursday"]


def test_dropped_word_and_web_files_and_links_open(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every format has the same ways in: a .docx and a saved web page dropped on the
    window open as articles, a link dragged from a browser is fetched, and recent files
    keep the files' paths and the page's address (not a path made of it)."""
    from tests.core.test_formats import make_docx

    docx_path = tmp_path / "draft.docx"
    docx_path.write_bytes(make_docx())
    page = tmp_path / "page.html"
    words = " ".join(f"word{n}" for n in range(80))
    page.write_text(
        f"<html><head><title>Saved page</title></head><body><nav>Home News</nav>"
        f"<article><h1>Saved page</h1><p>{words}.</p><p>{words} again.</p></article>"
        "<footer>Cookies</footer></body></html>",
        encoding="utf-8",
    )
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(docx_path)), QUrl.fromLocalFile(str(page))])
    event = drop_event(data)
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        window.dropEvent(event)
    assert sorted(Path(p.document.path).name for p in window.row.panes) == [
        "draft.docx",
        "page.html",
    ]
    assert str(docx_path.resolve()) in window.settings.recent()
    opened: list[list[str]] = []
    monkeypatch.setattr(window.files, "open_paths", lambda paths, add=False: opened.append(paths))
    link = QMimeData()
    link.setUrls([QUrl("https://example.org/story")])
    window.dropEvent(drop_event(link))
    assert opened == [["https://example.org/story"]]
    window.settings.add_recent(["https://example.org/story", "-"])
    assert window.settings.recent()[0] == "https://example.org/story"
    assert "-" not in window.settings.recent()
