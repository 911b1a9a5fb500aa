"""The articles side by side, as HTML columns (core layer; no Qt).

Each article's text is written in pieces coloured as the window colours them (shared
text by how many others carry it, changed words on top). At the start of each copy of a
passage a marker names the passage and links to its other copies in the same view; a
note's marker links to the note in the passage list. Anchor ids are ``v{view}-p{passage
id}-{span index}``, so every copy has one target per view.
"""

from __future__ import annotations

from collections import defaultdict

from viewer.core.navigation import percent
from viewer.core.reportescape import escape
from viewer.core.reportmodel import NOT_SHARED, PassageEntry, Report


def copy_id(view: int, passage_id: int, span: int) -> str:
    """The anchor id of copy ``span`` of a passage in side-by-side view ``view``."""
    return f"v{view}-p{passage_id}-{span}"


def passage_label(passage_id: int) -> str:
    """How a passage is named to a reader: "P3" for passage id 2 (as the window numbers)."""
    return f"P{passage_id + 1}"


def _passage_marker(report: Report, entry: PassageEntry, span: int, view: int) -> str:
    shown = set(report.views[view])
    names = report.articles
    links = [
        f'<a class="to" href="#{copy_id(view, entry.id, k)}">'
        f"→&#8239;{escape(names[s.doc].short)}</a>"
        for k, s in enumerate(entry.spans)
        if k != span and s.doc in shown
    ]
    moved = ' <span class="mv">moved</span>' if entry.row.moved else ""
    verdict = f' <span class="vd">{escape(entry.verdict)}</span>' if entry.verdict else ""
    title = f"{passage_label(entry.id)}: {percent(entry.row.similarity)} alike"
    return (
        f'<span class="pm{" moved" if entry.row.moved else ""}" data-p="{entry.id}" '
        f'id="{copy_id(view, entry.id, span)}" title="{escape(title)}">'
        f'<a href="#passage-{entry.id}">{passage_label(entry.id)}</a>{moved}{verdict} '
        f"{' '.join(links)}</span>"
    )


def _markers(report: Report, doc: int, view: int) -> dict[int, list[str]]:
    """HTML to insert before the character at each offset of ``doc``."""
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for entry in report.passages:
        for k, span in enumerate(entry.spans):
            if span.doc == doc:
                found[span.start].append((span.end, _passage_marker(report, entry, k, view)))
    for note in report.range_notes:
        for where in note.ranges:
            if where.doc == doc:
                marker = f'<a class="nm" href="#note-{note.id}">N{note.id}</a>'
                found[where.start].append((where.end, marker))
    # At one offset the longer range's marker comes first.
    return {at: [m for _, m in sorted(items, key=lambda i: -i[0])] for at, items in found.items()}


def article_html(report: Report, doc: int, view: int) -> str:
    """The text of ``doc`` as HTML: escaped, coloured, with passage and note markers."""
    text = report.comparison.documents[doc].text
    markers = _markers(report, doc, view)
    cuts = sorted(markers)
    out: list[str] = []
    at = 0
    for piece in report.pieces[doc]:
        classes = [] if piece.level == NOT_SHARED else [f"s{piece.level}"]
        if piece.changed:
            classes.append("ch")
        position = piece.start
        while position < piece.end:
            while at < len(cuts) and cuts[at] <= position:
                out.extend(markers[cuts[at]])
                at += 1
            stop = min(piece.end, cuts[at]) if at < len(cuts) else piece.end
            chunk = escape(text[position:stop])
            out.append(f'<span class="{" ".join(classes)}">{chunk}</span>' if classes else chunk)
            position = stop
    out.extend(m for cut in cuts[at:] for m in markers[cut])
    return "".join(out)


def side_by_side(report: Report) -> str:
    """One table per view: a header row of article names, one row of their texts."""
    parts = []
    for view, docs in enumerate(report.views):
        articles = [report.articles[d] for d in docs]
        if len(report.views) > 1:
            names = " and ".join(escape(a.short) for a in articles)
            parts.append(f'<h3 id="view-{view}">{names}</h3>')
        width = 100 // max(1, len(docs))
        heads = "".join(
            f'<th width="{width}%"><a href="#article-{a.doc}">{escape(a.short)}</a> '
            f'<span class="tt">{escape(a.title)}</span></th>'
            for a in articles
        )
        cells = "".join(
            f'<td width="{width}%" class="text">{article_html(report, d, view)}</td>' for d in docs
        )
        parts.append(
            f'<table class="side cols{len(docs)}" width="100%" cellspacing="0" cellpadding="4">'
            f"<thead><tr>{heads}</tr></thead><tbody><tr>{cells}</tr></tbody></table>"
        )
    return "\n".join(parts)
