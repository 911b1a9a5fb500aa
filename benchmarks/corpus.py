"""Articles for the benchmarks: the project's seeds and the BBC corpus, read in place.

Shared by ``reuse.py`` and ``speed.py``; not part of the package. The BBC corpus lives in
``../shared/corpus/bbc`` beside the repository and is never copied into it. Also the word
substitutions (figures, names, ordinary words) the benchmarks use to make edited copies.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from viewer.core.documents import load_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
TOKEN = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def read_bbc(path: Path) -> str:
    """One corpus file as text (UTF-8, except sport/199.txt, which is Latin-1)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return data.decode("latin-1").replace("\r\n", "\n")


@dataclass
class Article:
    name: str
    topic: str
    paras: list[list[str]]

    def shingles(self) -> set[tuple[str, ...]]:
        words = [w.lower() for p in self.paras for w in p]
        return set(zip(*(words[i:] for i in range(5)), strict=False))


@dataclass
class Segment:
    """Words with a provenance key; words are (index in the origin or None, text)."""

    key: object
    words: list[tuple[int | None, str]]
    prefix: str = ""
    suffix: str = ""


def _paras(text: str, sep: str, skip_title: bool) -> list[list[str]]:
    chunks = [c.split() for c in text.split(sep) if c.strip()]
    return [c for c in chunks[1 if skip_title else 0 :] if len(c) >= 10]


def bbc_texts() -> list[tuple[str, str]]:
    """(``topic/NNN``, text) of every corpus file, exact duplicates left out."""
    out, seen = [], set()
    for path in sorted(CORPUS.glob("*/*.txt")):
        text = read_bbc(path)
        if text not in seen:
            seen.add(text)
            out.append((f"{path.parent.name}/{path.stem}", text))
    return out


def load_articles() -> tuple[list[Article], list[Article]]:
    """The seeds and the BBC articles as paragraphs of >= 10 words (headlines dropped)."""
    seeds = [
        Article(f"seeds/{p.stem[:3]}", "seed", _paras(load_document(p).text, "\n", False))
        for p in sorted((ROOT / "seeds").glob("*.md"))
    ]
    bbc = []
    for name, text in bbc_texts():
        paras = _paras(text, "\n\n", True)
        if len(paras) >= 4 and sum(map(len, paras)) <= 1000:
            bbc.append(Article(name, name.split("/")[0], paras))
    return seeds, bbc


def core_of(token: str) -> tuple[str, str, str]:
    return TOKEN.match(token).groups()  # type: ignore[union-attr, return-value]


class Editor:
    """Substitutes words in copied segments: figures, names, ordinary words."""

    def __init__(self, articles: list[Article]) -> None:
        words, names = set(), set()
        for para in (p for art in articles[:400] for p in art.paras):
            for i, core in enumerate(core_of(t)[1] for t in para):
                if core.isalpha() and core.islower() and 3 <= len(core) <= 12:
                    words.add(core)
                elif core.isalpha() and core.istitle() and 4 <= len(core) <= 12 and i:
                    names.add(core)
        self.pools = {"word": sorted(words), "name": sorted(names)}

    def substitute(self, seg: Segment, j: int, rng: random.Random, kind: str) -> None:
        lead, core, trail = core_of(seg.words[j][1])
        if kind == "figure":
            i = rng.choice([i for i, c in enumerate(core) if c.isdigit()])
            new = core[:i] + rng.choice([d for d in "123456789" if d != core[i]]) + core[i + 1 :]
        else:
            new = core
            while new.casefold() == core.casefold():
                new = rng.choice(self.pools[kind])
            new = new.capitalize() if core[:1].isupper() else new
        seg.words[j] = (None, lead + new + trail)

    def light(self, seg: Segment, rng: random.Random, edits: int) -> Segment:
        seg = Segment(seg.key, list(seg.words))
        for _ in range(edits):
            kinds: dict[str, list[int]] = defaultdict(list)
            for j, (idx, tok) in enumerate(seg.words):
                core = core_of(tok)[1]
                if idx is None or not core:
                    continue
                if any(c.isdigit() for c in core):
                    kinds["figure"].append(j)
                elif core.isalpha() and core.istitle() and j:
                    if not SENTENCE_END.search(seg.words[j - 1][1]):
                        kinds["name"].append(j)
                elif core.isalpha() and core.islower() and len(core) >= 3:
                    kinds["word"].append(j)
            if kinds:
                kind = rng.choice(sorted(kinds))
                self.substitute(seg, rng.choice(kinds[kind]), rng, kind)
        return seg

    def heavy(self, seg: Segment, rng: random.Random, rate: float = 0.25) -> Segment:
        seg = Segment(seg.key, list(seg.words))
        for j, (_, tok) in enumerate(seg.words):
            core = core_of(tok)[1]
            if core and rng.random() < rate:
                self.substitute(seg, j, rng, "figure" if core.isdigit() else "word")
        return seg
