"""``viewer`` command line with hostile input: control characters, usage errors, limits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.core.model import MIN_WORDS_RANGE

BODY = "Officials said the troops would stay near the border for weeks, a spokesman added.\n"
TITLE = "Breaking\x1b]0;pwned\x07 news\x1b[2J\u202egnp.exe"


def test_summary_escapes_control_characters_in_titles_and_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = tmp_path / "a\x1b[31m.md"
    # YAML takes control characters only as escapes: "\e" is ESC, "\a" BEL.
    yaml_title = TITLE.replace("\x1b", "\\e").replace("\x07", "\\a").replace("\u202e", "\\u202e")
    a.write_text(f'---\ntitle: "{yaml_title}"\n---\n\n{BODY * 80}', encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text(f"Other title\n\n{BODY * 3}", encoding="utf-8")
    assert main(["compare", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert not any(ch in out for ch in "\x1b\x07\u202e")
    assert "Breaking\\x1b]0;pwned\\x07 news\\x1b[2J\\u202egnp.exe" in out
    assert "a\\x1b[31m.md" in out


def test_error_messages_escape_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "gone\x1b]0;x\x07.md"
    assert main(["compare", str(missing), str(missing)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "gone\\x1b]0;x\\x07.md: no such file" in err


@pytest.mark.parametrize(
    "args",
    [
        ["--screenshot", "x.png", "--size", "big", "a.md", "b.md"],
        ["--screenshot", "x.png", "--size", "10x10", "a.md", "b.md"],
        ["--min-words", str(MIN_WORDS_RANGE[1] + 1)],
        ["--min-words", "1"],
        [f"f{i}.md" for i in range(13)],
        ["compare", "--min-words", str(MIN_WORDS_RANGE[1] + 1), "a.md", "b.md"],
        ["compare", *[f"f{i}.md" for i in range(13)]],
    ],
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.splitlines()[-1].startswith(("viewer: error: ", "viewer compare: error: "))


def test_warnings_go_to_stderr_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(("Russia’s " + BODY).encode() * 5 + b"\xff")
    other = tmp_path / "other.txt"
    other.write_text(BODY * 3, encoding="utf-8")
    assert main(["compare", str(damaged), str(other)]) == 0
    err = capsys.readouterr().err
    assert err == f"viewer: warning: {damaged}: 1 invalid UTF-8 byte sequence shown as \ufffd\n"


def test_json_escapes_every_terminal_control_and_stays_equal(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    title = "Title\x1b]0;x\x07 \x9b2J \u202eevil"
    a = tmp_path / "a.md"
    escaped = "Title\\e]0;x\\a \\x9b2J \\u202eevil"  # YAML takes control characters as escapes
    a.write_text(f'---\ntitle: "{escaped}"\n---\n\n{BODY * 80}', encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text(BODY * 80, encoding="utf-8")
    assert main(["compare", "--json", str(a), str(b)]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert not any(ch in out for ch in "\x1b\x07\x9b\u202e")
    assert json.loads(out)["documents"][0]["title"] == title
