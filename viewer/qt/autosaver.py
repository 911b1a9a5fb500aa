"""Autosave of unsaved review work, and its recovery after a crash (Qt layer).

A single-shot timer, restarted by every change of the session, writes the work to this
window's slot of the autosave store (``viewer.core.autosave``) ``DELAY_MS`` after the last
change, while there is unsaved work. Serialising (the JSON holds the articles' text: MBs
for big ones) and the atomic write with its fsync run on one short-lived writer thread,
never on the GUI thread; requests are queued so an older state never lands after a newer
one. The slot is opened on the first write, so a window that never has unsaved work never
touches the folder.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from viewer.core.autosave import AutosaveSlot, Orphan, adopt, find_orphans, open_slot
from viewer.core.review import ReviewState
from viewer.core.sessionjson import dumps

DELAY_MS = 3000  # after the last change
_DISCARD = "discard"


class Autosaver(QObject):
    """Writes ``state()`` to the autosave slot a few seconds after each change."""

    written = Signal()  # an autosave reached the disk (from the writer thread, queued)
    failed = Signal(str)  # it could not be written: why

    def __init__(
        self,
        folder: Callable[[], Path],
        state: Callable[[], tuple[ReviewState, str | None] | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder = folder
        self._state = state  # the work to save and its session file; None: nothing unsaved
        self.slot: AutosaveSlot | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        self._lock = threading.Lock()
        self._request: tuple[ReviewState, str | None] | str | None = None
        self._thread: threading.Thread | None = None
        self.writes = 0  # completed writes (tests and the status line read it)

    def changed(self) -> None:
        """The work changed: autosave it ``DELAY_MS`` from now (later changes push it on)."""
        self.timer.start()

    def save_now(self) -> None:
        """Queue the current work for writing (nothing when there is no unsaved work)."""
        self.timer.stop()
        work = self._state()
        if work is not None:
            self._queue(work)

    def discard(self) -> None:
        """The work was saved or thrown away: the autosave goes too."""
        self.timer.stop()
        if self.slot is not None:
            self._queue(_DISCARD)

    def _queue(self, request: tuple[ReviewState, str | None] | str) -> None:
        with self._lock:
            if self.slot is None:
                try:
                    self.slot = open_slot(self._folder())
                except OSError as exc:
                    self.failed.emit(f"Autosave is off: {exc.strerror or exc}")
                    return
            self._request = request
            if self._thread is None:
                self._thread = threading.Thread(target=self._write, name="autosave", daemon=True)
                self._thread.start()

    def _write(self) -> None:
        """The writer thread: write the latest request until none is left."""
        while True:
            with self._lock:
                request, self._request = self._request, None
                slot = self.slot
                if request is None or slot is None:
                    self._thread = None
                    return
            try:
                if request == _DISCARD:
                    slot.discard()
                    continue
                assert not isinstance(request, str)
                state, session = request
                slot.write(dumps(state, os.path.dirname(session) if session else None), session)
            except OSError as exc:
                self.failed.emit(f"Autosave failed: {exc.strerror or exc}")
            else:
                self.writes += 1
                self.written.emit()

    def wait(self, timeout: float = 10.0) -> None:
        """Let the write under way finish."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def close(self) -> None:
        """A clean exit: no autosave is left behind."""
        self.timer.stop()
        with self._lock:
            self._request = None
        self.wait()
        if self.slot is not None:
            self.slot.close()
            self.slot = None

    # -- recovery ------------------------------------------------------------------------------
    def orphans(self) -> list[Orphan]:
        """Work left by windows whose process died, newest first."""
        try:
            return find_orphans(self._folder())
        except OSError:
            return []

    def take_over(self, orphan: Orphan) -> bool:
        """Autosave from now on in the orphan's slot (after restoring its work); false when
        another window took it first."""
        slot = adopt(orphan)
        if slot is None:
            return False
        self.close()
        self.slot = slot
        return True

    def throw_away(self, orphan: Orphan) -> None:
        """The user does not want that work: remove it."""
        slot = adopt(orphan)
        if slot is not None:
            slot.close()
