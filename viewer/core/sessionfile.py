"""Session files on disk: save atomically, open with the articles checked against their
files (core layer; no Qt).

Opening reads each article's file again when it still has the saved text (same sha256);
when it moved, changed or was deleted the session shows the saved copy and says which
article and what happened. A file found at its saved path relative to the session (the
folder was moved as a whole) with the same text is used from there.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, replace

from viewer.core.articles import Article, article_document, article_from_source
from viewer.core.atomicfile import write_atomic
from viewer.core.documents import Document, Source, document_from_source, read_source
from viewer.core.errors import DocumentError, SessionError
from viewer.core.review import ReviewState
from viewer.core.sessionjson import dumps, from_dict, parse, relative_paths

SAME, MOVED, CHANGED, MISSING, UNREADABLE, PASTED = (
    "same", "moved", "changed", "missing", "unreadable", "pasted"
)  # fmt: skip


@dataclass(frozen=True)
class ArticleCheck:
    """What opening found for one article. ``message`` ("" when nothing happened) names
    the file; ``disk`` is the changed file's version, for a window to offer instead."""

    index: int
    status: str
    message: str = ""
    disk: Article | None = None


@dataclass(frozen=True)
class OpenedSession:
    """A session read from ``path``: its state (moved articles at their new paths), the
    documents to show, in article order, and one check per article."""

    path: str
    state: ReviewState
    documents: tuple[Document, ...]
    checks: tuple[ArticleCheck, ...]

    @property
    def messages(self) -> tuple[str, ...]:
        return tuple(check.message for check in self.checks if check.message)


def save_session(state: ReviewState, path: str | os.PathLike[str]) -> None:
    """Write the session atomically; ``SessionError`` naming the file when it fails."""
    name = os.path.abspath(os.fspath(path))
    try:
        write_atomic(name, dumps(state, os.path.dirname(name)).encode("utf-8"))
    except OSError as exc:
        raise SessionError(name, f"could not be saved ({exc.strerror or exc})") from None


def _read_text(name: str) -> str:
    try:
        with open(name, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise SessionError(name, "is not a regular file")
            data = handle.read()
    except FileNotFoundError:
        raise SessionError(name, "no such file") from None
    except OSError as exc:
        raise SessionError(name, exc.strerror or str(exc)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SessionError(name, f"is corrupted: not UTF-8 text (byte {exc.start})") from None


def read_session(path: str | os.PathLike[str]) -> ReviewState:
    """The state saved in a session file, as saved; ``SessionError`` otherwise."""
    name = os.fspath(path)
    return from_dict(parse(_read_text(name), name), name)


def _check(
    article: Article, index: int, moved: str | None
) -> tuple[Article, Source | None, ArticleCheck]:
    """The article to use, the source read from disk (if it is used), and what was found."""
    if article.pasted:
        return article, None, ArticleCheck(index, PASTED)
    try:
        source = read_source(article.path)
    except DocumentError as exc:
        if exc.problem != "no such file":
            message = f"{article.path}: cannot be read ({exc.problem}); showing the saved copy"
            return article, None, ArticleCheck(index, UNREADABLE, message)
    else:
        if article_from_source(source).sha256 == article.sha256:
            return article, source, ArticleCheck(index, SAME)
        message = f"{article.path}: changed since the session was saved; showing the saved copy"
        return article, None, ArticleCheck(index, CHANGED, message, article_from_source(source))
    if moved and moved != article.path:
        try:
            source = read_source(moved)
        except DocumentError:
            pass
        else:
            if article_from_source(source).sha256 == article.sha256:
                message = f"{article.path}: not found; using {moved} (the same text)"
                return replace(article, path=moved), source, ArticleCheck(index, MOVED, message)
    message = f"{article.path}: not found (moved or deleted); showing the saved copy"
    return article, None, ArticleCheck(index, MISSING, message)


def open_session(path: str | os.PathLike[str]) -> OpenedSession:
    """Read a session and rebuild its documents; ``SessionError`` naming the file otherwise."""
    name = os.path.abspath(os.fspath(path))
    data = parse(_read_text(name), name)
    state = from_dict(data, name)
    moved = relative_paths(data, os.path.dirname(name))
    articles, documents, checks = [], [], []
    for index, saved in enumerate(state.articles):
        article, source, check = _check(saved, index, moved[index])
        try:
            document = article_document(article) if source is None else document_from_source(source)
        except DocumentError as exc:
            raise SessionError(name, f"article {index + 1}: {exc}") from None
        articles.append(article)
        documents.append(document)
        checks.append(check)
    state = replace(state, articles=tuple(articles))
    return OpenedSession(name, state, tuple(documents), tuple(checks))
