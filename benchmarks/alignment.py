"""Alignment benchmark: how far shared text stands from level while scrolling.

Run by hand (prints figures, asserts nothing):

    .venv/bin/python benchmarks/alignment.py [--baseline 691b0ab]

For each case the leading pane is scrolled from its top to its end in 20 px steps (offscreen,
the window's own scroll handling). At every step where the line at the leader's sync point
lies in a chained passage, its counterpart word in each follower is found by a word
alignment and the distance between the two lines on screen is recorded (the measure of
``tests/qt/alignment.py``). The sync point is the product's own for each pair
(``SyncScroller.sync_line``: it moves down the screen only over text the follower shares);
a version without it is measured at Meld's. Prints p95 and max error in pixels, one line's
height, the number of follower moves against the leader, the number of chained passages
taller than three lines that never came to the sync point, and the time the first scroll
step took. With ``--baseline COMMIT`` the same is measured on that commit (a
temporary git worktree) in the same run. Cases: seeds 000|004 in both orders at two window
sizes, the five seeds, and BBC tech/009|379 (read in place from ../shared, never copied).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"


def seed(prefix: str) -> str:
    return str(next((ROOT / "seeds").glob(f"{prefix}-*.md")))


def cases() -> list[tuple[str, list[str], tuple[int, int], int]]:
    """(name, files, window size, leader index)."""
    found: list[tuple[str, list[str], tuple[int, int], int]] = []
    for size in ((1400, 450), (900, 380)):
        for order in (("000", "004"), ("004", "000")):
            for leader in (0, 1):
                name = f"{'|'.join(order)} {size[0]}x{size[1]} lead {order[leader]}"
                found.append((name, [seed(p) for p in order], size, leader))
    five = [seed(p) for p in ("000", "001", "002", "003", "004")]
    found.append(("5 seeds 1600x600 lead 000", five, (1600, 600), 0))
    found.append(("5 seeds 1600x600 lead 004", five, (1600, 600), 4))
    bbc = [str(CORPUS / "tech" / "009.txt"), str(CORPUS / "tech" / "379.txt")]
    if all(Path(p).exists() for p in bbc):
        for leader in (0, 1):
            found.append(
                (f"tech/009|379 1400x800 lead {('009', '379')[leader]}", bbc, (1400, 800), leader)
            )
    return found


CHILD = """
import importlib.util, json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_LOGGING_RULES"] = "qt.qpa.*=false"
source, harness, settings, spec = sys.argv[1:5]
sys.path.insert(0, source)
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from viewer.qt.app import make_app
from viewer.qt.mainwindow import MainWindow
from viewer.qt.settings import Settings
loader = importlib.util.spec_from_file_location("alignment", harness)
alignment = importlib.util.module_from_spec(loader)
sys.modules["alignment"] = alignment
loader.loader.exec_module(alignment)
app = make_app()
results = []
for name, files, size, leader in json.loads(spec):
    window = MainWindow(Settings(QSettings(settings, QSettings.Format.IniFormat)), theme="light")
    window.files.interactive = False
    window.resize(*size)
    window.show()
    window.files.open_paths(files)
    deadline = time.time() + 60
    while window.comparison is None and time.time() < deadline:
        app.processEvents()
        time.sleep(0.005)
    for _ in range(20):
        app.processEvents()
    panes = window.row.panes
    # The window may order related articles side by side: find the leader by its file.
    leader = next(i for i, p in enumerate(panes) if p.document.path == files[leader])
    panes[leader].view.setFocus()
    realign = getattr(window.sync, "realign", None)
    if realign is not None:
        realign(panes[leader])
    bar = panes[leader].view.verticalScrollBar()
    start = time.perf_counter()
    bar.setValue(bar.value() + 20)
    app.processEvents()
    first = (time.perf_counter() - start) * 1000
    own = getattr(window.sync, "sync_line", None)  # None: a version with Meld's sync point
    line_of = None if own is None else (lambda i, top, own=own, lead=leader: own(lead, i, top))
    trace = alignment.scroll_and_measure(
        panes, window.docs_of_panes, window.comparison, leader, sync_line=line_of
    )
    unmet = [u for u in trace.unmet if u[2] > 3 * trace.line]
    results.append({"name": name, "errors": trace.errors, "line": trace.line,
                    "backwards": len(trace.backwards), "first_ms": first, "unmet": len(unmet)})
    window.close()
    window.comparer.shutdown()
    window.deleteLater()
    app.processEvents()
print(json.dumps(results))
"""


def measure(source: Path, folder: Path) -> list[dict[str, object]]:
    spec = json.dumps(cases())
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            str(source),
            str(ROOT / "tests" / "qt" / "alignment.py"),
            str(folder / f"{source.name}.ini"),
            spec,
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(source)},
    )
    if proc.returncode:
        raise SystemExit(f"measuring {source} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def summary(result: dict[str, object]) -> str:
    errors = sorted(result["errors"])  # type: ignore[type-var]
    if not errors:
        return "no step met a passage"
    p95 = errors[min(len(errors) - 1, int(len(errors) * 0.95))]
    return (
        f"p95 {p95:5.1f} px  max {errors[-1]:5.1f} px  (line {result['line']:.0f} px, "
        f"{len(errors)} steps)  backwards {result['backwards']}  unmet {result.get('unmet', 0)}  "
        f"first step {result['first_ms']:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", help="also measure this commit (e.g. 691b0ab)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        runs = [("this version", ROOT)]
        if args.baseline:
            old = folder / "baseline"
            subprocess.run(
                [
                    "git",
                    "-C",
                    str(ROOT),
                    "worktree",
                    "add",
                    "-q",
                    "--detach",
                    str(old),
                    args.baseline,
                ],
                check=True,
            )
            runs.append((f"baseline {args.baseline}", old))
        try:
            measured = [(label, measure(source, folder)) for label, source in runs]
        finally:
            if args.baseline:
                subprocess.run(
                    [
                        "git",
                        "-C",
                        str(ROOT),
                        "worktree",
                        "remove",
                        "--force",
                        str(folder / "baseline"),
                    ],
                    check=False,
                )
    for label, results in measured:
        print(f"== {label}: error at the sync point while scrolling 20 px at a time")
        every: list[float] = []
        for result in results:
            print(f"  {result['name']:<34} {summary(result)}")
            every.extend(result["errors"])  # type: ignore[arg-type]
        every.sort()
        if every:
            print(
                f"  all cases: median {statistics.median(every):.1f} px, "
                f"p95 {every[int(len(every) * 0.95)]:.1f} px, max {every[-1]:.1f} px, "
                f"backwards moves {sum(int(r['backwards']) for r in results)}"
            )  # type: ignore[call-overload]


if __name__ == "__main__":
    main()
