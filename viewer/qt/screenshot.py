"""``viewer --screenshot OUT.png FILE…``: compare, render offscreen, save, exit (Qt layer)."""

from __future__ import annotations

import os
import sys

from viewer.core.compare import MAX_DOCUMENTS, compare
from viewer.core.documents import load_document
from viewer.core.errors import DocumentError
from viewer.core.model import CompareOptions


def take_screenshot(
    paths: list[str], out: str, size: tuple[int, int], options: CompareOptions, theme: str
) -> int:
    """Render the window with ``paths`` compared to ``out``; 0 on success, 2 on bad input."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    from viewer.core.terminal import escape_controls
    from viewer.qt.application import apply_theme, make_app
    from viewer.qt.mainwindow import MainWindow
    from viewer.qt.settings import MemoryStore, Settings

    try:
        documents = [load_document(p) for p in paths]
    except DocumentError as exc:
        print(f"viewer: {escape_controls(str(exc))}", file=sys.stderr)
        return 2
    for warning in (w for document in documents for w in document.warnings):
        print(f"viewer: warning: {escape_controls(warning)}", file=sys.stderr)
    app = make_app()
    # Settings in memory only: a screenshot neither depends on nor writes the user's.
    window = MainWindow(Settings(MemoryStore()), theme=theme)
    window.files.interactive = False
    apply_theme(theme)
    window.options_bar.set_options(options)
    window.resize(*size)
    window.show()
    window.comparer.cancel()
    window.documents = documents[:MAX_DOCUMENTS]
    window.row.set_documents(window.documents, window.view_font())
    window._update_pages()
    app.processEvents()
    if len(window.documents) >= 2:
        window.comparison = compare(window.documents, options)
        window._show_comparison()
        if window.comparison.passages:
            window.select_passage(
                max(
                    range(len(window.comparison.passages)),
                    key=lambda i: len(window.comparison.passages[i].docs),
                )
            )  # type: ignore[union-attr]
    app.processEvents()
    ok = window.grab().save(out)
    window.close()
    if not ok:
        print(f"viewer: {escape_controls(out)}: could not write the PNG", file=sys.stderr)
        return 2
    print(escape_controls(out))
    return 0
