"""The window's input checks: pastes like files, the pane limit stated, warnings shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from viewer.core.compare import MAX_DOCUMENTS
from viewer.qt.mainwindow import MainWindow

from .conftest import open_and_wait, seed_paths

LINE = "Officials said the troops would stay near the border for weeks, a spokesman added.\n"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (LINE * 100 + "\x00" + LINE, "is binary data, not text (it contains NUL bytes)"),
        (
            LINE * 260_000,
            f"is too large ({len(LINE) * 260_000 / 1e6:.1f} MB; the limit is 20 MB)",
        ),
    ],
)
def test_a_paste_gets_the_checks_a_file_gets(
    qtbot: QtBot, window: MainWindow, text: str, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "001"))
    QApplication.clipboard().setText(text)
    window.actions_by_name["paste"].trigger()
    assert len(window.row.panes) == 2
    assert window.status_text.text() == f"Pasted article 1: {problem}"
    assert f"viewer: Pasted article 1: {problem}" in capsys.readouterr().err


def test_more_files_than_fit_are_named(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = []
    for i in range(MAX_DOCUMENTS + 2):
        path = tmp_path / f"article{i:02}.txt"
        path.write_text(f"Article {i} opens here.\n\n{LINE * 3}", encoding="utf-8")
        paths.append(str(path))
    open_and_wait(qtbot, window, paths)
    assert len(window.row.panes) == MAX_DOCUMENTS == 12
    err = capsys.readouterr().err
    for path in paths[MAX_DOCUMENTS:]:
        assert f"{path}: not opened (only 12 articles fit)" in err
    for path in paths[:MAX_DOCUMENTS]:
        assert path not in err


def test_a_file_read_with_a_workaround_shows_its_warning(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.md"
    deep.write_text("".join("  " * i + f"- item{i}\n" for i in range(12)), encoding="utf-8")
    open_and_wait(qtbot, window, [*seed_paths("000"), str(deep)])
    assert len(window.row.panes) == 2
    assert "item11" in window.row.panes[1].document.text
    assert f"viewer: {deep}: lists or quotes nested" in capsys.readouterr().err
    window.files.interactive = True  # the message box a user sees
    window.files.open_paths([str(deep)], add=True)
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert [box.text() for box in boxes] == [
        f"{deep}: lists or quotes nested too deeply to render are shown flattened"
    ]
    for box in boxes:
        box.close()
