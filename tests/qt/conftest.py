"""GUI test fixtures: a window with throwaway settings; no thread may outlive a test."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from viewer.qt.mainwindow import MainWindow
from viewer.qt.settings import Settings

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(autouse=True)
def no_thread_left_running() -> Iterator[None]:
    """Fail a test that leaves a Python thread behind (as napari's conftest does)."""
    before = set(threading.enumerate())
    yield
    left = [t for t in threading.enumerate() if t not in before and t.is_alive()]
    assert not left, f"threads left running: {left}"


@pytest.fixture(autouse=True)
def private_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user's data folder (autosave) is never touched by a test."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings = Settings(store)
    settings.set_autosave_folder(tmp_path / "autosave")
    # Tests see panes in the order they open them; test_relations turns related order on.
    settings.set_order_by_relation(False)
    return settings


@pytest.fixture
def window(qtbot: QtBot, settings: Settings) -> Iterator[MainWindow]:
    win = MainWindow(settings, theme="light")
    win.files.interactive = False
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    assert win.comparer.shutdown(1000)
    assert win.comparer.idle()


def seed_paths(*prefixes: str) -> list[str]:
    return [str(next(SEEDS.glob(f"{p}-*.md"))) for p in prefixes]


def open_and_wait(qtbot: QtBot, window: MainWindow, paths: list[str]) -> None:
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        window.files.open_paths(paths)
    qtbot.wait(50)
