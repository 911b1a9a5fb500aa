"""``viewer compare``: the summary, the JSON contract and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.cli import main

from .helpers import SEEDS

SEED_FILES = sorted(str(p) for p in SEEDS.glob("*.md"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["compare", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_summary_lists_pairs_and_original_share(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *SEED_FILES)
    assert code == 0 and err == ""
    assert "Compared 5 articles" in out
    assert "[0]–[4]   47 % of [0],  51 % of [4]   2 passages, longest" in out
    assert "Nothing shared: [0]–[1], [0]–[2]" in out
    assert "100 % original" in out


def test_json_follows_the_documented_model(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["compare", "--json", SEED_FILES[0], SEED_FILES[4]]) == 0
    data = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    assert data["version"] == 1
    assert {"path", "title", "text"} <= set(data["documents"][0])
    assert data["pairs"][0]["docs"] == [0, 1] and data["pairs"][0]["passages"] == 2
    texts = [d["text"] for d in data["documents"]]
    for passage in data["passages"]:
        assert 0 < passage["similarity"] <= 1
        spans = passage["spans"]
        assert {s["doc"] for s in spans} == {0, 1}
        for span in spans:
            shown = texts[span["doc"]][span["start"] : span["end"]]
            assert shown.strip() == shown and shown
            for start, end in span["changes"]:
                assert span["start"] <= start < end <= span["end"]
    longest = max(data["passages"], key=lambda p: p["spans"][0]["end"] - p["spans"][0]["start"])
    assert texts[0][longest["spans"][0]["start"] :].startswith("Chiefs of staff")


def test_options_reach_the_engine(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    args = ["compare", "--json", "--min-words", "5", "--match-case", "--match-punctuation"]
    assert main([*args, SEED_FILES[0], SEED_FILES[1]]) == 0
    data = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    assert data["options"] == {"min_words": 5, "ignore_case": False, "ignore_punctuation": False}
    assert data["passages"]


def test_bad_file_is_one_line_naming_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    code, out, err = run(capsys, SEED_FILES[0], str(binary))
    assert code == 2 and out == ""
    assert err == f"viewer: {binary}: is a binary file, not text (it contains NUL bytes)\n"


def test_text_with_a_nul_byte_is_named_binary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    binary = tmp_path / "notes.txt"
    binary.write_bytes(b"abc\x00\x01\x02binary\xff\xfe")
    code, out, err = run(capsys, SEED_FILES[0], str(binary))
    assert code == 2 and out == ""
    assert err == f"viewer: {binary}: is a binary file, not text (it contains NUL bytes)\n"


def test_too_few_files_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["compare", SEED_FILES[0]])
    assert info.value.code == 2
    assert "give 2 to 12 files, not 1" in capsys.readouterr().err


def test_module_entry_point_runs_without_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "missing.md"
    proc = subprocess.run(
        [sys.executable, "-m", "viewer", "compare", SEED_FILES[0], str(missing)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr == f"viewer: {missing}: no such file\n"
