"""Markdown source to front matter, plain text and blocks (core layer; no Qt).

CommonMark with tables and strikethrough through markdown-it-py, raw HTML off (it shows as
the literal text), YAML front matter through mdit-py-plugins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from viewer.core.blocks import (
    CODE,
    CODE_SPAN,
    EMPHASIS,
    HEADING,
    IMAGE,
    LINK,
    LIST_ITEM,
    PARAGRAPH,
    STRIKE,
    STRONG,
    TABLE_ROW,
    Block,
    StyleRun,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_INLINE_STYLES = {"em_open": EMPHASIS, "strong_open": STRONG, "s_open": STRIKE, "link_open": LINK}
_CLOSERS = {"em_close": EMPHASIS, "strong_close": STRONG, "s_close": STRIKE, "link_close": LINK}


@dataclass(frozen=True)
class RenderedMarkdown:
    """The plain text a pane shows, its blocks, and the front matter fields."""

    text: str
    blocks: tuple[Block, ...]
    front_matter: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    md.use(front_matter_plugin)
    return md


def parse_front_matter(source: str) -> dict[str, str]:
    """Read the simple ``key: value`` lines of YAML front matter; other YAML is ignored."""
    fields: dict[str, str] = {}
    for line in source.splitlines():
        if not line.strip() or line.startswith((" ", "\t", "#", "-")) or ":" not in line:
            continue
        key, _, value = line.partition(":")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            quote = value[0]
            value = value[1:-1]
            value = value.replace('\\"', '"') if quote == '"' else value.replace("''", "'")
        fields[key.strip().lower()] = value
    return fields


class _Builder:
    """Accumulates the plain text and its blocks while walking markdown-it tokens."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []

    def _append(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def add_block(self, kind: str, pieces: list[tuple[str, str, str]], **layout: Any) -> None:
        """Add a block from ``(text, style_stack_key, href)`` pieces; see ``_inline_pieces``."""
        if self.blocks:
            self._append("\n")
        start = self.length
        runs: list[StyleRun] = []
        for text, styles, href in pieces:
            begin = self.length
            self._append(text)
            for style in styles.split() if styles else ():
                runs.append(
                    StyleRun(begin, self.length, style, href if style in (LINK, IMAGE) else "")
                )
        self.blocks.append(Block(kind, start, self.length, runs=_merge_runs(runs), **layout))

    def result(self, front_matter: dict[str, str]) -> RenderedMarkdown:
        return RenderedMarkdown("".join(self.parts), tuple(self.blocks), front_matter)


def _merge_runs(runs: list[StyleRun]) -> tuple[StyleRun, ...]:
    """Join touching runs of the same style and link target."""
    merged: list[StyleRun] = []
    for run in sorted(runs, key=lambda r: (r.style, r.href, r.start)):
        last = merged[-1] if merged else None
        if last and last.style == run.style and last.href == run.href and last.end == run.start:
            merged[-1] = StyleRun(last.start, run.end, run.style, run.href)
        elif run.end > run.start:
            merged.append(run)
    return tuple(sorted(merged, key=lambda r: (r.start, r.style)))


def _inline_pieces(token: Token) -> list[tuple[str, str, str]]:
    """Flatten an inline token into ``(text, space-separated styles, href)`` pieces."""
    pieces: list[tuple[str, str, str]] = []
    active: list[str] = []
    href = ""
    for child in token.children or []:
        kind = child.type
        if kind in _INLINE_STYLES:
            active.append(_INLINE_STYLES[kind])
            if kind == "link_open":
                href = str(child.attrs.get("href", ""))
        elif kind in _CLOSERS:
            style = _CLOSERS[kind]
            if style in active:
                active.reverse()
                active.remove(style)
                active.reverse()
        elif kind == "text" or kind == "html_inline":
            pieces.append((child.content, " ".join(active), href))
        elif kind == "softbreak":
            pieces.append((" ", " ".join(active), href))
        elif kind == "hardbreak":
            pieces.append(("\n", "", ""))
        elif kind == "code_inline":
            pieces.append((child.content, " ".join([*active, CODE_SPAN]), href))
        elif kind == "image":
            alt = child.content or "".join(c.content for c in child.children or [])
            src = str(child.attrs.get("src", ""))
            pieces.append((alt, " ".join([*active, IMAGE]), src))
    return [p for p in pieces if p[0]]


def render_markdown(source: str) -> RenderedMarkdown:
    """Render Markdown source to the plain text a pane shows and its blocks."""
    tokens = _parser().parse(source)
    builder = _Builder()
    front: dict[str, str] = {}
    quote_depth = 0
    lists: list[list[Any]] = []  # per open list: [ordered, next number]
    pending_marker: str | None = None
    heading_level = 0
    row: list[tuple[str, str, str]] | None = None
    for token in tokens:
        kind = token.type
        if kind == "front_matter":
            front = parse_front_matter(token.content)
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrs.get("start", 1) or 1)
            lists.append([kind == "ordered_list_open", start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            ordered, number = lists[-1]
            pending_marker = f"{number}." if ordered else "•"
            lists[-1][1] = number + 1
        elif kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "tr_open":
            row = []
        elif kind in ("th_open", "td_open") and row:
            row.append(("\t", "", ""))
        elif kind == "tr_close" and row is not None:
            builder.add_block(TABLE_ROW, row, quote_depth=quote_depth, level=len(lists))
            row = None
        elif kind == "inline":
            pieces = _inline_pieces(token)
            if row is not None:
                row.extend(pieces)
            elif heading_level:
                builder.add_block(HEADING, pieces, level=heading_level, quote_depth=quote_depth)
            elif lists:
                marker, pending_marker = pending_marker or "", None
                builder.add_block(
                    LIST_ITEM, pieces, level=len(lists), quote_depth=quote_depth, marker=marker
                )
            else:
                builder.add_block(PARAGRAPH, pieces, quote_depth=quote_depth)
        elif kind == "heading_close":
            heading_level = 0
        elif kind in ("fence", "code_block"):
            code = token.content[:-1] if token.content.endswith("\n") else token.content
            builder.add_block(CODE, [(code, "", "")], quote_depth=quote_depth, level=len(lists))
    return builder.result(front)
