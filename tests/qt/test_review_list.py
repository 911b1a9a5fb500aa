"""Verdicts and notes in the passage list (columns, verdict filter, lost notes) and the
verdict list editor with undo (Qt layer). Articles: the seeds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.qt.mainwindow import MainWindow
from viewer.qt.verdictedit import CLEAR, VerdictEditor, apply_edit

from .conftest import open_and_wait, seed_paths
from .review import column_of, seen


def _two_verdicts(qtbot: QtBot, window: MainWindow) -> tuple[int, int]:
    """Verdict 2 on the first passage; verdict 3 and a note on the second."""
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.actions_by_name["next_passage"].trigger()
    first = window.current_passage
    window.actions_by_name["verdict2"].trigger()
    window.actions_by_name["next_passage"].trigger()
    second = window.current_passage
    window.actions_by_name["verdict3"].trigger()
    assert window.reviewing.save_note("Quote checked\nsecond line")
    assert first is not None and second is not None
    return first, second


def test_verdicts_and_notes_show_in_the_list_and_filter_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    first, second = _two_verdicts(qtbot, window)
    window.actions_by_name["passage_list"].trigger()
    panel = window.docks.passages
    verdicts = window.session.state.verdicts
    view = panel.view
    shown = dict(zip(panel.visible_passages(), seen(view, column_of(view, "Verdict")), strict=True))
    assert shown[first] == verdicts[1] and shown[second] == verdicts[2]
    assert sum(1 for v in shown.values() if v) == 2
    notes = dict(zip(panel.visible_passages(), seen(view, column_of(view, "Note")), strict=True))
    assert notes[second] == "Quote checked" and notes[first] == ""
    everything = set(panel.visible_passages())

    window.reviewing.columns.choose(verdicts[1])
    assert panel.visible_passages() == [first]
    window.reviewing.columns.choose(None)  # passages without a verdict
    assert set(panel.visible_passages()) == everything - {first, second}
    window.reviewing.columns.choose(verdicts[2])
    assert panel.visible_passages() == [second]
    window.actions_by_name["undo"].trigger()  # the note
    window.actions_by_name["undo"].trigger()  # the verdict on the second passage
    assert panel.visible_passages() == []
    assert "0 of" in panel.count.text()


def test_a_note_whose_text_is_gone_is_listed_as_lost(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    paths = []
    for source in seed_paths("000", "004"):
        shutil.copy(source, tmp_path / Path(source).name)
        paths.append(str(tmp_path / Path(source).name))
    open_and_wait(qtbot, window, paths)
    pane = window.row.panes[0]
    text = pane.document.text
    quote = "Kremlin spokesman Dmitry Peskov"
    start = text.index(quote)
    assert window.reviewing.add_range_note(0, start, start + len(quote), "Was it Peskov?")
    lost_label = window.reviewing.columns.lost
    assert lost_label.isHidden()
    source = Path(pane.document.path)
    edited = source.read_text(encoding="utf-8").replace(
        "Kremlin spokesman Dmitry Peskov told reporters on a conference", "an official said on a"
    )
    source.write_text(edited, encoding="utf-8")
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        window.files.reload_all()
    qtbot.wait(50)
    assert len(window.session.state.notes) == 1  # kept, never dropped
    assert lost_label.text() == "1 note lost"
    assert not lost_label.isHidden()
    assert "Was it Peskov?" in lost_label.toolTip()
    assert "1 note lost its text" in window.status_text.text()


def test_editing_the_verdict_list_is_one_undoable_step(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _two_verdicts(qtbot, window)
    start = window.session.state
    old = start.verdicts
    editor = VerdictEditor(start, window)
    qtbot.addWidget(editor)
    assert editor.rename(old[1], "  wire   copy ")
    assert editor.add("checked")
    assert not editor.add("checked")  # already there: said, nothing changed
    assert "already" in editor.message.text()
    assert editor.move("checked", -1)
    asked = []

    def ask(name: str, count: int, others: list[str]) -> str:
        asked.append((name, count))
        return "checked"

    monkeypatch.setattr(editor, "ask_in_use", ask)
    assert editor.remove(old[2])  # in use on the second passage: its note moves
    assert asked == [(old[2], 1)]
    assert window.session.state is start  # nothing applied before OK
    assert apply_edit(window.session, start, editor.state)
    expected = (old[0], "wire copy", old[3], "checked", old[4])
    assert window.session.state.verdicts == expected
    assert window.session.resolution.verdict(first) == "wire copy"
    assert window.session.resolution.verdict(second) == "checked"
    window.actions_by_name["verdict4"].trigger()  # Alt+4 follows the new order
    assert window.session.resolution.verdict(second) == "checked"
    window.actions_by_name["undo"].trigger()  # Alt+4 changed nothing: the edit is undone
    assert window.session.state.verdicts == old
    assert window.session.resolution.verdict(first) == old[1]
    assert window.session.resolution.verdict(second) == old[2]
    window.actions_by_name["redo"].trigger()
    assert window.session.state.verdicts == expected


def test_removing_a_verdict_in_use_can_clear_it_or_be_cancelled(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _two_verdicts(qtbot, window)
    start = window.session.state
    editor = VerdictEditor(start, window)
    qtbot.addWidget(editor)
    monkeypatch.setattr(editor, "ask_in_use", lambda *_args: None)
    assert not editor.remove(start.verdicts[1])  # cancelled
    assert editor.state is start
    monkeypatch.setattr(editor, "ask_in_use", lambda *_args: CLEAR)
    assert editor.remove(start.verdicts[1])
    assert apply_edit(window.session, start, editor.state)
    assert window.session.resolution.verdict(first) is None
    assert window.session.resolution.passage_note(first) is None  # it held nothing else
    assert window.session.resolution.verdict(second) == start.verdicts[2]
