"""Words with offsets and their comparison keys (core layer; no Qt).

A word is a run of characters that are neither white space nor punctuation/symbols, where
apostrophes, hyphens, periods and commas between two such runs join them ("Russia’s",
"14,000", "U.S", "de-escalate"). With ``ignore_punctuation`` the key drops those joiners, so
curly and straight quotes and dashes never matter; without it, each punctuation mark or
symbol is a token of its own and keys keep what they are made of.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import islice

from viewer.core.errors import CANCEL_EVERY, CancelCheck, check_cancel

_JOINERS = "'’ʼ‘\\-‐‑.,"


def _punctuation_class(should_cancel: CancelCheck | None) -> str:
    """A regex class body for Unicode punctuation and symbols (BMP plus emoji planes)."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if not code % CANCEL_EVERY:
            check_cancel(should_cancel)
        if unicodedata.category(chr(code))[0] in "PS":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    ranges.append((0x1F000, 0x1FAFF))  # emoji, pictographs, playing cards, …
    parts = []
    for low, high in ranges:
        if 0xD800 <= low <= 0xDFFF:
            continue
        first = re.escape(chr(low))
        parts.append(first if low == high else f"{first}-{re.escape(chr(high))}")
    return "".join(parts)


_compiled: list[tuple[re.Pattern[str], re.Pattern[str]]] = []


def _patterns(should_cancel: CancelCheck | None = None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The word pattern and the word-or-punctuation pattern, built on first use."""
    if not _compiled:
        punct = _punctuation_class(should_cancel)
        core = rf"[^\s{punct}]+"
        word = rf"{core}(?:[{_JOINERS}]{core})*"
        _compiled.append((re.compile(word), re.compile(rf"{word}|[{punct}]")))
    return _compiled[0]


_STRIP_FOR_KEY = {ord(c): None for c in _JOINERS}
_STRIP_FOR_KEY.update({c: None for c in (0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF)})
_FORMAT_ONLY = {c: None for c in (0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF)}


@dataclass(frozen=True, slots=True)
class KeyOptions:
    """How words are compared."""

    ignore_case: bool = True
    ignore_punctuation: bool = True


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of one text: parallel lists of start, end (code points) and key."""

    starts: list[int]
    ends: list[int]
    keys: list[str]

    def __len__(self) -> int:
        return len(self.keys)


def _key(token: str, options: KeyOptions) -> str:
    if options.ignore_punctuation:
        key = unicodedata.normalize("NFKC", token.translate(_STRIP_FOR_KEY))
        key = key.translate(_STRIP_FOR_KEY)
    else:
        key = unicodedata.normalize("NFC", token.translate(_FORMAT_ONLY))
    if options.ignore_case:
        key = key.casefold()
    return key or token


def tokenize(
    text: str,
    options: KeyOptions = KeyOptions(),
    should_cancel: CancelCheck | None = None,
    cache: dict[str, str] | None = None,
) -> Tokens:
    """Split ``text`` into words (and, when punctuation counts, punctuation marks).

    ``cache`` maps tokens to their keys under ``options``: pass one dict for texts that
    share their words (copies of one article), and each key is worked out once."""
    words, with_punct = _patterns(should_cancel)
    pattern = words if options.ignore_punctuation else with_punct
    starts: list[int] = []
    ends: list[int] = []
    keys: list[str] = []
    cache = {} if cache is None else cache
    matches = pattern.finditer(text)
    while True:  # slices of matches, each handled in C but for the keys of new tokens
        check_cancel(should_cancel)
        chunk = list(islice(matches, _SLICE))
        if not chunk:
            break
        starts.extend(map(re.Match.start, chunk))
        ends.extend(map(re.Match.end, chunk))
        tokens = list(map(re.Match.group, chunk))
        for token in set(tokens).difference(cache):
            cache[token] = _key(token, options)
        keys.extend(map(cache.__getitem__, tokens))
    return Tokens(starts, ends, keys)


_SLICE = 4 * CANCEL_EVERY  # matches taken at once (C-level work, a few ms at most)


def count_words(text: str, should_cancel: CancelCheck | None = None) -> int:
    """Words in ``text`` as the engine counts them (punctuation marks are not words)."""
    matches = _patterns(should_cancel)[0].finditer(text)
    count = 0
    while True:
        check_cancel(should_cancel)
        taken = len(list(islice(matches, _SLICE)))
        if not taken:
            return count
        count += taken


def widen_to_punctuation(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a word range over the punctuation touching it (an opening quote, a full stop)."""
    while start > 0 and not text[start - 1].isspace() and not text[start - 1].isalnum():
        start -= 1
    while end < len(text) and not text[end].isspace() and not text[end].isalnum():
        end += 1
    return start, end


def is_capitalised(word: str) -> bool:
    """Whether a word starts with an upper-case letter (names, acronyms, titles)."""
    return word[:1].isupper()
