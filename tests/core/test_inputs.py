"""Hostile inputs: special files, damaged UTF-8, late NUL bytes, sizes and pasted text."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest

from viewer.core.documents import MAX_BYTES, document_from_paste, load_document
from viewer.core.errors import DocumentError

from .helpers import ROOT

ARTICLE = (
    "Russia’s troops massed near Ukraine’s border, officials said on Tuesday – “a threat”, "
    "one of them called it, while the Kremlin’s spokesman denied any plan to attack.\n"
)


def error_for(path: Path) -> str:
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    return str(caught.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_swapped_in_after_the_check_is_refused_without_blocking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regular = tmp_path / "regular.txt"
    regular.write_text(ARTICLE)
    path = tmp_path / "swapped.txt"
    os.mkfifo(path)
    # The race: a check by name sees a regular file, then a FIFO is what gets opened.
    real_stat = os.stat
    monkeypatch.setattr(
        os,
        "stat",
        lambda p, *a, **k: real_stat(regular) if str(p) == str(path) else real_stat(p, *a, **k),
    )
    outcome: list[str] = []

    def load() -> None:
        try:
            load_document(path)
            outcome.append("loaded")
        except DocumentError as exc:
            outcome.append(str(exc))

    thread = threading.Thread(target=load)
    thread.start()
    thread.join(2.0)
    blocked = thread.is_alive()
    if blocked:  # release the blocked reader with a writer that closes at once
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        thread.join()
    assert not blocked
    assert outcome == [f"{path}: is not a regular file (a pipe, device or socket)"]


def test_one_bad_byte_keeps_an_article_utf8_with_a_warning(tmp_path: Path) -> None:
    data = (ARTICLE * 40).encode("utf-8")
    data = data[:1000] + b"\xff" + data[1000:]
    path = tmp_path / "damaged.txt"
    path.write_bytes(data)
    document = load_document(path)
    assert document.encoding == "utf-8"
    assert document.text.count("Russia’s") == 40
    assert document.text.count("\ufffd") == 1
    assert document.warnings == (f"{path}: 1 invalid UTF-8 byte sequence shown as \ufffd",)


def test_a_windows_1252_article_is_still_read_as_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes((ARTICLE * 10).encode("cp1252"))
    document = load_document(path)
    assert document.text == ARTICLE * 10
    assert document.warnings == ()


def test_a_nul_byte_after_the_first_64_kb_means_binary(tmp_path: Path) -> None:
    data = (ARTICLE * 1000).encode("utf-8")
    assert len(data) > 100_000
    path = tmp_path / "late-nul.txt"
    path.write_bytes(data[:90_000] + b"\x00" + data[90_000:])
    assert error_for(path) == f"{path}: is a binary file, not text (it contains NUL bytes)"


def test_size_limit_message_uses_the_readme_unit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(25_500_000)  # sparse: nothing is written or read
    message = error_for(path)
    stated = re.search(r"up to (\d+) MB", (ROOT / "README.md").read_text()).group(1)  # type: ignore[union-attr]
    assert message == f"{path}: is too large (25.5 MB; the limit is {stated} MB)"
    assert int(stated) * 1_000_000 == MAX_BYTES


def test_a_huge_paste_is_refused_like_a_huge_file() -> None:
    text = "word " * (MAX_BYTES // 5 + 1_000_000)  # 25 MB
    with pytest.raises(DocumentError) as caught:
        document_from_paste(text, "Pasted article 1")
    assert str(caught.value) == "Pasted article 1: is too large (25 MB; the limit is 20 MB)"


def test_a_paste_with_nul_bytes_is_refused() -> None:
    with pytest.raises(DocumentError) as caught:
        document_from_paste(ARTICLE * 2000 + "\x00" + ARTICLE, "Pasted article 2")
    assert str(caught.value) == (
        "Pasted article 2: is binary data, not text (it contains NUL bytes)"
    )


def test_a_paste_of_control_characters_is_refused() -> None:
    with pytest.raises(DocumentError, match="control characters"):
        document_from_paste("\x01\x02\x03\x04 binary \x05\x06", "Pasted article 3")


def test_a_paste_with_lone_surrogates_is_kept_with_a_warning() -> None:
    document = document_from_paste(ARTICLE + "\udc80" + ARTICLE, "Pasted article 4")
    assert document.text == ARTICLE + "\ufffd" + ARTICLE
    assert document.warnings == ("Pasted article 4: 1 invalid character(s) shown as \ufffd",)


def test_an_ordinary_paste_becomes_an_article() -> None:
    document = document_from_paste(ARTICLE * 3, "Pasted article 5")
    assert document.text == ARTICLE * 3
    assert document.warnings == ()
