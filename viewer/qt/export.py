"""File → Export…: the current comparison and review as an HTML, PDF, CSV or JSON report
(Qt layer). The same reports as ``viewer report``, chosen by the file's suffix."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer.core.atomicfile import write_atomic
from viewer.core.reportfiles import report_bytes, report_format
from viewer.core.reportmodel import build_report

if TYPE_CHECKING:
    from viewer.qt.mainwindow import MainWindow

FILTERS = "HTML report (*.html);;PDF (*.pdf);;CSV for spreadsheets (*.csv);;JSON (*.json)"


def write_report(window: MainWindow, path: str) -> None:
    """Write the window's report to ``path``; ``ValueError``/``OSError`` when it cannot."""
    comparison = window.comparison
    if comparison is None:
        raise ValueError("there is no comparison to export yet")
    report = build_report(comparison, window.session.state)
    fmt = report_format(path)
    if fmt == "pdf":
        from viewer.qt.reportpdf import write_pdf

        write_pdf(report, path)
    else:
        write_atomic(path, report_bytes(report, fmt))


def export_report(window: MainWindow) -> None:
    """Ask where, then write the report; say what went wrong in a message box."""
    if window.comparison is None:
        window.statusBar().showMessage("Nothing to export yet: open two or more articles", 5000)
        return
    path, chosen = QFileDialog.getSaveFileName(window, "Export a report", "report.html", FILTERS)
    if not path:
        return
    if not os.path.splitext(path)[1]:
        path += "." + chosen.rsplit("*.", 1)[-1].rstrip(")") if "*." in chosen else ".html"
    try:
        write_report(window, path)
    except (OSError, ValueError) as exc:
        QMessageBox.warning(window, "Export", f"The report could not be written:\n{exc}")
        return
    window.statusBar().showMessage(f"Report written to {path}", 5000)
