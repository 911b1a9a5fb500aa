"""``viewer --screenshot``: a PNG of the compared window, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from viewer.cli import main

from .conftest import seed_paths


def test_screenshot_of_the_seeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "shot.png"
    code = main(["--screenshot", str(out), "--size", "1200x700", *seed_paths("000", "001", "004")])
    assert code == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 700)
    # Highlights are painted: some pixels carry the "shared" blue of the light theme.
    colours = {image.pixelColor(x, y).name() for x in range(0, 1200, 7) for y in range(80, 690, 7)}
    assert "#c6dbef" in colours


def test_screenshot_with_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "gone.md"
    code = main(["--screenshot", str(tmp_path / "x.png"), seed_paths("000")[0], str(missing)])
    assert code == 2
    assert capsys.readouterr().err == f"viewer: {missing}: no such file\n"
    assert not (tmp_path / "x.png").exists()
