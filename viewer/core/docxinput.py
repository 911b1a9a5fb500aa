"""A Word ``.docx`` file to Markdown with front matter (core layer; no Qt; python-docx).

Paragraphs, headings (styles "Title" and "Heading N"), quotes, bulleted and numbered lists
(list styles or Word numbering) and bold/italic runs become Markdown, escaped as web pages
are (``viewer.core.htmlinput``); tables become table rows. The title, author and date come
from the document's properties. A docx is a zip: its members' unpacked sizes are checked
before anything is unpacked, so a zip bomb is refused, not inflated.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from viewer.core.errors import DocumentError
from viewer.core.frontmatter import dump_front_matter
from viewer.core.htmlinput import escape_block, escape_inline

MAX_UNPACKED = 200_000_000  # bytes of all members unpacked
MAX_RATIO = 200  # unpacked / packed size of one member (text XML packs about 10:1)
_HEADING = re.compile(r"heading (\d)")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _check_zip(data: bytes, name: str) -> None:
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DocumentError(name, f"is not a Word document that could be read ({exc})") from None
    total = sum(member.file_size for member in members)
    if total > MAX_UNPACKED:
        raise DocumentError(
            name, f"unpacks to {total / 1e6:,.0f} MB, more than {MAX_UNPACKED / 1e6:.0f} MB"
        )
    for member in members:
        if member.file_size > 1_000_000 and member.file_size > MAX_RATIO * max(
            1, member.compress_size
        ):
            raise DocumentError(
                name,
                f"has a member that unpacks {member.file_size // member.compress_size}"
                " times its size (a zip bomb?)",
            )


def _runs(paragraph: Any) -> str:
    parts = []
    for run in paragraph.runs:
        text = escape_inline(run.text)
        core = text.strip()
        if core and (run.bold or run.italic):
            marker = ("**" if run.bold else "") + ("*" if run.italic else "")
            lead = " " if text[:1].isspace() else ""
            trail = " " if text[-1:].isspace() else ""
            text = f"{lead}{marker}{core}{marker[::-1]}{trail}"
        parts.append(text)
    return re.sub(r" {2,}", " ", "".join(parts)).strip()


def _paragraph(paragraph: Any, numbers: dict[int, int]) -> str:
    style = (paragraph.style.name if paragraph.style is not None else "").lower()
    text = _runs(paragraph)
    if not text:
        return ""
    heading = _HEADING.match(style)
    if style == "title" or heading:
        level = 1 if style == "title" else min(6, int(heading.group(1)) if heading else 1)
        return "#" * level + " " + escape_block(text)
    props = paragraph._p.pPr
    num_pr = props.numPr if props is not None else None
    level = 0
    if num_pr is not None and num_pr.ilvl is not None:
        level = int(num_pr.ilvl.val or 0)
    indent = "   " * min(level, 8)
    if "number" in style:
        numbers[level] = numbers.get(level, 0) + 1
        return f"{indent}{numbers[level]}. {escape_block(text)}"
    if "list" in style or num_pr is not None:
        return f"{indent}- {escape_block(text)}"
    numbers.clear()
    if "quote" in style:
        return "> " + escape_block(text)
    return escape_block(text)


def docx_to_markdown(data: bytes, name: str) -> str:
    """The Word document as Markdown with front matter; ``DocumentError`` naming ``name``."""
    _check_zip(data, name)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise DocumentError(name, f"is not a Word document that could be read ({exc})") from None
    blocks: list[str] = []
    numbers: dict[int, int] = {}
    list_open = False
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            line = _paragraph(Paragraph(child, document), numbers)
            if not line:
                continue
            is_item = line.lstrip().startswith("- ") or bool(re.match(r"\s*\d+\. ", line))
            if is_item and list_open:
                blocks[-1] += "\n" + line
            else:
                blocks.append(line)
            list_open = is_item
        elif child.tag == f"{_W}tbl":
            table = Table(child, document)
            rows = [
                "| " + " | ".join(escape_inline(c.text).strip() or " " for c in row.cells) + " |"
                for row in table.rows
            ]
            if rows:
                width = rows[0].count(" | ") + 1
                rows.insert(1, "|" + " --- |" * width)
                blocks.append("\n".join(rows))
            list_open = False
    if not blocks:
        raise DocumentError(name, "has no text (an empty Word document, or only pictures)")
    props = document.core_properties
    created = props.created.date().isoformat() if props.created else ""
    fields = {"title": props.title or "", "author": props.author or "", "date": created}
    return dump_front_matter(fields) + "\n\n".join(blocks) + "\n"
