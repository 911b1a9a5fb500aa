"""Window benchmarks: launch; big articles; scroll handling; memory.

Run by hand (prints figures, asserts nothing):

    .venv/bin/python benchmarks/gui.py [--repeat 5] [--before 691b0ab] [--skip-big]

(a) launch: wall time from starting ``viewer`` (a fresh process) on the five seeds to the
    window painted with every pane highlighted (target <= 1.5 s);
(b) scroll: time to handle one scroll event in the leading pane, including the other
    panes following and repainting, with six and with eight ~50 KB articles open
    (target: p95 <= 8 ms); wall clock, and the GUI thread's CPU time (steadier on a
    shared machine). Scrolled from the top right after the highlights with the steps back
    to back (no idle time: work queued for idle turns falls inside the steps), then again
    from the top with a step every 30 ms (the event loop idles in between, as for a
    person's wheel), timed to the end of the window's repaint that shows the step, with
    the work the step leaves for idle turns timed apart;
(c) memory: peak RSS of the process with eight ~50 KB articles open and compared;
(d) big articles: three ~1 MB articles (all BBC business articles in one file, a copy with
    the paragraphs reversed and " the " -> " teh ", all entertainment articles): the
    longest event-loop stall (gap between 10 ms heartbeat ticks, wall clock and the GUI
    thread's own CPU time) from opening them in a window already up (File → Open) to a
    second after the highlights, and again
    after an option change; the time from the result's arrival to the highlights painted
    (targets: stall <= 100 ms, highlights <= 1 s after the result);
(e) alignment: the error at the leader's sync point while scrolling 20 px at a time, p95 and
    max over the cases of ``benchmarks/alignment.py`` (seeds 000|004 both orders, two sizes,
    five seeds, tech/009|379), and follower moves against the leader.
With ``--before REV``, (b), (d) and (e) also run on REV (checked out in a temporary git
worktree) in the same run, for a before/after comparison.
Articles are built from the BBC corpus beside the repository (read in place, never
copied into it). Runs offscreen.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
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


CHILD_COMMON = """
import json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_LOGGING_RULES"] = "qt.qpa.*=false"
from PySide6.QtCore import QSettings, QTimer
from viewer.qt.app import make_app
from viewer.qt.articleview import ArticleView
from viewer.qt.mainwindow import MainWindow
from viewer.qt.settings import Settings
app = make_app()

def make_window(name):
    window = MainWindow(Settings(QSettings(name, QSettings.Format.IniFormat)))
    window.files.interactive = False
    window.resize(1600, 1000)
    window.show()
    return window

def open_window(paths, name, window=None):
    window = window or make_window(name)
    window.files.open_paths(paths)
    deadline = time.time() + 600
    while window.comparison is None and time.time() < deadline:
        app.processEvents()
        time.sleep(0.002)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.005)
    return window
"""

CHILD_SCROLL = (
    CHILD_COMMON
    + """
window = open_window(sys.argv[2:], sys.argv[1])
leader = window.row.panes[0].view
bar = leader.verticalScrollBar()
step = bar.singleStep() * 3  # one mouse-wheel notch scrolls three lines
times, cpu = [], []
for value in range(0, min(bar.maximum(), 400 * step), step):
    start, thread = time.perf_counter(), time.thread_time()
    bar.setValue(value)
    app.processEvents()  # the followers scroll and every pane repaints
    times.append((time.perf_counter() - start) * 1000)
    cpu.append((time.thread_time() - thread) * 1000)
# Again from the top, one notch every 30 ms (as try-window's xdotool sends them): the
# event loop idles in between, as it does for a person's wheel. Timed to the end of the
# window's repaint that shows the step (what the user waits for); the work the step
# queues for idle turns runs after it, and is timed apart: a notch that came meanwhile
# would wait for the job under way.
from PySide6.QtCore import QEvent, QObject


class Repainted(QObject):
    def __init__(self):
        super().__init__()
        self.at = None

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.UpdateRequest and watched is window and self.at is None:
            watched.event(event)
            self.at = (time.perf_counter(), time.thread_time())
            return True
        return False


repainted = Repainted()
app.installEventFilter(repainted)
bar.setValue(0)
paced, paced_cpu, idle = [], [], []
for value in range(0, min(bar.maximum(), 400 * step), step):
    end = time.perf_counter() + 0.030
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    repainted.at = None
    start, thread = time.perf_counter(), time.thread_time()
    bar.setValue(value)
    app.processEvents()
    done = time.perf_counter()
    shown, shown_cpu = repainted.at or (done, time.thread_time())
    paced.append((shown - start) * 1000)
    paced_cpu.append((shown_cpu - thread) * 1000)
    idle.append((done - shown) * 1000)
