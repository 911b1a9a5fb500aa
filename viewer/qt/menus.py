"""Menus, actions and keyboard shortcuts of the main window (Qt layer)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from viewer import __version__
from viewer.qt.actions import Keys, add_action
from viewer.qt.plaintext import menu_text, tooltip

if TYPE_CHECKING:
    from collections.abc import Callable

    from viewer.qt.mainwindow import MainWindow


def build_menus(window: MainWindow) -> dict[str, QAction]:
    """Create every action with its shortcut; return them by name (tests trigger them)."""
    actions: dict[str, QAction] = {}
    bar = window.menuBar()

    def add(menu, name: str, text: str, slot: Callable[[], object], keys: Keys = None) -> QAction:  # type: ignore[no-untyped-def]
        return add_action(window, actions, menu, name, text, slot, keys)

    files = bar.addMenu("&File")
    add(files, "open", "&Open articles…", window.files.open_dialog, QKeySequence.StandardKey.Open)
    add(
        files,
        "add",
        "&Add an article…",
        lambda: window.files.open_dialog(add=True),
        QKeySequence("Ctrl+Shift+O"),
    )
    open_url = lambda: _webinput().ask_for_url(window)  # noqa: E731
    add(files, "open_url", "Open &URL…", open_url, QKeySequence("Ctrl+Shift+U"))
    add(files, "paste", "&Paste as a new article", window.files.paste, QKeySequence("Ctrl+Shift+V"))
    add(files, "save_article", "Save article &as…", lambda: _webinput().save_article(window))
    add(files, "samples", "Open the &sample articles", window.files.open_samples)
    add(files, "reload", "&Reload from disk", window.files.reload_all, QKeySequence("F5"))
    window.recent_menu = files.addMenu("Open &recent")
    window.recent_add_menu = files.addMenu("A&dd recent")
    files.addSeparator()
    actions.update(window.sessions.add_actions(files))
    export = lambda: _export().export_report(window)  # noqa: E731
    add(files, "export", "&Export a report…", export, QKeySequence("Ctrl+E"))
    files.addSeparator()
    add(files, "close_pane", "&Close article", window.close_pane, QKeySequence.StandardKey.Close)
    files.addSeparator()
    add(files, "quit", "&Quit", window.close, QKeySequence.StandardKey.Quit)

    view = bar.addMenu("&View")
    sync = add(view, "sync", "&Synchronised scrolling", lambda: None, QKeySequence("Ctrl+L"))
    sync.setCheckable(True)
    sync.setChecked(window.sync.enabled)
    sync.toggled.connect(window.set_sync)
    view.addSeparator()
    add(
        view,
        "zoom_in",
        "Zoom &in",
        lambda: window.zoom(1),
        [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")],
    )
    add(view, "zoom_out", "Zoom &out", lambda: window.zoom(-1), QKeySequence("Ctrl+-"))
    add(view, "zoom_reset", "&Normal size", lambda: window.zoom(None), QKeySequence("Ctrl+0"))
    view.addSeparator()
    add(
        view,
        "move_left",
        "Move article &left",
        lambda: window.move_pane(-1),
        QKeySequence("Ctrl+Shift+PgUp"),
    )
    add(
        view,
        "move_right",
        "Move article &right",
        lambda: window.move_pane(1),
        QKeySequence("Ctrl+Shift+PgDown"),
    )
    order = add(view, "order_by_relation", "&Put related articles side by side", lambda: None)
    order.setCheckable(True)
    order.setChecked(window.settings.order_by_relation())
    order.setToolTip("On: the articles that share most are neighbours. Off: file order.")
    order.toggled.connect(window.set_order_by_relation)
    view.addSeparator()
    actions.update(window.docks.add_actions(view))
    view.addSeparator()
    themes = view.addMenu("&Theme")
    group = QActionGroup(window)
    for name, label in (("system", "Follow the &system"), ("light", "&Light"), ("dark", "&Dark")):
        action = QAction(label, window, checkable=True)
        action.setChecked(window.theme == name)
        action.triggered.connect(lambda _c=False, n=name: window.set_theme(n))
        group.addAction(action)
        themes.addAction(action)
        actions[f"theme_{name}"] = action

    go = bar.addMenu("&Navigate")
    add(
        go,
        "next_passage",
        "&Next passage",
        lambda: window.step_passage(True),
        QKeySequence("Alt+Down"),
    )
    add(
        go,
        "previous_passage",
        "&Previous passage",
        lambda: window.step_passage(False),
        QKeySequence("Alt+Up"),
    )
    add(
        go,
        "next_change",
        "Next &change",
        lambda: window.step_change(True),
        # F7 too: some window managers (openbox) take Alt+Shift+Down for themselves.
        [QKeySequence("Alt+Shift+Down"), QKeySequence("F7")],
    )
    add(
        go,
        "previous_change",
        "Previous c&hange",
        lambda: window.step_change(False),
        [QKeySequence("Alt+Shift+Up"), QKeySequence("Shift+F7")],
    )
    go.addSeparator()
    add(go, "find", "&Find in all articles…", window.finder.open, QKeySequence.StandardKey.Find)
    add(
        go,
        "find_next",
        "Find ne&xt",
        lambda: window.finder.step(True),
        QKeySequence.StandardKey.FindNext,
    )
    add(
        go,
        "find_previous",
        "Find pre&vious",
        lambda: window.finder.step(False),
        QKeySequence.StandardKey.FindPrevious,
    )

    help_menu = bar.addMenu("&Help")
    add(help_menu, "shortcuts", "&Keyboard shortcuts", lambda: _shortcuts(window))
    add(help_menu, "about", "&About", lambda: _about(window))
    window.refresh_recent_menu = lambda: _fill_recent(window)  # type: ignore[method-assign]
    _fill_recent(window)
    return actions


def distinct_labels(paths: list[str]) -> list[str]:
    """Each path's shortest tail of folders that no other path ends with ("tech/009.txt")."""
    parts = [Path(p).parts for p in paths]
    labels = []
    for mine in parts:
        depth = 1
        while depth < len(mine) and any(
            other is not mine and other[-depth:] == mine[-depth:] for other in parts
        ):
            depth += 1
        labels.append("/".join(mine[-depth:]).replace("//", "/"))
    return labels


