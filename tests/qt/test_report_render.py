"""Reports as they are seen: the seeds' HTML report rendered by headless Chromium and the
PDF report's pages turned into PNG by pdftoppm show the window's colours (shared text,
changed words); the PDF holds every passage and note as text. The colours the core
writes are the window's light theme's."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from tests.core.report_helpers import HOSTILE, reviewed
from viewer.core import reportcolours
from viewer.core.compare import compare
from viewer.core.documents import load_document
from viewer.core.reportcolumns import passage_label
from viewer.core.reportfiles import report_bytes
from viewer.core.reportmodel import build_report
from viewer.qt.palette import LIGHT
from viewer.qt.reportpdf import pdf_bytes

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _need(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is not installed (Debian: scripts/install-system-deps installs it)")
    return found


def _colours(image: QImage) -> Counter[str]:
    """How many pixels of each colour (sampled every 2 pixels)."""
    seen: Counter[str] = Counter()
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            seen[QColor(image.pixel(x, y)).name()] += 1
    return seen


def test_the_report_colours_are_the_windows_light_ones() -> None:
    assert LIGHT.shared == reportcolours.SHARED
    assert LIGHT.changed == reportcolours.CHANGED
    assert LIGHT.outline == reportcolours.OUTLINE
    for possible in range(1, 12):
        for others in range(1, possible + 1):
            assert reportcolours.shared_level(others, possible) == LIGHT.shared_level(
                others, possible
            )


def test_the_seeds_html_report_renders_in_chromium_with_its_colours(tmp_path: Path) -> None:
    chromium = _need("chromium")
    documents = [load_document(p) for p in sorted(SEEDS.glob("*.md"))]
    page = tmp_path / "seeds.html"
    page.write_bytes(report_bytes(build_report(compare(documents)), "html"))
    shot = tmp_path / "seeds.png"
    subprocess.run(
        [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--window-size=1400,2400", f"--screenshot={shot}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    colours = _colours(QImage(str(shot)))
    assert colours[LIGHT.shared[0]] > 5000  # 000 and 004 share paragraphs (one other of four)
    assert colours[LIGHT.changed] > 50  # "Kyiv and Moscow" against "Ukraine and Russia"


def test_the_pdf_report_has_the_colours_and_every_passage_and_note(tmp_path: Path) -> None:
    pdftoppm = _need("pdftoppm")
    pdftotext = _need("pdftotext")
    state, comparison = reviewed(tmp_path / "articles")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(pdf_bytes(build_report(comparison, state)))
    subprocess.run([pdftoppm, "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2
    first = QImage(str(pages[0]))
    assert first.width() > first.height()  # landscape
    colours: Counter[str] = Counter()
    for png in pages:
        colours += _colours(QImage(str(png)))

    # Antialiasing leaves few exact pixels: count those near the colours.
    def near(name: str) -> int:
        target = QColor(name)
        return sum(
            n for c, n in colours.items()
            if max(abs(QColor(c).red() - target.red()), abs(QColor(c).green() - target.green()),
                   abs(QColor(c).blue() - target.blue())) <= 6
        )  # fmt: skip

    assert near(LIGHT.changed) > 20
    assert sum(near(c) for c in LIGHT.shared) > 200
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    for passage in comparison.passages:
        assert passage_label(passage.id) in flat
    assert "<script>alert" in flat  # markup in the article shows as text
    assert HOSTILE.split()[0] in flat
