"""Bytes to text: BOM, UTF-8, then charset detection (core layer; no Qt).

Line endings become ``\\n`` and nothing else changes. A NUL byte anywhere, or many control
characters, means binary data, unless the bytes are UTF-16 (a byte-order mark, or zero
bytes on one side of each pair as UTF-16 text has them; see ``_utf16_without_bom``). Text
that is mostly valid UTF-8 stays UTF-8: its few bad byte sequences become U+FFFD and a
warning says how many.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from viewer.core.errors import DocumentError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never occur in an article; their presence means binary data.
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding it was read in, and problems worked around."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def binary_problem(text: str) -> str | None:
    """Why ``text`` is binary data rather than an article ("it contains …"), or None."""
    if "\x00" in text:
        return "it contains NUL bytes"
    bad = sum(1 for _ in _BINARY_CONTROLS.finditer(text))
    if bad > max(2, len(text) // 1000):
        return "it contains control characters"
    return None


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few bad sequences replaced, when valid multi-byte characters outnumber
    the bad sequences (a legacy file has none or hardly any)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode())
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - text.count(_REPLACEMENT)
    if multibyte <= bad:
        return None
    noun = "sequence" if bad == 1 else "sequences"
    warning = f"{bad} invalid UTF-8 byte {noun} shown as {_REPLACEMENT}"
    return Decoded(text, "utf-8", (warning,))


def _decode_legacy(data: bytes, path: str) -> tuple[str, str]:
    """Decode non-UTF-8 bytes: Windows-1252 for mostly-ASCII text, else charset detection.

    Mostly-ASCII text with a few other bytes (a "£", "é" or curly quotes) is overwhelmingly
    Western European; charset detection guesses wrongly on so little evidence (it reads the
    BBC corpus's Latin-1 "£" as Japanese or Polish).
    """
    non_ascii = sum(1 for byte in data if byte >= 0x80)
    if non_ascii <= max(1, len(data) // 50):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise DocumentError(path, "is not text in any encoding that could be recognised")
    least_chaos = min(m.chaos for m in matches)
    calm = [m for m in matches if m.chaos <= least_chaos + 0.01]
    best = next((m for m in calm if m.encoding == "cp1252"), calm[0])
    return str(best), str(best.encoding)


# Bytes of 8-bit prose: letters, space and common punctuation (not digits: "0" is the high
# byte of kana and CJK punctuation).
_PROSE_BYTES = frozenset(b" abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,;:'\"!?()-")


def _looks_8bit(text: str) -> bool:
    """Whether UTF-16 ``text`` is really 8-bit prose read two bytes at a time.

    Read as UTF-16, 8-bit text pairs its letters into units whose two bytes are both prose
    bytes ("ab" becomes 扡); in genuine UTF-16 outside Latin-1 such units are rare (CJK has
    about 6 %, other scripts none). A quarter or more means 8-bit text.
    """
    sample = text[:32768]
    paired = sum(
        1 for ch in sample if ord(ch) > 0xFF and {ord(ch) >> 8, ord(ch) & 0xFF} <= _PROSE_BYTES
    )
    return paired * 4 >= len(sample)


def _utf8_text(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 text (or mostly: a stray NUL may have broken a character)
    with no control characters."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        mostly = _mostly_utf8(data)
        if mostly is None:
            return False
        text = mostly.text
    return not _BINARY_CONTROLS.search(text)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 LE or BE without a byte-order mark, or None (then a NUL byte means binary).

    Text in UTF-16 has its zero bytes on one side of each pair: the high byte of every
    character up to U+00FF (ASCII and Latin-1), counted over the whole file. It must decode
    with no control characters, and either most characters are Latin-1 (the regular
    every-other-byte-zero pattern) or at least 1 % are and the rest is not 8-bit text with
    stray NUL bytes: neither (mostly) UTF-8 once the NULs are gone nor 8-bit prose read in
    pairs.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    units = len(data) // 2
    even_zeros = data[0::2].count(0)
    odd_zeros = data[1::2].count(0)
    for encoding, zeros, other in (
        ("utf-16-le", odd_zeros, even_zeros),
        ("utf-16-be", even_zeros, odd_zeros),
    ):
        if zeros < max(1, units // 100) or other * 4 > zeros:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _BINARY_CONTROLS.search(text):  # not one: a guess needs clean text
            continue
        if zeros * 2 >= units or not (_utf8_text(data.replace(b"\x00", b"")) or _looks_8bit(text)):
            return Decoded(text, encoding)
    return None


def decode_bytes(data: bytes, path: str) -> Decoded:
    """Decode a file's bytes, or raise ``DocumentError`` naming ``path``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    path, f"starts with a {encoding} byte-order mark but is not valid {encoding}"
                ) from exc
            return _checked(Decoded(text, encoding), path)
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _checked(utf16, path)
        raise DocumentError(path, "is a binary file, not text (it contains NUL bytes)")
    try:
        decoded = Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        decoded = _mostly_utf8(data) or Decoded(*_decode_legacy(data, path))
    return _checked(decoded, path)


def _checked(decoded: Decoded, path: str) -> Decoded:
    problem = binary_problem(decoded.text)
    if problem:
        raise DocumentError(path, f"is a binary file, not text ({problem})")
    return Decoded(normalize_newlines(decoded.text), decoded.encoding, decoded.warnings)
