"""YAML front matter to metadata fields (core layer; no Qt; imports PyYAML).

The block between the opening and closing ``---`` lines is read with PyYAML ``safe_load``,
so block scalars (``title: >-``), quoting, comments, nested keys and dates come out right.
Fields are strings: a date is ISO ``YYYY-MM-DD``, a list is joined with ", ", a nested
mapping gives dotted keys (``source.name``) and, for the metadata the viewer shows, its
``name`` (``author: {name: …}``). Invalid YAML gives no fields and a warning naming its line
in the file (front matter starts on line 2, after the opening ``---``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

# How deep nested mappings are flattened, and how many fields are kept: metadata is small.
_MAX_DEPTH = 4
_MAX_FIELDS = 200
_MAX_VALUE = 2_000  # characters of one field's value
_MAX_ITEMS = 50  # items of a list value
MAX_SOURCE = 64_000  # characters of front matter read; PyYAML is pure Python


@dataclass(frozen=True)
class FrontMatter:
    """The front matter's fields (lower-case keys) and problems met reading it."""

    fields: dict[str, str]
    warnings: tuple[str, ...] = ()


def _scalar(value: Any, depth: int = 0) -> str:
    if value is None or depth > _MAX_DEPTH:
        return ""
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):  # aliases can nest lists exponentially: cap the work
        parts = (_scalar(v, depth + 1)[:_MAX_VALUE] for v in value[:_MAX_ITEMS])
        return ", ".join(part for part in parts if part)[:_MAX_VALUE]
    if isinstance(value, dict):
        return _scalar(value.get("name", ""), depth + 1)
    return str(value).strip()[:_MAX_VALUE]


def _flatten(mapping: dict[Any, Any], prefix: str, out: dict[str, str], depth: int) -> None:
    for key, value in mapping.items():
        if len(out) >= _MAX_FIELDS:
            return
        name = prefix + str(key).strip().lower()
        if isinstance(value, dict) and depth < _MAX_DEPTH:
            if "name" in value and not isinstance(value["name"], dict | list):
                out[name] = _scalar(value["name"])[:_MAX_VALUE]
            _flatten(value, name + ".", out, depth + 1)
        else:
            out[name] = _scalar(value)


def parse_front_matter(source: str) -> FrontMatter:
    """Read the YAML between the ``---`` lines; invalid YAML gives no fields and a warning."""
    import yaml

    if len(source) > MAX_SOURCE:
        return FrontMatter({}, (f"front matter longer than {MAX_SOURCE:,} characters; ignored",))
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f" on line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "it is not valid YAML"
        return FrontMatter({}, (f"front matter{where} is not valid YAML ({problem}); ignored",))
    except RecursionError:
        return FrontMatter({}, ("front matter is nested too deeply to read; ignored",))
    if data is None:
        return FrontMatter({})
    if not isinstance(data, dict):
        return FrontMatter({}, ("front matter is not a list of 'key: value' fields; ignored",))
    fields: dict[str, str] = {}
    _flatten(data, "", fields, 1)
    return FrontMatter(fields)


def dump_front_matter(fields: dict[str, str]) -> str:
    """Front matter (with its ``---`` lines) that ``parse_front_matter`` reads back as
    ``fields``; empty values are left out, and nothing at all when none is left."""
    import yaml

    kept = {key: value for key, value in fields.items() if value}
    if not kept:
        return ""
    body = yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"---\n{body}---\n\n"
