"""The comparison's JSON form, a public versioned contract (core layer; no Qt).

``{"version": 1, "documents": [...], "passages": [...], "pairs": [...]}`` as DESIGN.md
gives it; fields may be added, none renamed or removed without a new version.
"""

from __future__ import annotations

import json
from typing import Any

from viewer.core.model import Comparison

FORMAT_VERSION = 1


def to_dict(comparison: Comparison) -> dict[str, Any]:
    """The JSON-ready dictionary of a comparison."""
    options = comparison.options
    return {
        "version": FORMAT_VERSION,
        "options": {
            "min_words": options.min_words,
            "ignore_case": options.ignore_case,
            "ignore_punctuation": options.ignore_punctuation,
        },
        "documents": [
            {
                "path": doc.path,
                "title": doc.title,
                "outlet": doc.outlet,
                "date": doc.date,
                "author": doc.author,
                "url": doc.url,
                "format": doc.format,
                "words": stats.words,
                "shared": stats.shared,
                "text": doc.text,
            }
            for doc, stats in zip(comparison.documents, comparison.document_stats, strict=True)
        ],
        "passages": [
            {
                "id": passage.id,
                "similarity": passage.similarity,
                "spans": [
                    {
                        "doc": span.doc,
                        "start": span.start,
                        "end": span.end,
                        "changes": [list(change) for change in span.changes],
                    }
                    for span in passage.spans
                ],
            }
            for passage in comparison.passages
        ],
        "links": [
            {
                "passage": link.passage,
                "docs": list(link.docs),
                "ranges": [list(r) for r in link.ranges],
                "similarity": link.similarity,
            }
            for link in comparison.links
        ],
        "pairs": [
            {
                "docs": list(pair.docs),
                "shared": list(pair.shared),
                "passages": pair.passages,
                "longest": pair.longest_words,
            }
            for pair in comparison.pairs
        ],
    }


def to_json(comparison: Comparison, indent: int | None = 1) -> str:
    """The comparison as JSON text (Unicode kept as is)."""
    return json.dumps(to_dict(comparison), ensure_ascii=False, indent=indent)
