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
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise DocumentError(
                path, "is not text in any encoding that could be recognised"
            ) from None
        text = str(best)
        encoding = str(best.encoding)
    if _looks_binary(text):
        raise DocumentError(path, "is a binary file, not text (it contains control characters)")
    return normalize_newlines(text), encoding
