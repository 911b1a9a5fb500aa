"""Word-level differences inside one candidate passage (core layer; no Qt).

The only module that imports diff_match_patch. Each word id becomes one character
(the ``diff_linesToChars`` trick, with words) so diff-match-patch compares words; no
semantic cleanup runs, because it can throw away long equalities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

_EQUAL = 0
_DELETE = -1
_INSERT = 1
_FIRST_CHAR = 0x100
_SURROGATES = range(0xD800, 0xE000)


@dataclass(frozen=True, slots=True)
class WordAlignment:
    """Which words of two word ranges are equal.

    ``blocks`` are equal runs ``(a_index, b_index, length)`` in absolute word indices;
    ``spans`` are the aligned word ranges ``((a0, a1), (b0, b1))``: from the first block to
    the end of the last, unless edge words were taken in (see ``take_edges``).
    """

    blocks: tuple[tuple[int, int, int], ...]
    spans: tuple[tuple[int, int], tuple[int, int]]

    @classmethod
    def from_blocks(cls, blocks: tuple[tuple[int, int, int], ...]) -> WordAlignment:
        first, last = blocks[0], blocks[-1]
        spans = ((first[0], last[0] + last[2]), (first[1], last[1] + last[2]))
        return cls(blocks, spans)

    @property
    def a_range(self) -> tuple[int, int]:
        return self.spans[0]

    @property
    def b_range(self) -> tuple[int, int]:
        return self.spans[1]

    @property
    def equal_words(self) -> int:
        return sum(block[2] for block in self.blocks)

    @property
    def run_words(self) -> int:
        """Equal words in runs of two or more: single-word coincidences do not count."""
        return sum(block[2] for block in self.blocks if block[2] > 1)

    def similarity(self) -> float:
        """Dice similarity of the two ranges in words: 1.0 when identical."""
        (a0, a1), (b0, b1) = self.spans
        return 2 * self.equal_words / ((a1 - a0) + (b1 - b0))

    def equal_runs(self, side: int) -> list[tuple[int, int]]:
        """Runs ``(first, end)`` of equal words on side 0 (a) or 1 (b)."""
        return [(block[side], block[side] + block[2]) for block in self.blocks]

    def changed(self, side: int) -> list[tuple[int, int]]:
        """Runs ``(first, end)`` of words on side 0 (a) or 1 (b) not in any equal block."""
        runs: list[tuple[int, int]] = []
        previous_end, span_end = self.spans[side]
        for block in self.blocks:
            start = block[side]
            if start > previous_end:
                runs.append((previous_end, start))
            previous_end = start + block[2]
        if span_end > previous_end:
            runs.append((previous_end, span_end))
        return runs

    def take_edges(self, lead: tuple[int, int], tail: tuple[int, int]) -> WordAlignment:
        """Widen both spans by ``lead`` words before and ``tail`` words after (as changes)."""
        (a0, a1), (b0, b1) = self.spans
        return WordAlignment(
            self.blocks, ((a0 - lead[0], a1 + tail[0]), (b0 - lead[1], b1 + tail[1]))
        )


def _encode(a: Sequence[int], b: Sequence[int]) -> tuple[str, str]:
    table: dict[int, str] = {}

    def char(word: int) -> str:
        c = table.get(word)
        if c is None:
            code = _FIRST_CHAR + len(table)
            if code >= _SURROGATES.start:
                code += len(_SURROGATES)
            c = table[word] = chr(code)
        return c

    return "".join(map(char, a)), "".join(map(char, b))


def equal_blocks(a: Sequence[int], b: Sequence[int]) -> list[tuple[int, int, int]]:
    """Equal runs ``(a_index, b_index, length)`` between two word-id sequences."""
    text_a, text_b = _encode(a, b)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    blocks: list[tuple[int, int, int]] = []
    i = j = 0
    for op, data in dmp.diff_main(text_a, text_b, False):
        n = len(data)
        if op == _EQUAL:
            blocks.append((i, j, n))
            i += n
            j += n
        elif op == _DELETE:
            i += n
        else:
            j += n
    return blocks


def _trim(blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Drop end blocks shorter than the gap that separates them from the rest.

    An end block that holds most of the equal words is the core, never a weak end.
    """

    def gap(x: tuple[int, int, int], y: tuple[int, int, int]) -> int:
        return max(y[0] - (x[0] + x[2]), y[1] - (x[1] + x[2]))

    total = sum(block[2] for block in blocks)
    while len(blocks) > 1 and blocks[0][2] < min(gap(blocks[0], blocks[1]), total - blocks[0][2]):
        total -= blocks[0][2]
        blocks = blocks[1:]
    while len(blocks) > 1 and blocks[-1][2] < min(
        gap(blocks[-2], blocks[-1]), total - blocks[-1][2]
    ):
        total -= blocks[-1][2]
        blocks = blocks[:-1]
    return blocks


def trimmed(blocks: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``blocks`` without weak end blocks (see ``_trim``)."""
    return _trim(list(blocks))


def align_words(
    a: Sequence[int], b: Sequence[int], a_offset: int = 0, b_offset: int = 0
) -> WordAlignment | None:
    """Word alignment of ``a`` and ``b`` (slices starting at the given offsets), or None."""
    blocks = _trim(equal_blocks(a, b))
    if not blocks:
        return None
    return WordAlignment.from_blocks(tuple((i + a_offset, j + b_offset, n) for i, j, n in blocks))
