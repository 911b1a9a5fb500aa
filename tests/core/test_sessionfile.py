"""Session files: saving and opening give back the same state; moved and changed articles
are reported and their saved copies used; damaged files get a clear message and no file
is ever overwritten by a failed read or a failed save."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import jsonschema
import pytest

from viewer.core.errors import SessionError
from viewer.core.model import CompareOptions
from viewer.core.notes import add_range_note, set_passage_text, set_passage_verdict
from viewer.core.resolve import current_passage, resolve, set_current_passage
from viewer.core.review import set_pane_order
from viewer.core.sessionfile import CHANGED, MISSING, MOVED, SAME, open_session, save_session
from viewer.core.sessionjson import SUFFIX, VERSION, dumps, loads
from viewer.core.verdicts import rename_verdict

from .helpers import ROOT
from .review_helpers import WHEN, compared, seed_state

SCHEMA = json.loads((ROOT / "docs" / "session.schema.json").read_text(encoding="utf-8"))


def reviewed(folder: Path):  # type: ignore[no-untyped-def]
    """A session over the seeds with verdicts, notes, a range note and every setting changed."""
    state = seed_state(folder / "articles", CompareOptions(min_words=6, ignore_case=False))
    comparison = compared(state)
    state = set_passage_verdict(state, comparison, 0, "shared quote", author="Ana", when=WHEN)
    state = set_passage_text(
        state, comparison, 0, "Peskov, twice:\n“not a threat”", author="Ana", when=WHEN
    )
    state = rename_verdict(state, "shared quote", "quote (shared)")
    text = comparison.documents[3].text
    start = text.index("Blinken")
    state = add_range_note(
        state, comparison, 3, start, start + 7, text="title?", author="Bo", when=WHEN
    )
    state = set_pane_order(state, [4, 0, 1, 3, 2])
    return set_current_passage(state, comparison, 1), comparison


def test_saving_and_opening_give_back_identical_state(tmp_path: Path) -> None:
    state, comparison = reviewed(tmp_path)
    path = tmp_path / f"review{SUFFIX}"
    save_session(state, path)
    opened = open_session(path)
    assert opened.state == state
    assert [c.status for c in opened.checks] == [SAME] * 5 and opened.messages == ()
    assert [d.text for d in opened.documents] == [d.text for d in comparison.documents]
    again = compared(opened.state)
    assert current_passage(opened.state, again) == 1
    assert resolve(opened.state, again) == resolve(state, comparison)
    assert loads(dumps(state)) == state
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), SCHEMA)


def test_a_moved_file_is_found_or_replaced_by_its_saved_copy(tmp_path: Path) -> None:
    state, comparison = reviewed(tmp_path / "old")
    save_session(state, tmp_path / "old" / "review.avsession")
    # The whole folder moved: the articles are found beside the session again.
    shutil.move(tmp_path / "old", tmp_path / "new")
    opened = open_session(tmp_path / "new" / "review.avsession")
    assert [c.status for c in opened.checks] == [MOVED] * 5
    assert opened.state.articles[2].path == str(
        tmp_path / "new" / "articles" / Path(state.articles[2].path).name
    )
    assert "not found; using" in opened.messages[2]
    # Saved again, then one article moved elsewhere: the saved copy stands in for it.
    save_session(opened.state, tmp_path / "new" / "review.avsession")
    lost = Path(opened.state.articles[3].path)
    lost.rename(tmp_path / "elsewhere.md")
    opened = open_session(tmp_path / "new" / "review.avsession")
    assert [c.status for c in opened.checks] == [SAME, SAME, SAME, MISSING, SAME]
    assert opened.messages == (f"{lost}: not found (moved or deleted); showing the saved copy",)
    assert opened.documents[3].text == comparison.documents[3].text
    resolution = resolve(opened.state, compared(opened.state))
    assert not resolution.lost and len(resolution.notes) == 2


def test_a_changed_file_is_reported_and_its_saved_copy_shown(tmp_path: Path) -> None:
    state, comparison = reviewed(tmp_path)
    save_session(state, tmp_path / "review.avsession")
    path = Path(state.articles[0].path)
    path.write_text(
        path.read_text(encoding="utf-8").replace("Thursday", "Friday"), encoding="utf-8"
    )
    opened = open_session(tmp_path / "review.avsession")
    check = opened.checks[0]
    assert check.status == CHANGED and check.disk is not None and "Friday" in check.disk.text
    assert check.message == f"{path}: changed since the session was saved; showing the saved copy"
    assert opened.documents[0].text == comparison.documents[0].text
    assert opened.state == state


def _damaged(tmp_path: Path, make: str) -> tuple[Path, bytes]:
    state, _ = reviewed(tmp_path)
    path = tmp_path / "review.avsession"
    save_session(state, path)
    data = path.read_bytes()
    if make == "truncated":
        data = data[: len(data) // 2]
    elif make == "corrupted":
        middle = len(data) // 2
        data = data[:middle] + b"\x00}{garbage" + data[middle:]
    elif make == "future":
        content = json.loads(data)
        content["version"] = VERSION + 1
        content["hologram"] = {"frames": 24}
        data = json.dumps(content).encode()
    elif make == "tampered":
        content = json.loads(data)
        content["articles"][1]["text"] += " (and a sentence added by hand)"
        data = json.dumps(content).encode()
    path.write_bytes(data)
    return path, data


@pytest.mark.parametrize(
    ("make", "message"),
    [
        ("truncated", "is truncated: the session ends before its JSON does"),
        ("corrupted", "is corrupted: not valid JSON"),
        (
            "future",
            "was saved by a newer version of the viewer (session format 2; "
            "this version reads format 1 and older)",
        ),
        ("tampered", "the saved text does not match its sha256"),
    ],
)
def test_a_damaged_session_gets_a_clear_message_and_is_left_as_it_was(
    tmp_path: Path, make: str, message: str
) -> None:
    path, data = _damaged(tmp_path, make)
    before = sorted(os.listdir(tmp_path))
    with pytest.raises(SessionError) as caught:
        open_session(path)
    assert str(caught.value).startswith(f"{path}: ") and message in str(caught.value)
    assert path.read_bytes() == data and sorted(os.listdir(tmp_path)) == before


def test_a_failed_save_leaves_the_old_session_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state, _ = reviewed(tmp_path)
    path = tmp_path / "review.avsession"
    save_session(state, path)
    data = path.read_bytes()

    def no_room(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_room)
    with pytest.raises(SessionError, match=r"could not be saved \(No space left on device\)"):
        save_session(set_pane_order(state, [0, 1, 2, 3, 4]), path)
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "review.avsession"]


def test_bad_fields_are_named(tmp_path: Path) -> None:
    state, _ = reviewed(tmp_path)
    content = json.loads(dumps(state))
    content["notes"][1]["anchors"][0]["start"] = "ten"
    with pytest.raises(
        SessionError, match=r"review: notes\[1\].anchors\[0\].start: expected a whole number"
    ):
        loads(json.dumps(content), "review")
    content = json.loads(dumps(state))
    content["notes"][0]["verdict"] = "lifted"
    with pytest.raises(SessionError, match="verdict 'lifted' is not in the list"):
        loads(json.dumps(content), "review")
    with pytest.raises(SessionError, match="is not an article viewer session"):
        loads('{"version": 1}', "review")
