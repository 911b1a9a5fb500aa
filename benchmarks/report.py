"""Report benchmark: ``viewer report`` as whole processes (start-up, comparison, writing).

Run by hand from the repository root (prints figures, asserts nothing)::

    .venv/bin/python benchmarks/report.py [--repeat 5]

Inputs: (1) the five seeds; (2) eight articles of about 50 KB each, built from BBC
articles read in place from ``../shared/corpus/bbc`` (never copied into the repository;
written to a temporary folder): each takes its own BBC articles plus a few from a pool
shared with its neighbours, so there are shared passages, some in another order.

Figures: median wall-clock time of ``viewer report … -o OUT.html`` (targets from issue 9:
seeds <= 1 s, 8 x 50 KB <= 3 s), the same for CSV, JSON and PDF (for reference), and the
HTML's size against the total size of the article text (UTF-8).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
TARGET_BYTES = 50_000


def big_articles(folder: Path, count: int = 8) -> list[Path]:
    """``count`` articles of about 50 KB: own BBC tech/business stories and a shared pool."""
    own = sorted((CORPUS / "business").glob("*.txt"))
    pool = sorted((CORPUS / "tech").glob("*.txt"))[:24]
    paths = []
    taken = 0
    for index in range(count):
        parts = [
            pool[(index * 3 + k) % len(pool)].read_text(encoding="latin-1")
            for k in (0, 1, 2, 3, 4, 5)
        ]
        parts = parts[::2] + parts[1::2] if index % 2 else parts  # another order
        size = sum(len(p.encode()) for p in parts)
        while size < TARGET_BYTES:
            text = own[taken].read_text(encoding="latin-1")
            taken += 1
            parts.insert(len(parts) // 2, text)
            size += len(text.encode())
        path = folder / f"{index:03}-big.txt"
        path.write_text("\n\n".join(parts), encoding="utf-8")
        paths.append(path)
    return paths


def run(files: list[Path], out: Path, repeat: int) -> float:
    """Median seconds of ``viewer report FILES -o OUT`` as a new process."""
    times = []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "viewer", "report", *map(str, files), "-o", str(out)],
            check=True, capture_output=True, env=env,
        )  # fmt: skip
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    seeds = sorted((ROOT / "seeds").glob("*.md"))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        big = big_articles(folder)
        cases = [("5 seeds", seeds, 1.0), ("8 x 50 KB", big, 3.0)]
        print(f"viewer report, whole processes, median of {args.repeat}")
        for label, files, target in cases:
            text = sum(len(f.read_text(encoding="utf-8").encode()) for f in files)
            for fmt in ("html", "csv", "json", "pdf"):
                out = folder / f"out.{fmt}"
                seconds = run(files, out, args.repeat)
                size = out.stat().st_size
                goal = f"  (target <= {target:.0f} s)" if fmt == "html" else ""
                print(
                    f"  {label:<10} {fmt:<4} {seconds:6.2f} s{goal}   {size / 1000:8.1f} KB"
                    f" = {size / text:4.2f} x the article text ({text / 1000:.1f} KB)"
                )


if __name__ == "__main__":
    main()
