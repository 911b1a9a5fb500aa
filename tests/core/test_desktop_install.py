"""``viewer --install-desktop`` / ``--uninstall-desktop`` for the current user, in a
temporary ``XDG_DATA_HOME``."""

from __future__ import annotations

import os
import shlex
import shutil
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.core.packaged import APP_ID, ICON_SIZES
from viewer.desktop import exec_value


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


def test_install_then_uninstall(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--install-desktop"]) == 0
    desktop = home / "applications" / f"{APP_ID}.desktop"
    icons = [home / f"icons/hicolor/{s}x{s}/apps/{APP_ID}.png" for s in ICON_SIZES]
    wanted = [
        desktop,
        home / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg",
        home / "mime/packages" / f"{APP_ID}.xml",
        home / "metainfo" / f"{APP_ID}.metainfo.xml",
        *icons,
    ]
    assert all(path.is_file() for path in wanted)
    err = capsys.readouterr().err
    assert err.count("viewer: installed ") == len(wanted)
    exec_line = next(line for line in desktop.read_text().splitlines() if line.startswith("Exec="))
    program = shlex.split(exec_line.removeprefix("Exec="))[0]
    assert os.access(program, os.X_OK)
    if shutil.which("update-mime-database"):
        assert "*.avsession" in (home / "mime" / "globs2").read_text()

    assert main(["--uninstall-desktop"]) == 0
    assert not any(path.exists() for path in wanted)
    assert capsys.readouterr().err.count("viewer: removed ") == len(wanted)
    assert main(["--uninstall-desktop"]) == 0
    assert "nothing to remove" in capsys.readouterr().err


def test_a_path_with_spaces_and_quotes_is_quoted_for_exec() -> None:
    value = exec_value(["/opt/my apps/bin/viewer", 'say "hi"', "100%"])
    # As a desktop entry reader undoes it: string escapes first, then the quoting.
    unescaped = value.replace("\\\\", "\\")
    assert shlex.split(unescaped) == ["/opt/my apps/bin/viewer", 'say "hi"', "100%%", "%F"]


def test_an_unwritable_data_folder_is_one_line_and_status_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["--install-desktop"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("viewer: ") and err.count("\n") == 1
