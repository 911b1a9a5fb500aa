"""Measuring synchronised scrolling as a user sees it (shared by tests and benchmarks).

The leader is scrolled in small steps. At each step the line at its sync point is found in
the text layout. The sync point is the product's (``SyncScroller.sync_line``): Meld's shape
(top of the view at the start, middle in between, bottom at the end), but moving down the
screen only while it passes over text the follower shares, so it is one per follower.
Without it (an older version of the product) Meld's fraction, written out here, is used.
When the line lies in a passage of the order-preserving chain, its counterpart word (by a
word alignment of the two copies, independent of the scroller) is found in the follower,
and the distance between the two lines on screen is recorded. Followers moving up while
the leader moves down are recorded too, and so are chained passages that never came to
the sync point (a sync point that skipped shared text would dodge the measure).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from viewer.core.chain import link_segments, monotone_chain
from viewer.core.model import Comparison

WORD = re.compile(r"\w+")


def sync_point(top: float, page: float, total: float) -> float:
    """Meld's sync fraction (for versions of the product without ``sync_line``)."""
    span = total - page
    if span <= 0:
        return 0.0
    top = min(max(top, 0.0), span)
    if span < page:
        return top / span
    half = page / 2
    return 0.5 * min(1.0, top / half) + 0.5 * max(0.0, (top - (span - half)) / half)


def counterpart(
    text_a: str, range_a: tuple[int, int], text_b: str, range_b: tuple[int, int], offset: int
) -> tuple[int, int] | None:
    """The word of A at (or just after) ``offset`` and its counterpart in B: their starts.

    Found by a word alignment of the two ranges; None for a word B does not have.
    """
    words_a = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text_a, *range_a)]
    words_b = [(m.start(), m.group().lower()) for m in WORD.finditer(text_b, *range_b)]
    index = next((i for i, (_, end, _) in enumerate(words_a) if end > offset), None)
    if index is None:
        return None
    matcher = SequenceMatcher(
        None, [w for _, _, w in words_a], [w for _, w in words_b], autojunk=False
    )
    for i, j, n in matcher.get_matching_blocks():
        if i <= index < i + n:
            return words_a[index][0], words_b[j + index - i][0]
    return None


@dataclass
class Trace:
    """What a user would have seen while scrolling one leader."""

    errors: list[float] = field(default_factory=list)  # pixels off, per follower and step
    line: float = 0.0  # one line's height in the leader (pixels)
    backwards: list[tuple[int, int, int]] = field(default_factory=list)  # (step, pane, pixels)
    worst: tuple[float, int, int] = (0.0, -1, -1)  # (pixels, leader top, follower)
    unmet: list[tuple[int, int, float]] = field(default_factory=list)
    # chained passages the sync point never met: (follower, start offset, leader pixels)


def screen_y(pane, y: float) -> float:  # type: ignore[no-untyped-def]
    view = pane.view
    origin = view.viewport().mapTo(view.window(), QPoint(0, 0)).y()
    return origin + y - view.top()


def scroll_and_measure(
    panes,  # type: ignore[no-untyped-def]
    docs: list[int],
    comparison: Comparison,
    leader: int,
    step: int = 20,
    sync_line: Callable[[int, float], float] | None = None,
) -> Trace:
    """Scroll pane ``leader`` from its top to its end in ``step`` px; measure every follower.

    ``sync_line(follower, top)``: document y of the leader's sync point for that follower.
    """
    lead = panes[leader]
    view = lead.view
    bar = view.verticalScrollBar()
    trace = Trace(line=view.bottom_of(1) - view.y_of(0))
    texts = [comparison.documents[d].text for d in docs]
    chains = {
        index: monotone_chain(link_segments(comparison, docs[leader], docs[index]))
        for index in range(len(panes))
        if index != leader
    }
    met: set[tuple[int, float]] = set()
    page = view.viewport().height()
    height = view.document_height()
    end = max(0, round(height - page))
    bar.setValue(0)
    QApplication.processEvents()
    positions = [*range(0, end, step), end]
    for number, top in enumerate(positions):
        before = [p.view.top() for p in panes]
        bar.setValue(top)
        QApplication.processEvents()
        after = [p.view.top() for p in panes]
        for index, (b, a) in enumerate(zip(before, after, strict=True)):
            if index != leader and number and a < b:
                trace.backwards.append((number, index, b - a))
        for index, chain in chains.items():
            if sync_line is None:
                line_y = top + sync_point(top, page, height) * page
            else:
                line_y = sync_line(index, top)
            offset = view.offset_at(line_y)
            segment = next((s for s in chain if s[0] <= offset < s[1]), None)
            if segment is None:
                continue
            met.add((index, segment[0]))
            pair = counterpart(
                texts[leader],
                (int(segment[0]), int(segment[1])),
                texts[index],
                (int(segment[2]), int(segment[3])),
                offset,
            )
            if pair is None:
                continue
            mine = screen_y(lead, view.y_of(pair[0]))
            theirs = screen_y(panes[index], panes[index].view.y_of(pair[1]))
            error = abs(mine - theirs)
            trace.errors.append(error)
            if error > trace.worst[0]:
                trace.worst = (error, top, index)
    for index, chain in chains.items():
        for a0, a1, _, _ in chain:
            if (index, a0) not in met:
                tall = view.bottom_of(int(a1)) - view.y_of(int(a0))
                trace.unmet.append((index, int(a0), tall))
    return trace


def gap_at_sync_line(window, leader: int, follower: int) -> float | None:  # type: ignore[no-untyped-def]
    """Screen pixels between the word at pane ``leader``'s sync line (for ``follower``) and
    its counterpart in pane ``follower``; None when that word is not in a chained passage
    or has no counterpart."""
    panes, docs, comparison = window.row.panes, window.docs_of_panes, window.comparison
    view = panes[leader].view
    offset = view.offset_at(window.sync.sync_line(leader, follower, view.top()))
    chain = monotone_chain(link_segments(comparison, docs[leader], docs[follower]))
    segment = next((s for s in chain if s[0] <= offset < s[1]), None)
    if segment is None:
        return None
    texts = [comparison.documents[d].text for d in (docs[leader], docs[follower])]
    pair = counterpart(
        texts[0],
        (int(segment[0]), int(segment[1])),
        texts[1],
        (int(segment[2]), int(segment[3])),
        offset,
    )
    if pair is None:
        return None
    theirs = screen_y(panes[follower], panes[follower].view.y_of(pair[1]))
    return theirs - screen_y(panes[leader], view.y_of(pair[0]))
