"""Comparisons off the GUI thread, one at a time, with job tokens (Qt layer).

As git-cola does it: every run gets a token; a result whose token is not the latest is
dropped. Cancelling sets the run's flag, which the core polls between passages.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from viewer.core.compare import compare
from viewer.core.documents import Document
from viewer.core.errors import ComparisonCancelled
from viewer.core.model import CompareOptions, Comparison
from viewer.qt.highlights import prepare


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)
    progress = Signal(int, int, int)


class _Task(QRunnable):
    def __init__(
        self,
        token: int,
        documents: Sequence[Document],
        options: CompareOptions,
        flag: threading.Event,
        signals: _Signals,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.token = token
        self.documents = list(documents)
        self.options = options
        self.flag = flag
        self.signals = signals

    def run(self) -> None:
        token = self.token
        try:
            result = compare(
                self.documents,
                self.options,
                should_cancel=self.flag.is_set,
                progress=lambda done, total: self.signals.progress.emit(token, done, total),
            )
            prepare(result, self.flag.is_set)  # the highlights, so the GUI thread only looks
        except ComparisonCancelled:
            self.signals.cancelled.emit(token)
        except Exception as exc:  # the window reports it; the thread must not die silently
            self.signals.failed.emit(token, f"{type(exc).__name__}: {exc}")
        else:
            self.signals.done.emit(token, result)


class Comparer(QObject):
    """Runs comparisons in the background; only the latest run's outcome is reported."""

    finished = Signal(object)  # Comparison
    failed = Signal(str)
    cancelled = Signal()
    progress = Signal(int, int)
    dropped = Signal(int)  # token of a superseded result that arrived late

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._token = 0
        self._flag: threading.Event | None = None
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._signals.cancelled.connect(self._on_cancelled)
        self._signals.progress.connect(self._on_progress)
        self.running = False

    @property
    def token(self) -> int:
        return self._token

    def start(self, documents: Sequence[Document], options: CompareOptions) -> int:
        """Cancel any run under way and start a new one; return its token."""
        if self._flag is not None:
            self._flag.set()
        self._token += 1
        self._flag = threading.Event()
        self.running = True
        self._pool.start(_Task(self._token, documents, options, self._flag, self._signals))
        return self._token

    def cancel(self) -> None:
        if self._flag is not None:
            self._flag.set()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel and wait for the worker thread; true when it has stopped."""
        self.cancel()
        return bool(self._pool.waitForDone(timeout_ms))

    def _on_done(self, token: int, result: Comparison) -> None:
        if token != self._token:
            self.dropped.emit(token)
            return
        self.running = False
        self.finished.emit(result)

    def _on_failed(self, token: int, message: str) -> None:
        if token == self._token:
            self.running = False
            self.failed.emit(message)

    def _on_cancelled(self, token: int) -> None:
        if token == self._token:
            self.running = False
            self.cancelled.emit()

    def _on_progress(self, token: int, done: int, total: int) -> None:
        if token == self._token:
            self.progress.emit(done, total)
