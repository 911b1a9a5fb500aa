"""Generated articles for GUI tests: prose-like text and revisions of it (no corpus copies)."""

from __future__ import annotations

import random
from pathlib import Path

SYLLABLES = ("ka", "lo", "mi", "ren", "su", "ta", "vo", "dre", "pin", "gal", "no", "bru")


def words(rng: random.Random, count: int) -> list[str]:
    """``count`` made-up words, varied enough that any five in a row are unique."""
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))) for _ in range(count)]


def article(seed: int, paragraphs: int = 6, length: int = 60) -> str:
    """Paragraphs of sentences of made-up words, each sentence ending with a full stop."""
    rng = random.Random(seed)
    out = []
    for _ in range(paragraphs):
        ws = words(rng, length)
        sentences = [" ".join(ws[i : i + 12]).capitalize() + "." for i in range(0, length, 12)]
        out.append(" ".join(sentences))
    return "\n\n".join(out)


def with_typos(text: str, every: int, seed: int = 1) -> tuple[str, list[str]]:
    """Change one word in every ``every`` words (a typo fix); return the text and new words."""
    tokens = text.split(" ")
    typos = []
    for index in range(every // 2, len(tokens), every):
        word = tokens[index]
        if len(word) < 3 or not word.isalpha():
            continue
        new = word[0] + "x" + word[1:]
        tokens[index] = new
        typos.append(new)
    return " ".join(tokens), typos


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def replace_word(text: str, index: int, new: str) -> str:
    """``text`` with its ``index``-th space-separated word replaced, its punctuation kept."""
    tokens = text.split(" ")
    old = tokens[index]
    tokens[index] = new + old[len(old.rstrip(".")) :]
    return " ".join(tokens)


class ReviewCase:
    """Four articles whose shared paragraphs, order and edits are known by construction.

    Shared paragraphs P0…P4 (100, 60, 12, 36, 14 words):
    a: a0 P0 a1 P1 a2 P2 a3 P4 a4
    b: b0 P2 b1 P0' b2        P0' has one word changed; P2 (short) stands before P0: moved
    c: c0 P4 c1 P1 c2 P3      P4 (short) stands before P1: moved
    d: d0 P3'' d1             P3'' has two words changed, one of them to "Quorble"
    """

    NAMES = ("a", "b", "c", "d")
    LENGTHS = (100, 60, 12, 36, 14)

    def __init__(self) -> None:
        p = [article(50 + i, paragraphs=1, length=n) for i, n in enumerate(self.LENGTHS)]
        self.shared = p
        own = {
            name: article(60 + i, paragraphs=5, length=40).split("\n\n")
            for i, name in enumerate(self.NAMES)
        }
        a, b, c, d = (own[n] for n in self.NAMES)
        edited_p0 = replace_word(p[0], 50, "Zintaro")
        edited_p3 = replace_word(replace_word(p[3], 8, "Quorble"), 28, "Plimsy")
        # (paragraphs, index of each shared paragraph among them)
        self.paragraphs = {
            "a": ([a[0], p[0], a[1], p[1], a[2], p[2], a[3], p[4], a[4]], {0: 1, 1: 3, 2: 5, 4: 7}),
            "b": ([b[0], p[2], b[1], edited_p0, b[2]], {2: 1, 0: 3}),
            "c": ([c[0], p[4], c[1], p[1], c[2], p[3]], {4: 1, 1: 3, 3: 5}),
            "d": ([d[0], edited_p3, d[1]], {3: 1}),
        }

    def text(self, name: str) -> str:
        return "\n\n".join(self.paragraphs[name][0])

    def offset(self, name: str, shared: int) -> int:
        """Where shared paragraph ``shared`` starts in article ``name``."""
        paragraphs, where = self.paragraphs[name]
        return sum(len(x) + 2 for x in paragraphs[: where[shared]])

    def write(self, folder: Path) -> list[str]:
        return [write(folder, f"{name}.txt", self.text(name)) for name in self.NAMES]
