"""Synchronised scrolling keeps shared text level, measured from the panes' text layout."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.articles import article, with_typos, write
from viewer.qt.mainwindow import MainWindow

from .alignment import gap_at_sync_line, scroll_and_measure
from .conftest import open_and_wait, seed_paths
from .test_scroll_cost import wheel


def measure(
    qtbot: QtBot, window: MainWindow, paths: list[str], size: tuple[int, int], leader_name: str
) -> None:
    """Open, resize, scroll the pane whose file name starts with ``leader_name`` and check."""
    open_and_wait(qtbot, window, paths)
    window.resize(*size)
    qtbot.wait(200)
    comparison = window.comparison
    assert comparison is not None
    panes = window.row.panes
    leader = next(i for i, p in enumerate(panes) if p.document.name.startswith(leader_name))
    window.sync.realign(panes[leader])
    trace = scroll_and_measure(
        panes,
        window.docs_of_panes,
        comparison,
        leader,
        sync_line=lambda follower, top: window.sync.sync_line(leader, follower, top),
    )
    assert len(trace.errors) >= 3, "the sync point never met a shared passage"
    skipped = [(i, start, tall) for i, start, tall in trace.unmet if tall > 3 * trace.line]
    assert not skipped, f"shared passages never came to the sync point: {skipped}"
    assert not trace.backwards, (
        f"followers moved back while the leader moved on: {trace.backwards[:5]}"
    )
    worst, top, follower = trace.worst
    assert worst <= trace.line + 1, (  # a line, give or take rounding to whole pixels
        f"{panes[follower].document.name} is {worst:.0f} px off the leader's sync line "
        f"(one line is {trace.line:.0f} px) with the leader's top at {top}"
    )


@pytest.mark.parametrize("size", [(1400, 450), (900, 380)])
@pytest.mark.parametrize("order", [("000", "004"), ("004", "000")])
@pytest.mark.parametrize("leader", ["000", "004"])
def test_two_seeds_stay_level(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int], order: tuple[str, str], leader: str
) -> None:
    measure(qtbot, window, seed_paths(*order), size, leader)


@pytest.mark.parametrize("leader", ["000", "004"])
def test_five_seeds_stay_level(qtbot: QtBot, window: MainWindow, leader: str) -> None:
    measure(qtbot, window, seed_paths("000", "001", "002", "003", "004"), (1600, 600), leader)


def revision_pair(folder: Path) -> list[str]:
    """An article and its revision: a few words fixed, reader comments appended (as BBC
    tech/009 and tech/379)."""
    rng = random.Random(9)
    vocabulary = [f"w{n}" for n in range(3000)] + ["the", "a", "of", "and", "to", "in"] * 80

    def paragraph(words: int) -> str:
        return " ".join(rng.choice(vocabulary) for _ in range(words)).capitalize() + "."

    body = [paragraph(rng.randint(25, 70)) for _ in range(22)]
    revised = list(body)
    for index in (3, 9, 15):
        words = revised[index].split()
        words[5] = "changed"
        revised[index] = " ".join(words)
    comments = [paragraph(rng.randint(20, 50)) for _ in range(12)]
    old = folder / "009.txt"
    new = folder / "379.txt"
    old.write_text("Gadget show\n\n" + "\n\n".join(body), encoding="utf-8")
    new.write_text(
        "Gadget show\n\n" + "\n\n".join([*revised, "Readers said:", *comments]), encoding="utf-8"
    )
    return [str(old), str(new)]


@pytest.mark.parametrize("leader", ["009", "379"])
def test_revision_with_appended_comments_stays_level(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, leader: str
) -> None:
    measure(qtbot, window, revision_pair(tmp_path), (1400, 800), leader)


def insertion_pair(folder: Path, where: str) -> list[str]:
    """An article and a version with four paragraphs of its own (about 15 lines) inside
    its first screen, or inside its last."""
    rng = random.Random(6)
    vocabulary = [f"w{n}" for n in range(3000)] + ["the", "a", "of", "and", "to", "in"] * 80

    def paragraph(words: int) -> str:
        return " ".join(rng.choice(vocabulary) for _ in range(words)).capitalize() + "."

    body = [paragraph(rng.randint(25, 60)) for _ in range(24)]
    inserted = [paragraph(rng.randint(20, 40)) for _ in range(4)]
    at = 2 if where == "start" else len(body) - 2
    plain = folder / "plain.txt"
    longer = folder / "longer.txt"
    plain.write_text("\n\n".join(body), encoding="utf-8")
    longer.write_text("\n\n".join([*body[:at], *inserted, *body[at:]]), encoding="utf-8")
    return [str(plain), str(longer)]


@pytest.mark.parametrize("leader", ["longer", "plain"])
@pytest.mark.parametrize("where", ["start", "end"])
def test_text_only_the_leader_has_near_its_ends_stays_level(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, where: str, leader: str
) -> None:
    """While the sync point slides down the screen over paragraphs the follower lacks, the
    follower would have to scroll back to keep level: Meld's sync point left it a sixth of
    the inserted height off (the conflict split). It holds still over them instead."""
    measure(qtbot, window, insertion_pair(tmp_path, where), (1400, 800), leader)


def test_turning_sync_back_on_realigns(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.resize(1400, 600)
    qtbot.wait(200)
    left, right = window.row.panes
    window.actions_by_name["sync"].setChecked(False)
    target = left.document.text.index("Both sides provided few")
    left.view.setFocus()
    left.view.scroll_to_y(left.view.y_of(target) - left.view.viewport().height() / 2)
    right.view.scroll_to_y(0)
    window.actions_by_name["sync"].setChecked(True)
    other = right.document.text.index("Both sides provided few")
    gap = abs(
        (left.view.y_of(target) - left.view.top()) - (right.view.y_of(other) - right.view.top())
    )
    assert gap <= left.view.bottom_of(1) - left.view.y_of(0)


def test_articles_that_fit_on_screen_show_their_passage_level(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.resize(1500, 1000)
    qtbot.wait(200)
    left, right = window.row.panes
    assert left.view.document_height() < left.view.viewport().height()  # nothing to scroll
    left.view.setFocus()
    window.sync.realign(left)
    start_000 = left.document.text.index("Chiefs of staff")
    start_004 = right.document.text.index("Chiefs of staff")
    gap = (left.view.y_of(start_000) - left.view.top()) - (
        right.view.y_of(start_004) - right.view.top()
    )
    assert abs(gap) <= left.view.bottom_of(1) - left.view.y_of(0)


def test_articles_sharing_text_stay_level_while_an_unrelated_one_leads(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "001", "002", "003", "004"))
    window.resize(1600, 600)
    qtbot.wait(200)
    panes = window.row.panes
    by_name = {p.document.name[:3]: p for p in panes}
    lead, a, b = by_name["001"], by_name["000"], by_name["004"]
    line = a.view.bottom_of(1) - a.view.y_of(0)
    bar = lead.view.verticalScrollBar()
    lead.view.setFocus()
    window.sync.realign(lead)
    checked = 0
    for value in range(0, bar.maximum() + 1, 20):
        bar.setValue(value)
        qtbot.wait(1)
        # Where 000's sync line falls in the Reuters block, 004's copy of it stands level.
        view = a.view
        y = view.top() + 0.5 * view.viewport().height()
        offset = view.offset_at(y)
        text_a, text_b = a.document.text, b.document.text
        start = text_a.index("Chiefs of staff")
        end = text_a.index("Milley spoke with his Ukrainian counterpart")
        if not start <= offset < end:
            continue
        probe = text_a[offset : offset + 30]
        if probe not in text_b:
            continue
        other = text_b.index(probe)
        gap = (view.y_of(offset) - view.top()) - (b.view.y_of(other) - b.view.top())
        assert abs(gap) <= line + 1, f"000 and 004 are {gap:.0f} px apart at 001's top {value}"
        checked += 1
    assert checked >= 3


def test_stepping_to_a_change_or_passage_shows_its_copies_level(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.resize(1400, 450)
    qtbot.wait(200)
    left, right = window.row.panes
    line = left.view.bottom_of(1) - left.view.y_of(0)
    left.view.setFocus()
    window.focus_pane = left

    def screen(pane, offset: int) -> float:  # type: ignore[no-untyped-def]
        return pane.view.y_of(offset) - pane.view.top()

    # The moved "traded blame" paragraph is not in the in-order chain: scrolling alone
    # would leave its copy out of view. Stepping to its first change brings it level.
    window.actions_by_name["next_change"].trigger()
    assert window.current_change is not None
    mine = left.document.text.index("have traded blame")
    theirs = right.document.text.index("have traded blame")
    assert abs(screen(left, mine) - screen(right, theirs)) <= line + 1
    for _ in range(3):
        window.actions_by_name["next_passage"].trigger()
        comparison = window.comparison
        assert comparison is not None and window.current_passage is not None
        passage = comparison.passages[window.current_passage]
        (a,) = passage.spans_in(window.docs_of_panes[0])
        (b,) = passage.spans_in(window.docs_of_panes[1])
        assert abs(screen(left, a.start) - screen(right, b.start)) <= line + 1


def test_the_first_wheel_step_finds_its_scroll_maps_ready(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each follower's map costs tens of milliseconds for long articles; they are built in
    idle turns after a result or a resize, not inside the user's first wheel step (five of
    them there froze the window for 93 ms)."""
    from viewer.core.scrollmap import FollowMap

    window.settings.set_order_by_relation(True)  # the panes move when the result comes
    open_and_wait(qtbot, window, seed_paths("000", "001", "002", "003", "004"))
    qtbot.wait(400)  # idle turns
    built: list[object] = []
    original = FollowMap.build

    def counting(*args: object, **kwargs: object) -> FollowMap:
        built.append(args)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(FollowMap, "build", staticmethod(counting))
    followers = window.row.panes[1:]
    before = [p.view.top() for p in followers]
    bar = window.row.panes[0].view.verticalScrollBar()
    bar.setValue(bar.value() + bar.singleStep() * 3)
    qtbot.wait(20)
    assert built == []
    assert [p.view.top() for p in followers] != before  # the step did move the followers


