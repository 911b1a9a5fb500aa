"""Words with offsets and their comparison keys (core layer; no Qt).

A word is a run of characters that are neither white space nor punctuation/symbols, where
apostrophes, hyphens, periods and commas between two such runs join them ("Russia’s",
"14,000", "U.S", "de-escalate"). Scripts written without spaces between words (Chinese,
Japanese kana, Thai, Lao, Khmer, Myanmar) count each character, with the combining marks
that follow it, as one word: ICU's dictionary word breaks were measured against this (see
README, "Scripts without spaces") and lose Thai and short Chinese passages at the default
minimum of 8 words, for a 5 MB dependency.

With ``ignore_punctuation`` the key drops those joiners, so curly and straight quotes and
dashes never matter; without it, each punctuation mark or symbol is a token of its own and
keys keep what they are made of.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import islice

from viewer.core.errors import CANCEL_EVERY, CancelCheck, check_cancel

_JOINERS = "'’ʼ‘\\-‐‑.,"
# Scripts without spaces between words: each character is a token of its own.
SPACELESS = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff\u19e0-\u19ff"  # Khmer
    "\u2e80-\u2fdf"  # CJK radicals
    "\u3005-\u3007\u3021-\u3029\u3031-\u3035\u303b\u303c"  # ideographic marks, numbers
    "\u3040-\u30ff\u31f0-\u31ff"  # Hiragana, Katakana
    "\u3100-\u312f\u31a0-\u31bf"  # Bopomofo
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\uff66-\uff9f"  # half-width Katakana
    "\U00020000-\U0003134f"  # Han, supplementary planes
)
SPACELESS_CHARACTER = re.compile(f"[{SPACELESS}]")


def _class_body(ranges: list[tuple[int, int]]) -> str:
    parts = []
    for low, high in ranges:
        if 0xD800 <= low <= 0xDFFF:
            continue
        first = re.escape(chr(low))
        parts.append(first if low == high else f"{first}-{re.escape(chr(high))}")
    return "".join(parts)


def _character_classes(should_cancel: CancelCheck | None) -> tuple[str, str]:
    """Regex class bodies for Unicode punctuation and symbols (BMP plus emoji planes), and
    for combining marks (BMP)."""
    found: dict[str, list[tuple[int, int]]] = {"P": [], "S": [], "M": []}
    for code in range(0x10000):
        if not code % CANCEL_EVERY:
            check_cancel(should_cancel)
        ranges = found.get(unicodedata.category(chr(code))[0])
        if ranges is not None:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    punctuation = [*sorted(found["P"] + found["S"]), (0x1F000, 0x1FAFF)]  # emoji, cards, …
    return _class_body(punctuation), _class_body(found["M"])


_compiled: list[tuple[re.Pattern[str], re.Pattern[str]]] = []


def _patterns(should_cancel: CancelCheck | None = None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The word pattern and the word-or-punctuation pattern, built on first use."""
    if not _compiled:
        punct, marks = _character_classes(should_cancel)
        core = rf"[^\s{punct}{SPACELESS}]+"
        # One character of a spaceless script with the marks on it, or a word.
        word = rf"{core}(?:[{_JOINERS}]{core})*|[{SPACELESS}][{marks}]*"
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
