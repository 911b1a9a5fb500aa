"""What the window remembers between sessions, through QSettings (Qt layer).

A stored value of the wrong type (a hand-edited or corrupted file) reads as the default.
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

    def value(self, key: str, defaultValue: Any = None) -> Any: ...

    def setValue(self, key: str, value: Any) -> None: ...


class MemoryStore:
    """A store that keeps values in memory only: for runs that must write no file."""

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}

    def value(self, key: str, defaultValue: Any = None) -> Any:
        return self._values.get(key, defaultValue)

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
                min_words=int(str(self.store.value("options/min_words", defaults.min_words))),
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

    def _bool(self, key: str, default: bool) -> bool:
        value = self.store.value(key, default)
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "1", "yes", "false", "0", "no"):
            return value.lower() in ("true", "1", "yes")
        return default

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
        try:
            return max(-6, min(12, int(str(self.store.value("view/zoom", 0)))))
        except (TypeError, ValueError):
            return 0

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
        recent = self.recent()
        for path in paths:
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
