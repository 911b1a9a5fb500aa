"""What the window remembers between sessions, through QSettings (Qt layer).

QSettings converts stored values (``value(key, default, type=…)``); a stored value that is
not of the right kind at all (a hand-edited or corrupted file: a rectangle where a
boolean belongs) reads as the default, where Qt would read it as false or 0.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QByteArray, QSettings

from viewer.core.autosave import default_folder
from viewer.core.model import CompareOptions

MAX_RECENT = 10


class Store(Protocol):
    """The part of QSettings that ``Settings`` uses."""

    def value(self, key: str, defaultValue: Any = None, type: Any = None) -> Any: ...

    def setValue(self, key: str, value: Any) -> None: ...


class MemoryStore:
    """A store that keeps values in memory only: for runs that must write no file."""

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}

    def value(self, key: str, defaultValue: Any = None, type: Any = None) -> Any:
        value = self._values.get(key, defaultValue)
        return value if type is None or value is None else type(value)

    def setValue(self, key: str, value: Any) -> None:
        self._values[key] = value


class Settings:
    """Typed access to the stored window state, options, theme and recent files."""

    def __init__(self, store: Store | None = None) -> None:
        self.store: Store = store if store is not None else QSettings("article-viewer", "viewer")

    def options(self) -> CompareOptions:
        defaults = CompareOptions()
        try:
            return CompareOptions(
                min_words=self._int("options/min_words", defaults.min_words),
                ignore_case=self._bool("options/ignore_case", defaults.ignore_case),
                ignore_punctuation=self._bool(
                    "options/ignore_punctuation", defaults.ignore_punctuation
                ),
            )
        except (TypeError, ValueError):
            return defaults

    def set_options(self, options: CompareOptions) -> None:
        self.store.setValue("options/min_words", options.min_words)
        self.store.setValue("options/ignore_case", options.ignore_case)
        self.store.setValue("options/ignore_punctuation", options.ignore_punctuation)

    def _stored(self, key: str, kinds: tuple[type, ...]) -> bool:
        """Whether ``key`` holds a value QSettings can convert (else it reads as 0/false)."""
        return isinstance(self.store.value(key), kinds)

    def _bool(self, key: str, default: bool) -> bool:
        if not self._stored(key, (bool, int, str)):
            return default
        return bool(self.store.value(key, default, type=bool))

    def _int(self, key: str, default: int) -> int:
        if not self._stored(key, (int, str)):
            return default
        value = self.store.value(key)
        if isinstance(value, str) and not value.strip().lstrip("+-").isdigit():
            return default
        return int(self.store.value(key, default, type=int))

    def theme(self) -> str:
        value = self.store.value("view/theme", "system")
        return value if value in ("system", "light", "dark") else "system"

    def set_theme(self, theme: str) -> None:
        self.store.setValue("view/theme", theme)

    def sync_scrolling(self) -> bool:
        return self._bool("view/sync", True)

    def set_sync_scrolling(self, on: bool) -> None:
        self.store.setValue("view/sync", on)

    def order_by_relation(self) -> bool:
        """Open articles with the most related side by side (else in file order)."""
        return self._bool("view/order_by_relation", True)

    def set_order_by_relation(self, on: bool) -> None:
        self.store.setValue("view/order_by_relation", on)

    def zoom(self) -> int:
        return max(-6, min(12, self._int("view/zoom", 0)))

    def set_zoom(self, steps: int) -> None:
        self.store.setValue("view/zoom", steps)

    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def state(self) -> QByteArray | None:
        value = self.store.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def set_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    def recent(self) -> list[str]:
        value = self.store.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        return [v for v in value if isinstance(v, str) and v]

    def add_recent(self, paths: list[str]) -> None:
        """Remember opened files by their full path and fetched pages by their address;
        standard input and pasted articles cannot be opened again, so they are not kept."""
        recent = self.recent()
        for path in paths:
            if "://" in path:
                full = path
            elif path == "-" or not Path(path).is_file():
                continue
            else:
                full = str(Path(path).resolve())
            if full in recent:
                recent.remove(full)
            recent.insert(0, full)
        self.store.setValue("files/recent", recent[:MAX_RECENT])

    def clear_recent(self) -> None:
        self.store.setValue("files/recent", [])

    def recent_sessions(self) -> list[str]:
        value = self.store.value("sessions/recent", [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        return [v for v in value if isinstance(v, str) and v]

    def add_recent_session(self, path: str) -> None:
        full = str(Path(path).resolve())
        recent = [p for p in self.recent_sessions() if p != full]
        self.store.setValue("sessions/recent", [full, *recent][:MAX_RECENT])

    def clear_recent_sessions(self) -> None:
        self.store.setValue("sessions/recent", [])

    def autosave_folder(self) -> Path:
        """Where unsaved work is autosaved: ``autosave/folder`` if set (tests, try-window),
        else the user's data folder."""
        value = self.store.value("autosave/folder")
        return Path(value) if isinstance(value, str) and value else default_folder()

    def set_autosave_folder(self, folder: str | Path) -> None:
        self.store.setValue("autosave/folder", str(folder))

    def reviewer(self) -> str:
        """The name put on verdicts and notes; empty: the login name."""
        value = self.store.value("review/author", "")
        return " ".join(value.split()) if isinstance(value, str) else ""

    def set_reviewer(self, name: str) -> None:
        self.store.setValue("review/author", " ".join(name.split()))
