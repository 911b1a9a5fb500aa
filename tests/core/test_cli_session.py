"""``viewer compare SESSION``: the usual summary, then each verdict's count, the notes and
the lost ones; moved articles and damaged sessions are reported on stderr."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.core.notes import add_range_note, set_passage_text, set_passage_verdict
from viewer.core.review import replace_article
from viewer.core.sessionfile import save_session

from .review_helpers import WHEN, compared, seed_state


def _session(folder: Path, lose_one: bool = False) -> Path:
    state = seed_state(folder / "articles")
    comparison = compared(state)
    state = set_passage_verdict(
        state, comparison, 0, "changed fact to check", author="A", when=WHEN
    )
    state = set_passage_verdict(state, comparison, 1, "credited copy", author="A", when=WHEN)
    state = set_passage_text(state, comparison, 1, "Reuters", author="A", when=WHEN)
    state = add_range_note(
        state, comparison, 1, 0, 20, text="check", verdict="credited copy", author="A", when=WHEN
    )
    if lose_one:  # the article the range note sits on is rewritten from scratch
        rewritten = "Weather\n\nRain is expected over the weekend, forecasters said on Monday."
        state = replace_article(state, 1, replace(state.articles[1], text=rewritten, sha256=""))
    path = folder / "review.avsession"
    save_session(state, path)
    return path


def _verdicts(out: str) -> dict[str, int]:
    block = out.split("\nVerdicts\n", 1)[1].split("\nNotes:", 1)[0]
    return {name: int(count) for name, count in re.findall(r"^  (.+?)\s{2,}(\d+)$", block, re.M)}


def test_a_session_summary_counts_verdicts_and_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", str(_session(tmp_path))]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "Compared 5 articles" in out and "[0]–[4]" in out
    assert _verdicts(out) == {
        "credited copy": 2,
        "uncredited copy": 0,
        "shared quote": 0,
        "changed fact to check": 1,
        "not reuse": 0,
    }
    assert "\nNotes: 2 (1 on passages, 1 on ranges of text)\nLost: 0" in out


def test_lost_notes_and_moved_articles_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _session(tmp_path, lose_one=True)
    edited, gone = sorted((tmp_path / "articles").iterdir())[1:3]
    gone.unlink()
    assert main(["compare", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"viewer: warning: {edited}: changed since the session was saved; showing the saved copy",
        f"viewer: warning: {gone}: not found (moved or deleted); showing the saved copy",
    ]
    assert "Lost: 1 note or verdict whose words are no longer in the articles" in out


def test_flags_override_the_sessions_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(_session(tmp_path))
    main(["compare", path])
    assert "(passages of 8+ words" in capsys.readouterr().out
    main(["compare", "--min-words", "4", path])
    assert "(passages of 4+ words" in capsys.readouterr().out


def test_a_damaged_session_or_a_mix_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _session(tmp_path)
    path.write_bytes(path.read_bytes()[:100])
    assert main(["compare", str(path)]) == 2
    assert (
        capsys.readouterr().err
        == f"viewer: {path}: is truncated: the session ends before its JSON does\n"
    )
    with pytest.raises(SystemExit) as usage:
        main(["compare", str(path), str(path.with_suffix(".md"))])
    assert usage.value.code == 2
    assert "give one session (.avsession) or articles" in capsys.readouterr().err
