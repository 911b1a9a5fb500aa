"""The data the package ships (samples, icon, launcher, metainfo, MIME type), found through
importlib.resources from any directory, and valid for the desktop's own validators."""

from __future__ import annotations

import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from viewer.core import packaged
from viewer.core.documents import load_document
from viewer.core.sessionjson import FORMAT, SUFFIX


def test_the_samples_are_found_from_any_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    paths = packaged.sample_paths()
    assert len(paths) == 5
    titles = [load_document(path).title for path in paths]
    assert titles[0].startswith("Kremlin says") and all(titles)


@pytest.mark.parametrize("size", packaged.ICON_SIZES)
def test_each_icon_png_has_its_size(size: int) -> None:
    data = packaged.icon_png(size).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (size, size)


def test_the_svg_icon_is_svg() -> None:
    root = ET.fromstring(packaged.icon_svg().read_bytes())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def desktop_entry() -> dict[str, str]:
    lines = packaged.desktop_file().read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def test_the_launcher_names_the_icon_and_the_session_type() -> None:
    entry = desktop_entry()
    assert entry["Icon"] == packaged.APP_ID
    assert entry["Name"] == packaged.APP_NAME
    assert packaged.SESSION_MIME in entry["MimeType"].split(";")
    assert entry["Exec"].endswith(" %F")


def test_the_mime_type_matches_session_files() -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = ET.fromstring(packaged.mime_file().read_bytes()).find("m:mime-type", ns)
    assert kind is not None and kind.get("type") == packaged.SESSION_MIME
    globs = [g.get("pattern") for g in kind.findall("m:glob", ns)]
    assert globs == [f"*{SUFFIX}"]
    magic = kind.find("m:magic/m:match", ns)
    assert magic is not None and FORMAT in (magic.get("value") or "")


def test_the_metainfo_launches_the_desktop_file() -> None:
    root = ET.fromstring(packaged.metainfo_file().read_bytes())
    assert root.findtext("id") == packaged.APP_ID
    assert root.findtext("launchable") == f"{packaged.APP_ID}.desktop"
    assert root.findtext("project_license") == "MIT"


def validator(name: str) -> str:
    tool = shutil.which(name)
    if tool is None:
        pytest.skip(f"{name} is not installed (scripts/install-system-deps installs it)")
    return tool


def test_desktop_file_validate_passes() -> None:
    tool = validator("desktop-file-validate")
    path = packaged.resource_path(packaged.desktop_file().name)
    done = subprocess.run([tool, str(path)], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout.strip()) == (0, "")


def test_appstreamcli_validate_passes() -> None:
    tool = validator("appstreamcli")
    path = packaged.resource_path(packaged.metainfo_file().name)
    done = subprocess.run(
        [tool, "validate", "--no-net", str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout
