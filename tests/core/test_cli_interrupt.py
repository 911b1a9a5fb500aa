"""Ctrl+C in ``viewer compare``: it stops promptly, says so in one line and exits 130."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import viewer.core.sources
from viewer.cli import EXIT_CANCELLED, main


def test_ctrl_c_while_files_load_prints_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def interrupted(path: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(viewer.core.sources, "load_document", interrupted)
    files = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for file in files:
        file.write_text("Some words of an article.", encoding="utf-8")
    try:
        code = main(["compare", *map(str, files)])
    except KeyboardInterrupt:
        pytest.fail("Ctrl+C escaped as a KeyboardInterrupt (a traceback for the user)")
    assert code == EXIT_CANCELLED
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1 and err.startswith("viewer: ")


def _long_texts(folder: Path) -> list[Path]:
    """Two ~3 MB texts, the second with every 4th word replaced: many seconds of work."""
    rng = random.Random(7)
    words = [f"w{rng.randrange(5000)}" for _ in range(450_000)]
    changed = [f"new{i}" if i % 4 == 3 else word for i, word in enumerate(words)]
    paths = []
    for name, text in (("a.txt", words), ("b.txt", changed)):
        path = folder / name
        path.write_text(
            "\n\n".join(" ".join(text[i : i + 60]) for i in range(0, len(text), 60)),
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_sigint_during_the_comparison_stops_it_promptly(tmp_path: Path) -> None:
    files = _long_texts(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    process = subprocess.Popen(
        [sys.executable, "-m", "viewer", "compare", *map(str, files)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    # Interrupt once the process has used 2 s of CPU: starting and loading take ~0.3 s, the
    # whole comparison ~10 s, so it is comparing, however busy the machine is.
    waited = time.perf_counter()
    while _cpu_seconds(process.pid) < 2.0 and time.perf_counter() - waited < 60:
        assert process.poll() is None, "the comparison ended before it could be interrupted"
        time.sleep(0.02)
    sent = time.perf_counter()
    process.send_signal(signal.SIGINT)
    try:
        out, err = process.communicate(timeout=5)
    finally:
        process.kill()
    stopped = time.perf_counter() - sent
    assert process.returncode == EXIT_CANCELLED
    assert out == b""
    assert err.decode().splitlines() == ["viewer: comparison cancelled"]
    # The engine checks within ~0.05 s of work; allow for a machine shared with others.
    assert stopped < 1.0