app.removeEventFilter(repainted)
print(json.dumps({"times": times, "cpu": cpu, "paced": paced, "paced_cpu": paced_cpu,
                  "idle": idle,
                  "kb": sum(len(d.text) for d in window.documents) // 1024,
                  "passages": len(window.comparison.passages)}), flush=True)
window.close()
"""
)

CHILD_BIG = (
    CHILD_COMMON
    + """
marks = {"ticks": [], "result": [], "painted": []}
last = [time.perf_counter(), time.thread_time()]
def tick():
    now, cpu = time.perf_counter(), time.thread_time()
    marks["ticks"].append((now, now - last[0], cpu - last[1]))
    last[0], last[1] = now, cpu
heartbeat = QTimer()
heartbeat.setInterval(10)
heartbeat.timeout.connect(tick)
original_result = MainWindow._on_result
def on_result(self, comparison):
    marks["result"].append(time.perf_counter())
    original_result(self, comparison)
MainWindow._on_result = on_result
original_paint = ArticleView.paintEvent
def paint(self, event):
    original_paint(self, event)
    if len(marks["painted"]) < len(marks["result"]):
        marks["painted"].append(time.perf_counter())
ArticleView.paintEvent = paint
def wait(seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)
def longest(after):
    # Every gap that ends after ``after``: the one under way when the action began counts.
    gaps = [(gap, cpu) for end, gap, cpu in marks["ticks"] if end > after]
    return max(g for g, _ in gaps), max(c for _, c in gaps)
window = make_window(sys.argv[1])  # the window is up (its start-up is not an open's stall)
for _ in range(20):
    app.processEvents()
    time.sleep(0.005)
heartbeat.start()
start = time.perf_counter()
last[0], last[1] = start, time.thread_time()
window = open_window(sys.argv[2:], sys.argv[1], window)
while len(marks["painted"]) < 1:
    wait(0.05)
wait(1.0)
first = longest(start)
options = window.options_bar
changed = time.perf_counter()
options.min_words.setValue(options.min_words.value() + 1)
while len(marks["painted"]) < 2:
    wait(0.05)
