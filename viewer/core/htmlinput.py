"""A web page (HTML) to Markdown with front matter (core layer; no Qt; imports trafilatura).

trafilatura finds the article's main text and drops navigation, adverts, cookie notices and
"related articles"; its metadata gives the title, author, site name and date. The text it
keeps (headings, paragraphs, quotes, lists, tables, emphasis) is written as Markdown with
every character that Markdown would read as markup escaped, so the page is shown (and kept
in a session) as a Markdown article that renders the same every time.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from viewer.core.errors import DocumentError
from viewer.core.frontmatter import dump_front_matter

if TYPE_CHECKING:
    from lxml.etree import _Element

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_MAX_DEPTH = 12  # quotes and lists nested deeper are kept flat
_MAX_TREE = 500_000  # elements of a page trafilatura reads (a 20 MB page of small tags)
_INLINE_ESCAPE = re.compile(r"([\\`*_\[\]<>~|])|&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#+=>-]|\d{1,9}(?=[.)]))")
_SPACES = re.compile(r"\s+")
_HEADING_LEVEL = re.compile(r"h([1-6])")
_BLOCKS = frozenset({"p", "head", "quote", "list", "item", "table", "row", "cell", "code", "div"})
_EMPHASIS = {"#i": "*", "#b": "**", "#u": "*", "#t": "", "#sub": "", "#sup": ""}


def escape_inline(text: str) -> str:
    """``text`` with runs of white space made one space and Markdown's markup escaped."""
    text = _SPACES.sub(" ", text)
    return _INLINE_ESCAPE.sub(lambda m: "\\" + (m.group(1) or "&"), text)


def escape_block(text: str) -> str:
    """An escaped inline text that starts a block: a leading "#", "-", "1." or ">" escaped."""
    text = text.strip()
    match = _LINE_START.match(text)
    if match:
        if match.group(2).isdigit():
            end = match.end()
            return text[:end] + "\\" + text[end:]
        return text[: match.start(2)] + "\\" + text[match.start(2) :]
    return text


def _wrap(inner: str, marker: str) -> str:
    """Emphasis around ``inner``, with its outer spaces kept outside the markers."""
    core = inner.strip()
    if not core or not marker:
        return inner
    lead = " " if inner[:1].isspace() else ""
    trail = " " if inner[-1:].isspace() else ""
    return f"{lead}{marker}{core}{marker}{trail}"


def _inline(element: _Element, skip_blocks: bool = False) -> str:
    """The Markdown of an element's text and inline children (and their tails)."""
    parts = [escape_inline(element.text or "")]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if skip_blocks and tag in ("list", "quote", "p", "table"):
            pass  # rendered as blocks of their own
        elif tag == "hi":
            parts.append(_wrap(_inline(child), _EMPHASIS.get(child.get("rend", ""), "*")))
        elif tag == "del":
            parts.append(_wrap(_inline(child), "~~"))
        elif tag == "lb":
            parts.append(" ")
        elif tag != "graphic":
            parts.append(_inline(child))
        parts.append(escape_inline(child.tail or ""))
    return "".join(parts)


