"""A review state to and from the session file's JSON (core layer; no Qt).

The format is documented in ``docs/session-format.md`` with a JSON Schema beside it
(``docs/session.schema.json``). ``loads`` checks every field and raises ``SessionError``
naming the file and what is wrong: not JSON, truncated, from a newer version, a bad field.
"""

from __future__ import annotations

import contextlib
import json
import os
from typing import Any

from viewer.core.anchors import Anchor
from viewer.core.articles import Article
from viewer.core.errors import SessionError
from viewer.core.model import CompareOptions
from viewer.core.review import Note, ReviewState

FORMAT = "article-viewer-session"
VERSION = 1
SUFFIX = ".avsession"


def _anchor(anchor: Anchor) -> dict[str, Any]:
    return {
        "article": anchor.article,
        "quote": anchor.quote,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "start": anchor.start,
    }


def _article(article: Article, folder: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "path": article.path,
        "format": article.format,
        "encoding": article.encoding,
        "pasted": article.pasted,
        "sha256": article.sha256,
        "text": article.text,
    }
    if folder is not None and not article.pasted:
        with contextlib.suppress(ValueError):  # on another drive (Windows): no relative path
            data["relative"] = os.path.relpath(article.path, folder).replace(os.sep, "/")
    return data


def to_dict(state: ReviewState, folder: str | None = None) -> dict[str, Any]:
    """The JSON-ready session; ``folder`` (the session file's) adds relative article paths."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "articles": [_article(a, folder) for a in state.articles],
        "pane_order": list(state.pane_order),
        "options": {
            "min_words": state.options.min_words,
            "ignore_case": state.options.ignore_case,
            "ignore_punctuation": state.options.ignore_punctuation,
        },
        "current": [_anchor(a) for a in state.current],
        "verdicts": list(state.verdicts),
        "notes": [
            {
                "id": n.id,
                "kind": n.kind,
                "verdict": n.verdict,
                "text": n.text,
                "author": n.author,
                "created": n.created,
                "modified": n.modified,
                "anchors": [_anchor(a) for a in n.anchors],
            }
            for n in state.notes
        ],
    }


def dumps(state: ReviewState, folder: str | None = None) -> str:
    """The session as JSON text (UTF-8 friendly, indented, ending in a newline)."""
    return json.dumps(to_dict(state, folder), ensure_ascii=False, indent=1) + "\n"


class _Reader:
    """Typed access to the parsed JSON; every problem names where it is."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, where: str, problem: str) -> SessionError:
        return SessionError(self.name, f"{where}: {problem}" if where else problem)

    def get(self, obj: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
        if not isinstance(obj, dict):
            raise self.fail(where, "expected an object")
        if key not in obj:
            raise self.fail(where, f"'{key}' is missing")
        value = obj[key]
        path = f"{where}.{key}" if where else key
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            raise self.fail(path, f"expected {_kind_name(kind)}, not true/false")
        if not isinstance(value, kind):
            raise self.fail(path, f"expected {_kind_name(kind)}")
        return value

    def items(self, obj: Any, key: str, where: str) -> list[tuple[str, Any]]:
        values = self.get(obj, key, list, where)
        path = f"{where}.{key}" if where else key
        return [(f"{path}[{i}]", v) for i, v in enumerate(values)]

    def anchor(self, obj: Any, where: str) -> Anchor:
        start = self.get(obj, "start", int, where)
        article = self.get(obj, "article", int, where)
        if start < 0 or article < 0:
            raise self.fail(where, "offsets and article numbers are never negative")
        return Anchor(
            article,
            self.get(obj, "quote", str, where),
            self.get(obj, "prefix", str, where),
            self.get(obj, "suffix", str, where),
            start,
        )

    def article(self, obj: Any, where: str) -> Article:
        return Article(
            path=self.get(obj, "path", str, where),
            text=self.get(obj, "text", str, where),
            format=self.get(obj, "format", str, where),
            sha256=self.get(obj, "sha256", str, where),
            encoding=self.get(obj, "encoding", str, where),
            pasted=self.get(obj, "pasted", bool, where),
        )

    def note(self, obj: Any, where: str) -> Note:
        verdict = self.get(obj, "verdict", (str, type(None)), where)
        return Note(
            id=self.get(obj, "id", int, where),
            kind=self.get(obj, "kind", str, where),
            anchors=tuple(self.anchor(a, w) for w, a in self.items(obj, "anchors", where)),
            verdict=verdict,
            text=self.get(obj, "text", str, where),
            author=self.get(obj, "author", str, where),
            created=self.get(obj, "created", str, where),
            modified=self.get(obj, "modified", str, where),
        )


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {int: "a whole number", str: "text", bool: "true or false", list: "a list"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, "null" if k is type(None) else k.__name__) for k in kinds)


