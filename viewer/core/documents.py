"""Reading an article: a file or pasted text to a ``Document`` (core layer; no Qt).

For ``.txt`` the text is the decoded file with line endings turned into ``\\n``; for
Markdown it is the rendered plain text a pane shows (see ``viewer.core.markdown``).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from viewer.core.blocks import Block, text_blocks
from viewer.core.decoding import binary_problem, decode_bytes, normalize_newlines
from viewer.core.errors import DocumentError
from viewer.core.markdown import render_markdown

MAX_BYTES = 20_000_000  # "20 MB" in README and messages: sizes are in decimal megabytes
_SURROGATES = re.compile("[\ud800-\udfff]")  # lone halves: clipboard text that is not Unicode
TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
DOCX_SUFFIXES = frozenset({".docx"})
PDF_SUFFIXES = frozenset({".pdf"})
MARKDOWN = "markdown"
PLAIN = "text"
# Formats converted to Markdown (with front matter) as they are read: a session keeps that.
HTML = "html"
DOCX = "docx"
PDF = "pdf"
SUFFIXES = (
    sorted(TEXT_SUFFIXES)
    + sorted(MARKDOWN_SUFFIXES)
    + sorted(HTML_SUFFIXES)
    + sorted(DOCX_SUFFIXES)
    + sorted(PDF_SUFFIXES)
)


@dataclass(frozen=True)
class Document:
    """One article: where it came from, its metadata, its plain text and its blocks."""

    path: str
    title: str
    text: str
    blocks: tuple[Block, ...]
    format: str = PLAIN
    outlet: str = ""
    date: str = ""
    author: str = ""
    url: str = ""  # where a fetched or saved web page came from
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()  # "path: problem" lines: what was read with a workaround

    @property
    def name(self) -> str:
        """The file name (or the pasted article's label) for short references."""
        return Path(self.path).name or self.path


def _plain_title(text: str, fallback: str) -> str:
    """The first line when it reads like a headline, else ``fallback``."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            if len(line) <= 150 and not line.endswith((".", ":", ";", ",")):
                return line
            break
    return fallback


def _markdown_title(text: str, blocks: tuple[Block, ...], fallback: str) -> str:
    for block in blocks:
        if block.kind == "heading":
            return text[block.start : block.end].strip() or fallback
    return fallback


def document_from_text(
    text: str,
    path: str,
    format: str = PLAIN,
    encoding: str = "utf-8",
    warnings: tuple[str, ...] = (),
) -> Document:
    """Build a document from already-decoded text (a file's contents or a pasted article).

    ``warnings`` are problems found while reading (``"path: problem"``); rendering adds its own.
    """
    text = normalize_newlines(text)
    stem = Path(path).stem or path
    if format == MARKDOWN:
        rendered = render_markdown(text)
        warnings += tuple(f"{path}: {problem}" for problem in rendered.warnings)
        front = rendered.front_matter
        title = front.get("title") or (
            _plain_title(rendered.text, stem)
            if rendered.plain
            else _markdown_title(rendered.text, rendered.blocks, stem)
        )
        return Document(
            path=path,
            title=title,
            text=rendered.text,
            blocks=rendered.blocks,
            format=PLAIN if rendered.plain else MARKDOWN,
            outlet=front.get("outlet", "") or front.get("source", "") or front.get("site", ""),
            date=front.get("date", ""),
            author=front.get("author", "") or front.get("byline", ""),
            url=front.get("url", "") or front.get("source_url", ""),
            encoding=encoding,
            warnings=warnings,
        )
    return Document(
        path=path,
        title=_plain_title(text, stem),
        text=text,
        blocks=text_blocks(text),
        format=PLAIN,
        encoding=encoding,
        warnings=warnings,
    )


def format_for(path: str) -> str:
    """The input format from the file name; ``DocumentError`` for other types."""
    suffix = Path(path).suffix.lower()
    for suffixes, format in (
        (MARKDOWN_SUFFIXES, MARKDOWN),
        (TEXT_SUFFIXES, PLAIN),
        (HTML_SUFFIXES, HTML),
        (DOCX_SUFFIXES, DOCX),
        (PDF_SUFFIXES, PDF),
    ):
        if suffix in suffixes:
            return format
    shown = f"'{suffix}'" if suffix else "no extension"
    raise DocumentError(
        path, f"unsupported file type ({shown}); expected {', '.join(SUFFIXES[:-1])} or .pdf"
    )


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f}".removesuffix(".0") + " MB"


def _too_large(size: int, max_bytes: int) -> str:
    return f"is too large ({_megabytes(size)}; the limit is {_megabytes(max_bytes)})"


def _read_regular_file(name: str, max_bytes: int) -> bytes:
    """The first ``max_bytes + 1`` bytes of a regular file; never blocks on special files.

    The file is opened non-blocking and the opened descriptor is checked, so a FIFO or
    device swapped in after any earlier check is refused rather than waited on.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except FileNotFoundError:
        raise DocumentError(name, "no such file") from None
    except PermissionError:
        raise DocumentError(name, "permission denied") from None
    except OSError as exc:
        raise DocumentError(name, exc.strerror or str(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise DocumentError(name, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(name, "is not a regular file (a pipe, device or socket)")
        format_for(name)
        if info.st_size > max_bytes:
            raise DocumentError(name, _too_large(info.st_size, max_bytes))
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise DocumentError(name, exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise DocumentError(name, _too_large(len(data), max_bytes))
    return data


@dataclass(frozen=True)
class Source:
    """An article file's decoded text before rendering (line endings ``\\n``), as read."""

    path: str
    text: str
    format: str
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()  # "path: problem" lines from decoding


def read_source(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> Source:
    """Read and decode an article file; raise ``DocumentError`` naming the file and the problem.

    Web pages, Word documents and PDFs come back as Markdown with front matter."""
    name = os.fspath(path)
    data = _read_regular_file(name, max_bytes)
    return source_from_bytes(data, name, format_for(name))


def sniff_format(data: bytes) -> str:
    """The format of unnamed bytes (standard input): PDF, Word (a zip), a web page,
    Markdown when it starts with front matter, else plain text."""
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf-"):
        return PDF
    if head.startswith(b"pk\x03\x04"):
        return DOCX
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return HTML
    if head.startswith(b"---"):
        return MARKDOWN
    return PLAIN


def source_from_bytes(data: bytes, name: str, format: str) -> Source:
    """An article's bytes, read as ``format``, to its source text; ``DocumentError`` otherwise."""
    if not data.strip():
        raise DocumentError(name, "is empty")
    if format == HTML:
        from viewer.core.htmlinput import html_to_markdown

        markdown, encoding = html_to_markdown(data, name)
        return Source(name, normalize_newlines(markdown), MARKDOWN, encoding)
    if format == DOCX:
        from viewer.core.docxinput import docx_to_markdown

        return Source(name, normalize_newlines(docx_to_markdown(data, name)), MARKDOWN)
    if format == PDF:
        from viewer.core.pdfinput import pdf_to_markdown

        return Source(name, normalize_newlines(pdf_to_markdown(data, name)), MARKDOWN)
    decoded = decode_bytes(data, name)
    if not decoded.text.strip():
        raise DocumentError(name, "is empty")
    warnings = tuple(f"{name}: {warning}" for warning in decoded.warnings)
    text = normalize_newlines(decoded.text)
    return Source(name, text, format, decoded.encoding, warnings)


def document_from_source(source: Source) -> Document:
    """Render a source as ``load_document`` does; ``DocumentError`` when no text is left."""
    document = document_from_text(
        source.text, source.path, source.format, source.encoding, source.warnings
    )
    if not document.text.strip():
        raise DocumentError(source.path, "has no article text (only front matter or markup)")
    return document


def load_document(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> Document:
    """Read an article file; raise ``DocumentError`` naming the file and the problem."""
    return document_from_source(read_source(path, max_bytes))


def document_from_paste(text: str, label: str, max_bytes: int = MAX_BYTES) -> Document:
    """A pasted article, with the checks a file gets: size, NUL and control characters,
    valid Unicode; ``DocumentError`` naming ``label`` otherwise."""
    text, bad = _SURROGATES.subn("\ufffd", text)
    warnings = (f"{label}: {bad} invalid character(s) shown as \ufffd",) if bad else ()
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise DocumentError(label, _too_large(size, max_bytes))
    problem = binary_problem(text)
    if problem:
        raise DocumentError(label, f"is binary data, not text ({problem})")
    if not text.strip():
        raise DocumentError(label, "is empty")
    return document_from_text(text, label, warnings=warnings)
