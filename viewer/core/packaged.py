"""The data the package ships, read through ``importlib.resources`` (core layer, no Qt).

``viewer/seeds`` (the sample articles) and ``viewer/resources`` (icon, ``.desktop`` file,
AppStream metainfo, MIME type) are links to the top-level ``seeds/`` and ``resources/`` in
a checkout and real folders in an installed wheel; nothing here walks up from a source
file, so the same code works from a checkout, an editable install and a wheel.
"""

from __future__ import annotations

import atexit
import contextlib
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

APP_ID = "io.github.articleviewer.ArticleViewer"
"""Reverse-DNS application id: the ``.desktop`` file, icon and metainfo are named for it."""
APP_NAME = "Article Viewer"
ORGANISATION = "article-viewer"
SESSION_MIME = "application/x-article-viewer-session"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def _root() -> Traversable:
    return files("viewer")


def resource(*parts: str) -> Traversable:
    """A file under ``viewer/resources``."""
    node = _root() / "resources"
    for part in parts:
        node = node / part
    return node


def _real(node: Traversable) -> Path:
    """``node`` as a path on disk (extracted for the process's lifetime if it is not)."""
    if isinstance(node, Path):
        return node
    return _extracted.enter_context(as_file(node))


def resource_path(*parts: str) -> Path:
    """A file under ``viewer/resources`` as a path on disk."""
    return _real(resource(*parts))


def desktop_file() -> Traversable:
    return resource(f"{APP_ID}.desktop")


def metainfo_file() -> Traversable:
    return resource(f"{APP_ID}.metainfo.xml")


def mime_file() -> Traversable:
    return resource(f"{APP_ID}.mime.xml")


def icon_svg() -> Traversable:
    return resource("icons", f"{APP_ID}.svg")


def icon_png(size: int) -> Traversable:
    return resource("icons", f"{size}x{size}", f"{APP_ID}.png")


def samples_folder() -> Path:
    """The folder of sample articles, as a path on disk."""
    return _real(_root() / "seeds")


def sample_paths() -> list[str]:
    """The sample articles (Markdown with front matter), in file-name order."""
    return sorted(str(p) for p in samples_folder().glob("*.md"))
