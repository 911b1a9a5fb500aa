"""The window's input checks: pastes like files, limits stated, warnings shown, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from viewer.cli import main, window_parser
from viewer.core.compare import MAX_DOCUMENTS
from viewer.core.model import MIN_WORDS_RANGE, CompareOptions
from viewer.qt.mainwindow import MainWindow
from viewer.qt.settings import Settings

from .conftest import open_and_wait, seed_paths


def closed_messages(window: MainWindow) -> list[str]:
    """The texts of the message boxes the window shows, which are closed."""
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    for box in boxes:
        box.close()
    return [box.text() for box in boxes]


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
    assert closed_messages(window) == [
        f"{deep}: lists or quotes nested too deeply to render are shown flattened"
    ]


def test_text_with_a_nul_byte_is_refused_as_binary_in_a_dialog(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "001"))
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"abc\x00\x01\x02binary\xff\xfe")
    window.files.interactive = True  # the message box a user sees
    window.files.open_paths([str(bad)], add=True)
    assert closed_messages(window) == [f"{bad}: is a binary file, not text (it contains NUL bytes)"]
    assert len(window.row.panes) == 2


def test_corrupted_settings_fall_back_to_defaults(qtbot: QtBot, tmp_path: Path) -> None:
    ini = tmp_path / "settings.ini"
    ini.write_text(
        "[files]\nrecent=@Rect(1 2 3 4)\n"
        "[options]\nmin_words=@Rect(1 2 3 4)\nignore_case=@Point(1 2)\n"
        "ignore_punctuation=@Size(3 4)\n"
        "[view]\ntheme=@Rect(1 2 3 4)\nzoom=@Point(5 6)\nsync=@Rect(0 0 1 1)\n"
        "[window]\ngeometry=@Rect(1 2 3 4)\nstate=banana\n",
        encoding="utf-8",
    )
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert settings.recent() == []
    assert settings.options() == CompareOptions()
    assert (settings.theme(), settings.zoom(), settings.sync_scrolling()) == ("system", 0, True)
    assert window.options_bar.options() == CompareOptions()
    window.close()
    assert window.comparer.shutdown(5000)


def test_screenshot_writes_no_settings(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    location = QStandardPaths.StandardLocation.GenericConfigLocation
    previous = QStandardPaths.writableLocation(location)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(config))
    try:
        code = main(["--screenshot", str(tmp_path / "shot.png"), *seed_paths("000", "001")])
    finally:
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, previous)
    assert code == 0
    assert (tmp_path / "shot.png").exists()
    assert list(config.rglob("*")) == []


@pytest.mark.parametrize("words", [MIN_WORDS_RANGE[0], 200, 201, MIN_WORDS_RANGE[1]])
def test_the_window_accepts_every_shortest_passage_the_cli_accepts(
    window: MainWindow, words: int
) -> None:
    args = window_parser().parse_args(["--min-words", str(words)])
    window.options_bar.set_options(CompareOptions(min_words=args.min_words))
    assert window.options_bar.options().min_words == words
