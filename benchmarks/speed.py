"""Speed benchmark: the whole ``viewer compare --json`` process against plain diff-match-patch.

Run by hand from the repository root (not part of the test suite)::

    .venv/bin/python benchmarks/speed.py [--repeat 5] [--repeat-large 3] [--dmp-cap 120]

Inputs: (a) the five seeds (``seeds/*.md``); (b) eight ~50 KB plain-text articles with heavy
reuse, built from BBC paragraphs (each text draws many paragraphs from one shared pool, in its
own order, some lightly edited, the rest from articles of its own); (c) two ~1 MB texts holding
the same 400 BBC articles in different orders. (b) and (c) are written to a temporary folder as
``.txt`` and deleted afterwards; the BBC corpus is read in place from ``../shared/corpus/bbc``.

The engine is timed as a process (``viewer compare --json FILE… > /dev/null``): wall time from
spawn to exit, peak RSS from ``os.wait4``; median and minimum over the repeats, against the
project's targets (0.3 s, 1.5 s, 5 s; 1 GB). The baseline runs, once, in a child process:
``diff_main`` (default settings, ``Diff_Timeout = 1.0``) and ``diff_cleanupSemantic`` on every
pair of the same texts (as ``load_document`` gives them), timed in-process per pair, killed
after ``--dmp-cap`` seconds. A pair that took >= 1 s has hit the timeout: diff-match-patch then
gives up and returns a coarse "delete this, insert that", so its time is a floor.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from corpus import ROOT, Editor, Segment, bbc_texts, load_articles

TARGETS = {"seeds": 0.3, "reuse": 1.5, "large": 5.0}
TARGET_RSS_MB = 1024


def build_reuse(folder: Path, seed: int) -> list[Path]:
    """Eight ~50 KB texts that share many paragraphs, in different orders, lightly edited."""
    rng = random.Random(f"{seed}/reuse")
    _, articles = load_articles()
    editor = Editor(articles)
    picked = rng.sample(articles, 8 * 14 + 40)
    shared = [p for art in picked[:40] for p in art.paras]  # ~90 KB, ~2-3 copies each
    paths = []
    for i in range(8):
        own = [p for art in picked[40 + 14 * i : 54 + 14 * i] for p in art.paras]
        pool = rng.sample(shared, len(shared))
        paras: list[str] = []
        while sum(map(len, paras)) < 50_000:
            if rng.random() < 0.6 or not own:
                words = pool.pop()
                if rng.random() < 0.3:
                    seg = editor.light(Segment(None, list(enumerate(words))), rng, 1)
                    words = [w for _, w in seg.words]
            else:
                words = own.pop(0)
            paras.append(" ".join(words))
        path = folder / f"reuse-{i}.txt"
        path.write_text("\n\n".join(paras), encoding="utf-8")
        paths.append(path)
    return paths


def build_large(folder: Path, seed: int) -> list[Path]:
    """Two ~1 MB texts: the same 400 BBC articles, each file in its own order."""
    rng = random.Random(f"{seed}/large")
    texts = [text.strip() for _, text in rng.sample(bbc_texts(), 400)]
    paths = []
    for i in range(2):
        path = folder / f"large-{i}.txt"
        path.write_text("\n\n".join(texts), encoding="utf-8")
        rng.shuffle(texts)
        paths.append(path)
    return paths


def measured(argv: list[str], cap: float | None = None) -> tuple[int | None, float, float]:
    """Run ``argv`` (stdout to /dev/null): (exit code or None if killed, seconds, peak MB).

    Peak RSS comes from ``/usr/bin/time -f %M`` when present: a child spawned straight from
    this (large) process would report this process's RSS as its own floor. Otherwise
    ``os.wait4``'s ``ru_maxrss``, an upper bound.
    """
    timer = Path("/usr/bin/time")
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        if timer.exists():
            argv = [str(timer), "-q", "-o", rss.name, "-f", "%M", *argv]
        opened = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
        started = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, dict(os.environ), file_actions=opened, setpgroup=0)
        while not (done := os.wait4(pid, os.WNOHANG))[0]:
            if cap is not None and time.perf_counter() - started > cap:
                os.killpg(pid, 9)
                return None, cap, os.wait4(pid, 0)[2].ru_maxrss / 1024
            time.sleep(0.005)
        elapsed = time.perf_counter() - started
        lines = rss.read().split()
        peak = int(lines[-1]) if timer.exists() and lines else done[2].ru_maxrss
    return os.waitstatus_to_exitcode(done[1]), elapsed, peak / 1024


def run_engine(files: list[Path]) -> tuple[float, float]:
    """One ``viewer compare --json`` process: (wall seconds, peak RSS in MB)."""
    viewer = str(Path(sys.executable).with_name("viewer"))
    code, elapsed, peak = measured([viewer, "compare", "--json", *map(str, files)])
    if code != 0:
        raise SystemExit(f"viewer compare failed (exit {code}) on {files}")
    return elapsed, peak


def dmp_worker(out: str, files: list[str]) -> None:
    """Child process: time diff-match-patch on every pair, one line per pair into ``out``."""
    from diff_match_patch import diff_match_patch

    from viewer.core.documents import load_document

    texts = [load_document(f).text for f in files]
    dmp = diff_match_patch()
    with open(out, "w", encoding="utf-8") as log:
        for i, j in itertools.combinations(range(len(texts)), 2):
            started = time.perf_counter()
            diffs = dmp.diff_main(texts[i], texts[j])
            dmp.diff_cleanupSemantic(diffs)
            print(f"{i} {j} {time.perf_counter() - started:.4f} {len(diffs)}", file=log, flush=True)


def run_dmp(files: list[Path], cap: float) -> dict:
    """The baseline in a child process, killed after ``cap`` seconds."""
    with tempfile.NamedTemporaryFile("r", suffix=".log") as log:
        argv = [sys.executable, __file__, "--dmp-worker", log.name, *map(str, files)]
        code, _, peak = measured(argv, cap)
        times = [float(line.split()[2]) for line in log.read().splitlines()]
    pairs = len(files) * (len(files) - 1) // 2
    if code is not None and (code != 0 or len(times) != pairs):
        raise SystemExit(f"diff-match-patch worker failed (exit {code})")
    return dict(finished=code is not None, time=sum(times), done=len(times), pairs=pairs,
                timeouts=sum(t >= 1.0 for t in times), rss=peak)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs for (a) and (b) (default 5)")
    parser.add_argument("--repeat-large", type=int, default=3, help="runs for (c) (default 3)")
    parser.add_argument("--dmp-cap", type=float, default=120, help="seconds per dmp case")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dmp-worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dmp_worker:
        dmp_worker(args.dmp_worker[0], args.dmp_worker[1:])
        return
    with tempfile.TemporaryDirectory(prefix="viewer-speed-") as tmp:
        folder = Path(tmp)
        cases = [
            ("seeds", "(a) the five seeds", sorted((ROOT / "seeds").glob("*.md")), args.repeat),
            ("reuse", "(b) 8 x ~50 KB, heavy reuse", build_reuse(folder, args.seed), args.repeat),
            ("large", "(c) 2 x ~1 MB, 400 articles", build_large(folder, args.seed),
             args.repeat_large),
        ]  # fmt: skip
        print("viewer compare --json, whole process; diff-match-patch (default settings) on all")
        print(f"pairs in a child process, capped at {args.dmp_cap:.0f} s per input. Machine:")
        print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}.\n")
        head = (
            f"{'input':<29}{'size':>8}  {'engine median':>13}{'min':>7}{'peak RSS':>10}"
            f"{'target':>22}   {'dmp':>8}{'pairs':>7}{'≥1 s':>6}{'dmp RSS':>9}{'eng/dmp':>9}"
        )
        print(f"{head}\n{'-' * len(head)}")
        for key, label, files, repeat in cases:
            size = sum(len(f.read_text(encoding="utf-8")) for f in files) / 1000
            runs = [run_engine(files) for _ in range(repeat)]
            median = statistics.median(t for t, _ in runs)
            fastest = min(t for t, _ in runs)
            rss = max(m for _, m in runs)
            ok = median <= TARGETS[key] and rss <= TARGET_RSS_MB
            target = f"≤{TARGETS[key]:g} s,1 GB {'ok' if ok else 'MISS'}"
            dmp = run_dmp(files, args.dmp_cap)
            if dmp["finished"]:
                base = f"{dmp['time']:>7.1f}s{dmp['pairs']:>7}{dmp['timeouts']:>6}"
                base += f"{dmp['rss']:>7.0f}MB{median / dmp['time']:>9.3f}"
            else:
                base = f"did not finish in {args.dmp_cap:.0f} s ({dmp['done']} of "
                base += f"{dmp['pairs']} pairs, {dmp['timeouts']} hit the 1 s timeout)"
            print(
                f"{label:<29}{size:>6.0f}KB  {median:>12.2f}s{fastest:>6.2f}s{rss:>8.0f}MB"
                f"{target:>22}   {base}"
            )
    print("\nsize: characters of the input files; dmp: sum of diff_main + diff_cleanupSemantic")
    print("over all pairs (one run); ≥1 s: pairs that hit Diff_Timeout and gave up; eng/dmp:")
    print("engine median wall time (whole process) / dmp time.")


if __name__ == "__main__":
    main()