wait(1.0)
second = longest(changed)
print(json.dumps({
    "open": {"wall": first[0], "cpu": first[1],
             "highlights": marks["painted"][0] - marks["result"][0],
             "result": marks["result"][0] - start},
    "option": {"wall": second[0], "cpu": second[1],
               "highlights": marks["painted"][1] - marks["result"][1],
               "result": marks["result"][1] - changed},
}), flush=True)
window.close()
"""
)


def run_child(code: str, source: Path, args: list[str]) -> dict[str, object]:
    """Run a measuring child on the code in ``source``; its JSON line."""
    environment = dict(os.environ, PYTHONPATH=str(source))
    done = subprocess.run(
        [PYTHON, "-c", code, *args],
        env=environment,
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            result: dict[str, object] = json.loads(line)
            return result
    raise SystemExit(f"the child failed:\n{done.stderr[-2000:]}")


def big_articles(folder: Path) -> list[str]:
    def read(path: Path) -> str:
        data = path.read_bytes()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("latin-1")

    business = "\n\n".join(read(p).strip() for p in sorted((CORPUS / "business").glob("*.txt")))
    reversed_copy = "\n\n".join(reversed(business.split("\n\n"))).replace(" the ", " teh ")
    entertainment = "\n\n".join(
        read(p).strip() for p in sorted((CORPUS / "entertainment").glob("*.txt"))
    )
    paths = []
    for name, text in (
        ("business", business),
        ("business-reversed", reversed_copy),
        ("entertainment", entertainment),
    ):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def scroll_figures(label: str, source: Path, paths: list[str], folder: Path) -> None:
    found = run_child(CHILD_SCROLL, source, [str(folder / f"scroll-{label}.ini"), *paths])
    print(f"    {label}: {len(paths)} x ~50 KB ({found['kb']} KB, {found['passages']} passages)")
    for name, wall, thread in (
        ("back to back", "times", "cpu"),
        ("one every 30 ms", "paced", "paced_cpu"),
    ):
        times = sorted(found[wall])  # type: ignore[type-var]
        cpu = sorted(found[thread])  # type: ignore[type-var]
        print(
            f"      {len(times)} wheel steps {name}: median {statistics.median(times):.2f} ms, "
            f"p95 {times[int(len(times) * 0.95)]:.2f} ms, max {times[-1]:.2f} ms; "
            f"GUI thread CPU: median {statistics.median(cpu):.2f} ms, "
            f"p95 {cpu[int(len(cpu) * 0.95)]:.2f} ms"
        )
    idle = sorted(found["idle"])  # type: ignore[type-var]
    print(
        f"      after each of those, work done in idle turns (what a notch arriving then would "
        f"wait for, at most): median {statistics.median(idle):.2f} ms, "
        f"p95 {idle[int(len(idle) * 0.95)]:.2f} ms, max {idle[-1]:.2f} ms"
    )


def big_figures(label: str, source: Path, paths: list[str], folder: Path) -> None:
    found = run_child(CHILD_BIG, source, [str(folder / f"big-{label}.ini"), *paths])
    for phase, title in (("open", "open, compare, highlight"), ("option", "option change")):
        f = found[phase]
        assert isinstance(f, dict)
        print(
            f"    {label}, {title}: longest stall {f['wall'] * 1000:.0f} ms wall clock, "
            f"{f['cpu'] * 1000:.0f} ms GUI-thread CPU; result {f['result']:.1f} s after the "
            f"start, highlights painted {f['highlights'] * 1000:.0f} ms after the result"
        )


def memory(paths8: list[str], folder: Path) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["QT_LOGGING_RULES"] = "qt.qpa.*=false"
    from PySide6.QtCore import QSettings

    from viewer.qt.app import make_app
    from viewer.qt.mainwindow import MainWindow
    from viewer.qt.settings import Settings

    app = make_app()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window = MainWindow(Settings(QSettings(str(folder / "memory.ini"), QSettings.Format.IniFormat)))
    window.files.interactive = False
    window.resize(1600, 1000)
    window.show()
    window.files.open_paths(paths8)
    deadline = time.time() + 120
    while window.comparison is None and time.time() < deadline:
        app.processEvents()
        time.sleep(0.005)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"(c) memory, 8 x ~50 KB open and compared: peak RSS {after:.0f} MB "
        f"(process peak before opening them {before:.0f} MB; the comparison runs in a "
        f"child process, not counted)"
    )
    window.close()
    window.comparer.shutdown()


@contextlib.contextmanager
def checkout(revision: str | None) -> Iterator[Path | None]:
    """A temporary git worktree of ``revision`` (removed afterwards), or None."""
    if revision is None:
        yield None
        return
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp) / "before"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "-q", str(where), revision],
            cwd=ROOT,
            check=True,
        )
        try:
            yield where
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(where)], cwd=ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before", help="also measure this git revision (e.g. 691b0ab)")
    parser.add_argument("--skip-big", action="store_true", help="leave out (d)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, checkout(args.before) as before:
        folder = Path(tmp)
        times = launch(args.repeat, folder)
        print(
            "(a) launch to painted, highlighted window, 5 seeds: "
            f"median {statistics.median(times):.2f} s, min {min(times):.2f} s "
            f"over {len(times)} runs (target <= 1.5 s)"
        )
        paths6 = heavy_reuse_set(6, 50_000, folder)
        paths8 = heavy_reuse_set(8, 50_000, folder, seed=11)
        sources = [("now", ROOT)] + ([(f"before ({args.before})", before)] if before else [])
        print("(b) scroll, time per wheel step (target: p95 <= 8 ms)")
        for label, source in sources:
            scroll_figures(label, source, paths6, folder)
            scroll_figures(label, source, paths8, folder)
        memory(paths8, folder)
        if not args.skip_big:
            print("(d) three ~1 MB articles (targets: stall <= 100 ms, highlights <= 1 s)")
            big = big_articles(folder)
            for label, source in sources:
                big_figures(label, source, big, folder)
        print("(e) alignment: error at the sync point while scrolling 20 px at a time")
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import alignment

        for label, source in sources:
            results = alignment.measure(source, folder)
            errors = sorted(e for r in results for e in r["errors"])  # type: ignore[attr-defined]
            backwards = sum(int(r["backwards"]) for r in results)  # type: ignore[call-overload]
            if errors:
                print(
                    f"  {label}: {len(results)} cases, {len(errors)} steps: "
                    f"p95 {errors[int(len(errors) * 0.95)]:.1f} px, max {errors[-1]:.1f} px, "
                    f"follower moves against the leader: {backwards} "
                    "(per case: benchmarks/alignment.py)"
                )


if __name__ == "__main__":
    main()
