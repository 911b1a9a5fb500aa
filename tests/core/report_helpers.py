"""A reviewed comparison for the report tests: the seeds plus an article and notes full of
markup (``<script>``, ``<img src=…>``, ``&amp;``), quotes and line breaks."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from viewer.core.articles import read_article
from viewer.core.model import Comparison
from viewer.core.notes import add_range_note, set_passage_text, set_passage_verdict
from viewer.core.review import ReviewState, new_state

from .review_helpers import WHEN, compared, copy_seeds

HOSTILE = '<script>alert("x")</script> <img src=http://example.invalid/x.png> &amp; "q" \'s'


def hostile_article(folder: Path) -> Path:
    """An article that copies a seed paragraph, wrapped in markup-like text."""
    seed = (sorted(folder.glob("004-*.md")))[0].read_text(encoding="utf-8")
    body = seed.split("\n\n")
    quoted = max(body, key=len)
    path = folder / "010-hostile.txt"
    path.write_text(
        f"{HOSTILE} headline\n\nIntro {HOSTILE} text.\n\n{quoted}\n\nEnd & <b>bold</b>\x07\n",
        encoding="utf-8",
    )
    return path


def reviewed(folder: Path) -> tuple[ReviewState, Comparison]:
    """Six articles, a verdict and note on every other passage and two range notes."""
    paths = copy_seeds(folder)
    paths.append(hostile_article(folder))
    state = new_state([read_article(p)[0] for p in paths])
    comparison = compared(state)
    for passage in comparison.passages[::2]:
        state = set_passage_verdict(
            state, comparison, passage.id, "credited copy", author="A", when=WHEN
        )
        state = set_passage_text(
            state,
            comparison,
            passage.id,
            f'P{passage.id}: {HOSTILE}\nsecond "line"',
            author="A",
            when=WHEN,
        )
    last = len(comparison.documents) - 1
    state = add_range_note(
        state,
        comparison,
        last,
        0,
        30,
        text=f"range {HOSTILE}",
        verdict="not reuse",
        author="B",
        when=WHEN,
    )
    state = add_range_note(
        state, comparison, 1, 5, 40, text='plain, "quoted"\r\nnote', author="", when=WHEN
    )
    return state, compared(state)


VOID = frozenset({"br", "meta", "img", "hr", "input", "link", "wbr"})


class ReportParser(HTMLParser):
    """What a reader sees of a report: every element's id, every link, the text of each
    article column (markers left out) and where each marker stands in it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: dict[str, list[str]] = {}  # marker id -> the hrefs inside it
        self.columns: list[str] = []
        self.marker_at: dict[str, tuple[int, int]] = {}  # marker id -> (column, offset)
        self.scripts = 0
        self.images = 0
        self.text_by_id: dict[str, str] = {}
        self._stack: list[tuple[str, str | None, bool]] = []  # tag, id, marker
        self._column: list[str] | None = None
        self._marker: str | None = None
        self._marker_depth = 0
        self._open_ids: list[tuple[str, int, list[str]]] = []
        self.all_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "img":
            self.images += 1
        if tag in ("td", "th", "br", "div"):
            for _, _, parts in self._open_ids:
                parts.append(" ")  # cells read apart, as on screen
        if tag in VOID:
            return
        if a.get("id"):
            self.ids.append(a["id"] or "")
        classes = (a.get("class") or "").split()
        if tag == "td" and "text" in classes:
            self._column = []
        if self._marker is not None:
            self._marker_depth += 1
            if tag == "a" and a.get("href"):
                self.links[self._marker].append(a["href"] or "")
        elif self._column is not None and ("pm" in classes or "nm" in classes):
            self._marker = a.get("id") or f"nm{len(self.marker_at)}"
            self._marker_depth = 1
            self.links[self._marker] = [a["href"] or ""] if a.get("href") else []
            self.marker_at[self._marker] = (len(self.columns), len("".join(self._column)))
        if tag in ("table", "tr", "div", "td", "th") and a.get("id"):
            self._open_ids.append((a["id"] or "", 0, []))
        for i, (name, depth, parts) in enumerate(self._open_ids):
            self._open_ids[i] = (name, depth + 1, parts)

    def handle_endtag(self, tag: str) -> None:
        for i, (name, depth, parts) in enumerate(self._open_ids):
            self._open_ids[i] = (name, depth - 1, parts)
        while self._open_ids and self._open_ids[-1][1] == 0:
            name, _, parts = self._open_ids.pop()
            self.text_by_id[name] = "".join(parts)
        if self._marker is not None:
            self._marker_depth -= 1
            if self._marker_depth == 0:
                self._marker = None
            return
        if tag == "td" and self._column is not None:
            self.columns.append("".join(self._column))
            self._column = None

    def handle_data(self, data: str) -> None:
        self.all_text.append(data)
        for _, _, parts in self._open_ids:
            parts.append(data)
        if self._column is not None and self._marker is None:
            self._column.append(data)


def parse_report(html: str) -> ReportParser:
    parser = ReportParser()
    parser.feed(html)
    parser.close()
    return parser
