"""Comparisons in a child process, one at a time, with job tokens (Qt layer).

As git-cola does it: every run gets a token; a result whose token is not the latest is
dropped. The engine runs in ``viewer.qt.comparejob`` in a separate Python process, so it
never holds this process's GIL (a thread did, for up to 0.5 s at a time, freezing the
window), and cancelling or closing kills it at once. A spare process is started ahead, so
a run does not wait for Python to start.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import pickle
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QProcessEnvironment, Signal

from viewer.core.documents import Document
from viewer.core.model import CompareOptions, Comparison
from viewer.core.tokens import count_words
from viewer.qt.comparejob import HEADER
from viewer.qt.highlights import remember

_ROOT = str(Path(__file__).resolve().parents[2])  # where ``viewer`` can be imported from


class _Signals(QObject):
    done = Signal(int, object)
    decoded = Signal(object)  # a message unpickled off the GUI thread


# A bigger frame is unpickled in a short-lived thread: unpickling a 1 MB comparison's
# thousands of frozen dataclasses takes 0.1 s, in Python code that yields the GIL.
DECODE_ASIDE = 64 * 1024


class Comparer(QObject):
    """Runs comparisons in the background; only the latest run's outcome is reported."""

    finished = Signal(object)  # Comparison
    failed = Signal(str)
    cancelled = Signal()
    progress = Signal(int, int)
    dropped = Signal(int)  # token of a superseded result that arrived late

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._token = 0
        self._jobs: dict[int, list[Document]] = {}
        self._process: QProcess | None = None
        self._buffer = bytearray()
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._signals.decoded.connect(self._on_decoded)
        self._decoders: list[threading.Thread] = []
        self.running = False
        self._closed = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._spawn()
        count_words("")  # compiles the tokenizer's patterns now, not in a paint after a result

    @property
    def token(self) -> int:
        return self._token

    # -- the child process -------------------------------------------------------------------
    def _spawn(self) -> None:
        process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        path = environment.value("PYTHONPATH", "")
        environment.insert("PYTHONPATH", _ROOT + (os.pathsep + path if path else ""))
        process.setProcessEnvironment(environment)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.readyReadStandardOutput.connect(lambda p=process: self._read(p))
        process.finished.connect(lambda *_, p=process: self._on_exit(p))
        process.errorOccurred.connect(lambda error, p=process: self._on_error(p, error))
        process.start(sys.executable, ["-c", "from viewer.qt.comparejob import main; main()"])
        self._process = process
        self._buffer = bytearray()

    def _kill(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.readyReadStandardOutput.disconnect()
        process.finished.disconnect()
        process.errorOccurred.disconnect()
        if process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(1000)
        process.deleteLater()

    def _read(self, process: QProcess) -> None:
        if process is not self._process:
            return
        self._buffer += process.readAllStandardOutput().data()
        while len(self._buffer) >= HEADER.size:
            (size,) = HEADER.unpack_from(self._buffer)
            if len(self._buffer) < HEADER.size + size:
                return
            frame = bytes(self._buffer[HEADER.size : HEADER.size + size])
            del self._buffer[: HEADER.size + size]
            if size < DECODE_ASIDE:
                self._on_message(pickle.loads(frame))
            else:
                decoder = threading.Thread(target=self._decode, args=(frame,), daemon=True)
                self._decoders = [d for d in self._decoders if d.is_alive()] + [decoder]
                decoder.start()

    def _decode(self, frame: bytes) -> None:
        self._signals.decoded.emit(pickle.loads(frame))

    def _on_decoded(self, message: tuple[object, ...]) -> None:
        if not self._closed:
            self._on_message(message)

    def _on_message(self, message: tuple[object, ...]) -> None:
        token, kind = message[0], message[1]
        assert isinstance(token, int)
        documents = self._jobs.pop(token, None) if kind != "progress" else None
        if kind == "progress":
            if token == self._token:
                self.progress.emit(message[2], message[3])
        elif kind == "done" and documents is not None:
            comparison = message[2]
            assert isinstance(comparison, Comparison)
            comparison = dataclasses.replace(comparison, documents=tuple(documents))
            remember(comparison, message[3])  # type: ignore[arg-type]
            self._signals.done.emit(token, comparison)
        elif kind == "failed" and token == self._token:
            self.running = False
            self.failed.emit(str(message[2]))

    def _on_error(self, process: QProcess, error: QProcess.ProcessError) -> None:
        if process is self._process and error == QProcess.ProcessError.FailedToStart:
            self._process = None
            if self.running:
                self.running = False
                self.failed.emit(f"the comparison process did not start: {process.errorString()}")

    def _on_exit(self, process: QProcess) -> None:
        """The child died on its own (it is never expected to), or Qt is tearing down."""
        if self._closed or process is not self._process:
            return
        with contextlib.suppress(RuntimeError):  # objects already deleted at exit
            self._process = None
            process.deleteLater()
            if self.running:
                self.running = False
                self.failed.emit("the comparison process stopped unexpectedly")
            self._spawn()

    # -- runs ------------------------------------------------------------------------------
    def start(self, documents: Sequence[Document], options: CompareOptions) -> int:
        """Stop any run under way and start a new one; return its token."""
        if self.running or self._process is None:
            self._kill()
            self._spawn()
        self._token += 1
        self._jobs = {self._token: list(documents)}
        self.running = True
        data = pickle.dumps((self._token, list(documents), options), pickle.HIGHEST_PROTOCOL)
        assert self._process is not None
        self._process.write(HEADER.pack(len(data)) + data)
        return self._token

    def cancel(self) -> None:
        """Stop the run under way now; ``cancelled`` is emitted before this returns."""
        if not self.running:
            return
        self.running = False
        self._jobs.clear()
        self._kill()
        if not self._closed:
            self._spawn()
        self.cancelled.emit()

    def shutdown(self, timeout_ms: int = 1000) -> bool:
        """Stop the child process (killing any run under way); true when it has ended."""
        self._closed = True
        for decoder in self._decoders:
            decoder.join(timeout_ms / 1000)
        self.running = False
        self._jobs.clear()
        process, self._process = self._process, None
        if process is None:
            return True
        process.readyReadStandardOutput.disconnect()
        process.finished.disconnect()
        process.errorOccurred.disconnect()
        process.closeWriteChannel()  # an idle child ends on end of input
        if not process.waitForFinished(min(timeout_ms, 200)):
            process.kill()
            process.waitForFinished(timeout_ms)
        ended = process.state() == QProcess.ProcessState.NotRunning
        process.deleteLater()
        return ended

    def idle(self) -> bool:
        """No run under way and no child process left (after ``shutdown``)."""
        return not self.running and self._process is None

    def _on_done(self, token: int, result: Comparison) -> None:
        if token != self._token:
            self.dropped.emit(token)
            return
        self.running = False
        self.finished.emit(result)
