"""The CSV report: one row per span, for spreadsheets (core layer; no Qt).

Columns: passage (its number as the window and the HTML report show it, empty for a
note on a range of text), article, start, end (code-point offsets into the article's
text), text, the articles that carry the passage, similarity, verdict and note. Written
with Python's ``csv`` module, so quotes and line breaks in notes read back the same.
"""

from __future__ import annotations

import csv
import io

from viewer.core.reportmodel import NoteEntry, Report

HEADER = (
    "passage",
    "article",
    "start",
    "end",
    "text",
    "carried by",
    "similarity",
    "verdict",
    "note",
)


def _note_text(notes: tuple[NoteEntry, ...]) -> str:
    return "\n\n".join(n.text for n in notes if n.text)


def report_rows(report: Report) -> list[list[str]]:
    """The rows under ``HEADER``: every span of every passage, then every note on a range
    of text (lost notes have no span and are left out)."""
    documents = report.comparison.documents
    names = [a.name for a in report.articles]
    rows: list[list[str]] = []
    for entry in report.passages:
        carriers = ", ".join(names[d] for d in entry.row.docs)
        for span in entry.spans:
            rows.append(
                [
                    str(entry.id + 1),
                    names[span.doc],
                    str(span.start),
                    str(span.end),
                    documents[span.doc].text[span.start : span.end],
                    carriers,
                    f"{entry.row.similarity:.3f}",
                    entry.verdict or "",
                    _note_text(entry.notes),
                ]
            )
    for note in report.range_notes:
        for where in note.ranges:
            rows.append(
                [
                    "",
                    names[where.doc],
                    str(where.start),
                    str(where.end),
                    documents[where.doc].text[where.start : where.end],
                    names[where.doc],
                    "",
                    note.verdict or "",
                    note.text,
                ]
            )
    return rows


def report_csv(report: Report) -> str:
    """The CSV text (header first; lines end in CRLF as RFC 4180 has it)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(report_rows(report))
    return out.getvalue()
