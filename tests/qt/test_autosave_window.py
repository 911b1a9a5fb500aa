"""Autosave in the window: written within the promised time after a change, gone after a
save; a window killed with SIGKILL leaves work that the next start offers back (Qt layer)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.core.sessionfile import read_session
from viewer.qt.autosaver import DELAY_MS
from viewer.qt.mainwindow import MainWindow
from viewer.qt.sessions import Button

from .conftest import open_and_wait, seed_paths

MARGIN_MS = 1500  # for a loaded machine: the write itself takes milliseconds

CHILD = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from viewer.qt.app import make_app
from viewer.qt.mainwindow import MainWindow
from viewer.qt.settings import Settings

app = make_app()
settings = Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat))
window = MainWindow(settings, theme="light")
window.files.interactive = False
window.show()

def on_result(_comparison):
    window.actions_by_name["next_passage"].trigger()
    window.actions_by_name["verdict2"].trigger()
    window.reviewing.save_note("Killed before saving")

def on_written():
    print("autosaved", flush=True)

window.comparer.finished.connect(on_result)
window.sessions.autosave.written.connect(on_written)
window.files.open_paths(sys.argv[2:])
app.exec()
"""


def test_a_change_is_autosaved_within_the_promised_time_and_a_save_removes_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.actions_by_name["next_passage"].trigger()
    autosave = window.sessions.autosave
    assert autosave.slot is None  # nothing unsaved yet: the folder is not touched
    started = time.monotonic()
    window.actions_by_name["verdict2"].trigger()
    qtbot.waitUntil(lambda: autosave.writes >= 1, timeout=DELAY_MS + MARGIN_MS)
    elapsed = (time.monotonic() - started) * 1000
    assert DELAY_MS * 0.9 <= elapsed <= DELAY_MS + MARGIN_MS
    assert autosave.slot is not None
    work = autosave.slot.path
    assert work.parent == tmp_path / "autosave"
    saved = read_session(work)
    assert saved.notes == window.session.state.notes
    assert saved.notes[0].verdict == window.session.state.verdicts[1]
    assert window.sessions.save_as(str(tmp_path / "review.avsession"))
    qtbot.waitUntil(lambda: not work.exists(), timeout=2000)
    window.close()
    assert not any((tmp_path / "autosave").iterdir())  # a clean close leaves nothing


def test_work_of_a_killed_window_is_offered_at_the_next_start(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings_file = tmp_path / "child.ini"
    settings_file.write_text(f"[autosave]\nfolder={tmp_path / 'autosave'}\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(settings_file), *seed_paths("000", "004")],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "autosaved"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert window.sessions.autosave.orphans()[0].pid == child.pid
    asked = []

    def ask(orphan: object) -> Button:
        asked.append(orphan)
        return Button.Yes

    monkeypatch.setattr(window.sessions, "ask_restore", ask)
    window.files.interactive = True
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        assert window.sessions.offer_recovery()
    window.files.interactive = False
    assert len(asked) == 1
    qtbot.wait(50)
    (note,) = window.session.state.notes
    assert note.text == "Killed before saving"
    assert note.verdict == window.session.state.verdicts[1]
    passage = window.session.resolution.notes[0].passage
    assert passage is not None  # found again on its passage in the comparison
    assert window.session.resolution.verdict(passage) == note.verdict
    assert window.windowTitle().startswith("*")  # restored work is unsaved work
    assert window.sessions.autosave.orphans() == []  # this window owns it now
