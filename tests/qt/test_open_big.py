"""Opening big files: read on a thread, shown when read, never in the way (Qt layer).

The articles are generated here (random words in paragraphs); nothing comes from the corpus.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.qt.conftest import seed_paths
from viewer.qt.files import READ_AT_ONCE
from viewer.qt.mainwindow import MainWindow


def big_file(folder: Path, name: str, size: int, seed: int) -> str:
    rng = random.Random(seed)
    words = ["".join(rng.choices("abcdefghijklmnop", k=rng.randint(2, 9))) for _ in range(3000)]
    paragraphs: list[str] = []
    total = 0
    while total < size:
        paragraphs.append(" ".join(rng.choices(words, k=80)) + ".")
        total += len(paragraphs[-1]) + 2
    path = folder / name
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return str(path)


def test_big_files_are_read_while_the_window_answers(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    paths = [big_file(tmp_path, f"big{n}.txt", READ_AT_ONCE, n) for n in range(2)]
    window.files.open_paths(paths)
    # open_paths returned before the files were read: the window said so and goes on.
    assert window.files.reading()
    assert "Reading 2 files" in window.status_text.text()
    qtbot.waitUntil(lambda: len(window.row.panes) == 2, timeout=20000)
    assert not window.files.reading()
    qtbot.waitUntil(lambda: all(p.view.filled() for p in window.row.panes), timeout=5000)
    shown = [p.view.toPlainText() for p in window.row.panes]
    assert shown == [Path(p).read_text(encoding="utf-8") for p in paths]


def test_a_newer_open_wins_over_files_still_being_read(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    big = [big_file(tmp_path, f"big{n}.txt", READ_AT_ONCE, n) for n in range(2)]
    window.files.open_paths(big)
    small = seed_paths("000", "004")
    window.files.open_paths(small)  # small: read at once, before the big ones are done
    assert [d.path for d in window.documents] == small
    qtbot.wait(1500)  # the big files' reading ends meanwhile; its result is dropped
    assert [d.path for d in window.documents] == small
    assert not window.files.reading()


def test_a_big_file_that_cannot_be_read_is_named(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    good = big_file(tmp_path, "good.txt", READ_AT_ONCE + 1000, 3)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 1000)
    window.files.open_paths([good, str(binary)])
    qtbot.waitUntil(lambda: not window.files.reading(), timeout=20000)
    # Offscreen, problems go to stderr (a window shows them in a message box).
    assert f"{binary}: is a binary file" in capfd.readouterr().err
    assert [d.path for d in window.documents] == [good]
