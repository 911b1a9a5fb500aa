"""Tables that keep every cell (core layer; no Qt).

GFM drops the cells of a row beyond the header's count ("the excess is ignored"), and
markdown-it does so: a row ``|a|b|c|`` under a two-column header lost "c" with no trace.
An article's text is never dropped, so this rule wraps markdown-it's table rule and gives
such a row its extra cells back, after the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markdown_it.rules_block.table import escapedSplit, getLine
from markdown_it.rules_block.table import table as gfm_table
from markdown_it.token import Token

if TYPE_CHECKING:
    from markdown_it.rules_block import StateBlock


def _cells(state: StateBlock, line: int) -> list[str]:
    """The cells of a table row's source line, split as markdown-it splits them."""
    text = getLine(state, line).strip()
    cells = escapedSplit(text)
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def table_keeping_cells(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's table rule, then each row's cells beyond the header's count put back."""
    first = len(state.tokens)
    if not gfm_table(state, start, end, silent):
        return False
    if silent:
        return True
    tokens = state.tokens[first:]
    columns = 0
    row_line: int | None = None
    kept: list[Token] = []
    for token in tokens:
        if token.type == "tr_open":
            row_line = token.map[0] if token.map else None
            count = 0
        elif token.type in ("th_open", "td_open"):
            count += 1
        elif token.type == "tr_close" and row_line is not None:
            columns = columns or count
            for cell in _cells(state, row_line)[columns:]:
                opened = Token("td_open", "td", 1, level=token.level + 1)
                inline = Token("inline", "", 0, level=token.level + 2, content=cell.strip())
                inline.map = [row_line, row_line + 1]
                inline.children = []
                kept += [opened, inline, Token("td_close", "td", -1, level=token.level + 1)]
        kept.append(token)
    state.tokens[first:] = kept
    return True
