"""Web pages, Word documents, PDFs and standard input become articles (issue 10)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from viewer.core.articles import article_document, read_article
from viewer.core.blocks import HEADING, LIST_ITEM, PARAGRAPH
from viewer.core.documents import load_document
from viewer.core.errors import DocumentError
from viewer.core.sources import load_document as load_any

from .makefiles import encrypt_pdf, make_pdf

ARTICLE = [
    "Officials said the troops would stay near the border for weeks, a spokesman added.",
    "Russia is not a threat to anyone, the minister told reporters in the capital.",
    "The second paragraph has bold words and more text to make it an article.",
]
FURNITURE = [
    "Home",
    "World news menu",
    "We use cookies to improve your experience",
    "Related articles",
    "Copyright 2024 Daily Planet",
    "var tracker",
]


def page(body: str = "", charset: str = "utf-8") -> str:
    return f"""<!doctype html><html><head><meta charset="{charset}">
<title>Troops stay | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet"><meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-01T10:00:00Z"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/w">World news menu</a></li></ul></nav>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
<button>Accept all cookies</button></div>
<article>{body or article_body()}</article>
<aside class="related"><h3>Related articles</h3><ul><li><a href="/x">Other story one</a></li>
<li><a href="/y">Other story two</a></li></ul></aside>
<footer><p>Copyright 2024 Daily Planet. All rights reserved.</p></footer>
<script>var tracker = "var tracker";</script></body></html>"""


def article_body() -> str:
    return f"""<h1>Troops stay near the border</h1><p>{ARTICLE[0]}</p><h2>Reaction</h2>
