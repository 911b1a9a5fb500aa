"""Hostile Markdown benchmark: time and peak memory of loading each pathological file.

Run by hand from the repository root (not part of the test suite)::

    .venv/bin/python benchmarks/markdown.py [--repeat 3] [--rev main~5] [--scale 1.0]

Each case is written to a temporary ``.md`` file and loaded by ``load_document`` (decode,
parse, render to plain text and blocks) in a child process: wall time around the call, peak
RSS of the child from ``os.wait4`` (the interpreter alone is about 30 MB). ``--rev`` also
runs every case against that git revision of ``viewer/`` (extracted to a temporary folder),
so before and after come from the same run; children are killed after ``--timeout`` seconds
and limited to ``--max-gb`` of address space, so an old quadratic case cannot swamp the
machine. ``--scale`` shrinks the cases (for the old code: its nested emphasis is quadratic).
Goal: any Markdown file of up to 1 MB in at most 2 s and 500 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000


def repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def cases(scale: float) -> dict[str, Callable[[], str]]:
    def n(count: int) -> int:
        return max(1, int(count * scale))

    return {
        "nested emphasis (issue, 30 KB)": lambda: "*a **a " * n(2000) + "b" + " a** a*" * n(2000),
        "stars around a word (issue, 100 KB)": lambda: "*" * n(50_000) + "a" + "*" * n(50_000),
        "100,000-row table (issue, 1.4 MB)": lambda: (
            "| a | b |\n| - | - |\n" + "".join(f"| {i} | x |\n" for i in range(n(100_000)))
        ),
        "list nested 12 deep + text after": lambda: (
            "".join("  " * i + f"- item {i}\n" for i in range(12))
            + "\nText after the list.\n" * n(1000)
        ),
        "quotes nested 25 deep + text after": lambda: (
            "".join(">" * i + f" quote {i}\n\n" for i in range(25))
            + "Text after the quotes.\n" * n(1000)
        ),
        "1 MB of links": lambda: repeat("[a](b) ", n(MB)),
        "1 MB of short list items": lambda: repeat("- a\n", n(MB)),
        "1 MB line of bullets": lambda: "- " * n(MB // 2) + "a",
        "1 MB hard-wrapped prose": lambda: repeat(
            "Officials said the troops would stay near the border for weeks,\n"
            "a spokesman added on Tuesday, without giving *any* details.\n\n",
            n(MB),
        ),
    }


CHILD = """
import sys, time
from viewer.core.documents import load_document
t = time.perf_counter()
try:
    d = load_document(sys.argv[1])
    warned = len(getattr(d, "warnings", ()))  # older code had no warnings
    outcome = f"{len(d.text)} chars, {len(d.blocks)} blocks, {warned} warnings"
except Exception as exc:  # the old code may fail in its own ways
    outcome = f"{type(exc).__name__}"
print(f"{time.perf_counter() - t:.3f}\\t{outcome}")
"""


def run_child(path: Path, code_root: Path, timeout: float, max_gb: float) -> tuple[str, str]:
    """``(seconds, outcome)`` of loading ``path`` with the viewer in ``code_root``."""
    limit = int(max_gb * 1024**3)

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    env = {**os.environ, "PYTHONPATH": str(code_root)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=code_root,
        preexec_fn=limits,
    )
    try:
        out, _ = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return f"> {timeout:.0f} s (killed)", "-"
    text = out.decode().strip()
    if not text:
        return "failed (memory limit?)", "-"
    seconds, outcome = text.split("\t", 1)
    return seconds, outcome


def peak_rss_mb(path: Path, code_root: Path, timeout: float, max_gb: float) -> str:
    """Peak RSS of a child loading ``path`` (a second run, measured by ``os.wait4``)."""
    limit = int(max_gb * 1024**3)
    pid = os.fork()
    if pid == 0:  # child
        try:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            signal_alarm(timeout)
            sys.path.insert(0, str(code_root))
            for name in [m for m in sys.modules if m == "viewer" or m.startswith("viewer.")]:
                del sys.modules[name]
            from viewer.core.documents import load_document

            load_document(str(path))
        except BaseException:
            os._exit(1)
        os._exit(0)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return "-"
    return f"{usage.ru_maxrss / 1024:.0f}"


def signal_alarm(seconds: float) -> None:
    import signal

    signal.alarm(max(1, int(seconds)))


def extract(rev: str, folder: Path) -> Path:
    """``viewer/`` of git revision ``rev`` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "viewer"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rev", help="also run the cases against this git revision")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--max-gb", type=float, default=4.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        roots = {"now": ROOT}
        if args.rev:
            roots[args.rev] = extract(args.rev, folder / "old")
        print(f"{'case':38} {'code':>8} {'size':>8} {'median s':>10} {'peak MB':>8}  outcome")
        for index, (name, make) in enumerate(cases(args.scale).items()):
            path = folder / f"case{index}.md"
            source = make()
            path.write_text(source, encoding="utf-8")
            for label, root in roots.items():
                times: list[float] = []
                outcome = ""
                shown = ""
                for _ in range(args.repeat):
                    seconds, outcome = run_child(path, root, args.timeout, args.max_gb)
                    try:
                        times.append(float(seconds))
                    except ValueError:
                        shown = seconds
                        break
                median = shown or f"{statistics.median(times):.2f}"
                peak = "-" if shown else peak_rss_mb(path, root, args.timeout, args.max_gb)
                size = f"{len(source.encode()) / 1e3:.0f} KB"
                print(f"{name:38} {label:>8} {size:>8} {median:>10} {peak:>8}  {outcome}")
                sys.stdout.flush()


if __name__ == "__main__":
    main()
