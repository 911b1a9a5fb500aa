"""Accuracy benchmark: does the engine find what was copied, and which words were changed?

Run by hand from the repository root (not part of the test suite)::

    .venv/bin/python benchmarks/reuse.py [--n 20] [--cases light,heavy] [--show-misses [K]]

It builds article sets with known provenance, deterministically (``--seed``), from the
project's ``seeds/*.md`` and the BBC corpus in ``../shared/corpus/bbc`` (read in place, never
copied): verbatim copies, shuffled paragraphs, light edits (figures, names, a word or two),
dropped and added paragraphs, one spliced sentence, a short quote, heavy edits (~25 % of the
words replaced), unrelated articles on the same topic (nothing shared), three-way sets, and
repeated text (``repeats.py``: a menu, a product list, a stock phrase, a code listing, each
copied with units reordered, dropped or edited).
Derived texts are assembled piece by piece, so the truth is exact: per document, the "shared"
characters (text that came from another document of the set, edited words included) and the
"changed" characters (the words substituted inside such text, on both sides). Only
non-white-space characters count (``--letters``: only letters and digits); the quotation
marks put around a quote count neither way.

It prints micro-averaged F1 per case and overall for ``viewer.core.compare.compare`` and for
plain diff-match-patch in the same run. The baseline runs ``diff_main`` (default settings,
``Diff_Timeout = 1.0``) and ``diff_cleanupSemantic`` on every pair of a set, union per
document: equalities of >= 20 characters are anchors and count as shared; between two
consecutive anchors, a gap of <= 100 characters on each side counts as shared and its
non-equal characters, widened to whole words, as changed. Where the truth is empty the table
shows the falsely marked characters ("12fp") instead of an F1. "links P" is the engine's
link precision: of the characters of linked words whose own copy stands in the other
document, the share that the link maps onto that copy (a repeated line mapped onto a
sibling, an echo, counts as wrong however alike the two are). Times are sums over sets
(engine) and pairs (diff-match-patch, run in ``--jobs`` worker processes).
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor

from corpus import SENTENCE_END, Article, Editor, Segment, core_of, load_articles
from diff_match_patch import diff_match_patch
from repeats import REPEAT_CASES, build_repeats

from viewer.core.compare import compare
from viewer.core.documents import document_from_text

CASES = [
    *"verbatim moved light dropadd splice quote heavy unrelated threeway".split(),
    *REPEAT_CASES,
]
TARGETS = (0.99, 0.95)  # shared F1, changed-word F1
MIN_ANCHOR, MAX_GAP_CHARS = 20, 100
WORD = re.compile(r"\w+(?:[-'’.,]\w+)*")


Doc = list[list[Segment]]


def base(art: Article) -> Doc:
    return [[Segment((art.name, i), list(enumerate(p)))] for i, p in enumerate(art.paras)]


def sentences(words: list[str]) -> list[tuple[int, int]]:
    bounds = [0] + [i + 1 for i, w in enumerate(words[:-1]) if SENTENCE_END.search(w)]
    return list(zip(bounds, [*bounds[1:], len(words)], strict=True))


def cut(doc: Doc, p: int, start: int, end: int, new: list[Segment]) -> None:
    """Paragraph ``p`` becomes: its words before ``start``, ``new``, its words from ``end``."""
    (seg,) = doc[p]
    doc[p] = [Segment(None, seg.words[:start]), *new, Segment(None, seg.words[end:])]


def build_case(case: str, k: int, rng: random.Random, pool: dict, ed: Editor) -> list[Doc]:
    seeds, bbc = pool["seeds"], pool["bbc"]
    if case in REPEAT_CASES:
        x = pool["order"][case][k]
        return build_repeats(case, rng, x, rng.choice([y for y in bbc if y.topic != x.topic]))
    use_seed = case != "unrelated" and k % 4 == 0 and k // 4 < len(seeds)
    x = seeds[k // 4] if use_seed else pool["order"][case][k]

    def other(same_topic: bool) -> Doc:  # not a revision of x: < 10 % shared 5-grams
        xs = x.shingles()
        while True:
            y = rng.choice(bbc)
            ys = y.shingles()
            if (y.topic == x.topic) == same_topic and len(xs & ys) <= 0.1 * len(ys):
                return base(y)

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
        return [src, other(True)]
    if case in ("dropadd", "threeway"):
        z = other(False)
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
    y = other(False)
    for _ in range(500):
        p = rng.randrange(len(src))
        words = [w for _, w in src[p][0].words]
        if case == "splice":
            found = [(s, e) for s, e in sentences(words) if 12 <= e - s <= 40]
            s, e = rng.choice(found) if found else (0, 0)
            new = [Segment("splice", src[p][0].words[s:e])]
        else:
            s = rng.randrange(max(1, len(words) - 12))
            e = s + rng.randint(8, 12)
            run = words[s:e]
            if len(run) < 8 or any(SENTENCE_END.search(w) or not core_of(w)[1] for w in run):
                continue
            if core_of(run[0])[0] or core_of(run[-1])[2]:
                continue
            intro = Segment(None, [(None, w) for w in "As one report put it,".split()])
            new = [intro, Segment("quote", src[p][0].words[s:e], '"', '".')]
        if e > s:
            cut(src, p, s, e, [Segment(case, new[-1].words)])
            q = rng.randrange(len(y))
            at = [s for s, _ in sentences([w for _, w in y[q][0].words])]
            at = rng.choice([*at[1:], len(y[q][0].words)])
            cut(y, q, at, at, new)
            return [src, y]
    raise RuntimeError(f"no {case} candidate in {x.name}")


def render(doc: Doc) -> tuple[str, list, set[int]]:
    """The text, each segment with its word ranges, and the positions of prefixes/suffixes."""
    parts: list[str] = []
    placed, edges = [], set()
    for p_i, para in enumerate(doc):
        for s_i, seg in enumerate(s for s in para if s.words):
            parts.append("\n\n" if p_i and not s_i else " " if s_i else "")
            start = sum(map(len, parts))
            parts.append(seg.prefix + " ".join(w for _, w in seg.words) + seg.suffix)
            pos, ranges = start + len(seg.prefix), []
            for _, w in seg.words:
                ranges.append((pos, pos + len(w)))
                pos += len(w) + 1
            edges.update(range(start, start + len(seg.prefix)))
            edges.update(range(pos - 1, pos - 1 + len(seg.suffix)))
            placed.append((seg, ranges))
    return "".join(parts), placed, edges


# Which words count as changed where three or more copies carry a passage: "outlier" (the
# engine's documented meaning: no other copy has the word, so only the outlet that altered a
# figure is marked) or "any" (some other copy lacks it). With two copies they agree.
CHANGE_TRUTH = "outlier"


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
            others = [
                {i for i, _ in other.words if i is not None} for e, other, _ in items if e != d
            ]
            if not others:
                continue
            for (i, w), (start, end) in zip(seg.words, ranges, strict=True):
                shared[d].update(range(start, end))
                missing = [i is None or i not in present for present in others]
                if all(missing) if CHANGE_TRUTH == "outlier" else any(missing):
                    lead, core, _ = core_of(w)
                    changed[d].update(range(start + len(lead), start + len(lead + core)))
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
            if gap_start and all(pos[s] - gap_start[s] <= MAX_GAP_CHARS for s in (0, 1)):
                for side in (0, 1):
                    shared[side].update(range(gap_start[side], pos[side]))
                for side, g_start, g_end in gap:
                    changed[side] |= words_over(texts[side], g_start, g_end)
            for side in (0, 1):
                shared[side].update(range(pos[side], pos[side] + n))
            gap_start, gap = (pos[0] + n, pos[1] + n), []
        elif op:
            gap.append((int(op > 0), pos[op > 0], pos[op > 0] + n))
        for side in (0, 1) if op == 0 else (int(op > 0),):
            pos[side] += n
    return elapsed, shared, changed


def run_engine(case: str, k: int, docs: list[Doc]) -> dict:
    texts, placed, edges = zip(*(render(d) for d in docs), strict=True)
    documents = [document_from_text(t, f"{case}-{k}-{d}.txt") for d, t in enumerate(texts)]
    started = time.perf_counter()
    comparison = compare(documents)
    elapsed = time.perf_counter() - started
    found: tuple[list[set[int]], list[set[int]]] = ([set() for _ in texts], [set() for _ in texts])
    for span in (span for passage in comparison.passages for span in passage.spans):
        assert comparison.documents[span.doc].text == texts[span.doc]
        found[0][span.doc].update(range(span.start, span.end))
        for start, end in span.changes:
            found[1][span.doc].update(range(start, end))
    empty = ([set() for _ in texts], [set() for _ in texts])
    return dict(case=case, k=k, texts=texts, edges=edges, truth=truth(list(placed)),
                engine=found, time=elapsed, dmp=empty, dmp_time=0.0, timeouts=0,
                links=link_precision(comparison.links, list(placed)))  # fmt: skip


def link_precision(links: tuple, placed_docs: list) -> tuple[int, int]:
    """(right, all): characters of linked words whose own copy stands in the other document,
    and of those, the ones the link maps onto that copy (not onto a sibling: an echo)."""
    where: list[dict] = []
    for placed in placed_docs:
        found = {}
        for seg, ranges in placed:
            if seg.key is not None:
                for (index, _), at in zip(seg.words, ranges, strict=True):
                    if index is not None:
                        found[(seg.key, index)] = at
        where.append(found)
    right = total = 0
    for link in links:
        for side in (0, 1):
            x, y = link.docs[side], link.docs[1 - side]
            (start, end), (y_start, y_end) = link.ranges[side], link.ranges[1 - side]
            for key, (w_start, w_end) in where[x].items():
                if start <= w_start and w_end <= end and key in where[y]:
                    total += w_end - w_start
                    c_start, c_end = where[y][key]
                    right += (w_end - w_start) * (y_start <= c_start and c_end <= y_end)
    return right, total


class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, truth: set[int], pred: set[int]) -> None:
        self.tp, self.fp = self.tp + len(truth & pred), self.fp + len(pred - truth)
        self.fn += len(truth - pred)

    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fn else 0.0

    def cell(self, target: float | None = None) -> str:
        if not self.tp + self.fn:
            return f"{self.fp}fp" + ("*" if target and self.fp else " " if target else "")
        if target is None:
            return f"{self.f1():.3f}"
        p, r = self.tp / max(1, self.tp + self.fp), self.tp / (self.tp + self.fn)
        return f"{self.f1():.3f} ({p:.3f}/{r:.3f})" + ("*" if self.f1() < target else " ")


def print_table(cases: list[str], instances: list[dict], args: argparse.Namespace) -> None:
    unit = "letters and digits" if args.letters else "non-white-space characters"
    print(f"Reuse accuracy: {args.n} sets per case, seed {args.seed}; micro F1 over {unit}.")
    print(
        f"Targets: shared F1 >= {TARGETS[0]}, changed-word F1 >= {TARGETS[1]}; "
        f"changed truth: {CHANGE_TRUTH}"
    )
    print("('*' engine below target; 'Nfp' no truth, N chars marked; engine P/R in brackets)")
    head = f"{'case':<10}{'docs':>5}  {'shared: engine':<25}{'dmp':>7}   {'changed: engine':<25}"
    head += f"{'dmp':>7}  {'links P':>8}{'engine s':>9}{'dmp s':>7}{'dmp≥1s':>7}"
    print(f"{head}\n{'-' * len(head)}")
    for case in [*cases, "overall"]:
        rows = [i for i in instances if case in (i["case"], "overall")]
        score = {key: Score() for key in ("engine0", "dmp0", "engine1", "dmp1")}
        for inst, d in ((i, d) for i in rows for d in range(len(i["texts"]))):
            for key, score_ in score.items():
                pred, w = inst[key[:-1]][int(key[-1])][d], int(key[-1])
                score_.add(inst["truth"][w][d] & inst["keep"][d], pred & inst["keep"][d])
        if case == "overall":
            print("-" * len(head))
        cells = (score["engine0"].cell(TARGETS[0]), score["engine1"].cell(TARGETS[1]))
        right, linked = (sum(i["links"][n] for i in rows) for n in (0, 1))
        print(
            f"{case:<10}{sum(len(i['texts']) for i in rows):>5}  {cells[0]:<25}"
            f"{score['dmp0'].cell():>7}   {cells[1]:<25}{score['dmp1'].cell():>7}  "
            f"{f'{right / linked:.3f}' if linked else '-':>8}"
            f"{sum(i['time'] for i in rows):>9.2f}{sum(i['dmp_time'] for i in rows):>7.1f}"
            f"{sum(i['timeouts'] for i in rows):>7}"
        )


def snippets(text: str, positions: set[int]) -> list[str]:
    """Stretches of ``positions`` (white space bridged) with a letter or digit, longest first."""
    out: list[list[int]] = []
    for p in sorted(positions):
        if out and not text[out[-1][1] + 1 : p].strip():
            out[-1][1] = p
        else:
            out.append([p, p])
    found = sorted((text[a : b + 1] for a, b in out), key=len, reverse=True)
    found = [s for s in found if any(c.isalnum() for c in s)]
    return [s if len(s) <= 90 else s[:60] + " … " + s[-25:] for s in found]


def print_misses(cases: list[str], instances: list[dict], count: int) -> None:
    def errors(inst: dict) -> int:
        return sum(
            len((inst["truth"][w][d] ^ inst["engine"][w][d]) & keep)
            for w in (0, 1)
            for d, keep in enumerate(inst["keep"])
        )

    print(f"\nThe engine's worst {count} sets per case ('missed': in the truth, not found):")
    for case in cases:
        worst = sorted((i for i in instances if i["case"] == case), key=errors, reverse=True)
        for inst in (i for i in worst[:count] if errors(i)):
            print(f"== {case} #{inst['k']}: {errors(inst)} wrong characters")
            for d, (text, keep) in enumerate(zip(inst["texts"], inst["keep"], strict=True)):
                for w, what in ((0, "shared"), (1, "changed")):
                    true, pred = inst["truth"][w][d] & keep, inst["engine"][w][d] & keep
                    for label, diff in (("missed", true - pred), ("false", pred - true)):
                        if found := snippets(text, diff):
                            shown = " | ".join(repr(s) for s in found[:3])
                            print(f"  doc {d} {label} {what} ({len(diff)} chars): {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=20, help="sets per case (default 20)")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated cases")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2, help="diff-match-patch processes")
    parser.add_argument("--letters", action="store_true", help="count letters and digits only")
    parser.add_argument(
        "--show-misses", type=int, nargs="?", const=2, default=0, metavar="K",
        help="print the engine's K worst sets per case (default 2)",
    )  # fmt: skip
    parser.add_argument(
        "--change-truth", choices=("outlier", "any"), default="outlier",
        help="with 3+ copies, a word is changed where no other copy has it (outlier, the "
        "engine's meaning) or where any other copy lacks it (any)",
    )  # fmt: skip
    args = parser.parse_args()
    global CHANGE_TRUTH
    CHANGE_TRUTH = args.change_truth
    cases = [c for c in args.cases.split(",") if c]
    if unknown := set(cases) - set(CASES):
        parser.error(f"unknown cases {sorted(unknown)}; choose from {', '.join(CASES)}")
    seeds, bbc = load_articles()
    pool: dict = {"seeds": seeds, "bbc": bbc, "order": {}}
    editor = Editor(bbc)
    instances = []
    for case in cases:
        rng = random.Random(f"{args.seed}/{case}")
        pool["order"][case] = rng.sample(bbc, args.n)
        for k in range(args.n):
            inst = run_engine(case, k, build_case(case, k, rng, pool, editor))
            inst["keep"] = [
                {i for i, c in enumerate(t) if (c.isalnum() if args.letters else not c.isspace())}
                - edges
                for t, edges in zip(inst["texts"], inst["edges"], strict=True)
            ]
            instances.append(inst)
    jobs = [(n, i, j) for n, inst in enumerate(instances)
            for i, j in itertools.combinations(range(len(inst["texts"])), 2)]  # fmt: skip
    pairs = [(instances[n]["texts"][i], instances[n]["texts"][j]) for n, i, j in jobs]
    with ProcessPoolExecutor(args.jobs) as workers:
        for (n, i, j), (elapsed, sh, ch) in zip(jobs, workers.map(dmp_pair, pairs), strict=True):
            inst = instances[n]
            inst["dmp_time"] += elapsed
            inst["timeouts"] += elapsed >= 1.0
            for side, d in ((0, i), (1, j)):
                inst["dmp"][0][d] |= sh[side]
                inst["dmp"][1][d] |= ch[side]
    print_table(cases, instances, args)
    if args.show_misses:
        print_misses(cases, instances, args.show_misses)


if __name__ == "__main__":
    main()
