"""A readable plain-text summary of a comparison, for the command line (core layer; no Qt)."""

from __future__ import annotations

from viewer.core.model import Comparison


def _percent(share: float) -> str:
    return f"{share * 100:.0f} %"


def summarise(comparison: Comparison) -> str:
    """Articles with their original share, then every pair with what they share."""
    docs = comparison.documents
    options = comparison.options
    ignoring = [
        word
        for word, on in (("case", options.ignore_case), ("punctuation", options.ignore_punctuation))
        if on
    ]
    how = f"passages of {options.min_words}+ words"
    if ignoring:
        how += ", ignoring " + " and ".join(ignoring)
    lines = [
        f"Compared {len(docs)} articles in {comparison.elapsed:.2f} s ({how}); "
        f"{len(comparison.passages)} shared passages.",
        "",
        "Articles",
    ]
    name_width = min(48, max(len(d.name) for d in docs))
    for index, (doc, stats) in enumerate(zip(docs, comparison.document_stats, strict=True)):
        name = doc.name if len(doc.name) <= name_width else doc.name[: name_width - 1] + "…"
        lines.append(
            f"  [{index}] {name:<{name_width}}  {stats.words:>7,} words  "
            f"{_percent(stats.shared):>5} shared  {_percent(stats.original):>5} original"
        )
        lines.append(f"      {doc.title}")
    lines += ["", "Pairs (share of each article inside passages with the other)"]
    quiet = []
    for pair in comparison.pairs:
        a, b = pair.docs
        if not pair.passages:
            quiet.append(f"[{a}]–[{b}]")
            continue
        plural = "passage" if pair.passages == 1 else "passages"
        lines.append(
            f"  [{a}]–[{b}]  {_percent(pair.shared[0]):>5} of [{a}], {_percent(pair.shared[1]):>5} "
            f"of [{b}]   {pair.passages} {plural}, longest {pair.longest_words} words"
        )
    if quiet:
        lines.append("  Nothing shared: " + ", ".join(quiet))
    return "\n".join(lines)
