"""Verdicts and notes in the window: set from the keyboard and the panel, undone, marked
in the panes, kept through an option change (Qt layer). Articles: the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.qt.mainwindow import MainWindow

from .conftest import open_and_wait, seed_paths


def _open_with_current_passage(qtbot: QtBot, window: MainWindow) -> int:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.actions_by_name["next_passage"].trigger()
    assert window.current_passage is not None
    return window.current_passage


def test_a_verdict_from_the_keyboard_shows_and_undoes(qtbot: QtBot, window: MainWindow) -> None:
    passage = _open_with_current_passage(qtbot, window)
    verdicts = window.session.state.verdicts
    window.actions_by_name["verdict2"].trigger()  # Alt+2
    assert window.session.resolution.verdict(passage) == verdicts[1]
    assert f"Verdict: {verdicts[1]}" in window.status_text.text()
    assert window.windowTitle().startswith("*")  # unsaved review work
    # Marked beside the passage in both panes: a bar over each copy's range.
    comparison = window.comparison
    assert comparison is not None
    for pane, doc in zip(window.row.panes, window.docs_of_panes, strict=True):
        (span,) = comparison.passages[passage].spans_in(doc)
        assert pane.view.overlays.note_marks() == [(span.start, span.end)]
    window.actions_by_name["undo"].trigger()
    assert window.session.resolution.verdict(passage) is None
    assert all(p.view.overlays.note_marks() == [] for p in window.row.panes)
    window.actions_by_name["redo"].trigger()
    assert window.session.resolution.verdict(passage) == verdicts[1]
    window.actions_by_name["verdict0"].trigger()  # Alt+0: no verdict
    assert window.session.resolution.verdict(passage) is None


def test_a_note_typed_in_the_panel_is_kept_with_its_author(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage = _open_with_current_passage(qtbot, window)
    window.actions_by_name["edit_note"].trigger()  # F2: the panel opens on the note field
    dock = window.reviewing.dock
    assert dock.isVisible()
    qtbot.keyClicks(dock.note, "Check the figure: 14,000?")
    qtbot.keyClick(dock.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    note = window.session.resolution.passage_note(passage)
    assert note is not None and note.text == "Check the figure: 14,000?"
    assert note.author == window.session.author and note.modified
    assert window.session.author in dock.byline.text()
    # The verdict list in the panel sets the verdict of the same note.
    dock.verdict.setCurrentIndex(1)
    dock.verdict.activated.emit(1)
    note = window.session.resolution.passage_note(passage)
    assert note is not None and note.verdict == window.session.state.verdicts[0]
    assert note.text == "Check the figure: 14,000?"


def test_a_note_on_original_text_is_marked_and_clicked_into_the_panel(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    pane = window.row.panes[0]
    text = pane.document.text
    start = text.index("Kremlin spokesman")
    end = start + len("Kremlin spokesman Dmitry Peskov")
    assert window.reviewing.add_range_note(0, start, end, "Was it Peskov?")
    assert pane.view.overlays.note_marks() == [(start, end)]
    assert window.row.panes[1].view.overlays.note_marks() == []
    window.reviewing.target_note = None
    window._on_offset_clicked(pane, start + 3)
    assert window.reviewing.dock.note.toPlainText() == "Was it Peskov?"
    assert "Kremlin spokesman Dmitry Peskov" in window.reviewing.dock.target.text()


def test_a_verdict_stays_on_its_passage_through_an_option_change(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage = _open_with_current_passage(qtbot, window)
    comparison = window.comparison
    assert comparison is not None
    spans = {s.doc: (s.start, s.end) for s in comparison.passages[passage].spans}
    window.actions_by_name["verdict1"].trigger()
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        window.options_bar.min_words.setValue(window.options_bar.min_words.value() - 2)
    qtbot.wait(50)
    resolved = window.session.resolution.notes
    assert len(resolved) == 1 and not resolved[0].lost
    new_passage = resolved[0].passage
    assert new_passage is not None
    new = window.comparison
    assert new is not None
    overlap = [
        s
        for s in new.passages[new_passage].spans
        if s.start < spans[s.doc][1] and spans[s.doc][0] < s.end
    ]
    assert len(overlap) == 2  # the same text in both articles carries the verdict


def test_opening_other_articles_starts_a_new_session(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _open_with_current_passage(qtbot, window)
    window.actions_by_name["verdict1"].trigger()
    window.session.mark_saved(str(tmp_path / "review.avsession"))
    open_and_wait(qtbot, window, seed_paths("001", "003"))
    assert window.session.path is None  # Ctrl+S asks where, not over the old session
    assert window.session.state.notes == ()
    assert not window.session.dirty()


def test_opening_other_articles_over_unsaved_notes_asks_first(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    _open_with_current_passage(qtbot, window)
    window.actions_by_name["verdict1"].trigger()
    asked: list[bool] = []

    def cancel() -> QMessageBox.StandardButton:
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(window.sessions, "ask_unsaved", cancel)
    window.files.interactive = True
    before = list(window.documents)
    window.files.open_paths(seed_paths("001", "003"))
    assert asked == [True]
    assert window.documents == before  # Cancel: the review and its articles stay
    assert len(window.session.state.notes) == 1


def test_notes_are_signed_with_the_chosen_name(qtbot: QtBot, window: MainWindow) -> None:
    passage = _open_with_current_passage(qtbot, window)
    window.reviewing.set_reviewer("  Ana   Silva ")
    window.actions_by_name["verdict1"].trigger()
    note = window.session.resolution.passage_note(passage)
    assert note is not None and note.author == "Ana Silva"
    assert window.settings.reviewer() == "Ana Silva"  # remembered for the next start


def test_notes_on_text_are_listed_and_shown_from_the_list(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "002"))
    pane = next(p for p in window.row.panes if "/002-" in p.document.path)
    text = pane.document.text
    start = text.index("Tanks rumble past")
    end = start + len("Tanks rumble past, cannons thunder")
    index = window.row.panes.index(pane)
    assert window.reviewing.add_range_note(index, start, end, "Original colour: check it")
    window.reviewing.target_note = None
    pane.view.scroll_to_y(0)
    listed = window.reviewing.dock.range_notes
    assert listed.count() == 1
    line = listed.item(0).text()
    assert "“Tanks rumble past, cannons thunder”" in line and "Original colour" in line
    listed.itemActivated.emit(listed.item(0))
    assert window.reviewing.dock.note.toPlainText() == "Original colour: check it"
    top = pane.view.top()
    assert top <= pane.view.y_of(start) <= top + pane.view.viewport().height()
