"""Accuracy benchmark: does the engine find what was copied, and which words were changed?

Run by hand from the repository root (not part of the test suite)::

    .venv/bin/python benchmarks/reuse.py [--n 20] [--cases light,heavy] [--show-misses [K]]

It builds article sets with known provenance, deterministically (``--seed``), from the
project's ``seeds/*.md`` and the BBC corpus in ``../shared/corpus/bbc`` (read in place, never
copied): verbatim copies, shuffled paragraphs, light edits (figures, names, a word or two),
dropped and added paragraphs, one spliced sentence, a short quote, heavy edits (~25 % of the
words replaced), unrelated articles on the same topic (nothing shared) and three-way sets.
Every derived text is assembled piece by piece, so the ground truth is exact: per document,
the "shared" characters (text that came from another document of the set, edited words
included) and the "changed" characters (the words substituted inside such text, on both
sides). Only non-white-space characters count (``--letters``: only letters and digits, which
ignores punctuation at span edges).

It prints micro-averaged F1 per case and overall, for ``viewer.core.compare.compare`` and for
plain diff-match-patch in the same run. The baseline runs ``diff_main`` (default settings,
``Diff_Timeout = 1.0``) and ``diff_cleanupSemantic`` on every pair of a set and takes the union
per document: equalities of >= 20 characters are anchors and count as shared; between two
consecutive anchors, a gap of <= 100 characters on each side counts as shared and its
non-equal characters, widened to whole words, as changed. Where the truth is empty the table
shows the false-positive characters ("12fp") instead of an F1. Times are sums of the
per-set (engine) and per-pair (diff-match-patch, run in ``--jobs`` worker processes) times.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from diff_match_patch import diff_match_patch

from viewer.core.compare import compare
from viewer.core.documents import document_from_text, load_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
CASES = "verbatim moved light dropadd splice quote heavy unrelated threeway".split()
TARGET_SHARED, TARGET_CHANGED = 0.99, 0.95
MIN_ANCHOR, MAX_GAP_CHARS = 20, 100
WORD = re.compile(r"\w+(?:[-'’.,]\w+)*")
TOKEN = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


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


def load_articles() -> tuple[list[Article], list[Article]]:
    seeds = [
        Article(f"seeds/{p.stem[:3]}", "seed", _paras(load_document(p).text, "\n", False))
        for p in sorted((ROOT / "seeds").glob("*.md"))
    ]
    bbc, seen = [], set()
    for path in sorted(CORPUS.glob("*/*.txt")):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")  # sport/199.txt
        text = text.replace("\r\n", "\n")
        if text in seen:
            continue
        seen.add(text)
        paras = _paras(text, "\n\n", True)
        if len(paras) >= 6 and sum(map(len, paras)) <= 1000:
            bbc.append(Article(f"{path.parent.name}/{path.stem}", path.parent.name, paras))
    return seeds, bbc


def split_token(token: str) -> tuple[str, str, str]:
    lead, core, trail = TOKEN.match(token).groups()  # type: ignore[union-attr]
    return lead, core, trail


class Editor:
    """Substitutes words in copied segments, recording which ones changed."""

    def __init__(self, articles: list[Article]) -> None:
        words, names = set(), set()
        for art in articles[:400]:
            for para in art.paras:
                for i, tok in enumerate(para):
                    core = split_token(tok)[1]
                    if core.isalpha() and core.islower() and 3 <= len(core) <= 12:
                        words.add(core)
                    elif core.isalpha() and core.istitle() and 4 <= len(core) <= 12 and i:
                        if not SENTENCE_END.search(para[i - 1]):
                            names.add(core)
        self.words, self.names = sorted(words), sorted(names)

    def _new_core(self, core: str, rng: random.Random, kind: str) -> str:
        if kind == "figure":
            spots = [i for i, c in enumerate(core) if c.isdigit()]
            i = rng.choice(spots)
            digits = [d for d in "0123456789" if d != core[i] and (i or d != "0")]
            return core[:i] + rng.choice(digits) + core[i + 1 :]
        new = core
        while new.casefold() == core.casefold():
            new = rng.choice(self.names if kind == "name" else self.words)
        return new.capitalize() if core[:1].isupper() else new

    def substitute(self, seg: Segment, j: int, rng: random.Random, kind: str) -> None:
        lead, core, trail = split_token(seg.words[j][1])
        seg.words[j] = (None, lead + self._new_core(core, rng, kind) + trail)

    def light(self, seg: Segment, rng: random.Random, edits: int) -> Segment:
        seg = Segment(seg.key, list(seg.words), seg.prefix, seg.suffix)
        for _ in range(edits):
            kinds: dict[str, list[int]] = defaultdict(list)
            for j, (idx, tok) in enumerate(seg.words):
                core = split_token(tok)[1]
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
        seg = Segment(seg.key, list(seg.words), seg.prefix, seg.suffix)
        for j, (_, tok) in enumerate(seg.words):
            core = split_token(tok)[1]
            if core and rng.random() < rate:
                kind = "figure" if any(c.isdigit() for c in core) else "word"
                self.substitute(seg, j, rng, kind)
        return seg


Doc = list[list[Segment]]


def base(art: Article) -> Doc:
    return [[Segment((art.name, i), list(enumerate(p)))] for i, p in enumerate(art.paras)]


def sentences(words: list[str]) -> list[tuple[int, int]]:
    bounds = [0] + [i + 1 for i, w in enumerate(words[:-1]) if SENTENCE_END.search(w)]
    return list(zip(bounds, [*bounds[1:], len(words)], strict=True))


def split_para(doc: Doc, p: int, start: int, end: int, key: object) -> Segment:
    """Cut paragraph ``p`` of ``doc`` into before / ``key`` / after; return the middle."""
    (seg,) = doc[p]
    mid = Segment(key, seg.words[start:end])
    doc[p] = [Segment(None, seg.words[:start]), mid, Segment(None, seg.words[end:])]
    return mid


def insert_into(doc: Doc, rng: random.Random, new: list[Segment]) -> None:
    p = rng.randrange(len(doc))
    (seg,) = doc[p]
    at = rng.choice([s for s, _ in sentences([w for _, w in seg.words])][1:] + [len(seg.words)])
    doc[p] = [Segment(None, seg.words[:at]), *new, Segment(None, seg.words[at:])]


def build_case(case: str, k: int, rng: random.Random, pool: dict, ed: Editor) -> list[Doc]:
    seeds, bbc = pool["seeds"], pool["bbc"]
    use_seed = case != "unrelated" and k % 4 == 0 and k // 4 < len(seeds)
    x = seeds[k // 4] if use_seed else pool["order"][case][k]

    def other(same_topic: bool) -> Article:
        xs = x.shingles()
        while True:
            y = rng.choice(bbc)
            if (y.topic == x.topic) == same_topic and y.name != x.name:
                ys = y.shingles()
                if len(xs & ys) <= 0.1 * min(len(xs), len(ys)):
                    return y

    src = base(x)
    if case == "verbatim":
        return [src, base(x)]
    if case == "moved":
        order = list(range(len(src)))
        while order == sorted(order):
            rng.shuffle(order)
        return [src, [base(x)[i] for i in order]]
    if case == "light":
        return [src, [[ed.light(p[0], rng, rng.randint(1, 2))] for p in src]]
    if case == "heavy":
        return [src, [[ed.heavy(p[0], rng)] for p in src]]
    if case == "unrelated":
        return [src, base(other(True))]
    if case in ("dropadd", "threeway"):
        z = base(other(False))
        kept = sorted(rng.sample(range(len(src)), max(3, round(0.7 * len(src)))))
        derived = [[ed.light(src[i][0], rng, 1)] if case == "threeway" else src[i] for i in kept]
        for para in rng.sample(z, rng.randint(2, 3)):
            derived.insert(rng.randint(0, len(derived)), para)
        if case == "dropadd":
            return [src, derived]
        moved = [[ed.light(p[0], rng, rng.randint(0, 2))] for p in src]
        for _ in range(2):
            moved.insert(rng.randrange(len(moved)), moved.pop(rng.randrange(len(moved))))
        return [src, moved, derived]
    y = base(other(False))
    for _ in range(500):
        p = rng.randrange(len(src))
        words = [w for _, w in src[p][0].words]
        if case == "splice":
            spans = [(s, e) for s, e in sentences(words) if 12 <= e - s <= 40]
            if spans:
                s, e = rng.choice(spans)
                insert_into(y, rng, [split_para(src, p, s, e, "splice")])
                return [src, y]
        else:
            n = rng.randint(8, 12)
            s = rng.randrange(max(1, len(words) - n))
            run = words[s : s + n]
            if len(run) == n and all(split_token(w)[1] == w for w in (run[0], run[-1])):
                if not any(SENTENCE_END.search(w) for w in run):
                    mid = split_para(src, p, s, s + n, "quote")
                    intro = Segment(None, [(None, w) for w in "As one report put it,".split()])
                    insert_into(y, rng, [intro, Segment("quote", mid.words, '"', '".')])
                    return [src, y]
    raise RuntimeError(f"no {case} candidate in {x.name}")


def render(doc: Doc) -> tuple[str, list[tuple[Segment, list[tuple[int, int]]]]]:
    parts: list[str] = []
    placed = []
    pos = 0
    for p_i, para in enumerate(doc):
        segs = [s for s in para if s.words]
        for s_i, seg in enumerate(segs):
            lead = ("\n\n" if p_i and not s_i else " " if s_i else "") + seg.prefix
            parts.append(lead)
            pos += len(lead)
            ranges = []
            for w_i, (_, w) in enumerate(seg.words):
                if w_i:
                    parts.append(" ")
                    pos += 1
                ranges.append((pos, pos + len(w)))
                parts.append(w)
                pos += len(w)
            parts.append(seg.suffix)
            pos += len(seg.suffix)
            placed.append((seg, ranges))
    return "".join(parts), placed


def truth(placed_docs: list) -> tuple[list[set[int]], list[set[int]]]:
    shared: list[set[int]] = [set() for _ in placed_docs]
    changed: list[set[int]] = [set() for _ in placed_docs]
    occurrences = defaultdict(list)
    for d, placed in enumerate(placed_docs):
        for seg, ranges in placed:
            if seg.key is not None:
                occurrences[seg.key].append((d, seg, ranges))
    for items in occurrences.values():
        for d, seg, ranges in items:
            for e, other, _ in items:
                if e == d:
                    continue
                present = {i for i, _ in other.words if i is not None}
                for (i, _), (start, end) in zip(seg.words, ranges, strict=True):
                    shared[d].update(range(start, end))
                    if i is None or i not in present:
                        changed[d].update(range(start, end))
    return shared, changed


def words_over(text: str, start: int, end: int) -> set[int]:
    out = set(range(start, end))
    for m in WORD.finditer(text, max(0, start - 40), min(len(text), end + 40)):
        if m.start() < end and m.end() > start:
            out.update(range(m.start(), m.end()))
    return out


def dmp_pair(texts: tuple[str, str]) -> tuple[float, list[set[int]], list[set[int]]]:
    """Plain diff-match-patch on one pair: (seconds, shared per side, changed per side)."""
    dmp = diff_match_patch()
    started = time.perf_counter()
    diffs = dmp.diff_main(*texts)
    dmp.diff_cleanupSemantic(diffs)
    elapsed = time.perf_counter() - started
    shared: list[set[int]] = [set(), set()]
    changed: list[set[int]] = [set(), set()]
    pos, gap_start, gap = [0, 0], None, []
    for op, chunk in diffs:
        n = len(chunk)
        if op == 0 and n >= MIN_ANCHOR:
            for side in (0, 1):
                shared[side].update(range(pos[side], pos[side] + n))
            if gap_start is not None and all(
                pos[s] - gap_start[s] <= MAX_GAP_CHARS for s in (0, 1)
            ):
                for side in (0, 1):
                    shared[side].update(range(gap_start[side], pos[side]))
                    for g_side, g_start, g_end in gap:
                        if g_side == side:
                            changed[side] |= words_over(texts[side], g_start, g_end)
            gap_start, gap = (pos[0] + n, pos[1] + n), []
        elif op != 0:
            side = 0 if op < 0 else 1
            gap.append((side, pos[side], pos[side] + n))
        for side in (0, 1) if op == 0 else (0 if op < 0 else 1,):
            pos[side] += n
    return elapsed, shared, changed


class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, truth: set[int], pred: set[int]) -> None:
        self.tp += len(truth & pred)
        self.fp += len(pred - truth)
        self.fn += len(truth - pred)

    def below(self, target: float) -> bool:
        if not self.tp + self.fn:
            return self.fp > 0
        return 2 * self.tp < target * (2 * self.tp + self.fp + self.fn)

    def cell(self, detail: bool = False) -> str:
        if not self.tp + self.fn:
            return f"{self.fp}fp"
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn)
        if not detail:
            return f"{f1:.3f}"
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        return f"{f1:.3f} ({p:.3f}/{self.tp / (self.tp + self.fn):.3f})"


def runs(text: str, positions: set[int]) -> list[str]:
    """Contiguous stretches (white space bridged) of ``positions`` as short snippets."""
    out: list[list[int]] = []
    for p in sorted(positions):
        if out and not text[out[-1][1] + 1 : p].strip():
            out[-1][1] = p
        else:
            out.append([p, p])
    found = [text[a : b + 1] for a, b in out if any(c.isalnum() for c in text[a : b + 1])]
    found.sort(key=len, reverse=True)
    return [s if len(s) <= 90 else s[:60] + " … " + s[-25:] for s in found]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=20, help="instances per case (default 20)")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated cases")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2, help="diff-match-patch processes")
    parser.add_argument("--letters", action="store_true", help="count letters and digits only")
    parser.add_argument("--show-misses", type=int, nargs="?", const=8, default=0, metavar="K")
    args = parser.parse_args()
    cases = [c for c in args.cases.split(",") if c]
    if unknown := set(cases) - set(CASES):
        parser.error(f"unknown cases {sorted(unknown)}; choose from {', '.join(CASES)}")
    seeds, bbc = load_articles()
    pool = {"seeds": seeds, "bbc": bbc, "order": {}}
    editor = Editor(bbc)
    counted = str.isalnum if args.letters else (lambda c: not c.isspace())
    instances = []
    for case in cases:
        rng = random.Random(f"{args.seed}/{case}")
        pool["order"][case] = rng.sample(bbc, args.n)
        for k in range(args.n):
            texts, placed = zip(
                *(render(d) for d in build_case(case, k, rng, pool, editor)), strict=True
            )
            shared, changed = truth(list(placed))
            docs = [document_from_text(t, f"{case}-{k}-{d}.txt") for d, t in enumerate(texts)]
            started = time.perf_counter()
            comparison = compare(docs)
            elapsed = time.perf_counter() - started
            pred_s: list[set[int]] = [set() for _ in texts]
            pred_c: list[set[int]] = [set() for _ in texts]
            for passage in comparison.passages:
                for span in passage.spans:
                    assert comparison.documents[span.doc].text == texts[span.doc]
                    pred_s[span.doc].update(range(span.start, span.end))
                    for start, end in span.changes:
                        pred_c[span.doc].update(range(start, end))
            keep = [{i for i, c in enumerate(t) if counted(c)} for t in texts]
            instances.append(
                dict(case=case, k=k, texts=texts, keep=keep, truth=(shared, changed),
                     engine=(pred_s, pred_c), time=elapsed)
            )  # fmt: skip
    jobs = [
        (n, i, j)
        for n, inst in enumerate(instances)
        for i in range(len(inst["texts"]))
        for j in range(i + 1, len(inst["texts"]))
    ]
    for inst in instances:
        inst["dmp"] = ([set() for _ in inst["texts"]], [set() for _ in inst["texts"]])
        inst["dmp_time"], inst["timeouts"] = 0.0, 0
    with ProcessPoolExecutor(args.jobs) as workers:
        pairs = [(instances[n]["texts"][i], instances[n]["texts"][j]) for n, i, j in jobs]
        for (n, i, j), (elapsed, sh, ch) in zip(jobs, workers.map(dmp_pair, pairs), strict=True):
            inst = instances[n]
            inst["dmp_time"] += elapsed
            inst["timeouts"] += elapsed >= 1.0
            for side, d in ((0, i), (1, j)):
                inst["dmp"][0][d] |= sh[side]
                inst["dmp"][1][d] |= ch[side]
    print_table(cases, instances, args)
    if args.show_misses:
        print_misses(instances, args.show_misses)


def print_table(cases: list[str], instances: list[dict], args: argparse.Namespace) -> None:
    unit = "letters and digits" if args.letters else "non-white-space characters"
    print(f"Reuse accuracy: {args.n} sets per case, seed {args.seed}; F1 over {unit}, micro.")
    print(f"Targets: shared F1 >= {TARGET_SHARED}, changed-word F1 >= {TARGET_CHANGED}")
    print("('*' = engine below target; 'Nfp' = no truth, N falsely marked chars; P/R in brackets)")
    head = f"{'case':<10}{'docs':>5}  {'shared: engine (P/R)':<26}{'dmp':>7}   "
    head += f"{'changed: engine (P/R)':<26}{'dmp':>7}   {'engine s':>8}{'dmp s':>8}{'dmp≥1s':>7}"
    print(head)
    print("-" * len(head))
    for case in [*cases, "overall"]:
        rows = [i for i in instances if case in (i["case"], "overall")]
        score = {key: Score() for key in ("es", "ds", "ec", "dc")}
        for inst in rows:
            for d, keep in enumerate(inst["keep"]):
                for key, pred, true in (
                    ("es", inst["engine"][0], inst["truth"][0]),
                    ("ds", inst["dmp"][0], inst["truth"][0]),
                    ("ec", inst["engine"][1], inst["truth"][1]),
                    ("dc", inst["dmp"][1], inst["truth"][1]),
                ):
                    score[key].add(true[d] & keep, pred[d] & keep)
        if case == "overall":
            print("-" * len(head))
        marks = [
            "*" if score[key].below(t) else " "
            for key, t in (("es", TARGET_SHARED), ("ec", TARGET_CHANGED))
        ]
        docs = sum(len(i["texts"]) for i in rows)
        print(
            f"{case:<10}{docs:>5}  {score['es'].cell(True) + marks[0]:<26}{score['ds'].cell():>7}   "
            f"{score['ec'].cell(True) + marks[1]:<26}{score['dc'].cell():>7}   "
            f"{sum(i['time'] for i in rows):>8.2f}{sum(i['dmp_time'] for i in rows):>8.1f}"
            f"{sum(i['timeouts'] for i in rows):>7}"
        )


def print_misses(instances: list[dict], count: int) -> None:
    def errors(inst: dict) -> int:
        return sum(
            len((inst["truth"][w][d] ^ inst["engine"][w][d]) & keep)
            for w in (0, 1)
            for d, keep in enumerate(inst["keep"])
        )

    print(f"\nWorst {count} sets for the engine (missed = in the truth, not found):")
    for inst in sorted(instances, key=errors, reverse=True)[:count]:
        print(f"\n== {inst['case']} #{inst['k']}: {errors(inst)} wrong characters")
        for d, (text, keep) in enumerate(zip(inst["texts"], inst["keep"], strict=True)):
            for w, what in ((0, "shared"), (1, "changed")):
                true, pred = inst["truth"][w][d] & keep, inst["engine"][w][d] & keep
                for label, diff in (("missed", true - pred), ("false", pred - true)):
                    snippets = runs(text, diff)
                    if snippets:
                        shown = " | ".join(repr(s) for s in snippets[:3])
                        print(f"  doc {d} {label} {what} ({len(diff)} chars): {shown}")


if __name__ == "__main__":
    main()
