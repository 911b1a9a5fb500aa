"""Reports (HTML, CSV, JSON) as a reader finds them: the summary's figures are the
comparison's, every passage and note is there, each passage's markers link to its copies,
article text and notes show as text, the CSV reads back and the JSON fits its schema."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

from viewer.cli import main
from viewer.core.navigation import percent, short_name
from viewer.core.report_csv import HEADER, report_csv, report_rows
from viewer.core.report_html import report_html
from viewer.core.report_json import report_dict
from viewer.core.reportcolumns import copy_id
from viewer.core.reportmodel import MAX_COLUMNS, build_report
from viewer.core.sessionfile import save_session
from viewer.core.verdicts import verdict_counts

from .helpers import ROOT
from .report_helpers import HOSTILE, parse_report, reviewed


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return reviewed(tmp_path_factory.mktemp("report"))


def _cells(text: str) -> str:
    return " ".join(text.split())


def test_the_summary_shows_the_comparisons_figures(review) -> None:  # type: ignore[no-untyped-def]
    state, comparison = review
    page = parse_report(report_html(build_report(comparison, state)))
    for doc, stats in enumerate(comparison.document_stats):
        row = _cells(page.text_by_id[f"article-{doc}"])
        assert f" {stats.words:,} {percent(stats.original)}" in row
        assert row.startswith(short_name(comparison.documents[doc]))
    for pair in comparison.pairs:
        for a, b in (pair.docs, pair.docs[::-1]):
            stats = comparison.pair(a, b)
            shown = _cells(page.text_by_id[f"matrix-{a}-{b}"])
            expected = f"{percent(stats.shared[0])} · {stats.passages}" if stats.passages else "0 %"
            assert shown == expected
    verdicts = _cells(page.text_by_id["verdicts"])
    counts = verdict_counts(state)
    assert counts["credited copy"] == (len(comparison.passages) + 1) // 2
    for name, count in counts.items():
        assert f"{name} {count}" in verdicts


def test_every_passage_and_note_appears_once(review) -> None:  # type: ignore[no-untyped-def]
    state, comparison = review
    page = parse_report(report_html(build_report(comparison, state)))
    assert len(page.ids) == len(set(page.ids))
    for passage in comparison.passages:
        assert f"passage-{passage.id}" in page.ids
    text = "".join(page.all_text)
    for note in state.notes:
        shown = page.text_by_id[f"note-{note.id}"]
        assert note.text in shown and text.count(note.text) == 1


def test_each_passage_links_to_its_copies_where_they_stand(review) -> None:  # type: ignore[no-untyped-def]
    state, comparison = review
    report = build_report(comparison, state)
    page = parse_report(report_html(report))
    order = report.order
    # Each column reads exactly its article's text: nothing lost, nothing read as markup.
    shown = [comparison.documents[d].text.replace("\x07", "\u2407") for d in order]
    assert page.columns == shown
    for passage in comparison.passages:
        for k, span in enumerate(passage.spans):
            marker = copy_id(0, passage.id, k)
            assert page.marker_at[marker] == (order.index(span.doc), span.start)
            others = {f"#{copy_id(0, passage.id, j)}" for j in range(len(passage.spans)) if j != k}
            assert set(page.links[marker]) == {f"#passage-{passage.id}"} | others
        row_links = page.text_by_id[f"passage-{passage.id}"]
        assert row_links  # the list row exists; its links are checked by id below
    targets = set(page.ids)
    assert all(h[1:] in targets for hrefs in page.links.values() for h in hrefs)


def test_markup_in_articles_titles_and_notes_shows_as_text(review) -> None:  # type: ignore[no-untyped-def]
    state, comparison = review
    html = report_html(build_report(comparison, state), script=False)
    page = parse_report(html)
    assert page.scripts == 0 and page.images == 0
    assert "<script>alert" not in html and "<img src=http" not in html
    assert "&amp;amp;" in html  # "&amp;" in the text is shown as the five characters
    visible = "".join(page.all_text)
    assert visible.count(HOSTILE) >= 4  # title, article text, passage notes, range note
    assert "\u2407" in visible  # the BEL control character, as its picture
    assert parse_report(report_html(build_report(comparison, state))).scripts == 1


def test_the_csv_reads_back_the_same(review) -> None:  # type: ignore[no-untyped-def]
    state, comparison = review
    report = build_report(comparison, state)
    text = report_csv(report)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == HEADER
    assert rows[1:] == report_rows(report)
    spans = sum(len(p.spans) for p in comparison.passages)
    notes = [n for n in state.notes if n.kind == "range"]
    assert len(rows) - 1 == spans + len(notes)
    names = [d.name for d in comparison.documents]
    for row in rows[1:]:
        doc = names.index(row[1])
        assert comparison.documents[doc].text[int(row[2]) : int(row[3])] == row[4]
    written = {row[8] for row in rows[1:]}
    for note in state.notes:
        assert any(note.text in cell for cell in written)


def _validator() -> jsonschema.Draft202012Validator:
    docs = ROOT / "docs"
    session = json.loads((docs / "session.schema.json").read_text(encoding="utf-8"))
    schema = json.loads((docs / "report.schema.json").read_text(encoding="utf-8"))
    registry: Registry = Registry().with_resource(session["$id"], Resource.from_contents(session))
    return jsonschema.Draft202012Validator(schema, registry=registry)


def test_the_json_fits_its_schema_with_and_without_a_session(review) -> None:  # type: ignore[no-untyped-def]
    state, comparison = review
    validator = _validator()
    data = json.loads(json.dumps(report_dict(build_report(comparison, state))))
    validator.validate(data)
    assert data["review"]["notes"][0]["text"] == state.notes[0].text
    assert {n["note"] for n in data["notes_found"]} == {n.id for n in state.notes}
    plain = json.loads(json.dumps(report_dict(build_report(comparison))))
    validator.validate(plain)
    assert plain["review"] is None
    broken = dict(data, notes_found=[{"note": "one"}])
    assert not validator.is_valid(broken)


def test_more_articles_than_columns_show_in_chosen_pairs() -> None:
    from viewer.core.compare import compare
    from viewer.core.model import CompareOptions

    from .helpers import doc

    words = [f"w{i}x" for i in range(400)]
    chunks = [" ".join(words[i * 12 : i * 12 + 12]) for i in range(12)]
    texts = [
        f"Own start {i}. {chunks[i]}. Filler {i} here. {chunks[i + 1]}. End." for i in range(10)
    ]
    comparison = compare(
        [doc(t, f"{i:03}.txt") for i, t in enumerate(texts)], CompareOptions(min_words=6)
    )
    report = build_report(comparison)
    assert len(report.order) > MAX_COLUMNS
    assert all(len(view) == 2 for view in report.views)
    shown = {d for view in report.views for d in view}
    assert shown == set(range(10))  # every article shares with a neighbour: all are shown
    page = parse_report(report_html(report))
    assert len(page.columns) == 2 * len(report.views)
    targets = set(page.ids)
    assert all(h[1:] in targets for hrefs in page.links.values() for h in hrefs)


def test_viewer_report_writes_each_format(tmp_path: Path, review) -> None:  # type: ignore[no-untyped-def]
    state, _ = review
    session = tmp_path / "r.avsession"
    save_session(state, session)
    for suffix in ("html", "csv", "json"):
        out = tmp_path / f"out.{suffix}"
        assert main(["report", str(session), "-o", str(out)]) == 0
        assert out.stat().st_size > 1000
    assert HOSTILE not in (tmp_path / "out.html").read_text(encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["report", str(session), "-o", str(tmp_path / "out.docx")])
    assert exc.value.code == 2
