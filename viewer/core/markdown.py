"""Markdown source to front matter, plain text and blocks (core layer; no Qt).

CommonMark with tables and strikethrough through markdown-it-py, raw HTML off (it shows as
the literal text), YAML front matter through mdit-py-plugins.

Hostile input costs bounded work and never loses text: blocks nested deeper than the parser's
limit are flattened into paragraphs, a paragraph whose inline markup would cost more than the
remaining budget is kept as its literal text, and a source with more block markup than the
budget allows is shown as plain text. Each of these adds a warning.
"""

from __future__ import annotations

import re
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
    text_blocks,
)
from viewer.core.frontmatter import parse_front_matter

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.token import Token

_INLINE_STYLES = {"em_open": EMPHASIS, "strong_open": STRONG, "s_open": STRIKE, "link_open": LINK}
_CLOSERS = {"em_close": EMPHASIS, "strong_close": STRONG, "s_close": STRIKE, "link_close": LINK}


@dataclass(frozen=True)
class RenderedMarkdown:
    """The plain text a pane shows, its blocks, and the front matter fields."""

    text: str
    blocks: tuple[Block, ...]
    front_matter: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    plain: bool = False  # the source was shown as plain text, one block per line


# Token nesting levels kept (a quote takes one, a list two); deeper blocks are flattened.
# markdown-it's own limit, above it, would drop everything below it.
MAX_NESTING = 20
# The work budget, in estimated microseconds: each weight below is at least the time per
# line or character of the dearest hostile kind that uses it, measured on this 2-core
# machine while shared by several jobs (load 3.5), so that any source renders in about 1 s.
# A hard-wrapped 1 MB article of ordinary prose uses half; one of a few KB, a few thousand.
WORK_BUDGET = 1_200_000
_PER_LINE = 10  # a paragraph's continuation line is cheap
_PER_BLANK_LINE = 40  # a blank line: the next line starts a new block
_PER_CELL = 30
# Each character of a line's leading container markers ("- ", "1. ", ">"), and a leading
# "|", "#" or "[": every marker opens a list or quote, and a table row or heading costs more.
_PER_MARKER_CHAR = 80
# (The regex stops after 200 markers so that its stack stays small on a hostile line.)
_MARKER_CAP = 200
_MARKER_PREFIX = re.compile(
    r"^[ \t]*((?:[ \t]*(?:[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)|>)){1,200}|[|#\[])",
    re.MULTILINE,
)
# The characters that can start an inline token (delimiters, brackets, escapes, entities,
# breaks) and the work of each; an autolink ("<") is the dearest.
_INLINE_WEIGHTS = {**dict.fromkeys("*_~`]!&\\", 30), "\n": 20, "[": 50, "<": 90}
# One container marker at the start of a flattened line: a quote marker, bullet or ordinal.
_MARKER = re.compile(r"[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


def _flatten_deep(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """At the nesting limit, keep the rest of the container as flat paragraphs.

    markdown-it skips everything below its own limit; this rule runs first, once a block
    sits ``MAX_NESTING`` levels deep, and turns each run of lines into a paragraph with the
    container markers removed.
    """
    if state.level < MAX_NESTING:
        return False
    if silent:
        return True
    line = start
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            state.push("paragraph_open", "p", 1)
            token = state.push("inline", "", 0)
            token.content = "\n".join(paragraph)
            token.children = []
            state.push("paragraph_close", "p", -1)
            paragraph.clear()

    while line < end:
        if state.isEmpty(line):
            flush()
        else:
            if state.sCount[line] < state.blkIndent:
                break
            raw = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
            text = _strip_markers(raw)
            if text != raw:
                flush()  # a marker starts a new item or quote
            if text.strip():
                paragraph.append(text.strip())
        line += 1
    flush()
    state.line = line
    state.env["flattened"] = state.env.get("flattened", 0) + 1
    return True


def _strip_markers(line: str) -> str:
    """``line`` without its leading container markers, in one linear pass."""
    position = 0
    while match := _MARKER.match(line, position):
        position = match.end()
    return line[position:].lstrip(" \t") if position else line


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    from viewer.core.mdtables import table_keeping_cells

    md = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING + 4})
    md.enable(["table", "strikethrough"])
    md.block.ruler.at("table", table_keeping_cells, {"alt": ["paragraph", "reference"]})
    md.use(front_matter_plugin)
    md.block.ruler.before("table", "flatten_deep", _flatten_deep)
    md.disable(["inline", "text_join"])  # run per paragraph by ``_parse`` within budget
    return md


