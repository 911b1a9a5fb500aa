"""Review state commands and where notes stand after the comparison changed: an option
change, a sentence inserted before a note, a note whose words are gone (kept, lost)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from viewer.core.articles import read_article
from viewer.core.model import CompareOptions
from viewer.core.notes import (
    add_range_note,
    delete_note,
    set_note_text,
    set_passage_text,
    set_passage_verdict,
)
from viewer.core.resolve import current_passage, resolve, set_current_passage
from viewer.core.review import DEFAULT_VERDICTS, RANGE, replace_article, set_options
from viewer.core.verdicts import (
    VerdictInUse,
    add_verdict,
    remove_verdict,
    rename_verdict,
    verdict_counts,
)

from .review_helpers import LATER, WHEN, compared, seed_state, span_text

SMALL = CompareOptions(min_words=4)


def test_a_verdict_and_a_note_on_a_passage_share_one_note(tmp_path: Path) -> None:
    state = seed_state(tmp_path, SMALL)
    comparison = compared(state)
    state = set_passage_verdict(state, comparison, 5, "credited copy", author="Ana", when=WHEN)
    state = set_passage_text(
        state, comparison, 5, "Reuters, credited\nin 004", author="Bo", when=LATER
    )
    (note,) = state.notes
    assert (note.verdict, note.text, note.author, note.created, note.modified) == (
        "credited copy", "Reuters, credited\nin 004", "Bo", WHEN, LATER,
    )  # fmt: skip
    assert resolve(state, comparison).verdict(5) == "credited copy"
    assert [a.article for a in note.anchors] == [0, 4]
    state = set_passage_verdict(state, comparison, 5, None, author="Bo", when=LATER)
    assert state.notes[0].text and state.notes[0].verdict is None
    state = set_passage_text(state, comparison, 5, "  ", author="Bo", when=LATER)
    assert state.notes == ()  # neither verdict nor text left: nothing to keep
    with pytest.raises(ValueError, match="not one of"):
        set_passage_verdict(state, comparison, 5, "lifted", author="Bo", when=LATER)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (SMALL, CompareOptions()),  # 17 passages, then 2 (ids 3 and 5 become 0 and 1)
        (CompareOptions(), SMALL),
        (SMALL, CompareOptions(min_words=5, ignore_punctuation=False)),
    ],
)
def test_notes_survive_an_option_change(
    tmp_path: Path, first: CompareOptions, second: CompareOptions
) -> None:
    state = seed_state(tmp_path, first)
    before = compared(state)
    given = {}
    for index, passage in enumerate(before.passages):
        verdict = DEFAULT_VERDICTS[index % len(DEFAULT_VERDICTS)]
        state = set_passage_verdict(state, before, passage.id, verdict, author="Ana", when=WHEN)
        given[frozenset(span_text(before, passage.id))] = verdict
    longest = max(before.passages, key=lambda p: p.spans[0].end - p.spans[0].start).id
    state = set_current_passage(state, before, longest)
    state = set_options(state, second)
    after = compared(state)
    resolution = resolve(state, after)
    assert len(state.notes) == len(before.passages) and not resolution.lost
    kept = [p for p in after.passages if frozenset(span_text(after, p.id)) in given]
    assert len(kept) >= 2
    for passage in kept:
        assert resolution.verdict(passage.id) == given[frozenset(span_text(after, passage.id))]
    current = current_passage(state, after)
    assert current is not None and span_text(after, current) == span_text(before, longest)


def _insert_sentence(path: Path, sentence: str) -> None:
    text = path.read_text(encoding="utf-8")
    head, body = text.split("---\n\n", 1)
    path.write_text(f"{head}---\n\n{sentence}\n\n{body}", encoding="utf-8")


def test_notes_survive_a_sentence_inserted_before_them(tmp_path: Path) -> None:
    state = seed_state(tmp_path)
    before = compared(state)
    state = set_passage_verdict(state, before, 1, "credited copy", author="Ana", when=WHEN)
    doc = before.documents[0]
    start = doc.text.index("Kremlin spokesman Dmitry Peskov")
    state = add_range_note(
        state, before, 0, start, start + 31, text="check the name", author="Ana", when=WHEN
    )
    path = Path(state.articles[0].path)
    _insert_sentence(path, "An editor's note: this story was updated on Friday with new figures.")
    state = replace_article(state, 0, read_article(path)[0])
    after = compared(state)
    resolution = resolve(state, after)
    passage_note, range_note = resolution.notes
    assert span_text(after, passage_note.passage or -1) == span_text(before, 1)
    (where,) = range_note.found
    assert range_note.note.kind == RANGE and range_note.passage is None
    assert after.documents[0].text[where.start : where.end] == "Kremlin spokesman Dmitry Peskov"
    assert where.start > start


def test_a_note_whose_words_are_gone_is_kept_and_reported_lost(tmp_path: Path) -> None:
    state = seed_state(tmp_path)
    before = compared(state)
    state = set_passage_verdict(state, before, 1, "credited copy", author="Ana", when=WHEN)
    state = set_passage_text(state, before, 0, "figure differs", author="Ana", when=WHEN)
    for index in (0, 4):  # the Reuters paragraphs are cut from both articles
        article = state.articles[index]
        cut = article.text.split("Chiefs of staff")[0]
        state = replace_article(state, index, replace(article, text=cut + "The end.", sha256=""))
    after = compared(state)
    resolution = resolve(state, after)
    assert [r.lost for r in resolution.notes] == [True, False]
    assert len(state.notes) == 2 and resolution.lost[0].note.verdict == "credited copy"


def test_the_verdict_list_is_edited_with_the_notes_that_use_it(tmp_path: Path) -> None:
    state = seed_state(tmp_path)
    comparison = compared(state)
    state = set_passage_verdict(
        state, comparison, 0, "changed fact to check", author="A", when=WHEN
    )
    state = set_passage_verdict(state, comparison, 1, "credited copy", author="A", when=WHEN)
    state = rename_verdict(state, "changed fact to check", "figure to check")
    assert resolve(state, comparison).verdict(0) == "figure to check"
    assert state.verdicts[3] == "figure to check"
    with pytest.raises(VerdictInUse, match="1 note uses the verdict 'credited copy'"):
        remove_verdict(state, "credited copy")
    moved = remove_verdict(state, "credited copy", move_to="uncredited copy")
    assert verdict_counts(moved)["uncredited copy"] == 1
    cleared = remove_verdict(state, "credited copy", clear=True)
    assert len(cleared.notes) == 1 and "credited copy" not in cleared.verdicts
    state = add_verdict(state, "  press   release ")
    assert state.verdicts[-1] == "press release"
    with pytest.raises(ValueError, match="already"):
        add_verdict(state, "press release")


def test_note_commands_edit_and_delete_by_id(tmp_path: Path) -> None:
    state = seed_state(tmp_path)
    comparison = compared(state)
    state = add_range_note(
        state, comparison, 2, 10, 40, text="who said this?", author="A", when=WHEN
    )
    note_id = state.notes[-1].id
    state = set_note_text(state, note_id, "who said this? (source?)", author="B", when=LATER)
    assert state.note(note_id).author == "B" and state.note(note_id).created == WHEN
    assert delete_note(state, note_id).notes == ()
    with pytest.raises(KeyError):
        delete_note(state, note_id + 1)