def _fill_recent(window: MainWindow) -> None:
    """Open recent (replaces the comparison) and Add recent (adds to it), told apart by folder."""
    recent = window.settings.recent()
    labels = distinct_labels(recent)
    for menu, add in ((window.recent_menu, False), (window.recent_add_menu, True)):
        menu.clear()
        for path, label in zip(recent, labels, strict=True):
            action = menu.addAction(menu_text(label))
            action.setData(path)
            action.setToolTip(tooltip(path))
            action.setStatusTip(path)
            action.triggered.connect(
                lambda _c=False, p=path, a=add: window.files.open_paths([p], add=a)
            )
        menu.setToolTipsVisible(True)
        if recent and not add:
            menu.addSeparator()
            clear = menu.addAction("Clear the list")
            clear.triggered.connect(lambda: (window.settings.clear_recent(), _fill_recent(window)))
        menu.setEnabled(bool(recent))


def _shortcuts(window: MainWindow) -> QDialog:
    """Help → Keyboard shortcuts (not modal: it can stay open beside the window)."""
    from viewer.qt.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    dialog.open()
    return dialog


def _about(window: MainWindow) -> QMessageBox:
    """The About box: what the colours and keys mean (plain text, shown without blocking)."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "About",
        f"Article comparison viewer {__version__}\n\n"
        "Blue: text another article also carries (deeper: more articles). Orange: words that "
        "changed inside a shared passage. Plain: original to this article. Outlined: the "
        "current passage. Yellow: Find matches; violet: the current match.\n\n"
        "Alt+Down / Alt+Up: next / previous passage. Alt+Shift+Down / Up (or F7 / Shift+F7): "
        "next / previous change. Ctrl+F: find. Ctrl+L: synchronised scrolling. F5: reload. "
        "Ctrl+Shift+P: the passage list; Ctrl+Shift+M: who shares with whom (Esc: back). "
        "Drag a pane's header to move it.\n\n"
        "Alt+1…9: a verdict on the current passage (Alt+0: none); F2: its note. Ctrl+S: save "
        "the session; Ctrl+Alt+O: open one.\n\n"
        "Links in articles open only for web and e-mail addresses, after you confirm them.",
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
    return box


def _export():  # type: ignore[no-untyped-def]
    """The report export, imported when first used: its report modules take 0.1 s to
    import, which the window's start-up need not pay."""
    from viewer.qt import export

    return export


def _webinput():  # type: ignore[no-untyped-def]
    """Opening and saving web articles, imported when first used."""
    from viewer.qt import webinput

    return webinput
