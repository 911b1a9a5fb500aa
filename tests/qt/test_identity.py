"""The application as the desktop sees it: names, desktop file, icon; the start page's
sample articles from any directory; settings read through QSettings' own conversion."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from viewer.core.model import CompareOptions
from viewer.core.packaged import APP_ID, APP_NAME, ICON_SIZES
from viewer.qt.application import make_app
from viewer.qt.mainwindow import MainWindow
from viewer.qt.settings import MemoryStore, Settings


def test_the_app_names_itself_and_has_an_icon(window: MainWindow) -> None:
    app = make_app()
    assert QGuiApplication.desktopFileName() == APP_ID
    assert QGuiApplication.applicationDisplayName() == APP_NAME
    assert QCoreApplication.organizationName() == "article-viewer"
    assert QCoreApplication.applicationName() == "viewer"
    sizes = [s.width() for s in app.windowIcon().availableSizes()]
    assert sizes == list(ICON_SIZES)
    assert not window.windowIcon().pixmap(48, 48).isNull()


def test_the_sample_articles_open_from_another_directory(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        window.start_page.samplesRequested.emit()
    assert len(window.documents) == 5
    assert window.documents[0].title.startswith("Kremlin says")


def test_booleans_and_numbers_come_through_qsettings(tmp_path: Path) -> None:
    ini = tmp_path / "settings.ini"
    ini.write_text(
        "[options]\nmin_words=12\nignore_case=false\nignore_punctuation=true\n"
        "[view]\nsync=false\nzoom=3\norder_by_relation=0\n",
        encoding="utf-8",
    )
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    assert settings.options() == CompareOptions(12, ignore_case=False, ignore_punctuation=True)
    assert (settings.sync_scrolling(), settings.zoom(), settings.order_by_relation()) == (
        False,
        3,
        False,
    )


def test_memory_settings_round_trip() -> None:
    settings = Settings(MemoryStore())
    settings.set_sync_scrolling(False)
    settings.set_zoom(-2)
    assert (settings.sync_scrolling(), settings.zoom()) == (False, -2)
