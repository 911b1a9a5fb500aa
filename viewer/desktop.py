"""``viewer --install-desktop`` / ``--uninstall-desktop``: the launcher, icon, MIME type and
AppStream metainfo for the current user, in the XDG data folder (no Qt).

Files go to ``$XDG_DATA_HOME`` (``~/.local/share`` when unset): ``applications/``,
``icons/hicolor/<size>/apps/``, ``mime/packages/`` and ``metainfo/``. The desktop's caches
are refreshed with ``update-desktop-database``, ``update-mime-database`` and
``gtk-update-icon-cache`` when they are installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from viewer.core.packaged import (
    APP_ID,
    ICON_SIZES,
    desktop_file,
    icon_png,
    icon_svg,
    metainfo_file,
    mime_file,
)


def data_home() -> Path:
    """``$XDG_DATA_HOME`` if it is an absolute path (as the XDG spec says), else
    ``~/.local/share``."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher_command() -> list[str]:
    """What the launcher runs: the ``viewer`` script beside this Python (the virtual
    environment it was installed into), else ``python -m viewer``."""
    script = Path(sys.executable).parent / "viewer"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "viewer"]


def exec_value(command: list[str]) -> str:
    """``command`` as a desktop entry ``Exec`` value followed by ``%F`` (quoted as the
    Desktop Entry Specification says, then escaped as a string value)."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    words = []
    for word in command:
        word = word.replace("%", "%%")
        if any(c in reserved for c in word):
            escaped = "".join("\\" + c if c in '"`$\\' else c for c in word)
            word = f'"{escaped}"'
        words.append(word)
    return " ".join(words).replace("\\", "\\\\") + " %F"


def _targets(home: Path) -> dict[Path, bytes]:
    """Every file the launcher installs, with its content."""
    icons = home / "icons" / "hicolor"
    desktop = "".join(
        f"Exec={exec_value(launcher_command())}\n" if line.startswith("Exec=") else line
        for line in desktop_file().read_text(encoding="utf-8").splitlines(keepends=True)
    )
    files = {
        home / "applications" / f"{APP_ID}.desktop": desktop.encode("utf-8"),
        home / "mime" / "packages" / f"{APP_ID}.xml": mime_file().read_bytes(),
        home / "metainfo" / f"{APP_ID}.metainfo.xml": metainfo_file().read_bytes(),
        icons / "scalable" / "apps" / f"{APP_ID}.svg": icon_svg().read_bytes(),
    }
    for size in ICON_SIZES:
        files[icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = icon_png(size).read_bytes()
    return files


def _refresh(home: Path) -> list[str]:
    """Refresh the desktop's caches with the tools that are installed; what ran."""
    ran = []
    commands = [
        ["update-desktop-database", "-q", str(home / "applications")],
        ["update-mime-database", str(home / "mime")],
    ]
    if (home / "icons" / "hicolor" / "index.theme").is_file():
        commands.append(["gtk-update-icon-cache", "-q", "-t", str(home / "icons" / "hicolor")])
    for command in commands:
        if shutil.which(command[0]) and Path(command[-1]).is_dir():
            subprocess.run(command, check=False, capture_output=True, timeout=60)
            ran.append(command[0])
    return ran


def install(home: Path | None = None) -> list[Path]:
    """Install the launcher, icons, MIME type and metainfo; the files written."""
    home = home or data_home()
    written = []
    for path, content in _targets(home).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    _refresh(home)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what ``install`` wrote; the files removed (none if it was not installed)."""
    home = home or data_home()
    removed = []
    for path in _targets(home):
        if path.is_file():
            path.unlink()
            removed.append(path)
    _refresh(home)
    return removed