def test_back_at_the_top_the_panes_show_what_they_showed_at_the_start(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Scrolling either of two copies down and all the way back up leaves no blank line
    above the text, where none is needed (a follower's room was rounded up by a pixel)."""
    paths = revision_pair(tmp_path)
    (tmp_path / "copy.txt").write_text(Path(paths[0]).read_text(encoding="utf-8"), "utf-8")
    open_and_wait(qtbot, window, [paths[0], str(tmp_path / "copy.txt")])
    window.resize(1400, 600)
    qtbot.wait(200)
    panes = window.row.panes
    start = [p.view.viewport().grab().toImage() for p in panes]
    for lead in (panes[1], panes[0]):
        bar = lead.view.verticalScrollBar()
        for value in range(0, 400, 60):
            bar.setValue(value)
            qtbot.wait(5)
        bar.setValue(bar.minimum())
        qtbot.wait(50)
    assert [p.view.top() for p in panes] == [0, 0]
    assert [p.view.viewport().grab().toImage() for p in panes] == start


@pytest.mark.parametrize("jump", ["passage then Home", "passage"])
def test_after_a_jump_the_copies_come_level_when_the_reader_scrolls(
    qtbot: QtBot, window: MainWindow, jump: str
) -> None:
    """A passage (or a change) places the panes by that text, not by the reader's sync
    line; the followers used to wait for the sync line's level position
    to come to them, which could be past the leader's end (004 stood 240 px off)."""
    open_and_wait(qtbot, window, seed_paths("000", "001", "002", "003", "004"))
    window.resize(1500, 900)
    qtbot.wait(200)
    panes = window.row.panes
    names = [p.document.name[:3] for p in panes]
    lead, other = names.index("000"), names.index("004")
    view = panes[lead].view
    view.setFocus()
    window.focus_pane = panes[lead]
    window.actions_by_name["next_passage"].trigger()
    if jump == "passage then Home":
        qtbot.keyClick(view, Qt.Key.Key_Home)
    line = view.bottom_of(1) - view.y_of(0)
    gaps = []
    for _ in range(12):
        wheel(view.viewport())
        QApplication.processEvents()
        gap = gap_at_sync_line(window, lead, other)
        if gap is not None:
            gaps.append(round(gap, 1))
    assert len(gaps) >= 2, "the sync line never met the shared paragraphs"
    assert all(abs(g) <= line + 1 for g in gaps), f"004 off 000's sync line by {gaps} px"


def test_a_pane_sharing_nothing_moves_the_others_no_further_than_itself(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Six notches over a short article that shares nothing sent the long ones from their
    tops to their ends (they followed it proportionally)."""
    long_text = article(9, paragraphs=40)
    revised, _ = with_typos(long_text, every=45)
    paths = [
        write(tmp_path, "short.txt", article(500, paragraphs=8)),
        write(tmp_path, "long.txt", long_text),
        write(tmp_path, "revised.txt", revised),
    ]
    window.settings.set_order_by_relation(False)
    open_and_wait(qtbot, window, paths)
    window.resize(1200, 500)
    qtbot.wait(200)
    panes = window.row.panes
    short, long_pane, _ = panes
    assert short.document.name.startswith("short")
    bar = short.view.verticalScrollBar()
    assert bar.maximum() > 300, "the short article must scroll four steps"
    line = long_pane.view.bottom_of(1) - long_pane.view.y_of(0)
    wheel(long_pane.view.viewport())  # the long article leads first …
    QApplication.processEvents()
    window.actions_by_name["next_passage"].trigger()  # … then a jump places the panes
    for _ in range(4):  # the short one leads, from its first step on
        before = [p.view.top() for p in panes]
        wheel(short.view.viewport())
        QApplication.processEvents()
        moved = [p.view.top() - b for p, b in zip(panes, before, strict=True)]
        assert moved[0] > 0
        assert moved[1] == moved[0], f"the long article moved {moved[1]} px, the leader {moved[0]}"
        gap = gap_at_sync_line(window, 1, 2)
        if gap is not None:
            assert abs(gap) <= line + 1, f"the two copies are {gap:.0f} px apart"


def test_a_follower_gets_blank_room_when_the_leader_stands_in_its_own(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """A leader can stand in blank room past its end that another pane needed; a follower
    carrying the same text must get room too, not stop at its end (two copies of one
    article stood 307 px apart)."""
    text = article(31, paragraphs=30)
    paths = [write(tmp_path, name, text) for name in ("a.txt", "b.txt")]
    window.settings.set_order_by_relation(False)
    open_and_wait(qtbot, window, paths)
    window.resize(1000, 500)
    qtbot.wait(200)
    a, b = window.row.panes
    a.view.grow_room(0, 400)  # as if a third pane had needed it
    bar = a.view.verticalScrollBar()
    a.view.setFocus()
    for _ in range(60):
        if bar.value() == bar.maximum():
            break
        wheel(a.view.viewport())
        QApplication.processEvents()
    assert a.view.top() > a.view.document_height() - a.view.viewport().height() + 200
    assert b.view.top() == a.view.top(), "the same text should stand at the same place"
