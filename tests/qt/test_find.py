"""Find in all articles: F3 goes on from the current match, wrapping is said, Esc tidies up."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.articles import article, write
from viewer.qt.mainwindow import MainWindow

from .conftest import open_and_wait

NEEDLE = "quokka"


def with_needles(seed: int, every: int) -> str:
    """A generated article with ``NEEDLE`` as every ``every``-th word."""
    words = article(seed, paragraphs=8).split(" ")
    return " ".join(NEEDLE if i % every == 0 else w for i, w in enumerate(words))


def find(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> int:
    """Open two articles, type the needle in the find bar; return how many matches."""
    texts = [with_needles(3, 17), with_needles(5, 23)]
    paths = [write(tmp_path, f"{i}.txt", t) for i, t in enumerate(texts)]
    open_and_wait(qtbot, window, paths)
    window.actions_by_name["find"].trigger()
    qtbot.keyClicks(window.find_bar.field, NEEDLE)
    return sum(len(re.findall(NEEDLE, p.document.text)) for p in window.row.panes)


def status(window: MainWindow) -> str:
    return window.status_text.text()


def enter(qtbot: QtBot, window: MainWindow, shift: bool = False) -> None:
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return, modifier)


def test_f3_after_esc_goes_on_from_the_current_match(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    total = find(qtbot, window, tmp_path)
    assert total > 20
    enter(qtbot, window)
    enter(qtbot, window)
    assert status(window).startswith(f"Match 2 of {total} in ")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    window.actions_by_name["find_next"].trigger()  # F3
    assert window.find_bar.isVisible()
    assert status(window).startswith(f"Match 3 of {total} in ")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    window.actions_by_name["find_previous"].trigger()  # Shift+F3
    assert status(window).startswith(f"Match 2 of {total} in ")


def test_find_says_when_it_wraps_both_ways(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    total = find(qtbot, window, tmp_path)
    enter(qtbot, window)
    assert status(window).startswith(f"Match 1 of {total} in ")
    enter(qtbot, window, shift=True)
    assert status(window).startswith(f"Wrapped to the last match · Match {total} of {total} in ")
    enter(qtbot, window, shift=True)
    assert status(window).startswith(f"Match {total - 1} of {total} in ")
    enter(qtbot, window)
    enter(qtbot, window)
    assert status(window).startswith(f"Wrapped to the first match · Match 1 of {total} in ")


def test_closing_the_find_bar_takes_its_match_out_of_the_status_bar(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    find(qtbot, window, tmp_path)
    enter(qtbot, window)
    assert "Match 1 of" in status(window)
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert "Match" not in status(window)
    assert "shared passage" in status(window)  # what it said before the find
