"""Session files in the window: save and open give back the review as it was shown; moved
and damaged files are told to the user; closing with unsaved work asks (Qt layer).
Articles: copies of the seeds in a temporary folder."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.core.model import CompareOptions
from viewer.qt.mainwindow import MainWindow
from viewer.qt.sessions import Button
from viewer.qt.settings import Settings

from .conftest import SEEDS, open_and_wait


def copy_seeds(folder: Path, *prefixes: str) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for prefix in prefixes:
        source = next(SEEDS.glob(f"{prefix}-*.md"))
        shutil.copy(source, folder / source.name)
        paths.append(str(folder / source.name))
    return paths


@pytest.fixture
def second(qtbot: QtBot, settings: Settings) -> Iterator[MainWindow]:
    """Another window (a later start of the viewer) with the same settings."""
    win = MainWindow(settings, theme="light")
    win.files.interactive = False
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win
    win.files.interactive = False
    win.close()
    assert win.comparer.shutdown(1000)


def passage_text(window: MainWindow, passage: int) -> list[str]:
    comparison = window.comparison
    assert comparison is not None
    return sorted(
        comparison.documents[s.doc].text[s.start : s.end]
        for s in comparison.passages[passage].spans
    )


def review(qtbot: QtBot, window: MainWindow, paths: list[str]) -> None:
    """Open, verdict on the 2nd passage, a note on the 3rd, panes reordered, 2nd current."""
    open_and_wait(qtbot, window, paths)
    window.actions_by_name["next_passage"].trigger()
    window.actions_by_name["next_passage"].trigger()
    window.actions_by_name["verdict2"].trigger()  # Alt+2
    window.actions_by_name["next_passage"].trigger()
    assert window.reviewing.save_note("Check the figure")
    window.focus_pane = window.row.panes[0]
    window.move_pane(1)  # the first article now stands second
    window.actions_by_name["previous_passage"].trigger()


def open_in(qtbot: QtBot, window: MainWindow, path: Path | str) -> bool:
    with qtbot.waitSignal(window.comparer.finished, timeout=20000):
        opened = window.sessions.open(str(path))
    qtbot.wait(50)
    return opened


def test_save_then_open_gives_back_notes_panes_options_and_current_passage(
    qtbot: QtBot, window: MainWindow, second: MainWindow, tmp_path: Path
) -> None:
    options = CompareOptions(min_words=6, ignore_case=False, ignore_punctuation=True)
    window.options_bar.set_options(options)
    review(qtbot, window, copy_seeds(tmp_path / "articles", "000", "004", "001"))
    assert window.windowTitle().startswith("*")
    panes = [p.document.path for p in window.row.panes]
    current = window.current_passage
    assert current is not None
    path = tmp_path / "review.avsession"
    assert window.sessions.save_as(str(path))
    assert not window.windowTitle().startswith("*")  # saved: no unsaved mark
    assert "review.avsession" in window.windowTitle()
    assert str(path) in window.status_text.text()

    assert open_in(qtbot, second, path)
    assert second.session.state.notes == window.session.state.notes
    assert [p.document.path for p in second.row.panes] == panes
    assert second.options() == options
    assert second.current_passage is not None
    assert passage_text(second, second.current_passage) == passage_text(window, current)
    verdict = window.session.state.verdicts[1]
    assert sorted(n.verdict or "" for n in second.session.state.notes) == ["", verdict]
    assert not second.windowTitle().startswith("*")
    assert second.settings.recent_sessions()[0] == str(path)
    assert second.sessions.recent_menu is not None
    assert [a.data() for a in second.sessions.recent_menu.actions()[:1]] == [str(path)]


def test_a_moved_article_opens_from_the_saved_copy_and_the_user_is_told(
    qtbot: QtBot,
    window: MainWindow,
    second: MainWindow,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = copy_seeds(tmp_path / "articles", "000", "004")
    review(qtbot, window, paths)
    path = tmp_path / "review.avsession"
    assert window.sessions.save_as(str(path))
    text = window.documents[0].text
    Path(paths[0]).rename(tmp_path / "elsewhere.md")
    assert open_in(qtbot, second, path)
    err = capsys.readouterr().err
    assert f"{paths[0]}: not found (moved or deleted); showing the saved copy" in err
    assert paths[0] in second.status_text.text() or "not where they were" in (
        second.status_text.text()
    )
    assert text in [p.document.text for p in second.row.panes]
    assert not second.session.resolution.lost
    assert len(second.session.state.notes) == 2


@pytest.mark.parametrize("damage", ["corrupt", "truncated", "future"])
def test_a_damaged_session_says_why_and_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    damage: str,
) -> None:
    review(qtbot, window, copy_seeds(tmp_path / "articles", "000", "004"))
    path = tmp_path / "review.avsession"
    assert window.sessions.save_as(str(path))
    window.actions_by_name["verdict3"].trigger()  # unsaved work on top
    data = path.read_bytes()
    if damage == "corrupt":
        data = data.replace(b'"notes"', b'"notes" oops')
    elif damage == "truncated":
        data = data[: len(data) // 2]
    else:
        parsed = json.loads(data)
        parsed["version"] = 99
        data = json.dumps(parsed).encode()
    bad = tmp_path / "bad.avsession"
    bad.write_bytes(data)
    documents, state = list(window.documents), window.session.state
    capsys.readouterr()
    assert not window.sessions.open(str(bad))
    err = capsys.readouterr().err
    assert err.startswith(f"viewer: {bad}: ")
    expected = {"corrupt": "corrupted", "truncated": "truncated", "future": "99"}[damage]
    assert expected in err
    assert str(bad) in window.status_text.text()
    assert window.documents == documents and window.session.state is state
    assert window.session.dirty() and window.windowTitle().startswith("*")
    assert bad.read_bytes() == data and path.exists()


def test_closing_with_unsaved_work_asks(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    review(qtbot, window, copy_seeds(tmp_path / "articles", "000", "004"))
    asked: list[str] = []
    window.files.interactive = True
    answer = Button.Cancel
    monkeypatch.setattr(window.sessions, "ask_unsaved", lambda: asked.append("?") or answer)
    assert not window.close()  # Cancel: the window stays open
    assert window.isVisible() and asked == ["?"]
    path = tmp_path / "review.avsession"
    window.session.path = str(path)
    answer = Button.Save
    assert window.close()  # Save: written, then closed
    assert asked == ["?", "?"] and path.exists()
    assert '"Check the figure"' in path.read_text(encoding="utf-8")
    window.files.interactive = False


def test_closing_without_unsaved_work_asks_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    review(qtbot, window, copy_seeds(tmp_path / "articles", "000", "004"))
    assert window.sessions.save_as(str(tmp_path / "review.avsession"))
    window.files.interactive = True
    monkeypatch.setattr(window.sessions, "ask_unsaved", lambda: pytest.fail("asked"))
    assert window.close()
    window.files.interactive = False
