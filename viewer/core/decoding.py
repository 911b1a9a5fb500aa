"""Bytes to text: BOM, UTF-8, then charset detection (core layer; no Qt).

Line endings become ``\\n`` and nothing else changes.
"""

from __future__ import annotations

import codecs

from viewer.core.errors import DocumentError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never occur in an article; their presence means binary data.
_BINARY_CONTROLS = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ord(ch) in _BINARY_CONTROLS)
    return bad > max(2, len(sample) // 1000)


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


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding)`` or raise ``DocumentError``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    path, f"starts with a {encoding} byte-order mark but is not valid {encoding}"
                ) from exc
            return normalize_newlines(text), encoding
    if b"\x00" in data[:65536]:
        raise DocumentError(path, "is a binary file, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_legacy(data, path)
    if _looks_binary(text):
        raise DocumentError(path, "is a binary file, not text (it contains control characters)")
    return normalize_newlines(text), encoding