def parse(text: str, name: str) -> Any:
    """The JSON of a session file's text; ``SessionError`` when empty, truncated or corrupt."""
    if not text.strip():
        raise SessionError(name, "is empty (a truncated session file?)")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # The viewer always ends a session with "}": a file cut short usually fails at its
        # end or inside an unterminated string, and does not end with "}".
        ends_early = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated")
        if ends_early or not text.rstrip().endswith("}"):
            raise SessionError(
                name, "is truncated: the session ends before its JSON does"
            ) from None
        where = f"line {exc.lineno}, column {exc.colno}"
        raise SessionError(name, f"is corrupted: not valid JSON ({exc.msg}: {where})") from None


def from_dict(data: Any, name: str = "session") -> ReviewState:
    """The state in parsed session JSON; ``SessionError`` (naming ``name``) when invalid."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SessionError(name, "is not an article viewer session")
    reader = _Reader(name)
    version = reader.get(data, "version", int, "")
    if version > VERSION:
        raise SessionError(
            name,
            f"was saved by a newer version of the viewer (session format {version}; "
            f"this version reads format {VERSION} and older)",
        )
    if version < 1:
        raise SessionError(name, f"has an unknown session format version {version}")
    options = reader.get(data, "options", dict, "")
    try:
        return ReviewState(
            articles=tuple(reader.article(a, w) for w, a in reader.items(data, "articles", "")),
            options=CompareOptions(
                min_words=reader.get(options, "min_words", int, "options"),
                ignore_case=reader.get(options, "ignore_case", bool, "options"),
                ignore_punctuation=reader.get(options, "ignore_punctuation", bool, "options"),
            ),
            pane_order=tuple(_list_of(reader, data, "pane_order", int)),
            current=tuple(reader.anchor(a, w) for w, a in reader.items(data, "current", "")),
            verdicts=tuple(_list_of(reader, data, "verdicts", str)),
            notes=tuple(reader.note(n, w) for w, n in reader.items(data, "notes", "")),
        )
    except (ValueError, TypeError) as exc:
        raise SessionError(name, f"is not a valid session: {exc}") from None


def _list_of(reader: _Reader, data: Any, key: str, kind: type) -> list[Any]:
    values = []
    for where, value in reader.items(data, key, ""):
        if not isinstance(value, kind) or isinstance(value, bool):
            raise reader.fail(where, f"expected {_kind_name(kind)}")
        values.append(value)
    return values


def loads(text: str, name: str = "session") -> ReviewState:
    """Parse a session file's text; ``SessionError`` naming ``name`` and the problem."""
    return from_dict(parse(text, name), name)


def relative_paths(data: Any, folder: str) -> list[str | None]:
    """Each article's saved relative path resolved against ``folder`` (None if absent);
    ``data`` is JSON that ``from_dict`` accepted."""
    found: list[str | None] = []
    for article in data["articles"]:
        relative = article.get("relative")
        joined = os.path.join(folder, relative) if isinstance(relative, str) else None
        found.append(None if joined is None else os.path.normpath(joined))
    return found
