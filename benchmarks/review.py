"""Review panels benchmark: the passage list and the share matrix, opening and filtering.

Run by hand from the repository root (prints figures, asserts nothing; offscreen)::

    .venv/bin/python benchmarks/review.py [--repeat 9] [--articles 12] [--seed 1]

Input: 12 articles built from BBC paragraphs (read in place from ``../shared/corpus/bbc``,
never copied): each draws paragraphs from one shared pool in its own order, a third of
them lightly edited, and adds paragraphs of its own, so that the comparison has about 500
passages, some carried by several articles, some moved, many with changed words. It is
compared once, in-process.

Figures (medians over ``--repeat`` runs, wall clock; targets from issue 8):
(a) open: a new panel on the comparison, from ``show()`` to its first paint done (rows
    built, model filled, laid out, painted); list and matrix; target <= 100 ms each;
(b) filter: from changing a filter to the list repainted: one search letter, a longer
    search, an article, "changed", "moved", and back to all rows; target <= 50 ms each;
(c) sort: a click on a column header to the list repainted (no target; for reference);
(d) the part of (a) spent building the rows in core (``passage_rows``).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from corpus import Editor, Segment, load_articles
from PySide6.QtCore import Qt, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from viewer.core.compare import compare
from viewer.core.documents import document_from_text
from viewer.core.model import Comparison
from viewer.core.passagerows import passage_rows
from viewer.qt.hub import ReviewHub
from viewer.qt.matrix import MatrixPanel
from viewer.qt.passagelist import PassageList

POOL_ARTICLES = 160  # BBC articles whose paragraphs the texts share
OPEN_TARGET_MS = 100
FILTER_TARGET_MS = 50


def build_articles(count: int, seed: int) -> list[str]:
    """``count`` texts drawing paragraphs from one pool: in the pool's order, except about
    one in ten moved elsewhere; a third lightly edited; paragraphs of their own between."""
    rng = random.Random(f"{seed}/review")
    _, articles = load_articles()
    editor = Editor(articles)
    picked = rng.sample(articles, POOL_ARTICLES + 6 * count)
    pool = [p for art in picked[:POOL_ARTICLES] for p in art.paras]
    texts = []
    for i in range(count):
        own = [p for art in picked[POOL_ARTICLES + 6 * i : POOL_ARTICLES + 6 * (i + 1)]
               for p in art.paras]  # fmt: skip
        chosen = sorted(rng.sample(range(len(pool)), len(pool) // 6))
        paras = []
        for at in chosen:
            words = pool[at]
            if rng.random() < 0.33:
                seg = editor.light(Segment(None, list(enumerate(words))), rng, 1)
                words = [w for _, w in seg.words]
            paras.append(" ".join(words))
        for _ in range(len(paras) // 10):  # moved paragraphs
            paras.insert(rng.randrange(len(paras)), paras.pop(rng.randrange(len(paras))))
        for words in own:
            paras.insert(rng.randrange(len(paras) + 1), " ".join(words))
        texts.append("\n\n".join(paras))
    return texts


def painted(app: QApplication, widget: QWidget) -> None:
    """Let the widget lay out and paint everything it shows now."""
    app.processEvents()
    widget.repaint()


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def open_time(app: QApplication, hub: ReviewHub, kind: type[QWidget]) -> float:
    panel = kind(hub)  # type: ignore[call-arg]
    panel.resize(1200, 320)

    def show() -> None:
        panel.show()
        painted(app, panel)

    elapsed = timed(show)
    panel.close()
    panel.deleteLater()
    app.processEvents()
    return elapsed


def filter_times(app: QApplication, hub: ReviewHub, repeat: int) -> dict[str, list[float]]:
    panel = PassageList(hub)
    panel.resize(1200, 320)
    panel.show()
    painted(app, panel)
    comparison = hub.comparison
    assert comparison is not None
    word = max(
        (w for row in panel.table.rows for w in row.first_words.split() if w.isalpha()),
        key=lambda w: (len(w) > 5, w),
    )
    steps: list[tuple[str, Callable[[], None]]] = [
        ("search: one letter", lambda: panel.search.setText("g")),
        ("search: clear", lambda: panel.search.clear()),
        (f"search: {word!r}", lambda: panel.search.setText(word)),
        ("search: clear ", lambda: panel.search.clear()),
        ("article: the first", lambda: panel.article.setCurrentIndex(1)),
        ("article: all", lambda: panel.article.setCurrentIndex(0)),
        ("changed on", lambda: panel.changed.setChecked(True)),
        ("moved on (with changed)", lambda: panel.moved.setChecked(True)),
        ("changed off", lambda: panel.changed.setChecked(False)),
        ("moved off: all rows", lambda: panel.moved.setChecked(False)),
    ]
    times: dict[str, list[float]] = {name: [] for name, _ in steps}
    counts: dict[str, int] = {}
    header = panel.view.horizontalHeader()
    sorts: list[float] = []
    for run in range(repeat):
        for name, step in steps:
            times[name].append(timed(lambda s=step: (s(), painted(app, panel))))
            counts[name] = panel.filter.rowCount()
        column = 2 + run % 3  # words, alike, changed

        def sort(column: int = column) -> None:
            header.setSortIndicator(column, Qt.SortOrder.DescendingOrder)
            painted(app, panel)

        sorts.append(timed(sort))
    times["sort by a column (click)"] = sorts
    panel.close()
    filter_times.counts = counts  # type: ignore[attr-defined]
    return times


def describe(comparison: Comparison) -> str:
    passages = comparison.passages
    carriers = statistics.mean(len(p.docs) for p in passages) if passages else 0.0
    rows = passage_rows(comparison)
    moved = sum(r.moved for r in rows)
    changed = sum(r.changed_words > 0 for r in rows)
    words = sum(len(d.text.split()) for d in comparison.documents)
    return (
        f"{len(comparison.documents)} articles, {words:,} words, {len(passages)} passages "
        f"({carriers:.1f} articles each on average, {moved} moved, {changed} with changes)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--articles", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    qInstallMessageHandler(lambda *_: None)  # the offscreen platform's notices
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    texts = build_articles(args.articles, args.seed)
    docs = [document_from_text(t, f"{i:03d}-bbc.txt") for i, t in enumerate(texts)]
    started = time.perf_counter()
    comparison = compare(docs)
    print(f"Input: {describe(comparison)}; compared in {time.perf_counter() - started:.1f} s.")
    print(f"Medians over {args.repeat} runs (wall clock, ms); {os.cpu_count()} CPUs, shared.\n")
    hub = ReviewHub()
    hub.set_comparison(comparison)

    rows = [timed(lambda: passage_rows(comparison)) for _ in range(args.repeat)]
    opens = {
        "passage list": [open_time(app, hub, PassageList) for _ in range(args.repeat)],
        "share matrix": [open_time(app, hub, MatrixPanel) for _ in range(args.repeat)],
    }
    print(f"{'(a) open: show to first paint':<40}{'median':>8}{'max':>8}{'target':>12}")
    for name, values in opens.items():
        median = statistics.median(values)
        verdict = "ok" if median <= OPEN_TARGET_MS else "MISS"
        print(
            f"    {name:<36}{median:>8.1f}{max(values):>8.1f}{f'≤{OPEN_TARGET_MS} {verdict}':>12}"
        )
    print(f"    {'(d) of which passage_rows (core)':<36}{statistics.median(rows):>8.1f}")
    times = filter_times(app, hub, args.repeat)
    counts = filter_times.counts  # type: ignore[attr-defined]
    print(f"\n{'(b) filter, (c) sort: change to repaint':<40}{'median':>8}{'max':>8}"
          f"{'target':>12}{'rows':>7}")  # fmt: skip
    for name, values in times.items():
        median = statistics.median(values)
        is_sort = name.startswith("sort")
        target = "" if is_sort else f"≤{FILTER_TARGET_MS} {'ok' if median <= 50 else 'MISS'}"
        shown = "" if is_sort else str(counts[name])
        print(f"    {name:<36}{median:>8.1f}{max(values):>8.1f}{target:>12}{shown:>7}")


if __name__ == "__main__":
    main()
