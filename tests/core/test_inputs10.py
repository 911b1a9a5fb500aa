"""Front matter through YAML, UTF-16 without BOM, and scripts without spaces (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.core.compare import compare
from viewer.core.decoding import decode_bytes
from viewer.core.documents import document_from_text, load_document
from viewer.core.errors import DocumentError
from viewer.core.model import CompareOptions
from viewer.core.tokens import count_words, tokenize

BODY = "Officials said the troops would stay near the border for weeks.\n"


def test_front_matter_block_scalars_nested_keys_comments_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\n"
        "# a comment line\n"
        "title: >-\n"
        "  Troops stay near\n"
        "  the border # not a comment\n"
        "date: 2024-03-01  # a comment\n"
        "author:\n"
        "  name: Jane Roe\n"
        "  email: jane@example.org\n"
        "source:\n"
        "  name: Reuters\n"
        "---\n\n" + BODY,
        encoding="utf-8",
    )
    document = load_document(path)
    assert document.title == "Troops stay near the border # not a comment"
    assert (document.date, document.author, document.outlet) == (
        "2024-03-01",
        "Jane Roe",
        "Reuters",
    )
    assert document.warnings == ()
    assert document.text == BODY.strip()


def test_invalid_front_matter_warns_with_file_and_line_and_opens_without_metadata(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: ok\ndate: [2024\nauthor: x\n---\n\n" + BODY, encoding="utf-8")
    document = load_document(path)
    assert (document.date, document.author) == ("", "")
    assert document.title != "ok"
    assert len(document.warnings) == 1
    warning = document.warnings[0]
    assert warning.startswith(f"{path}: front matter on line ")
    line = int(warning.split("on line ")[1].split()[0])
    assert 3 <= line <= 5  # the broken flow sequence opens on line 4 and is noticed by line 5
    assert document.text == BODY.strip()


def test_yaml_aliases_cannot_blow_up_front_matter(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    path = tmp_path / "laughs.md"
    path.write_text("---\n" + "\n".join(lines) + "\ntitle: Fine\n---\n\n" + BODY)
    assert load_document(path).title == "Fine"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "Officials said the troops would stay.\nÜber die Grenze.\n",
        "Официальные лица заявили.\nΕλληνικά κείμενα.\n",
        "俄罗斯总统表示，俄罗斯对任何人都不构成威胁。\n第二段 2024 年。\n",
        "ロシアは誰にとっても脅威ではないと述べた。きょうは、がっこうへいきます。\n",
        "러시아는 누구에게도 위협이 되지 않는다고 말했다.\n",
        "अधिकारियों ने कहा कि सैनिक रहेंगे।\n",
    ],
)
def test_utf16_without_bom_is_text(tmp_path: Path, codec: str, text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(codec))
    document = load_document(path)
    assert document.text == text
    assert document.encoding == codec


def test_binary_with_nul_bytes_is_still_refused() -> None:
    with pytest.raises(DocumentError, match="binary"):
        decode_bytes(bytes(range(256)) * 8, "x.txt")


def with_nul(data: bytes, at: int) -> bytes:
    """``data`` with its byte at ``at`` made NUL, cut to an even length (UTF-16's)."""
    data = data[:at] + b"\x00" + data[at + 1 :]
    return data[: len(data) // 2 * 2]


PROSE = "Officials said the troops would stay near the border for weeks, a spokesman added. "


@pytest.mark.parametrize(
    "data",
    [
        b"abc\x00\x01\x02binary\xff\xfe",  # found by a trial: read as UTF-16 "扡cȁ楢慮祲"
        *(with_nul(PROSE.encode() * 4, at) for at in (1, 3, 41, 200)),
        with_nul("Le café était fermé à l’aube. ".encode("cp1252") * 5, 7),
        with_nul("Официальные лица заявили, что войска останутся. ".encode() * 4, 9),
    ],
)
def test_8bit_text_with_a_nul_byte_is_binary_not_utf16(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert str(caught.value) == f"{path}: is a binary file, not text (it contains NUL bytes)"


SHARED = {
    "zh": "俄罗斯总统表示俄罗斯对任何人都不构成威胁",
    "ja": "ロシアは誰にとっても脅威ではないと述べた",
    "th": "รัสเซียไม่ได้เป็นภัยคุกคามต่อใครเลยนะครับ",
}
OTHER = {
    "zh": ("今天天气很好我们去公园散步了很久", "经济增长放缓央行宣布降息以刺激需求"),
    "ja": ("今日は天気がとても良いので公園へ行った", "経済成長が鈍化し中央銀行は利下げした"),
    "th": ("วันนี้อากาศดีมากเราไปเดินเล่นที่สวน", "เศรษฐกิจชะลอตัวและธนาคารกลางลดดอกเบี้ย"),
}


@pytest.mark.parametrize("script", sorted(SHARED))
def test_a_verbatim_20_character_sentence_is_found_at_default_settings(script: str) -> None:
    shared = SHARED[script]
    assert len(shared) >= 20
    before, after = OTHER[script]
    a = document_from_text(f"{before}。{shared}。{after}\n", "a.txt")
    b = document_from_text(f"{after}。\n{shared}。{before}\n", "b.txt")
    comparison = compare([a, b], CompareOptions())
    found = [
        (a.text[p.spans[0].start : p.spans[0].end], b.text[p.spans[1].start : p.spans[1].end])
        for p in comparison.passages
        if shared in a.text[p.spans[0].start : p.spans[0].end]
    ]
    assert found and shared in found[0][1]


def test_spaceless_scripts_count_characters_with_their_marks() -> None:
    assert count_words("俄罗斯总统") == 5
    thai = "ที่สวน"  # ที่ is one character with two marks on it
    tokens = tokenize(thai)
    assert [thai[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)] == [
        "ที่",
        "ส",
        "ว",
        "น",
    ]
    assert count_words("iPhone用の ケース") == 6  # iPhone, 用, の, ケ, ー, ス


@pytest.mark.parametrize(
    "text",
    [
        "러시아는 누구에게도 위협이 되지 않는다고 장관이 말했다",
        "وقال الوزير إن روسيا لا تشكل تهديدا لأحد",
        "השר אמר כי רוסיה אינה מהווה איום על איש",
        "Министр заявил, что Россия никому не угрожает",
        "Ο υπουργός δήλωσε ότι η Ρωσία δεν απειλεί κανέναν",
    ],
)
def test_spaced_scripts_still_split_at_spaces(text: str) -> None:
    tokens = tokenize(text)
    words = [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)]
    assert words == [w.strip(",") for w in text.split()]