<blockquote><p>{ARTICLE[1]}</p></blockquote>
<ul><li>First point with *stars* and [brackets]</li><li># Second point</li></ul>
<p>{ARTICLE[2].replace("bold words", "<b>bold words</b>")}</p>"""


def test_html_page_keeps_the_article_drops_the_furniture_and_reads_metadata(
    tmp_path: Path,
) -> None:
    path = tmp_path / "page.html"
    path.write_text(page(), encoding="utf-8")
    document = load_document(path)
    for sentence in ARTICLE:
        assert sentence in document.text
    for furniture in FURNITURE:
        assert furniture not in document.text
    assert (document.title, document.author, document.outlet, document.date) == (
        "Troops stay near the border",
        "Jane Roe",
        "Daily Planet",
        "2024-03-01",
    )
    kinds = {document.text[b.start : b.end]: b for b in document.blocks}
    assert kinds["Reaction"].kind == HEADING
    assert kinds[ARTICLE[1]].quote_depth == 1
    assert kinds["First point with *stars* and [brackets]"].kind == LIST_ITEM  # not markup
    assert kinds["# Second point"].kind == LIST_ITEM
    bold = kinds[ARTICLE[2]]
    assert bold.kind == PARAGRAPH
    assert [document.text[r.start : r.end] for r in bold.runs] == ["bold words"]


def test_html_in_a_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    russian = "Официальные лица заявили, что войска останутся у границы на несколько недель."
    body = f"<h1>Войска</h1><p>{russian}</p><p>{russian.upper()}</p>"
    path = tmp_path / "legacy.html"
    path.write_bytes(page(body, charset="windows-1251").encode("cp1251"))
    assert russian in load_document(path).text


def test_html_with_no_main_text_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav><script>x=1</script></body></html>")
    with pytest.raises(DocumentError, match="no article text"):
        load_document(path)


def test_hostile_html_deep_nesting_and_many_tags_is_bounded(tmp_path: Path) -> None:
    deep = "<div>" * 5000 + "<p>" + ARTICLE[0] + "</p>" + "</div>" * 5000
    many = "".join(f"<p>{ARTICLE[2]} <b>{i}</b></p>" for i in range(3000))
    for name, body in (("deep.html", deep), ("many.html", many)):
        path = tmp_path / name
        path.write_text(page(body))
        try:
            document = load_document(path)
        except DocumentError as exc:  # a clear refusal is an answer too, never a crash
            assert str(exc).startswith(str(path))
        else:
            assert document.text


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = "Draft two"
    document.core_properties.author = "Jane Roe"
    document.add_heading("Troops stay near the border", 1)
    paragraph = document.add_paragraph(ARTICLE[0].split(" near")[0])
    paragraph.add_run(" near the border").italic = True
    paragraph.add_run(" for weeks, a spokesman added.")
    document.add_paragraph("First point with * star", style="List Bullet")
    document.add_paragraph("Second point", style="List Bullet")
    document.add_paragraph("1. Not a list number", style="Normal")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_paragraphs_headings_emphasis_lists_and_properties(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(make_docx())
    document = load_document(path)
    assert (document.title, document.author) == ("Draft two", "Jane Roe")
    texts = [(document.text[b.start : b.end], b.kind, b.marker) for b in document.blocks]
    assert texts == [
        ("Troops stay near the border", HEADING, ""),
        (ARTICLE[0], PARAGRAPH, ""),
        ("First point with * star", LIST_ITEM, "•"),
        ("Second point", LIST_ITEM, "•"),
        ("1. Not a list number", PARAGRAPH, ""),
    ]
    italic = document.blocks[1].runs
    assert [document.text[r.start : r.end] for r in italic] == ["near the border"]


def test_corrupt_docx_and_zip_bomb_are_refused(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(make_docx()[:2000])
    with pytest.raises(DocumentError, match="not a Word document"):
        load_document(corrupt)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" * 30_000_000)
    assert bomb.stat().st_size < 100_000
    with pytest.raises(DocumentError, match="zip bomb"):
        load_document(bomb)


PDF_LINES = [
    "Officials said the troops would stay near the border for weeks, a",
    "spokesman added on Thursday after a long meeting in the capital with",
    "the defence minister and his deputies.",
    "Russia is not a threat to anyone, the minister said in a state-",
    "ment to reporters who had gathered outside the building at night.",
]


def test_pdf_text_comes_back_as_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "release.pdf"
    path.write_bytes(make_pdf([PDF_LINES, ["A second page."]], title="Press release"))
    document = load_document(path)
    assert document.title == "Press release"
    assert [document.text[b.start : b.end] for b in document.blocks] == [
        " ".join(PDF_LINES[:3]),
        "Russia is not a threat to anyone, the minister said in a statement to reporters "
        "who had gathered outside the building at night.",
        "A second page.",
    ]


def test_encrypted_and_scanned_pdfs_get_a_clear_message(tmp_path: Path) -> None:
    encrypted = tmp_path / "locked.pdf"
    encrypted.write_bytes(encrypt_pdf(make_pdf([PDF_LINES]), "secret"))
    with pytest.raises(DocumentError, match="encrypted PDF"):
        load_document(encrypted)
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(make_pdf([[]]))
    with pytest.raises(DocumentError, match="scanned PDF"):
        load_document(scanned)
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\n" + b"garbage " * 100)
    with pytest.raises(DocumentError):
        load_document(damaged)


@pytest.mark.parametrize("name", ["page.html", "draft.docx", "release.pdf"])
def test_a_converted_article_shows_the_same_again_from_its_session_copy(
    tmp_path: Path, name: str
) -> None:
    data = {
        "page.html": page().encode(),
        "draft.docx": make_docx(),
        "release.pdf": make_pdf([PDF_LINES]),
    }[name]
    path = tmp_path / name
    path.write_bytes(data)
    article, document = read_article(path)
    path.unlink()  # the session copy alone
    again = article_document(article)
    assert (again.text, again.blocks, again.title, again.author) == (
        document.text,
        document.blocks,
        document.title,
        document.author,
    )


def test_standard_input_is_read_once_and_its_format_sniffed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from viewer.core import sources

    monkeypatch.setattr(sources, "_stdin_data", [])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page().encode())))
    document = load_any("-")
    assert document.path == "standard input"
    assert ARTICLE[0] in document.text and "Related articles" not in document.text
    assert load_any("-").text == document.text  # the second look sees the same bytes
