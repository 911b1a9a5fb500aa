"""Core documents to QTextDocuments, and code-point ↔ UTF-16 offsets (Qt layer).

Offset conversion (code points ↔ UTF-16) lives in ``viewer.qt.highlights.Offsets``, the one
place that converts, so the comparison process can use it without Qt.
"""

from __future__ import annotations

import itertools

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)

from viewer.core.blocks import (
    CODE,
    CODE_SPAN,
    EMPHASIS,
    HEADING,
    IMAGE,
    LINK,
    LIST_ITEM,
    STRIKE,
    STRONG,
    TABLE_ROW,
    Block,
)
from viewer.core.documents import MARKDOWN, Document
from viewer.qt.highlights import Offsets

HEADING_SCALE = {1: 1.6, 2: 1.35, 3: 1.2, 4: 1.1, 5: 1.0, 6: 1.0}


def _block_format(block: Block, base_size: float) -> tuple[QTextBlockFormat, QTextCharFormat]:
    fmt = QTextBlockFormat()
    char = QTextCharFormat()
    fmt.setBottomMargin(base_size * 0.6)
    indent = 0.0
    if block.quote_depth:
        indent += 18.0 * block.quote_depth
        char.setForeground(QPalette().color(QPalette.ColorRole.PlaceholderText))
    if block.kind == HEADING:
        char.setFontWeight(QFont.Weight.Bold)
        char.setFontPointSize(base_size * HEADING_SCALE.get(block.level, 1.0))
        fmt.setTopMargin(base_size * 0.8)
        fmt.setHeadingLevel(block.level)
    elif block.kind == CODE:
        char.setFontFamilies(
            [QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()]
        )
        fmt.setBackground(QColor(127, 127, 127, 40))
        fmt.setNonBreakableLines(True)
    elif block.kind == TABLE_ROW:
        fmt.setBottomMargin(base_size * 0.2)
    if indent:
        fmt.setLeftMargin(indent)
    return fmt, char


def _inline_format(style: str, href: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if style in (EMPHASIS, IMAGE):
        fmt.setFontItalic(True)
    elif style == STRONG:
        fmt.setFontWeight(QFont.Weight.Bold)
    elif style == STRIKE:
        fmt.setFontStrikeOut(True)
    elif style == CODE_SPAN:
        fmt.setFontFamilies([QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()])
    elif style == LINK:
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setFontUnderline(True)
        fmt.setForeground(QPalette().color(QPalette.ColorRole.Link))
    return fmt


def _insert_runs(cursor: QTextCursor, text: str, block: Block, base: QTextCharFormat) -> None:
    """Insert ``text[block.start:block.end]`` with its inline style runs."""
    cuts = {block.start, block.end}
    for run in block.runs:
        cuts.update((run.start, run.end))
    points = sorted(c for c in cuts if block.start <= c <= block.end)
    for start, end in itertools.pairwise(points):
        fmt = QTextCharFormat(base)
        for run in block.runs:
            if run.start <= start and end <= run.end:
                fmt.merge(_inline_format(run.style, run.href))
        cursor.insertText(text[start:end], fmt)


def build_document(document: Document, font: QFont) -> QTextDocument:
    """A QTextDocument whose plain text equals ``document.text`` (positions in UTF-16)."""
    qdoc = QTextDocument()
    qdoc.setDefaultFont(font)
    qdoc.setDocumentMargin(14)
    if document.format != MARKDOWN:
        qdoc.setPlainText(document.text)
        return qdoc
    base_size = font.pointSizeF() if font.pointSizeF() > 0 else 11.0
    cursor = QTextCursor(qdoc)
    lists: dict[int, tuple[object, bool]] = {}
    previous_end = 0
    for index, block in enumerate(document.blocks):
        fmt, char = _block_format(block, base_size)
        gap = document.text[previous_end : block.start]
        if index == 0:
            cursor.insertText(gap)  # normally empty: text starts with the first block
            cursor.setBlockFormat(fmt)
            cursor.setBlockCharFormat(char)
        else:
            if len(gap) > 1:
                cursor.insertText(gap[:-1])
            cursor.insertBlock(fmt, char)
        if block.kind == LIST_ITEM:
            _attach_list(cursor, block, lists)
        else:
            lists.clear()
        _insert_runs(cursor, document.text, block, char)
        previous_end = block.end
    cursor.insertText(document.text[previous_end:])
    return qdoc


def _attach_list(cursor: QTextCursor, block: Block, lists: dict[int, tuple[object, bool]]) -> None:
    """Put the current Qt block into a QTextList so Qt draws the marker, not the text."""
    for level in [lv for lv in lists if lv > block.level]:
        del lists[level]
    if not block.marker:
        fmt = cursor.blockFormat()
        fmt.setIndent(block.level)
        cursor.setBlockFormat(fmt)
        return
    ordered = block.marker != "•"
    current = lists.get(block.level)
    if current is not None and current[1] == ordered:
        current[0].add(cursor.block())  # type: ignore[attr-defined]
        return
    list_format = QTextListFormat()
    list_format.setIndent(block.level)
    if ordered:
        list_format.setStyle(QTextListFormat.Style.ListDecimal)
        list_format.setStart(int(block.marker.rstrip(".")) if block.marker[:-1].isdigit() else 1)
    else:
        styles = (
            QTextListFormat.Style.ListDisc,
            QTextListFormat.Style.ListCircle,
            QTextListFormat.Style.ListSquare,
        )
        list_format.setStyle(styles[(block.level - 1) % 3])
    lists[block.level] = (cursor.createList(list_format), ordered)


def highlight_format(background: QColor, foreground: QColor | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(background)
    if foreground is not None:
        fmt.setForeground(foreground)
    fmt.setProperty(QTextFormat.Property.UserProperty, 1)
    return fmt


def keep_shapes(document: QTextDocument) -> None:
    """Make every paragraph of ``document`` keep its shaped glyphs between draws."""
    block = document.begin()
    while block.isValid():
        block.layout().setCacheEnabled(True)
        block = block.next()


__all__ = ["Offsets", "build_document", "highlight_format", "keep_shapes"]
