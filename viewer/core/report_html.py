"""The HTML report: one self-contained file (core layer; no Qt).

Styles are inline, nothing is fetched (a Content-Security-Policy forbids it as well), and
it reads the same without script; a few lines of inline script only highlight a passage's
copies while the pointer is over one of them. Every article, title and note is escaped
(``viewer.core.reportescape``). Print CSS lays it out on A4 or Letter landscape.
"""

from __future__ import annotations

from viewer.core.navigation import percent
from viewer.core.reportcolours import (
    CHANGED,
    CHANGED_TEXT,
    OUTLINE,
    SHARED,
    SHARED_TEXT,
    shared_level,
)
from viewer.core.reportcolumns import copy_id, passage_label, side_by_side
from viewer.core.reportescape import escape
from viewer.core.reportmodel import NoteEntry, PassageEntry, Report

_SHARED_CSS = "\n".join(
    f".s{i} {{ background-color: {c}; color: {SHARED_TEXT}; }}" for i, c in enumerate(SHARED)
)
CSS = f"""
body {{ font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #000000;
  background-color: #ffffff; margin: 1em; }}
h1 {{ font-size: 16pt; margin: 0 0 4pt 0; }}
h2 {{ font-size: 13pt; margin: 14pt 0 4pt 0; border-bottom: 1px solid #888888; }}
h3 {{ font-size: 11pt; margin: 10pt 0 4pt 0; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #b0b0b0; padding: 2pt 4pt; vertical-align: top; text-align: left; }}
th {{ background-color: #eeeeee; }}
td.num, th.num {{ text-align: right; }}
.muted, .tt {{ color: #444444; font-weight: normal; }}
{_SHARED_CSS}
.ch {{ background-color: {CHANGED}; color: {CHANGED_TEXT}; }}
table.side {{ width: 100%; table-layout: fixed; }}
td.text {{ white-space: pre-wrap; font-family: "DejaVu Serif", Georgia, serif;
  font-size: 9.5pt; line-height: 1.35; overflow-wrap: anywhere; }}
.pm {{ font-family: "DejaVu Sans", Arial, sans-serif; font-size: 7pt; white-space: nowrap;
  border: 1px solid {OUTLINE}; background-color: #ffffff; color: #000000; padding: 0 2pt;
  margin-right: 2pt; }}
.pm.moved {{ border-style: dashed; }}
.mv {{ font-style: italic; font-weight: bold; }}
.vd {{ font-style: italic; }}
.nm {{ font-family: "DejaVu Sans", Arial, sans-serif; font-size: 7pt; font-weight: bold;
  background-color: #fff3b0; color: #000000; border: 1px solid #8a7400; padding: 0 2pt; }}
a {{ color: #0b57d0; }}
.pm a, .nm {{ text-decoration: none; }}
.pm:target, tr:target {{ outline: 3px solid #9f7fff; }}
.pm.hot {{ outline: 3px solid #9f7fff; }}
.note {{ white-space: pre-wrap; }}
.swatch {{ border: 1px solid #888888; padding: 0 6pt; }}
* {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
@page {{ size: landscape; margin: 10mm; }}
@media print {{
  body {{ margin: 0; font-size: 8.5pt; }}
  a {{ color: #000000; text-decoration: none; }}
  td.text {{ font-size: 8pt; }}
  table.cols5 td.text, table.cols6 td.text, table.cols7 td.text, table.cols8 td.text {{
    font-size: 6.5pt; }}
  h2 {{ break-after: avoid; }}
  section.sides {{ break-before: page; }}
  table.list tr {{ break-inside: avoid; }}
}}
"""

# Optional: while the pointer is over a passage marker or list row, outline its copies.
SCRIPT = """
document.addEventListener("mouseover", function (e) {
  var el = e.target.closest ? e.target.closest("[data-p]") : null;
  var on = el ? el.getAttribute("data-p") : null;
  document.querySelectorAll(".pm").forEach(function (m) {
    m.classList.toggle("hot", on !== null && m.getAttribute("data-p") === on);
  });
});
"""

