"""Work spread over event-loop turns: one queued job per turn (Qt layer).

After a result, every pane's overview and every link map has a few milliseconds of work,
and a big article's layout goes on in slices of about 12 ms. Run in one turn with the paint
they cause, they add up to a stall; queued here, each runs in its own turn, after the
previous one's paint, in the order queued (a job that queues itself again goes to the back).
A job queued again before it ran runs once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer

_queue: dict[object, Callable[[], None]] = {}
_timer: QTimer | None = None


def later(key: object, job: Callable[[], None]) -> None:
    """Run ``job`` in a coming turn of the event loop (once, however often it is queued)."""
    global _timer
    _queue[key] = job
    if _timer is None:
        _timer = QTimer()
        _timer.setSingleShot(True)
        _timer.setInterval(0)
        _timer.timeout.connect(_run_one)
    if not _timer.isActive():
        _timer.start()


def _run_one() -> None:
    if not _queue:
        return
    key = next(iter(_queue))
    job = _queue.pop(key)
    try:
        job()
    except RuntimeError:  # its widget was deleted meanwhile
        pass
    finally:
        if _queue and _timer is not None:
            _timer.start()


def pending() -> int:
    """Jobs still queued (for tests)."""
    return len(_queue)
