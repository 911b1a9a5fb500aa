"""CLI conventions: ``-V``/``--version`` on every command, the commands listed in
``viewer --help``, documented exit statuses and one line (never a traceback) when standard
output cannot take the output: a full disk, a closed stdout, a reader that went away."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from viewer import __version__

from .helpers import SEEDS

PAIR = [str(next(SEEDS.glob("000-*.md"))), str(next(SEEDS.glob("004-*.md")))]
HERE = Path(__file__).resolve().parents[2]


def viewer(
    *args: str, stdout: int | None = subprocess.PIPE, shell_prefix: str = ""
) -> subprocess.CompletedProcess[str]:
    """``viewer ARGS`` in a child process, buffered output as in a real terminal session."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONUNBUFFERED", None)
    command = [sys.executable, "-m", "viewer", *args]
    if shell_prefix:
        command = ["bash", "-c", f'"$@" {shell_prefix}', "bash", *command]
    return subprocess.run(
        command, stdout=stdout, stderr=subprocess.PIPE, text=True, env=env, cwd=HERE, timeout=60
    )


@pytest.mark.parametrize(
    "args", [["-V"], ["--version"], ["compare", "--version"], ["compare", "-V"], ["report", "-V"]]
)
def test_every_command_has_a_version(args: list[str]) -> None:
    done = viewer(*args)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"viewer {__version__}\n", "")


def test_help_lists_the_commands_and_exit_statuses() -> None:
    done = viewer("--help")
    assert done.returncode == 0
    assert "viewer compare FILE" in done.stdout and "viewer report FILE" in done.stdout
    assert "--install-desktop" in done.stdout and "exit status" in done.stdout
    for command in ("compare", "report"):
        sub = viewer(command, "--help")
        assert sub.returncode == 0 and sub.stdout.startswith(f"usage: viewer {command}")


@pytest.mark.parametrize(
    "args",
    [
        ["compare", *PAIR],
        ["compare", "--json", *PAIR],
        ["--help"],
        ["-V"],
        ["compare", "--help"],
    ],
)
def test_a_full_disk_gives_one_line_and_status_1(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = viewer(*args, stdout=full.fileno())
    assert done.returncode == 1
    assert done.stderr == "viewer: could not write the output: No space left on device\n"


def test_a_closed_stdout_gives_one_line_and_status_1() -> None:
    done = viewer("compare", *PAIR, shell_prefix=">&-")
    assert done.returncode == 1
    assert done.stderr == "viewer: could not write the output: standard output is closed\n"


def test_a_reader_that_stops_early_ends_quietly() -> None:
    env = {**os.environ}
    env.pop("PYTHONUNBUFFERED", None)
    seeds = [str(p) for p in sorted(SEEDS.glob("*.md"))]
    script = '"$@" | head -c 5; exit "${PIPESTATUS[0]}"'
    done = subprocess.run(
        ["bash", "-c", script, "bash", sys.executable, "-m", "viewer", "compare", "--json", *seeds],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, '{\n "v', "")


def test_usage_errors_and_unreadable_inputs_exit_2(tmp_path: Path) -> None:
    assert viewer("compare", PAIR[0]).returncode == 2
    done = viewer("compare", PAIR[0], str(tmp_path / "missing.md"))
    assert done.returncode == 2 and done.stderr.count("\n") == 1
