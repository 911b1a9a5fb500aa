"""Text anchors: where a note stands, found again after the text changed (core layer; no Qt).

An anchor is the note's words and their context, like the W3C Web Annotation
TextQuoteSelector (quote, prefix, suffix) with a TextPositionSelector (the offset it had):
never a passage id, which a new comparison renumbers. ``locate`` finds the quote again
exactly (the occurrence whose context matches best, nearest the old offset), or, when the
quote itself was edited, approximately: diff-match-patch's Bitap ``match_main`` (at most
32 characters) finds its first words, and its last words read backwards, near where the context says
it should be, and the text between them must still be alike enough. Offsets are code
points into the document's plain text, end-exclusive. Imports only diff-match-patch.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

Range = tuple[int, int]

CONTEXT = 32  # characters of prefix and suffix kept with a quote
PATTERN = 32  # the longest pattern Bitap matches (Match_MaxBits)
WINDOW = 1000  # characters either side of the expected place searched approximately
MIN_SIMILARITY = 0.6  # an edited quote's trigram likeness to what it was, at least
MAX_CANDIDATES = 100_000  # exact occurrences scored, at most (a one-letter quote)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A quote in article ``article`` (an index into the session's articles) with context."""

    article: int
    quote: str
    prefix: str
    suffix: str
    start: int  # where the quote began when the anchor was made

    @property
    def end(self) -> int:
        return self.start + len(self.quote)


def make_anchor(text: str, start: int, end: int, article: int = 0) -> Anchor:
    """The anchor of ``text[start:end]`` (a non-empty range) in article ``article``."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"anchor range {start}–{end} is empty or outside the text")
    return Anchor(
        article=article,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        start=start,
    )


def _occurrences(text: str, needle: str, limit: int = MAX_CANDIDATES) -> list[int]:
    """Start offsets of ``needle`` in ``text``, overlapping ones too, at most ``limit``."""
    found: list[int] = []
    position = text.find(needle)
    while position != -1 and len(found) < limit:
        found.append(position)
        position = text.find(needle, position + 1)
    return found


def _nearest(positions: list[int], target: int) -> int:
    return min(positions, key=lambda p: (abs(p - target), p))


def _common_prefix(a: str, b: str) -> int:
    for count, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return count
    return min(len(a), len(b))


def _context_score(anchor: Anchor, text: str, start: int) -> int:
    """How many context characters agree: the prefix read backwards, the suffix forwards."""
    before = text[max(0, start - len(anchor.prefix)) : start]
    after_start = start + len(anchor.quote)
    after = text[after_start : after_start + len(anchor.suffix)]
    return _common_prefix(before[::-1], anchor.prefix[::-1]) + _common_prefix(after, anchor.suffix)


def _exact(anchor: Anchor, text: str) -> Range | None:
    quote = anchor.quote
    whole = _occurrences(text, anchor.prefix + quote + anchor.suffix, 1000)
    if whole:
        start = _nearest(whole, anchor.start - len(anchor.prefix)) + len(anchor.prefix)
        return start, start + len(quote)
    candidates = _occurrences(text, quote)
    if not candidates:
        return None
    best = min(
        candidates,
        key=lambda p: (-_context_score(anchor, text, p), abs(p - anchor.start), p),
    )
    return best, best + len(quote)


def _expected_start(anchor: Anchor, text: str) -> int:
    """Where the quote should begin now: after its prefix, before its suffix, or where it was."""
    if anchor.prefix:
        found = _occurrences(text, anchor.prefix, 1000)
        if found:
            return _nearest(found, anchor.start - len(anchor.prefix)) + len(anchor.prefix)
    if anchor.suffix:
        found = _occurrences(text, anchor.suffix, 1000)
        if found:
            return max(0, _nearest(found, anchor.end) - len(anchor.quote))
    return min(anchor.start, len(text))


def _trigrams(text: str) -> Counter[str]:
    if len(text) < 3:
        return Counter([text]) if text else Counter()
    return Counter(text[i : i + 3] for i in range(len(text) - 2))


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the character trigrams of ``a`` and ``b`` (1.0 when equal)."""
    if a == b:
        return 1.0
    grams_a, grams_b = _trigrams(a), _trigrams(b)
    total = sum(grams_a.values()) + sum(grams_b.values())
    return 2 * sum((grams_a & grams_b).values()) / total if total else 0.0


def _fuzzy(anchor: Anchor, text: str) -> Range | None:
    quote = anchor.quote
    expected = _expected_start(anchor, text)
    low = max(0, expected - WINDOW)
    high = min(len(text), expected + len(quote) + WINDOW)
    window = text[low:high]
    matcher = diff_match_patch()
    matcher.Match_Distance = WINDOW
    head = quote[:PATTERN]
    first = matcher.match_main(window, head, expected - low)
    if first == -1:
        return None
    # The end is matched backwards (reversed strings), so that edits near it shift the
    # place where the tail's match begins, not where it ends.
    backwards = matcher.match_main(
        window[::-1], quote[-PATTERN:][::-1], len(window) - first - len(quote)
    )
    if backwards == -1:
        return None
    start, end = low + first, low + len(window) - backwards
    if end <= start or not len(quote) / 2 <= end - start <= 2 * len(quote):
        return None
    if similarity(quote, text[start:end]) < MIN_SIMILARITY:
        return None
    return start, end


def locate(anchor: Anchor, text: str) -> Range | None:
    """Where ``anchor`` stands in ``text`` now, or None when it is lost.

    Exact quote first (best-matching context, then nearest the old offset); else the
    edited quote found approximately near where its context puts it.
    """
    if not anchor.quote:
        return None
    return _exact(anchor, text) or _fuzzy(anchor, text)