_GRID = 'cellpadding="3" cellspacing="0"'  # cell spacing for Qt, which ignores CSS padding
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


def _articles(report: Report) -> str:
    rows = []
    for a in (report.articles[d] for d in report.order):
        rows.append(
            f'<tr id="article-{a.doc}"><td>{escape(a.short)}</td><td>{escape(a.title)}<br>'
            f'<span class="muted">{escape(a.name)}</span></td><td>{escape(a.outlet)}</td>'
            f'<td>{escape(a.date)}</td><td class="num">{a.words:,}</td>'
            f'<td class="num">{percent(a.original)}</td></tr>'
        )
    return (
        f'<table id="articles" class="list" {_GRID}>'
        "<thead><tr><th>Article</th><th>Title</th>"
        '<th>Outlet</th><th>Date</th><th class="num">Words</th><th class="num">Original</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _matrix(report: Report) -> str:
    names = {a.doc: escape(a.short) for a in report.articles}
    head = "".join(f'<th class="num">{names[d]}</th>' for d in report.order)
    rows = []
    for a in report.order:
        cells = []
        for b in report.order:
            if a == b:
                cells.append('<td class="num muted">–</td>')
                continue
            pair = report.pair(a, b)
            figure = f"{percent(pair.shared[0])} · {pair.passages}" if pair.passages else "0 %"
            cells.append(f'<td class="num" id="matrix-{a}-{b}">{figure}</td>')
        rows.append(f"<tr><th>{names[a]}</th>{''.join(cells)}</tr>")
    return (
        "<p class=\"muted\">Each row: the share of that article's words found in the column's "
        "article, and the number of passages they share.</p>"
        f'<table id="matrix" {_GRID}>'
        f"<thead><tr><th></th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _verdicts(report: Report) -> str:
    if report.state is None:
        return '<p class="muted">No review session: no verdicts or notes.</p>'
    rows = [
        f'<tr><td>{escape(name)}</td><td class="num">{count}</td></tr>'
        for name, count in report.verdicts
    ]
    if report.unmarked:
        rows.append(
            f'<tr><td class="muted">(no verdict)</td><td class="num">{report.unmarked}</td></tr>'
        )
    return (
        f'<table id="verdicts" {_GRID}>'
        '<thead><tr><th>Verdict</th><th class="num">Notes</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _note_html(note: NoteEntry) -> str:
    by = f' <span class="muted">({escape(note.author)}, {escape(note.modified)})</span>'
    who = by if note.author or note.modified else ""
    verdict = f"<b>{escape(note.verdict)}</b> " if note.verdict else ""
    text = f'<span class="note">{escape(note.text)}</span>'
    return f'<div id="note-{note.id}">{verdict}{text}{who}</div>'


def _passage_row(report: Report, entry: PassageEntry) -> str:
    row = entry.row
    links = []
    for k, span in enumerate(entry.spans):
        name = escape(report.articles[span.doc].short)
        view = next((v for v, docs in enumerate(report.views) if span.doc in docs), None)
        links.append(
            name if view is None else f'<a href="#{copy_id(view, entry.id, k)}">{name}</a>'
        )
    copies = " ".join(links)
    notes = "".join(_note_html(n) for n in entry.notes)
    return (
        f'<tr id="passage-{entry.id}" data-p="{entry.id}"><td>{passage_label(entry.id)}</td>'
        f"<td>{copies}</td>"
        f'<td class="num">{row.words}</td><td class="num">{percent(row.similarity)}</td>'
        f'<td class="num">{row.changed_words}</td><td>{"moved" if row.moved else ""}</td>'
        f"<td>{escape(row.first_words)}</td><td>{escape(entry.verdict or '')}</td>"
        f"<td>{notes}</td></tr>"
    )


def _passages(report: Report) -> str:
    if not report.passages:
        return '<p class="muted">The articles share no passage.</p>'
    rows = "".join(_passage_row(report, e) for e in report.passages)
    return (
        f'<table id="passages" class="list" {_GRID}>'
        "<thead><tr><th>No.</th><th>Copies in</th>"
        '<th class="num">Words</th><th class="num">Alike</th><th class="num">Changed</th>'
        "<th>Moved</th><th>First words</th><th>Verdict</th><th>Notes</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _other_notes(report: Report) -> str:
    parts = []
    names = report.articles
    if report.range_notes:
        items = "".join(
            f"<tr><td>N{n.id}</td><td>"
            + ", ".join(escape(names[r.doc].short) for r in n.ranges)
            + f'</td><td class="note">{escape(" … ".join(n.quotes))}</td>'
            f"<td>{_note_html(n)}</td></tr>"
            for n in report.range_notes
        )
        parts.append(
            f'<h3>Notes on text</h3><table id="range-notes" class="list" {_GRID}>'
            "<thead><tr><th>Note</th>"
            f"<th>In</th><th>On the words</th><th>Note</th></tr></thead>"
            f"<tbody>{items}</tbody></table>"
        )
    if report.lost_notes:
        items = "".join(
            f'<tr><td>N{n.id}</td><td class="note">{escape(" … ".join(n.quotes))}</td>'
            f"<td>{_note_html(n)}</td></tr>"
            for n in report.lost_notes
        )
        parts.append(
            '<h3>Lost notes</h3><p class="muted">Their words are no longer in the articles.</p>'
            f'<table id="lost-notes" class="list" {_GRID}>'
            "<thead><tr><th>Note</th><th>Was on</th>"
            f"<th>Note</th></tr></thead><tbody>{items}</tbody></table>"
        )
    return "\n".join(parts)


def _legend(report: Report) -> str:
    possible = len(report.comparison.documents) - 1
    levels: dict[int, list[int]] = {}
    for others in range(1, possible + 1):
        levels.setdefault(shared_level(others, possible), []).append(others)
    swatches = "".join(
        f'<span class="swatch s{level}">shared with {_count_words(counts, possible)}</span> '
        for level, counts in sorted(levels.items())
    )
    return (
        f'<p id="legend">{swatches}<span class="swatch ch">changed words</span> '
        '<span class="pm">P1</span> a passage: its number links to the list, '
        '<span class="pm">→ name</span> to its copies; <span class="pm moved">P2 '
        '<span class="mv">moved</span></span> a passage in another order; '
        '<span class="nm">N1</span> a note.</p>'
    )


def _count_words(counts: list[int], possible: int) -> str:
    if counts[-1] == possible and possible > 1:
        prefix = "" if len(counts) == 1 else f"{counts[0]}–"
        return f"{prefix}all {possible} others" if prefix else f"all {possible} others"
    if len(counts) == 1:
        return "1 other" if counts[0] == 1 else f"{counts[0]} others"
    return f"{counts[0]}–{counts[-1]} others"


def report_html(report: Report, title: str = "", script: bool = True, extra_css: str = "") -> str:
    """The whole report as one HTML document (``script=False``: without the hover script;
    ``extra_css`` after the report's own, e.g. print sizes for a layout engine without
    ``@media print``)."""
    comparison = report.comparison
    options = comparison.options
    heading = title or f"Comparison of {len(comparison.documents)} articles"
    how = f"passages of {options.min_words}+ words"
    ignoring = [
        w
        for w, on in (("case", options.ignore_case), ("punctuation", options.ignore_punctuation))
        if on
    ]
    if ignoring:
        how += ", ignoring " + " and ".join(ignoring)
    body = f"""<h1>{escape(heading)}</h1>
<p class="muted">{len(comparison.passages)} shared passages ({escape(how)}).</p>
<section id="summary"><h2>Summary</h2>
{_articles(report)}
<h3>Who shares with whom</h3>
{_matrix(report)}
<h3>Verdicts</h3>
{_verdicts(report)}
</section>
<section id="passage-list"><h2>Passages</h2>
{_passages(report)}
{_other_notes(report)}
</section>
<section class="sides" id="side-by-side">
<h2 style="page-break-before: always">The articles side by side</h2>
{_legend(report)}
{side_by_side(report)}
</section>"""
    code = f"<script>{SCRIPT}</script>" if script else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(heading)}</title>
<style>{CSS}{extra_css}</style></head>
<body>
{body}
{code}
</body></html>
"""
