"""The PDF report: the HTML report laid out by Qt's rich text engine and printed to PDF,
A4 landscape (Qt layer; works offscreen, no browser).

QTextDocument reads the same HTML as the browser (tables, classes, background colours,
``white-space: pre-wrap``) and ignores what it does not know (print media queries, the
hover script, which is left out here). Internal links stay live in the PDF.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from viewer.core.atomicfile import write_atomic
from viewer.core.report_html import report_html
from viewer.core.reportmodel import Report

MARGIN_MM = 10
# QTextDocument knows no ``@media print``: the print sizes of the report, said again.
PRINT_CSS = """
body { font-size: 8pt; margin: 0; }
td.text { font-size: 7.5pt; }
th, td { padding: 4px; }
table.cols5 td.text, table.cols6 td.text, table.cols7 td.text, table.cols8 td.text {
  font-size: 6.5pt; }
td.text span { font-size: 7.5pt; }
table.cols5 td.text span, table.cols6 td.text span, table.cols7 td.text span,
table.cols8 td.text span { font-size: 6.5pt; }
td.text span.pm, td.text span.pm span { font-size: 5.5pt; }
a { color: #000000; text-decoration: none; }
"""
RESOLUTION = 300  # dots per inch of the layout: fine enough for 7-point text


def _application() -> QGuiApplication:
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(sys.argv[:1])
    assert isinstance(app, QGuiApplication)
    return app


def pdf_bytes(report: Report, title: str = "", page: QPageSize.PageSizeId | None = None) -> bytes:
    """The report as a PDF (A4 landscape unless ``page`` says otherwise)."""
    _application()
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 8))
    document.setHtml(report_html(report, title, script=False, extra_css=PRINT_CSS))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title or document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    writer.setCreator("article viewer")
    layout = QPageLayout(
        QPageSize(page if page is not None else QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    writer.setPageLayout(layout)
    document.print_(writer)
    del writer
    buffer.close()
    return bytes(data.data())


def write_pdf(report: Report, path: str | os.PathLike[str], title: str = "") -> None:
    """Write the PDF report atomically; ``OSError`` when it cannot be written."""
    write_atomic(path, pdf_bytes(report, title))
