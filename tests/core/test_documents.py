"""Reading files: decoding, Markdown rendering, metadata and clear errors."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from viewer.core.blocks import HEADING, LIST_ITEM, PARAGRAPH
from viewer.core.documents import document_from_text, load_document
from viewer.core.errors import DocumentError

from .helpers import SEEDS

SENTENCE = "The Kremlin’s spokesman said “no threat” — 14,000 people.\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_txt_keeps_text_and_only_normalises_line_endings(tmp_path: Path) -> None:
    raw = "Title line\r\n\r\nFirst  paragraph\twith tab.\rSecond line\n"
    document = load_document(write(tmp_path, "a.txt", raw.encode()))
    assert document.text == "Title line\n\nFirst  paragraph\twith tab.\nSecond line\n"
    assert document.title == "Title line"
    assert [document.text[b.start : b.end] for b in document.blocks] == [
        "Title line",
        "First  paragraph\twith tab.",
        "Second line",
    ]


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks_are_honoured_and_dropped(tmp_path: Path, bom: bytes, codec: str) -> None:
    document = load_document(write(tmp_path, "a.txt", bom + SENTENCE.encode(codec)))
    assert document.text == SENTENCE


def test_latin1_file_is_detected(tmp_path: Path) -> None:
    text = (
        "Chelsea paid \xa350m for the striker, and the club said the fee of \xa350m was fair. "
        "Fans were told tickets would cost \xa345 next season, up from \xa340.\n"
    )
    document = load_document(write(tmp_path, "latin.txt", text.encode("latin-1")))
    assert "£50m" in document.text
    assert document.text.count("£") == 4


def test_markdown_renders_blocks_styles_and_front_matter(tmp_path: Path) -> None:
    source = (
        '---\ntitle: "Wire: the story"\noutlet: Reuters\ndate: 2021-04-01\n---\n\n'
        "# Heading *one*\n\nA **bold** and [linked](https://example.org) word,\nsoft break.\n\n"
        "- first item\n- second\n\n> quoted <b>raw</b>\n"
    )
    document = load_document(write(tmp_path, "a.md", source.encode()))
    assert (document.title, document.outlet, document.date) == (
        "Wire: the story",
        "Reuters",
        "2021-04-01",
    )
    assert document.text == (
        "Heading one\nA bold and linked word, soft break.\nfirst item\nsecond\nquoted <b>raw</b>"
    )
    kinds = [(b.kind, document.text[b.start : b.end]) for b in document.blocks]
    assert kinds[0] == (HEADING, "Heading one")
    assert kinds[2:4] == [(LIST_ITEM, "first item"), (LIST_ITEM, "second")]
    assert [b.marker for b in document.blocks[2:4]] == ["•", "•"]
    assert document.blocks[4].kind == PARAGRAPH and document.blocks[4].quote_depth == 1
    styles = {(document.text[r.start : r.end], r.style, r.href) for r in document.blocks[1].runs}
    assert styles == {("bold", "strong", ""), ("linked", "link", "https://example.org")}


def test_markdown_title_falls_back_to_first_heading_then_file_name() -> None:
    assert document_from_text("# Big news\n\nText.", "x.md", "markdown").title == "Big news"
    assert document_from_text("Just text.", "notes/x-y.md", "markdown").title == "x-y"


def test_seed_markdown_keeps_reuters_paragraph_word_for_word() -> None:
    (path,) = SEEDS.glob("004-*.md")
    document = load_document(path)
    assert "SULAIMANI (ESTA) — Chiefs of staff of the Russian and U.S. militaries" in document.text
    assert document.outlet and document.title.startswith("Russian and U.S. military chiefs")


def expect_error(path: Path | str, problem: str, **kwargs: int) -> None:
    with pytest.raises(DocumentError) as info:
        load_document(path, **kwargs)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert problem in message


def test_missing_file(tmp_path: Path) -> None:
    expect_error(tmp_path / "nope.txt", "no such file")


def test_folder(tmp_path: Path) -> None:
    expect_error(tmp_path, "is a folder")


def test_unknown_extension(tmp_path: Path) -> None:
    expect_error(write(tmp_path, "a.odt", b"PK\x03\x04"), "unsupported file type ('.odt')")


def test_binary_content(tmp_path: Path) -> None:
    expect_error(write(tmp_path, "a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary")


def test_empty_file(tmp_path: Path) -> None:
    expect_error(write(tmp_path, "a.txt", b"  \n\n"), "is empty")


def test_markdown_with_only_front_matter(tmp_path: Path) -> None:
    expect_error(write(tmp_path, "a.md", b"---\ntitle: x\n---\n"), "no article text")


def test_too_large(tmp_path: Path) -> None:
    expect_error(write(tmp_path, "a.txt", b"word " * 300), "too large", max_bytes=1000)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "a.txt", b"text")
    real_open = os.open

    def deny(file: str, flags: int, *args: int, **kwargs: int) -> int:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    expect_error(path, "permission denied")
