"""Where a copy dropped words its counterpart has: points for a caret, as Meld marks them
(core layer; no Qt).

The result says which words of each side of a link changed; the words left unchanged on
both sides are the same sequence. Walking the two sequences together finds each gap where
the counterpart has changed words and this side has none: the words were dropped here.
Derived from the result alone (no diff runs), and only where the unchanged words do line
up exactly; a link longer than ``max_chars`` is skipped so a paint never waits long on it.
"""

from __future__ import annotations

import time

from viewer.core.model import Comparison, Link, Range
from viewer.core.tokens import KeyOptions, tokenize

MAX_LINK_CHARS = 20_000
_BUCKET = 4096  # characters per bucket of the link index


def _words(
    text: str, where: Range, changes: list[Range], options: KeyOptions
) -> list[tuple[int, int, str, bool]]:
    """(start, end, key, changed) for each word of ``text[where]`` (absolute offsets)."""
    start, end = where
    tokens = tokenize(text[start:end], options)
    words = []
    index = 0
    ordered = sorted(changes)
    for s, e, key in zip(tokens.starts, tokens.ends, tokens.keys, strict=True):
        s, e = s + start, e + start
        while index < len(ordered) and ordered[index][1] <= s:
            index += 1
        changed = index < len(ordered) and ordered[index][0] < e
        words.append((s, e, key, changed))
    return words


def _link_points(comparison: Comparison, link: Link, doc: int, options: KeyOptions) -> list[int]:
    side = link.side(doc)
    other = link.docs[1 - side]
    passage = comparison.passages[link.passage]
    inside: list[list[Range]] = []
    for d, where in ((doc, link.ranges[side]), (other, link.ranges[1 - side])):
        changes = [c for span in passage.spans_in(d) for c in span.changes]
        inside.append([c for c in changes if c[0] < where[1] and c[1] > where[0]])
    if not inside[1]:
        return []  # the counterpart changed nothing here, so nothing was dropped here
    sides = [
        _words(comparison.documents[d].text, where, changes, options)
        for (d, where), changes in zip(
            ((doc, link.ranges[side]), (other, link.ranges[1 - side])), inside, strict=True
        )
    ]
    mine, theirs = sides
    equal_mine = [w for w in mine if not w[3]]
    if [w[2] for w in equal_mine] != [w[2] for w in theirs if not w[3]]:
        return []  # the unchanged words do not line up one to one: no claim

    def gaps(words: list[tuple[int, int, str, bool]]) -> set[int]:
        found, gap = set(), 0
        for word in words:
            if word[3]:
                found.add(gap)
            else:
                gap += 1
        return found

    points = []
    for gap in sorted(gaps(theirs) - gaps(mine)):
        if gap > 0:
            points.append(equal_mine[gap - 1][1])
        elif equal_mine:
            points.append(equal_mine[0][0])
    return points


class DeletionFinder:
    """Deletion points of one document, worked out link by link as they are asked for."""

    def __init__(self, comparison: Comparison, doc: int, max_chars: int = MAX_LINK_CHARS) -> None:
        self.comparison = comparison
        self.doc = doc
        self.options = KeyOptions(
            comparison.options.ignore_case, comparison.options.ignore_punctuation
        )
        self._links = []
        for link in comparison.links:
            if doc in link.docs:
                mine = link.ranges[link.side(doc)]
                theirs = link.ranges[1 - link.side(doc)]
                if max(mine[1] - mine[0], theirs[1] - theirs[0]) <= max_chars:
                    self._links.append((mine, link))
        self._cache: dict[int, list[int]] = {}
        # Which links touch each 4,096-character stretch: a paint asks only about its view.
        self._buckets: dict[int, list[int]] = {}
        for index, ((a, b), _link) in enumerate(self._links):
            for bucket in range(a // _BUCKET, b // _BUCKET + 1):
                self._buckets.setdefault(bucket, []).append(index)

    def prepare(self, budget: float) -> bool:
        """Work out links not asked for yet, for about ``budget`` seconds (in idle time, so
        the first paint of a stretch finds its points ready: working them out while
        painting a wheel step took up to a millisecond per link). True when all are done."""
        started = time.perf_counter()
        worked = False
        for index, (_, link) in enumerate(self._links):
            if index in self._cache:
                continue
            if worked and time.perf_counter() - started >= budget:
                return False  # at least one link a slice, so it always ends
            self._cache[index] = _link_points(self.comparison, link, self.doc, self.options)
            worked = True
        return True

    def points(self, start: int = 0, end: int | None = None) -> list[int]:
        """Offsets within ``start``–``end`` where a counterpart has words dropped here."""
        stop = len(self.comparison.documents[self.doc].text) if end is None else end
        found: set[int] = set()
        candidates: set[int] = set()
        for bucket in range(max(0, start) // _BUCKET, stop // _BUCKET + 1):
            candidates.update(self._buckets.get(bucket, ()))
        for index in sorted(candidates):
            (a, b), link = self._links[index]
            if b < start or a > stop:
                continue
            if index not in self._cache:
                self._cache[index] = _link_points(self.comparison, link, self.doc, self.options)
            found.update(p for p in self._cache[index] if start <= p <= stop)
        return sorted(found)


def deletion_points(
    comparison: Comparison,
    doc: int,
    start: int = 0,
    end: int | None = None,
    max_chars: int = MAX_LINK_CHARS,
) -> list[int]:
    """Offsets in ``doc`` (within ``start``–``end``) where a counterpart has words this
    copy dropped, in order."""
    return DeletionFinder(comparison, doc, max_chars).points(start, end)
