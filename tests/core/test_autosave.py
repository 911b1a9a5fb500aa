"""The autosave store: a running window's work is left alone, a killed process's work is
offered back, a clean close or a save leaves nothing behind."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.core.autosave import adopt, default_folder, find_orphans, open_slot
from viewer.core.sessionfile import read_session
from viewer.core.sessionjson import dumps

from .review_helpers import seed_state

CHILD = """
import sys, time
from pathlib import Path
from viewer.core.autosave import open_slot
slot = open_slot(Path(sys.argv[1]))
slot.write(Path(sys.argv[2]).read_text(encoding="utf-8"), session="/data/review.avsession")
print(slot.slot, flush=True)
time.sleep(60)
"""


def test_work_of_a_killed_process_is_offered_back_and_a_running_ones_is_not(
    tmp_path: Path,
) -> None:
    state = seed_state(tmp_path / "articles")
    work = tmp_path / "work.json"
    work.write_text(dumps(state), encoding="utf-8")
    folder = tmp_path / "autosave"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), str(work)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        slot = child.stdout.readline().strip()
        assert slot and find_orphans(folder) == []  # another window, still running
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        child.kill()
    (orphan,) = find_orphans(folder)
    assert (orphan.slot, orphan.pid, orphan.session) == (slot, child.pid, "/data/review.avsession")
    assert read_session(orphan.path) == state
    taken = adopt(orphan)
    assert taken is not None and adopt(orphan) is None  # one window restores it, not two
    assert find_orphans(folder) == []
    taken.close()
    assert list(folder.iterdir()) == []


def test_a_clean_close_and_a_save_leave_nothing_behind(tmp_path: Path) -> None:
    state = seed_state(tmp_path / "articles")
    slot = open_slot(tmp_path / "autosave")
    other = open_slot(tmp_path / "autosave")
    slot.write(dumps(state))
    other.write(dumps(state))
    assert read_session(slot.path) == state
    assert find_orphans(tmp_path / "autosave") == []  # both belong to running windows
    slot.discard()  # saved: the autosave is no longer needed
    assert not slot.path.exists()
    slot.close()
    other.close()
    assert list((tmp_path / "autosave").iterdir()) == []


def test_an_empty_slot_of_a_dead_process_is_cleared_away(tmp_path: Path) -> None:
    folder = tmp_path / "autosave"
    folder.mkdir()
    (folder / "123-deadbeef.lock").write_bytes(b"")
    assert find_orphans(folder) == [] and list(folder.iterdir()) == []


def test_the_default_folder_is_in_the_users_data_directory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "/home/ana/.data")  # where Linux desktops keep data
    assert default_folder() == Path("/home/ana/.data/article-viewer/autosave")
