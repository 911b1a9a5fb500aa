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
