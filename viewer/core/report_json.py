"""The JSON report: the comparison contract plus the review state (core layer; no Qt).

The top level is ``viewer compare --json``'s object unchanged (``viewer.core.serialize``),
with added fields: ``report`` (this format's name and version), ``review`` (the session
as a session file holds it, or null), ``verdict_counts`` and ``notes_found`` (where each
note stands in this comparison). Documented by ``docs/report.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from viewer.core import serialize, sessionjson
from viewer.core.reportmodel import Report

FORMAT = "article-viewer-report"
VERSION = 1


def report_dict(report: Report) -> dict[str, Any]:
    """The JSON-ready report."""
    data = serialize.to_dict(report.comparison)
    data["report"] = {"format": FORMAT, "version": VERSION}
    state = report.state
    data["review"] = None if state is None else sessionjson.to_dict(state)
    data["verdict_counts"] = [{"verdict": name, "notes": count} for name, count in report.verdicts]
    notes = sorted(
        (*(n for p in report.passages for n in p.notes), *report.range_notes, *report.lost_notes),
        key=lambda n: n.id,
    )
    data["notes_found"] = [
        {
            "note": n.id,
            "passage": n.passage,
            "lost": n.lost,
            "ranges": [{"doc": r.doc, "start": r.start, "end": r.end} for r in n.ranges],
        }
        for n in notes
    ]
    return data


def report_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=1) + "\n"
