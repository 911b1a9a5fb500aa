"""The window stays responsive with big articles: the event loop never stalls (Qt layer).

A heartbeat timer ticks every 10 ms; the longest gap between ticks is how long the window
was frozen. The machine is shared, so a gap is also measured in the GUI thread's own CPU
time: that is the window's work; the rest of the wall-clock gap is other processes.
The articles are generated here: random-ish words in paragraphs, the second a
reordered copy of the first with words changed, the third sharing a few paragraphs.
"""

from __future__ import annotations

import gc
import random
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from viewer.qt.mainwindow import MainWindow

STALL_LIMIT = 0.1  # seconds of the GUI thread's work between ticks: a user notices more
WALL_LIMIT = 0.5  # seconds of wall clock, whoever else runs on the machine


class Heartbeat:
    """Records the gaps between 10 ms timer ticks."""

    def __init__(self) -> None:
        self.gaps: list[tuple[float, float, float]] = []  # (tick time, gap, CPU time in gap)
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.gaps.append((now, now - self._last, cpu - self._last_cpu))
        self._last, self._last_cpu = now, cpu

    def longest(self, after: float) -> tuple[float, float, float]:
        """(GUI thread CPU time, start) of the busiest stall that ended after ``after``
        (the one under way when the action began counts), and the longest wall-clock gap."""
        gaps = [(cpu, gap, end - gap - after) for end, gap, cpu in self.gaps if end > after]
        busiest = max(gaps, default=(0.0, 0.0, 0.0))
        return busiest[0], busiest[2], max((g for _, g, _ in gaps), default=0.0)

    def start(self) -> None:
        self._last, self._last_cpu = time.perf_counter(), time.thread_time()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    syllables = ["ka", "to", "ri", "men", "sa", "lo", "ver", "in", "da", "pu", "ne", "gor"]
    return ["".join(rng.choices(syllables, k=rng.randint(1, 4))) for _ in range(size)]


def paragraph(rng: random.Random, words: list[str]) -> str:
    return " ".join(rng.choices(words, k=rng.randint(40, 120))) + "."


def big_articles(folder: Path, size: int) -> list[str]:
    """Three articles of about ``size`` characters that share many paragraphs."""
    rng = random.Random(6)
    words = vocabulary(rng)
    first: list[str] = []
    total = 0
    while total < size:
        first.append(paragraph(rng, words))
        total += len(first[-1])
    second = [
        " ".join(w if rng.random() > 0.03 else rng.choice(words) for w in p.split())
        for p in reversed(first)
    ]
    third = [p if rng.random() < 0.15 else paragraph(rng, words) for p in first]
    paths = []
    for name, paragraphs in (("first", first), ("second", second), ("third", third)):
        path = folder / f"{name}.txt"
        path.write_text("\n\n".join(paragraphs), encoding="utf-8")
        paths.append(str(path))
    return paths


def highlights_shown(window: MainWindow) -> bool:
    return window.comparison is not None and all(
        pane.view.highlighted_ranges() for pane in window.row.panes
    )


def test_big_articles_never_freeze_the_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """From the moment the files are open, through comparing, highlighting, laying out and
    painting, to an option change and its new highlights."""
    paths = big_articles(tmp_path, 250_000)
    gc.collect()  # not the garbage of earlier tests
    heartbeat = Heartbeat()
    heartbeat.start()
    results: list[float] = []
    window.comparer.finished.connect(lambda _: results.append(time.perf_counter()))
    with qtbot.waitSignal(window.comparer.finished, timeout=60000):
        opened = time.perf_counter()  # reading and showing the files count too
        window.files.open_paths(paths)
    qtbot.waitUntil(lambda: highlights_shown(window), timeout=10000)
    assert time.perf_counter() - results[0] < 1.0  # highlights within a second of the result
    qtbot.wait(500)  # the rest of the layout, overview and link map after the result
    busy, began, wall = heartbeat.longest(after=opened)
    where = f"at {began:.2f} s (result at {results[0] - opened:.2f} s)"
    assert busy < STALL_LIMIT, f"the window worked {busy:.2f} s without a break {where}"
    assert wall < WALL_LIMIT

    # An option change compares and highlights again, still without freezing.
    changed = time.perf_counter()
    with qtbot.waitSignal(window.comparer.finished, timeout=60000):
        window.options_bar.min_words.setValue(window.options_bar.min_words.value() + 1)
    qtbot.wait(500)
    heartbeat.stop()
    assert highlights_shown(window)
    assert window.comparison is not None and window.comparison.options.min_words == 9
    busy, began, wall = heartbeat.longest(after=changed)
    where = f"at {began:.2f} s (result at {results[1] - changed:.2f} s)"
    assert busy < STALL_LIMIT, f"the window worked {busy:.2f} s without a break {where}"
    assert wall < WALL_LIMIT
