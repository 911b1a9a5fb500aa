"""The autosave store: unsaved work kept in the user's data folder until it is saved or
discarded, and found again after a crash (core layer; no Qt).

Each running window owns a slot: ``<id>.avsession`` (the work, written atomically),
``<id>.json`` (who owns it: pid, start time, the session file it belongs to) and
``<id>.lock``, which the owner keeps locked (``flock``; ``msvcrt.locking`` on Windows).
The system drops a lock when its process dies, even by SIGKILL, so a slot whose lock can
be taken was left by a process that died, while a locked one belongs to a window that
is still running.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

from viewer.core.atomicfile import write_atomic
from viewer.core.sessionjson import SUFFIX

APP_NAME = "article-viewer"


def default_folder() -> Path:
    """``<user data dir>/article-viewer/autosave`` (e.g. ~/.local/share/… on Linux)."""
    return user_data_path(APP_NAME, appauthor=False) / "autosave"


def _lock(path: Path) -> int | None:
    """An open descriptor holding the lock on ``path`` (created if need be), or None when
    another open file (any process) holds it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    try:  # the file may have been removed by its owner between open and lock
        same = os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        same = False
    if not same:
        os.close(fd)
        return None
    return fd


@dataclass(frozen=True)
class Orphan:
    """Unsaved work left by a window whose process ended without closing cleanly."""

    slot: str
    path: Path  # the autosaved session (read it with ``viewer.core.sessionfile.read_session``)
    session: str | None  # the session file that work belonged to; None if never saved
    pid: int
    started: float  # when that process started (seconds since the epoch)
    saved: float  # when the work was last autosaved (seconds since the epoch)


class AutosaveSlot:
    """This window's autosave slot; ``close()`` it when the window closes cleanly."""

    def __init__(self, folder: Path, slot: str, fd: int) -> None:
        self.folder = folder
        self.slot = slot
        self._fd: int | None = fd
        self.path = folder / f"{slot}{SUFFIX}"
        self._about = folder / f"{slot}.json"
        self._lockfile = folder / f"{slot}.lock"
        self.started = time.time()

    def write(self, text: str, session: str | None = None) -> None:
        """Autosave ``text`` (the session JSON) atomically; ``session`` is the file the work
        belongs to, if it has one. ``OSError`` when the folder cannot be written."""
        about = {"pid": os.getpid(), "started": self.started, "session": session}
        write_atomic(self._about, json.dumps(about).encode("utf-8"))
        write_atomic(self.path, text.encode("utf-8"))

    def discard(self) -> None:
        """Forget the autosaved work (it was saved, or the user threw it away)."""
        for path in (self.path, self._about):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def close(self) -> None:
        """Discard the work, remove the slot and let go of its lock."""
        if self._fd is None:
            return
        self.discard()
        if sys.platform == "win32":  # an open file cannot be removed there
            os.close(self._fd)
        with contextlib.suppress(OSError):
            self._lockfile.unlink()
        if sys.platform != "win32":
            os.close(self._fd)
        self._fd = None


def open_slot(folder: Path | None = None) -> AutosaveSlot:
    """A new slot for this window, created in ``folder`` (default: ``default_folder()``)."""
    folder = folder or default_folder()
    folder.mkdir(parents=True, exist_ok=True)
    while True:
        slot = f"{os.getpid()}-{secrets.token_hex(4)}"
        fd = _lock(folder / f"{slot}.lock")
        if fd is not None:
            return AutosaveSlot(folder, slot, fd)


def _about(folder: Path, slot: str) -> dict[str, object]:
    try:
        data = json.loads((folder / f"{slot}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def find_orphans(folder: Path | None = None) -> list[Orphan]:
    """Autosaved work whose window's process has died, newest first. Slots of running
    windows are left alone; empty slots of dead processes are cleared away."""
    folder = folder or default_folder()
    if not folder.is_dir():
        return []
    found = []
    for lockfile in folder.glob("*.lock"):
        slot = lockfile.stem
        fd = _lock(lockfile)
        if fd is None:
            continue  # a running window's slot
        try:
            work = folder / f"{slot}{SUFFIX}"
            if not work.exists():
                for path in (folder / f"{slot}.json", lockfile):
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()
                continue
            about = _about(folder, slot)
            session, pid, started = about.get("session"), about.get("pid"), about.get("started")
            found.append(
                Orphan(
                    slot=slot,
                    path=work,
                    session=session if isinstance(session, str) else None,
                    pid=pid if isinstance(pid, int) else 0,
                    started=float(started) if isinstance(started, (int, float)) else 0.0,
                    saved=work.stat().st_mtime,
                )
            )
        finally:
            os.close(fd)
    return sorted(found, key=lambda orphan: -orphan.saved)


def adopt(orphan: Orphan) -> AutosaveSlot | None:
    """Take over an orphan's slot (to restore its work and keep autosaving there, or to
    ``close()`` it and so discard the work); None when another window took it first."""
    folder = orphan.path.parent
    fd = _lock(folder / f"{orphan.slot}.lock")
    if fd is None:
        return None
    if not orphan.path.exists():
        os.close(fd)
        return None
    return AutosaveSlot(folder, orphan.slot, fd)
