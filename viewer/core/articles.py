"""A session's articles: each file's source text as read, so it can be shown again even
when the file moved or changed (core layer; no Qt; imports ``viewer.core.documents``)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from viewer.core.documents import (
    MARKDOWN,
    PLAIN,
    Document,
    Source,
    document_from_paste,
    document_from_source,
    read_source,
)
from viewer.core.errors import DocumentError
from viewer.core.fetch import is_url
from viewer.core.sources import STDIN, load_source

FORMATS = (PLAIN, MARKDOWN)


def text_hash(text: str) -> str:
    """The sha256 hex digest of ``text`` in UTF-8: how a session knows a file changed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One article of a session: where it came from and its source text (line endings ``\\n``).

    ``format`` says how ``text`` is read ("text" or "markdown": Markdown is rendered again
    from it); ``sha256`` is ``text_hash(text)``; a pasted article has no file.
    """

    path: str
    text: str
    format: str = PLAIN
    sha256: str = ""
    encoding: str = "utf-8"
    pasted: bool = False

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"{self.path}: unknown article format {self.format!r}")
        if not self.sha256:
            object.__setattr__(self, "sha256", text_hash(self.text))
        elif self.sha256 != text_hash(self.text):
            raise ValueError(f"{self.path}: the saved text does not match its sha256")

    @property
    def name(self) -> str:
        """The file name (or the pasted article's label)."""
        return os.path.basename(self.path) or self.path


def article_from_source(source: Source) -> Article:
    """The article of a source just read from a file."""
    return Article(source.path, source.text, source.format, encoding=source.encoding)


def read_article(path: str | os.PathLike[str]) -> tuple[Article, Document]:
    """Read an article file (by its absolute path), a URL or standard input (``-``) as
    ``load_document`` would: the article to keep in the session and the document to show;
    ``DocumentError`` otherwise. A fetched page and standard input are kept like pasted
    articles (their text is in the session; there is no file to read again)."""
    name = os.fspath(path)
    if name == STDIN or is_url(name):
        source = load_source(name)
        article = Article(source.path, source.text, source.format, pasted=True)
        return article, document_from_source(source)
    source = read_source(os.path.abspath(name))
    return article_from_source(source), document_from_source(source)


def pasted_article(text: str, label: str) -> tuple[Article, Document]:
    """A pasted article (checked as ``document_from_paste`` does) and its document."""
    document = document_from_paste(text, label)
    return Article(label, document.text, PLAIN, pasted=True), document


def pasted_html_article(html: str, text: str, label: str) -> tuple[Article, Document]:
    """HTML copied from a browser, through the web page extraction; when it holds no article
    text the extraction can find (a few words copied), its plain ``text`` as pasted."""
    from viewer.core.htmlinput import html_to_markdown

    try:
        markdown, _ = html_to_markdown(html, label)
    except DocumentError:
        return pasted_article(text, label)
    document_from_paste(markdown, label)  # the checks a paste gets: size, binary data
    source = Source(label, markdown, MARKDOWN)
    return Article(label, markdown, MARKDOWN, pasted=True), document_from_source(source)


def article_document(article: Article) -> Document:
    """The document a pane shows for ``article``, rendered from its saved text."""
    source = Source(article.path, article.text, article.format, article.encoding)
    return document_from_source(source)