class _Builder:
    """Accumulates the plain text and its blocks while walking markdown-it tokens."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []

    def _append(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def add_block(self, kind: str, pieces: list[_Piece], **layout: Any) -> None:
        """Add a block from ``(text, styles, href)`` pieces; see ``_inline_pieces``."""
        if self.blocks:
            self._append("\n")
        start = self.length
        runs: list[StyleRun] = []
        for text, styles, href in pieces:
            begin = self.length
            self._append(text)
            for style in styles:
                runs.append(
                    StyleRun(begin, self.length, style, href if style in (LINK, IMAGE) else "")
                )
        self.blocks.append(Block(kind, start, self.length, runs=_merge_runs(runs), **layout))

    def result(self, front_matter: dict[str, str], warnings: list[str]) -> RenderedMarkdown:
        return RenderedMarkdown(
            "".join(self.parts), tuple(self.blocks), front_matter, tuple(warnings)
        )


# One stretch of inline text: its text, its distinct styles (in a fixed order) and the
# link or image target.
_Piece = tuple[str, tuple[str, ...], str]
_STYLE_ORDER = (EMPHASIS, STRONG, STRIKE, LINK, IMAGE, CODE_SPAN)


def _merge_runs(runs: list[StyleRun]) -> tuple[StyleRun, ...]:
    """Join touching or overlapping runs of the same style and link target."""
    merged: list[StyleRun] = []
    for run in sorted(runs, key=lambda r: (r.style, r.href, r.start)):
        if run.end <= run.start:
            continue
        last = merged[-1] if merged else None
        if last and last.style == run.style and last.href == run.href and run.start <= last.end:
            if run.end > last.end:
                merged[-1] = StyleRun(last.start, run.end, run.style, run.href)
        else:
            merged.append(run)
    return tuple(sorted(merged, key=lambda r: (r.start, r.style)))


def _inline_pieces(token: Token) -> list[_Piece]:
    """Flatten an inline token into ``(text, styles, href)`` pieces.

    Styles are counted, not stacked, so a piece carries each style once however deeply
    the same emphasis is nested: the work is linear in the number of children.
    """
    pieces: list[_Piece] = []
    depth = dict.fromkeys(_STYLE_ORDER, 0)
    active: tuple[str, ...] = ()
    href = ""
    for child in token.children or []:
        kind = child.type
        if kind in _INLINE_STYLES:
            style = _INLINE_STYLES[kind]
            depth[style] += 1
            active = tuple(s for s in _STYLE_ORDER if depth[s])
            if kind == "link_open":
                href = str(child.attrs.get("href", ""))
        elif kind in _CLOSERS:
            style = _CLOSERS[kind]
            if depth[style]:
                depth[style] -= 1
                active = tuple(s for s in _STYLE_ORDER if depth[s])
        elif kind in ("text", "text_special", "html_inline"):
            pieces.append((child.content, active, href))
        elif kind == "softbreak":
            pieces.append((" ", active, href))
        elif kind == "hardbreak":
            pieces.append(("\n", (), ""))
        elif kind == "code_inline":
            pieces.append((child.content, (*active, CODE_SPAN), href))
        elif kind == "image":
            alt = child.content or "".join(c.content for c in child.children or [])
            src = str(child.attrs.get("src", ""))
            pieces.append((alt, (*active, IMAGE), src))
    return [p for p in pieces if p[0]]


def inline_cost(content: str) -> int:
    """The estimated work of inline-parsing one paragraph (see ``WORK_BUDGET``)."""
    return 1 + sum(weight * content.count(ch) for ch, weight in _INLINE_WEIGHTS.items())


def block_cost(source: str) -> int:
    """The estimated work of block-parsing ``source`` and building its blocks."""
    markers = 0
    for match in _MARKER_PREFIX.finditer(source):
        length = match.end(1) - match.start(1)
        if length >= _MARKER_CAP:  # a hostile line of markers: charge all of it
            end = source.find("\n", match.end())
            length = (len(source) if end < 0 else end) - match.start(1)
        markers += length
    return (
        _PER_LINE * (source.count("\n") + 1)
        + _PER_BLANK_LINE * source.count("\n\n")
        + _PER_MARKER_CHAR * markers
        + _PER_CELL * source.count("|")
    )


def _plain_fallback(source: str, warning: str) -> RenderedMarkdown:
    """The source as plain text (front matter read and removed), one block per line."""
    front: dict[str, str] = {}
    match = _FRONT_MATTER.match(source)
    if match:
        parsed = parse_front_matter(match.group(1) or "")
        front = parsed.fields
        source = source[match.end() :]
        return RenderedMarkdown(
            source, text_blocks(source), front, (warning, *parsed.warnings), plain=True
        )
    return RenderedMarkdown(source, text_blocks(source), front, (warning,), plain=True)


def _parse(source: str, budget: int, warnings: list[str]) -> list[Token]:
    """Block-parse ``source``, then inline-parse each paragraph while ``budget`` lasts."""
    from markdown_it.token import Token

    md = _parser()
    env: dict[str, Any] = {}
    tokens = md.parse(source, env)
    literal = 0
    for token in tokens:
        if token.type != "inline":
            continue
        cost = inline_cost(token.content)
        token.children = []
        if cost <= budget:
            budget -= cost
            md.inline.parse(token.content, md, env, token.children)
        else:
            literal += 1
            text = token.content.replace("\n", " ")
            token.children.append(Token("text", "", 0, content=text))
    if env.get("flattened"):
        warnings.append("lists or quotes nested too deeply to render are shown flattened")
    if literal:
        warnings.append(
            f"{literal} paragraph(s) with too much inline markup are shown as their literal text"
        )
    return tokens


def render_markdown(source: str) -> RenderedMarkdown:
    """Render Markdown source to the plain text a pane shows and its blocks."""
    cost = block_cost(source)
    if cost > WORK_BUDGET:
        return _plain_fallback(
            source, "too much Markdown structure to render in time; shown as plain text"
        )
    warnings: list[str] = []
    tokens = _parse(source, WORK_BUDGET - cost, warnings)
    builder = _Builder()
    front: dict[str, str] = {}
    quote_depth = 0
    lists: list[list[Any]] = []  # per open list: [ordered, next number]
    pending_marker: str | None = None
    heading_level = 0
    row: list[_Piece] | None = None
    for token in tokens:
        kind = token.type
        if kind == "front_matter":
            parsed = parse_front_matter(token.content)
            front = parsed.fields
            warnings.extend(parsed.warnings)
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
            row.append(("\t", (), ""))
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
            builder.add_block(CODE, [(code, (), "")], quote_depth=quote_depth, level=len(lists))
    return builder.result(front, warnings)
