"""Where an article comes from: a file, a URL or standard input (core layer; no Qt).

``load_source`` and ``load_document`` take any of them: ``-`` is standard input (read
once per process, up to the size limit, its format sniffed from its first bytes), a URL
with a scheme is fetched (``viewer.core.fetch``), anything else is a file.
"""

from __future__ import annotations

import os
import sys
from typing import BinaryIO

from viewer.core.documents import (
    MAX_BYTES,
    Document,
    Source,
    document_from_source,
    read_source,
    sniff_format,
    source_from_bytes,
)
from viewer.core.errors import DocumentError
from viewer.core.fetch import fetch, is_url

STDIN = "-"
STDIN_LABEL = "standard input"
_stdin_data: list[bytes] = []  # standard input can be read once: kept for a second look


def read_stdin(stream: BinaryIO | None = None, max_bytes: int = MAX_BYTES) -> bytes:
    """Standard input's bytes (read the first time only); ``DocumentError`` past the limit."""
    if not _stdin_data:
        stream = stream or sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise DocumentError(STDIN_LABEL, f"is too large (the limit is {max_bytes / 1e6:g} MB)")
        _stdin_data.append(data)
    return _stdin_data[0]


def load_source(path: str | os.PathLike[str]) -> Source:
    """The source of a file, a URL or standard input (``-``)."""
    name = os.fspath(path)
    if name == STDIN:
        data = read_stdin()
        return source_from_bytes(data, STDIN_LABEL, sniff_format(data))
    if is_url(name):
        fetched = fetch(name)
        if fetched.format == "html":
            from viewer.core.htmlinput import html_to_markdown

            markdown, encoding = html_to_markdown(fetched.data, name, url=fetched.url)
            return Source(name, markdown.replace("\r\n", "\n"), "markdown", encoding)
        return source_from_bytes(fetched.data, name, fetched.format)
    return read_source(name)


def load_document(path: str | os.PathLike[str]) -> Document:
    """The document of a file, a URL or standard input (``-``); ``DocumentError`` otherwise."""
    return document_from_source(load_source(path))
