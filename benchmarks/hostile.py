"""Hostile-input benchmark: time, peak memory and the longest gap between cancel checks.

Run by hand from the repository root (not part of the test suite)::

    .venv/bin/python benchmarks/hostile.py [--before DIR] [--cases a,b] [--cap 120]

Each case is written to a temporary folder and compared in a fresh process
(``viewer.core.compare.compare`` with a ``should_cancel`` that records the time between its
calls): wall and CPU seconds, peak RSS (``/usr/bin/time``) and the longest gap between two
cancel checks (wall and CPU; CPU figures hold on a busy machine). ``--before DIR`` runs the
same cases, in the same run, against another checkout of the project (for example
``git worktree add --detach /tmp/before 691b0ab``), so the figures can be read side by side.
A run is killed after ``--cap`` seconds.

Cases (texts from the BBC corpus in ``../shared/corpus/bbc``, read in place, never copied):
``every4-80k/160k/300k/1m``: a text and a copy with every 4th word replaced; ``variants8-32k``
and ``variants12-200k``: 8 (12) such copies of one text; ``tokenise-20m``: a 20 MB text
against one article; ``vocab28-600k`` / ``-1m``: 100,000 (236,000) random words from 28, and
a copy with every 9th replaced (``vocab34-1m``: from 34, about the vocabulary that pairs the
most seeds at 1 MB); Markdown (issue 7 section 2): ``md-nested-emphasis`` (``*a **a `` x 2000 ...),
``md-stars`` (``*`` x 50,000 ``a`` ``*`` x 50,000), ``md-table-100k`` (a 100,000-row table),
each against one article. ``sigint-every4-300k`` / ``-3m``: ``viewer compare`` on every4-300k
(SIGINT after 10 s: the old engine is then inside its one long diff) and on two 3 MB texts
(SIGINT after 5 s, mid-comparison for the new one): seconds from the signal to exit, the exit
code and the lines printed on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import ROOT, bbc_texts


def _bbc(size: int, seed: int) -> str:
    """About ``size`` characters of BBC articles, in a seeded order."""
    rng = random.Random(seed)
    texts = [text.strip() for _, text in bbc_texts()]
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(rng.choice(texts))
        total += len(parts[-1]) + 2
    return "\n\n".join(parts)[:size]


def _every_kth(text: str, k: int, seed: int) -> str:
    rng = random.Random(seed)
    words = text.split(" ")
    return " ".join(
        f"zq{rng.randrange(10**6)}" if i % k == k - 1 else word for i, word in enumerate(words)
    )


def build(case: str, folder: Path) -> list[Path]:
    """The files of one case."""
    texts: list[tuple[str, str]]
    article = _bbc(3000, 99)
    sizes = {"80k": 80_000, "160k": 160_000, "300k": 300_000, "1m": 1_000_000, "3m": 3_000_000}
    if case.startswith(("every4-", "sigint-every4-")):
        a = _bbc(sizes[case.rsplit("-", 1)[1]], 1)
        texts = [("a.txt", a), ("b.txt", _every_kth(a, 4, 2))]
    elif case.startswith("variants"):
        count, size = (8, 32_000) if case == "variants8-32k" else (12, 200_000)
        a = _bbc(size, 1)
        texts = [(f"v{n}.txt", _every_kth(a, 4, n)) for n in range(count)]
    elif case == "tokenise-20m":
        big = _bbc(20_000_000, 1)
        while len(big.encode("utf-8")) > 20_000_000:  # the loader's limit is 20 MB of bytes
            big = big[: len(big) - 10_000]
        texts = [("big.txt", big), ("article.txt", article)]
    elif case.startswith("vocab"):
        rng = random.Random(5)
        vocabulary, size = case[len("vocab") :].split("-")
        count = {"600k": 100_000, "1m": 236_000}[size]  # 1m: the copy is just under 1 MB
        words = [f"w{rng.randrange(int(vocabulary))}" for _ in range(count)]
        lines = [" ".join(words[i : i + 60]) for i in range(0, len(words), 60)]
        a = "\n\n".join(lines)
        texts = [("a.txt", a), ("b.txt", _every_kth(a, 9, 3))]
    elif case == "md-nested-emphasis":
        text = "*a **a " * 2000 + "b" + " a** a*" * 2000
        texts = [("nested.md", text), ("article.md", article)]
    elif case == "md-stars":
        texts = [("stars.md", "*" * 50_000 + "a" + "*" * 50_000), ("article.md", article)]
    elif case == "md-table-100k":
        rows = "\n".join(f"| {n} | cell {n} | more {n % 97} |" for n in range(100_000))
        texts = [("table.md", "| a | b | c |\n|---|---|---|\n" + rows), ("article.md", article)]
    else:
        raise SystemExit(f"unknown case {case}")
    paths = []
    for name, text in texts:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


CASES = [
    "every4-80k",
    "every4-160k",
    "every4-300k",
    "every4-1m",
    "variants8-32k",
    "variants12-200k",
    "vocab28-600k",
    "vocab28-1m",
    "vocab34-1m",
    "tokenise-20m",
    "md-nested-emphasis",
    "md-stars",
    "md-table-100k",
    "sigint-every4-300k",
    "sigint-every4-3m",
]


def worker(out: str, files: list[str]) -> None:
    """Child process: load, compare with a recording should_cancel, write figures to ``out``."""
    import viewer
    from viewer.core.compare import compare
    from viewer.core.documents import load_document

    started = time.perf_counter()
    documents = [load_document(f) for f in files]
    loaded = time.perf_counter()
    cpu = time.process_time()
    last = [loaded, cpu]
    gaps = [0.0, 0.0]
    calls = [0]

    def should_cancel() -> bool:
        now = (time.perf_counter(), time.process_time())
        for n in (0, 1):
            gaps[n] = max(gaps[n], now[n] - last[n])
            last[n] = now[n]
        calls[0] += 1
        return False

    result = compare(documents, should_cancel=should_cancel)
    done = time.perf_counter()
    gaps[0] = max(gaps[0], done - last[0])
    gaps[1] = max(gaps[1], time.process_time() - last[1])
    figures = dict(
        load=loaded - started,
        compare=done - loaded,
        cpu=time.process_time() - cpu,
        gap_wall=gaps[0],
        gap_cpu=gaps[1],
        checks=calls[0],
        passages=len(result.passages),
        viewer=viewer.__file__,
    )
    Path(out).write_text(json.dumps(figures), encoding="utf-8")


def run_case(tree: Path, files: list[Path], cap: float) -> dict[str, object]:
    """One worker process against the project at ``tree``: figures, or why there are none."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    with (
        tempfile.NamedTemporaryFile("r", suffix=".json") as out,
        tempfile.NamedTemporaryFile("r", suffix=".rss") as rss,
    ):
        argv = [sys.executable, __file__, "--worker", out.name, *map(str, files)]
        timer = Path("/usr/bin/time")
        if timer.exists():
            argv = [str(timer), "-q", "-o", rss.name, "-f", "%M", *argv]
        started = time.perf_counter()
        proc = subprocess.Popen(
            argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
        )
        try:
            _, stderr = proc.communicate(timeout=cap)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the worker too, not only /usr/bin/time
            proc.communicate()
            return dict(error=f"> {cap:.0f} s (killed)")
        elapsed = time.perf_counter() - started
        if proc.returncode != 0:
            last = stderr.decode(errors="replace").strip().splitlines()[-1:]
            return dict(error=f"exit {proc.returncode}: {' '.join(last)[:60]}", wall=elapsed)
        figures: dict[str, object] = json.loads(out.read() or "{}")
        lines = rss.read().split()
        figures["wall"] = elapsed
        figures["rss_mb"] = int(lines[-1]) / 1024 if lines else float("nan")
    return figures


