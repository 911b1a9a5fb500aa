"""Scrolling in a real X window with real wheel events (prints figures, asserts nothing).

    .venv/bin/python benchmarks/wheel.py [--before 691b0ab] [--steps 250] [--rounds 2]

Six and eight ~50 KB articles (as ``benchmarks/gui.py`` (b)) are opened in a 1600 x 1000
window on an X server (Xvfb with openbox, started here when ``DISPLAY`` is not set), the
mouse is put over the first pane and ``xdotool`` turns the wheel one notch every 30 ms.
For each notch: the time from the wheel event reaching the application to the end of the
window's repaint that shows it (the followers scrolled, every pane, strip and link map
painted), wall clock and the GUI thread's CPU time. The gap between the two is mostly the
X server copying pixels on the same processor. Then the work the step left for idle turns
(drawing ahead for the next step), from the repaint to the event loop going idle: a notch
arriving meanwhile waits for the job under way. With ``--before REV`` the runs alternate
between this tree and REV (checked out in a temporary git worktree), to compare on a
shared, noisy machine. Needs xvfb, openbox and xdotool (apt-get install xvfb openbox
xdotool).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gui import CHILD_COMMON, ROOT, checkout, heavy_reuse_set, run_child

CHILD_WHEEL = (
    CHILD_COMMON.replace(
        'os.environ["QT_QPA_PLATFORM"] = "offscreen"', 'os.environ["QT_QPA_PLATFORM"] = "xcb"'
    )
    + """
import subprocess
from PySide6.QtCore import QEvent, QObject
steps = int(sys.argv[2])
window = open_window(sys.argv[3:], sys.argv[1])
window.move(0, 0)
for _ in range(50):
    app.processEvents()
    time.sleep(0.01)
viewport = window.row.panes[0].view.viewport()
centre = viewport.mapToGlobal(viewport.rect().center())
subprocess.run(["xdotool", "mousemove", str(centre.x()), str(centre.y())], check=True)
for _ in range(30):
    app.processEvents()
    time.sleep(0.01)
started = []
walls, cpus, idle = [], [], []
shown = []  # the end of the last step's repaint, until the event loop next goes idle

class Clock(QObject):
    def eventFilter(self, watched, event):
        kind = event.type()
        if kind == QEvent.Type.Wheel and not started:
            started.append((time.perf_counter(), time.thread_time()))
        elif kind == QEvent.Type.UpdateRequest and watched is window and started:
            watched.event(event)  # the repaint, timed to its end
            wall, cpu = started.pop()
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.thread_time() - cpu) * 1000)
            shown[:] = [time.perf_counter()]
            return True
        return False

def went_idle():  # the work the step left for idle turns is done
    if shown:
        idle.append((time.perf_counter() - shown.pop()) * 1000)

from PySide6.QtCore import QAbstractEventDispatcher
QAbstractEventDispatcher.instance().aboutToBlock.connect(went_idle)
clock = Clock()
app.installEventFilter(clock)
wheel = subprocess.Popen(["xdotool", "click", "--repeat", str(steps), "--delay", "30", "5"])

def check():  # the event loop runs as in use (it blocks between events) until xdotool ends
    if wheel.poll() is None:
        QTimer.singleShot(50, check)
    else:
        QTimer.singleShot(300, app.quit)

check()
app.exec()
app.removeEventFilter(clock)
print(json.dumps({"walls": walls, "cpus": cpus, "idle": idle,
                  "moved": window.row.panes[0].view.verticalScrollBar().value()}), flush=True)
window.close()
"""
)


@contextlib.contextmanager
def x_server() -> Iterator[None]:
    """An X server with a window manager: the one in ``DISPLAY``, else Xvfb + openbox."""
    if os.environ.get("DISPLAY"):
        yield
        return
    missing = [tool for tool in ("Xvfb", "openbox", "xdotool") if shutil.which(tool) is None]
    if missing:
        raise SystemExit(f"needs {', '.join(missing)}: apt-get install xvfb openbox xdotool")
    display = f":{os.getpid() % 400 + 100}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1600x1000x24"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.0)
    os.environ["DISPLAY"] = display
    manager = subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    try:
        yield
    finally:
        manager.terminate()
        server.terminate()
        del os.environ["DISPLAY"]


def figures(values: list[float]) -> str:
    ordered = sorted(values)
    return (
        f"median {statistics.median(ordered):.2f} ms, p95 {ordered[int(len(ordered) * 0.95)]:.2f} "
        f"ms, max {ordered[-1]:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", help="also measure this git revision (e.g. 691b0ab)")
    parser.add_argument("--steps", type=int, default=250, help="wheel notches per run")
    parser.add_argument("--rounds", type=int, default=2, help="runs per tree and pane count")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, checkout(args.before) as before, x_server():
        folder = Path(tmp)
        sets = {6: heavy_reuse_set(6, 50_000, folder), 8: heavy_reuse_set(8, 50_000, folder, 11)}
        sources = [("now", ROOT)] + ([(f"before ({args.before})", before)] if before else [])
        print("wheel notch to the window repainted, real X window (target: p95 <= 8 ms)")
        for count, paths in sets.items():
            for round_ in range(1, args.rounds + 1):
                for label, source in sources:
                    settings = str(folder / f"wheel-{count}-{round_}-{label[:3]}.ini")
                    found = run_child(CHILD_WHEEL, source, [settings, str(args.steps), *paths])
                    walls, cpus = found["walls"], found["cpus"]
                    assert isinstance(walls, list) and isinstance(cpus, list)
                    idle = found.get("idle") or [0.0]
                    assert isinstance(idle, list)
                    print(
                        f"  {count} panes, run {round_}, {label}: {len(walls)} notches; "
                        f"wall {figures(walls)}; GUI-thread CPU {figures(cpus)}; then idle-turn "
                        f"work {figures(idle)}"
                    )


if __name__ == "__main__":
    main()
