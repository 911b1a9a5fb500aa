"""The review part of ``viewer compare SESSION``: verdict counts, notes, lost notes
(core layer; no Qt)."""

from __future__ import annotations

from viewer.core.resolve import Resolution
from viewer.core.review import RANGE, ReviewState
from viewer.core.verdicts import verdict_counts


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def summarise_review(state: ReviewState, resolution: Resolution) -> str:
    """Each verdict with how many passages or ranges carry it, then the notes and how
    many of them (and of the verdicts) lost their words."""
    counts = verdict_counts(state)
    width = max((len(name) for name in counts), default=0)
    lines = ["Verdicts"]
    lines += [f"  {name:<{width}}  {count:>5}" for name, count in counts.items()]
    unmarked = sum(1 for n in state.notes if n.verdict is None)
    if unmarked:
        lines.append(f"  {'(no verdict)':<{width}}  {unmarked:>5}")
    written = [n for n in state.notes if n.text.strip()]
    on_ranges = sum(1 for n in written if n.kind == RANGE)
    lines.append(
        f"Notes: {len(written)} ({len(written) - on_ranges} on passages, "
        f"{on_ranges} on ranges of text)"
    )
    lost = len(resolution.lost)
    lines.append(
        f"Lost: {_plural(lost, 'note or verdict', 'notes and verdicts')} whose words are no "
        "longer in the articles (kept in the session)"
        if lost
        else "Lost: 0"
    )
    return "\n".join(lines)