def run_sigint(tree: Path, files: list[Path], cap: float, after: float = 5.0) -> dict[str, object]:
    """``viewer compare`` (as ``python -m viewer``), SIGINT after ``after`` seconds."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    argv = [sys.executable, "-m", "viewer", "compare", *map(str, files)]
    proc = subprocess.Popen(  # in ``tree``: ``-m`` puts the working directory first
        argv,
        cwd=tree,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    time.sleep(after)
    if proc.poll() is not None:
        return dict(error=f"finished before the signal (exit {proc.returncode})")
    sent = time.perf_counter()
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=cap)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return dict(error=f"still running {cap:.0f} s after SIGINT (killed)")
    lines = err.decode(errors="replace").strip().splitlines()
    return dict(stop=time.perf_counter() - sent, exit=proc.returncode, stderr_lines=len(lines))


def describe(figures: dict[str, object]) -> str:
    if "error" in figures:
        return str(figures["error"])
    if "stop" in figures:
        return (
            f"stopped {figures['stop']:.2f} s after SIGINT, exit {figures['exit']}, "
            f"{figures['stderr_lines']} line(s) on stderr"
        )
    return (
        f"compare {figures['compare']:6.2f} s ({figures.get('cpu', float('nan')):6.2f} s CPU)  "
        f"load {figures['load']:5.2f} s  "
        f"peak {figures['rss_mb']:6.0f} MB  longest gap {figures['gap_wall']:6.3f} s "
        f"({figures['gap_cpu']:.3f} s CPU, {figures['checks']} checks)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", type=Path, help="another checkout to run the same cases on")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated cases")
    parser.add_argument("--cap", type=float, default=120, help="seconds before a run is killed")
    parser.add_argument("--before-only", action="store_true", help="skip this checkout")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], args.worker[1:])
        return
    trees = [] if args.before_only else [("after", ROOT)]
    trees += [("before", args.before.resolve())] if args.before else []
    print(f"Hostile inputs: wall time, peak RSS, longest gap between cancel checks ({ROOT.name})")
    for case in args.cases.split(","):
        with tempfile.TemporaryDirectory() as folder:
            files = build(case, Path(folder))
            size = sum(f.stat().st_size for f in files) / 1e6
            print(f"{case} ({len(files)} files, {size:.1f} MB)", flush=True)
            for label, tree in trees:
                if case.startswith("sigint-"):
                    after = 10.0 if case.endswith("300k") else 5.0
                    figures = run_sigint(tree, files, args.cap, after)
                else:
                    figures = run_case(tree, files, args.cap)
                print(f"  {label:6}  {describe(figures)}", flush=True)


if __name__ == "__main__":
    main()