class _Writer:
    def __init__(self) -> None:
        self.blocks: list[str] = []

    def paragraph(self, text: str, prefix: str = "") -> None:
        text = escape_block(text)
        if text:
            self.blocks.append(prefix + text)

    def element(self, element: _Element, prefix: str, depth: int) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if depth > _MAX_DEPTH:
            self.paragraph(_inline(element), prefix)
        elif tag == "head":
            match = _HEADING_LEVEL.fullmatch(element.get("rend", ""))
            text = escape_block(_inline(element))
            if text:
                self.blocks.append(f"{prefix}{'#' * int(match.group(1) if match else 2)} {text}")
        elif tag == "quote":
            self.children(element, prefix + "> ", depth + 1)
        elif tag == "list":
            ordered = element.get("rend", "") == "ol"
            number = 1
            for item in element:
                if not isinstance(item.tag, str):
                    continue
                marker = f"{number}. " if ordered else "- "
                text = escape_block(_inline(item, skip_blocks=True))
                self.blocks.append(f"{prefix}{marker}{text}" if text else f"{prefix}{marker}")
                number += 1
                nested = " " * len(marker)
                for child in item:
                    if child.tag in ("list", "quote", "p", "table"):
                        self.element(child, prefix + nested, depth + 1)
        elif tag == "table":
            self.table(element, prefix)
        elif tag == "code":
            code = element.xpath("string()")
            fence = "`" * max(3, max((len(r) for r in re.findall("`+", code)), default=0) + 1)
            self.blocks.append(f"{prefix}{fence}\n{code.strip(chr(10))}\n{fence}")
        elif tag == "graphic":
            pass
        elif any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in element):
            self.paragraph(escape_inline(element.text or ""), prefix)
            self.children(element, prefix, depth + 1)
        else:
            self.paragraph(_inline(element), prefix)
        if depth > 1 and tag in _BLOCKS and element.tail and element.tail.strip():
            self.paragraph(escape_inline(element.tail), prefix)

    def children(self, element: _Element, prefix: str, depth: int) -> None:
        if element.text and element.text.strip():
            self.paragraph(escape_inline(element.text), prefix)
        for child in element:
            if isinstance(child.tag, str):
                self.element(child, prefix, depth)
            if child.tail and child.tail.strip():
                self.paragraph(escape_inline(child.tail), prefix)

    def table(self, table: _Element, prefix: str) -> None:
        rows = [
            [_inline(cell).strip() or " " for cell in row if cell.tag == "cell"]
            for row in table
            if row.tag == "row"
        ]
        rows = [row for row in rows if row]
        if not rows:
            return
        width = max(len(row) for row in rows)
        lines = []
        for index, row in enumerate(rows):
            row = row + [" "] * (width - len(row))
            lines.append(prefix + "| " + " | ".join(row) + " |")
            if index == 0:
                lines.append(prefix + "|" + " --- |" * width)
        self.blocks.append("\n".join(lines))


def html_to_markdown(html: bytes | str, name: str, url: str = "") -> tuple[str, str]:
    """The article in ``html`` as Markdown with front matter, and the page's encoding;
    ``DocumentError`` naming ``name`` when no article text can be found."""
    import trafilatura

    encoding = "utf-8"
    if isinstance(html, bytes):
        from trafilatura.utils import detect_encoding

        guesses = detect_encoding(html[:100_000])
        encoding = guesses[0] if guesses else "utf-8"
    try:
        found: Any = trafilatura.bare_extraction(
            html,
            url=url or None,
            include_formatting=True,
            include_tables=True,
            include_comments=False,
            with_metadata=True,
            deduplicate=False,
            config=_config(),
        )
    except (ValueError, RecursionError) as exc:
        raise DocumentError(name, f"is not a web page that could be read ({exc})") from None
    body = getattr(found, "body", None) if found is not None else None
    writer = _Writer()
    if body is not None and _has_prose(html):
        writer.children(body, "", 1)
    if not writer.blocks:
        raise DocumentError(
            name, "has no article text that could be found (only menus, links or scripts)"
        )
    fields = {
        "title": _metadata(found, "title"),
        "author": _metadata(found, "author"),
        "outlet": _metadata(found, "sitename"),
        "date": _metadata(found, "date"),
        "url": url or _metadata(found, "url"),
    }
    return dump_front_matter(fields) + "\n\n".join(writer.blocks) + "\n", encoding


_FURNITURE = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "a",
    "button",
    "form",
    "select",
    "title",
    "head",
)
_MIN_PROSE_WORDS = 5


def _has_prose(html: bytes | str) -> bool:
    """Whether the page has any words outside links, menus, scripts and page furniture:
    trafilatura's fallbacks would otherwise keep a page of links as its "article"."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.LxmlError, ValueError):
        return True  # let trafilatura's own answer stand
    lxml.etree.strip_elements(tree, *_FURNITURE, with_tail=False)
    words = 0
    for text in tree.itertext():
        words += len(text.split())
        if words >= _MIN_PROSE_WORDS:
            return True
    return False


def _config() -> Any:
    """trafilatura's settings with a bound on the page's elements and no alarm signal
    (pages are also read on a worker thread, where signals cannot be set)."""
    from copy import deepcopy

    from trafilatura.settings import DEFAULT_CONFIG

    config = deepcopy(DEFAULT_CONFIG)
    config["DEFAULT"]["max_tree_size"] = str(_MAX_TREE)
    config["DEFAULT"]["extraction_timeout"] = "0"
    config["DEFAULT"]["max_file_size"] = "30000000"  # our own 20 MB limit comes first
    return config


def _metadata(found: Any, field: str) -> str:
    value = getattr(found, field, None)
    return _SPACES.sub(" ", str(value)).strip()[:500] if value else ""
