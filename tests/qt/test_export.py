"""File → Export writes the window's comparison and review as the report the file's
suffix names."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.core.reportcolumns import passage_label
from viewer.qt import export
from viewer.qt.mainwindow import MainWindow

from .conftest import open_and_wait, seed_paths


def test_file_export_writes_each_format(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    comparison = window.comparison
    assert comparison is not None and comparison.passages
    for suffix in ("html", "csv", "json", "pdf"):
        target = tmp_path / f"report.{suffix}"
        monkeypatch.setattr(
            export.QFileDialog, "getSaveFileName", lambda *a, t=target: (str(t), "")
        )
        window.actions_by_name["export"].trigger()  # File → Export a report…
        assert target.stat().st_size > 1000, suffix
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert all(f">{passage_label(p.id)}<" in html for p in comparison.passages)
    rows = list(
        csv.reader(io.StringIO((tmp_path / "report.csv").read_text(encoding="utf-8"), newline=""))
    )
    assert len(rows) - 1 == sum(len(p.spans) for p in comparison.passages)
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert len(data["passages"]) == len(comparison.passages)
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
