"""A PDF with text to Markdown with front matter (core layer; no Qt; imports pypdf).

pypdf gives each page's text line by line; lines are joined back into paragraphs: a blank
line, or a line that ends a sentence well short of the page's usual line length, ends a
paragraph, and a word hyphenated across lines is joined. A scanned PDF (no text) and an
encrypted one get a clear message. The work is bounded: at most ``MAX_PAGES`` pages and
``MAX_TEXT`` characters are read.
"""

from __future__ import annotations

import io
import re
import statistics

from viewer.core.errors import DocumentError
from viewer.core.frontmatter import dump_front_matter
from viewer.core.htmlinput import escape_block, escape_inline

MAX_PAGES = 2_000
MAX_TEXT = 5_000_000  # characters of text kept
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?")


def join_lines(lines: list[str]) -> list[str]:
    """Paragraphs from a page's lines (see the module docstring)."""
    lengths = [len(line) for line in lines if len(line.strip()) > 20]
    usual = statistics.median(lengths) if lengths else 0
    paragraphs: list[str] = []
    current = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if not current:
            current = line
        elif _HYPHENATED.search(current) and line[:1].islower():
            current = current[:-1] + line
        else:
            current += " " + line
        if usual and len(line) < 0.8 * usual and _SENTENCE_END.search(line):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def pdf_to_markdown(data: bytes, name: str) -> str:
    """The PDF's text as Markdown paragraphs with front matter; ``DocumentError`` naming
    ``name`` for an encrypted, damaged or scanned (text-less) PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))
            except Exception:  # an unsupported cipher is as closed as a password
                opened = False
            if not opened:
                raise DocumentError(name, "is an encrypted PDF: it needs a password to be read")
        paragraphs: list[str] = []
        size = 0
        for number, page in enumerate(reader.pages):
            if number >= MAX_PAGES or size > MAX_TEXT:
                break
            text = page.extract_text() or ""
            for paragraph in join_lines(text.splitlines()):
                paragraphs.append(escape_block(escape_inline(paragraph)))
                size += len(paragraph)
        metadata = reader.metadata
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, RecursionError, OSError) as exc:
        raise DocumentError(name, f"is not a PDF that could be read ({exc})") from None
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise DocumentError(
            name, "has no text to read (a scanned PDF holds pictures of text; run OCR first)"
        )
    fields = {}
    if metadata is not None:
        fields["title"] = str(metadata.title or "").strip()
        fields["author"] = str(metadata.author or "").strip()
        match = _PDF_DATE.match(str(metadata.get("/CreationDate", "") or ""))
        if match:
            fields["date"] = "-".join(part for part in match.groups() if part)
    return dump_front_matter(fields) + "\n\n".join(paragraphs) + "\n"
