"""Which report a file name asks for, and the bytes of the text formats (core layer; no
Qt). PDF is drawn by Qt (``viewer.qt.reportpdf``) from the same HTML."""

from __future__ import annotations

import os

from viewer.core.report_csv import report_csv
from viewer.core.report_html import report_html
from viewer.core.report_json import report_json
from viewer.core.reportmodel import Report

FORMATS = {".html": "html", ".htm": "html", ".pdf": "pdf", ".csv": "csv", ".json": "json"}


def report_format(path: str | os.PathLike[str]) -> str:
    """ "html", "pdf", "csv" or "json" by the file's suffix; ``ValueError`` otherwise."""
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        known = ", ".join(sorted(set(FORMATS)))
        raise ValueError(f"a report's file name ends in one of {known}, not {suffix!r}") from None


def report_bytes(report: Report, fmt: str, title: str = "") -> bytes:
    """The report in a text format ("html", "csv" or "json") as UTF-8 bytes."""
    if fmt == "html":
        text = report_html(report, title)
    elif fmt == "csv":
        text = report_csv(report)
    elif fmt == "json":
        text = report_json(report)
    else:
        raise ValueError(f"{fmt} is not a text report format")
    # A lone surrogate (never in read files; refused in pastes) cannot be encoded: replaced.
    return text.encode("utf-8", "replace")
