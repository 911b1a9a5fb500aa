"""Window benchmarks: launch to a painted, highlighted window; scroll handling; memory.

Run by hand (prints figures, asserts nothing):

    .venv/bin/python benchmarks/gui.py [--repeat 5]

(a) launch: wall time from starting ``viewer`` (a fresh process) on the five seeds to the
    window painted with every pane highlighted (target <= 1.5 s);
(b) scroll: time to handle one scroll event in the leading pane, including the other
    panes following and repainting, with six ~50 KB articles open (target <= 8 ms);
(c) memory: peak RSS of the process with eight ~50 KB articles open and compared.
Articles for (b) and (c) are built from the BBC corpus beside the repository (read in
place, never copied), sharing many articles in different orders. Runs offscreen.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
PYTHON = sys.executable


def bbc_texts(limit: int = 120) -> list[str]:
    texts = []
    for path in sorted(CORPUS.glob("*/*.txt"))[::7][:limit]:
        data = path.read_bytes()
        try:
            texts.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(data.decode("latin-1"))
    return texts


def heavy_reuse_set(count: int, size: int, folder: Path, seed: int = 7) -> list[str]:
    """``count`` text files of about ``size`` bytes sharing many articles, reordered."""
    rng = random.Random(seed)
    pool = bbc_texts()
    paths = []
    for index in range(count):
        chosen = rng.sample(pool, len(pool))
        parts, total = [], 0
        for text in chosen:
            if total >= size:
                break
            parts.append(text.strip())
            total += len(text)
        path = folder / f"heavy-{index}.txt"
        path.write_text("\n\n".join(parts), encoding="utf-8")
        paths.append(str(path))
    return paths


CHILD_LAUNCH = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_LOGGING_RULES"] = "qt.qpa.*=false"
from PySide6.QtCore import QSettings
from viewer.qt.app import make_app
from viewer.qt.mainwindow import MainWindow
from viewer.qt.settings import Settings
app = make_app()
store = QSettings(sys.argv[1], QSettings.Format.IniFormat)
window = MainWindow(Settings(store), theme="light")
window.files.interactive = False
window.resize(1600, 1000)
window.show()
def painted(_comparison):
    app.processEvents()
    window.grab()  # forces a full paint of every pane with its highlights
    print("painted", flush=True)
    app.quit()
window.comparer.finished.connect(painted)
window.files.open_paths(sys.argv[2:])
app.exec()
window.close()
window.comparer.shutdown()
"""


def launch(repeat: int, folder: Path) -> list[float]:
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.md"))
    times = []
    for run in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(
            [PYTHON, "-c", CHILD_LAUNCH, str(folder / f"launch{run}.ini"), *seeds],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - start
        proc.wait()
        if line.strip() != "painted":
            raise SystemExit("the launch child did not report a painted window")
        times.append(elapsed)
    return times


def scroll_and_memory(paths6: list[str], paths8: list[str], folder: Path) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["QT_LOGGING_RULES"] = "qt.qpa.*=false"
    from PySide6.QtCore import QSettings

    from viewer.qt.app import make_app
    from viewer.qt.mainwindow import MainWindow
    from viewer.qt.settings import Settings

    app = make_app()

    def open_window(paths: list[str], name: str) -> MainWindow:
        window = MainWindow(Settings(QSettings(str(folder / name), QSettings.Format.IniFormat)))
        window.files.interactive = False
        window.resize(1600, 1000)
        window.show()
        window.files.open_paths(paths)
        deadline = time.time() + 120
        while window.comparison is None and time.time() < deadline:
            app.processEvents()
            time.sleep(0.005)
        if window.comparison is None:
            raise SystemExit("the comparison did not finish in 120 s")
        for _ in range(5):
            app.processEvents()
        return window

    window = open_window(paths6, "scroll.ini")
    comparison = window.comparison
    assert comparison is not None
    leader = window.row.panes[0].view
    bar = leader.verticalScrollBar()
    per_event = []
    step = bar.singleStep() * 3  # one mouse-wheel notch scrolls three lines
    for value in range(0, min(bar.maximum(), 400 * step), step):
        start = time.perf_counter()
        bar.setValue(value)
        app.processEvents()  # the followers scroll and every pane repaints
        per_event.append((time.perf_counter() - start) * 1000)
    per_event.sort()
    print(
        f"(b) scroll, 6 x ~50 KB ({sum(len(d.text) for d in comparison.documents) // 1024} KB, "
        f"{len(comparison.passages)} passages): {len(per_event)} wheel steps of {step} px, "
        f"median {statistics.median(per_event):.2f} ms, "
        f"p95 {per_event[int(len(per_event) * 0.95)]:.2f} ms, max {per_event[-1]:.2f} ms "
        f"(target <= 8 ms)"
    )
    window.close()
    window.comparer.shutdown()
    window.deleteLater()
    app.processEvents()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window = open_window(paths8, "memory.ini")
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"(c) memory, 8 x ~50 KB open and compared: peak RSS {after:.0f} MB "
        f"(process peak before opening them {before:.0f} MB)"
    )
    window.close()
    window.comparer.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        times = launch(args.repeat, folder)
        print(
            "(a) launch to painted, highlighted window, 5 seeds: "
            f"median {statistics.median(times):.2f} s, min {min(times):.2f} s "
            f"over {len(times)} runs (target <= 1.5 s)"
        )
        paths6 = heavy_reuse_set(6, 50_000, folder)
        paths8 = heavy_reuse_set(8, 50_000, folder, seed=11)
        scroll_and_memory(paths6, paths8, folder)


if __name__ == "__main__":
    main()
