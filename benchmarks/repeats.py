"""Repeated-text cases for ``reuse.py``: a menu, a product list, a stock phrase, code.

Each case is a block of units (lines or paragraphs) that resemble each other closely, copied
from one document into another with some units reordered, dropped or slightly edited, inside
unrelated text. Every unit is a segment with its own provenance key, so the truth says which
copy each copy came from: a link that maps a unit onto a sibling unit (an echo) is wrong even
though most of its words are equal. Not part of the package.
"""

from __future__ import annotations

import random

from corpus import Article, Segment

REPEAT_CASES = ("menu", "products", "stock", "code")

Doc = list[list[Segment]]

VEGETABLES = (
    "broccoli", "onions", "green peppers", "mushrooms", "snow peas", "cashew nuts", "bamboo shoots",
    "baby corn", "bean sprouts", "spinach", "aubergine", "pineapple", "mixed vegetables", "celery",
)  # fmt: skip
SAUCES = ("black bean", "oyster", "garlic", "sweet and sour", "curry", "chilli", "ginger")
PRODUCTS = (
    ("Acme", "kettle", "1.7 litre"), ("Acme", "toaster", "2 slice"),
    ("Brio", "kettle", "1.5 litre"), ("Brio", "toaster", "4 slice"),
    ("Acme", "blender", "1.2 litre"), ("Brio", "blender", "600 ml"),
    ("Corva", "kettle", "1.7 litre"), ("Corva", "toaster", "2 slice"), ("Acme", "juicer", "800 W"),
)  # fmt: skip
COLOURS = ("stainless steel", "matt black", "cream", "white", "red", "brushed copper")
STOCK = (
    "For more information please contact our customer service team on weekdays between 9am "
    "and 5pm, or visit our website."
)
FIELDS = ("width", "height", "depth", "weight", "colour", "price", "stock", "name", "code", "size")


def _seg(key: object, text: str, prefix: str = "") -> Segment:
    return Segment(key, list(enumerate(text.split())), prefix)


def _lines(segments: list[Segment]) -> list[Segment]:
    """One paragraph whose segments stand on lines of their own."""
    return [Segment(s.key, s.words, "\n" if i else "") for i, s in enumerate(segments)]


def _menu(rng: random.Random) -> list[Segment]:
    combos = [(v, s) for v in VEGETABLES for s in SAUCES]
    picked = rng.sample(combos, rng.randint(8, 12))
    prices = [f"{rng.choice((7, 8, 9))}.{rng.choice((50, 95))}" for _ in picked]
    return [
        _seg(("menu", n), f"{n + 1}. Choice of chicken, pork or beef sauteed with {veg} in a "
             f"{sauce} sauce, served with steamed rice, {prices[n]}")
        for n, (veg, sauce) in enumerate(picked)
    ]  # fmt: skip


def _products(rng: random.Random) -> list[Segment]:
    picked = rng.sample(PRODUCTS, rng.randint(6, 9))
    return [
        _seg(("product", n), f"{brand} {kind} {size}, {rng.choice(COLOURS)} finish, free delivery "
             f"on orders over 20 pounds, in stock now, {rng.randint(15, 60)}.99")
        for n, (brand, kind, size) in enumerate(picked)
    ]  # fmt: skip


def _code(rng: random.Random) -> list[list[Segment]]:
    functions = []
    for f, name in enumerate(rng.sample(FIELDS, rng.randint(5, 8))):
        lines = [
            f"def get_{name}(record, default=None):",
            f'    value = record.get("{name}")',
            "    if value is None:",
            "        return default",
            "    return value",
        ]
        functions.append(_lines([_seg(("code", f, n), line) for n, line in enumerate(lines)]))
    return functions


def _edit_last_figure(seg: Segment, rng: random.Random) -> Segment:
    words = list(seg.words)
    words[-1] = (None, f"{rng.randint(10, 99)}.{rng.choice((25, 49, 75))}")
    return Segment(seg.key, words, seg.prefix)


def _shuffle_some(items: list, rng: random.Random, moves: int) -> list:
    items = list(items)
    for _ in range(moves):
        items.insert(rng.randrange(len(items)), items.pop(rng.randrange(len(items))))
    return items


def _frame(art: Article, count: int) -> list[list[Segment]]:
    """``count`` paragraphs of ``art`` to stand around the block (unrelated text)."""
    return [[Segment((art.name, i), list(enumerate(p)))] for i, p in enumerate(art.paras[:count])]


def build_repeats(case: str, rng: random.Random, x: Article, y: Article) -> list[Doc]:
    """Two documents sharing a block of repeated units; ``x`` and ``y`` give the framing."""
    if case in ("menu", "products"):
        units = _menu(rng) if case == "menu" else _products(rng)
        copied = _shuffle_some(units, rng, 3)
        copied.pop(rng.randrange(len(copied)))
        for _ in range(2):
            at = rng.randrange(len(copied))
            copied[at] = _edit_last_figure(copied[at], rng)
        a = [*_frame(x, 2), _lines(units), *_frame(x, 4)[2:]]
        b = [*_frame(y, 1), _lines(copied), *_frame(y, 3)[1:]]
        return [a, b]
    if case == "stock":
        paras = _frame(x, 6)
        for p, para in enumerate(paras):
            if p % 2 == 0 or rng.random() < 0.5:
                para.append(_seg(("stock", p), STOCK))
        order = _shuffle_some(list(range(len(paras))), rng, 3)
        return [paras, [*_frame(y, 1), *(paras[i] for i in order)]]
    if case == "code":
        functions = _code(rng)
        copied = _shuffle_some(functions, rng, 3)
        edited = rng.randrange(len(copied))
        lines = list(copied[edited])
        line = lines[2]  # "if value is None:" becomes "if record is None:"
        words = [line.words[0], (None, "record"), *line.words[2:]]
        lines[2] = Segment(line.key, words, line.prefix)
        copied[edited] = lines
        return [[*_frame(x, 1), *functions], [*_frame(y, 2), *copied]]
    raise ValueError(case)
