"""Commands on a session's verdict list: pure functions from a state to a new state (core
layer; no Qt). Renaming a verdict renames it in every note; removing one that notes use is
refused unless the caller says where those notes go.
"""

from __future__ import annotations

from dataclasses import replace

from viewer.core.review import ReviewState, check_verdict_name


class VerdictInUse(ValueError):
    """A verdict that notes still use cannot simply be removed."""

    def __init__(self, name: str, count: int) -> None:
        noun = "note uses" if count == 1 else "notes use"
        super().__init__(f"{count} {noun} the verdict '{name}'")
        self.name = name
        self.count = count


def verdict_counts(state: ReviewState) -> dict[str, int]:
    """How many notes carry each verdict, in list order (zeros included)."""
    counts = dict.fromkeys(state.verdicts, 0)
    for note in state.notes:
        if note.verdict is not None:
            counts[note.verdict] += 1
    return counts


def _known(state: ReviewState, name: str) -> None:
    if name not in state.verdicts:
        raise KeyError(name)


def add_verdict(state: ReviewState, name: str, index: int | None = None) -> ReviewState:
    """Add a verdict (at ``index``, else last); ``ValueError`` if empty or already there."""
    name = check_verdict_name(name)
    if name in state.verdicts:
        raise ValueError(f"there is a verdict '{name}' already")
    verdicts = list(state.verdicts)
    verdicts.insert(len(verdicts) if index is None else index, name)
    return replace(state, verdicts=tuple(verdicts))


def rename_verdict(state: ReviewState, old: str, new: str) -> ReviewState:
    """Rename a verdict in the list and in every note that carries it."""
    _known(state, old)
    new = check_verdict_name(new)
    if new != old and new in state.verdicts:
        raise ValueError(f"there is a verdict '{new}' already")
    notes = tuple(replace(n, verdict=new) if n.verdict == old else n for n in state.notes)
    verdicts = tuple(new if v == old else v for v in state.verdicts)
    return replace(state, verdicts=verdicts, notes=notes)


def remove_verdict(
    state: ReviewState, name: str, *, move_to: str | None = None, clear: bool = False
) -> ReviewState:
    """Remove a verdict. If notes carry it: ``move_to`` gives them another verdict,
    ``clear=True`` leaves them without one (notes left empty are removed); otherwise
    ``VerdictInUse`` is raised and nothing changes."""
    _known(state, name)
    users = [n for n in state.notes if n.verdict == name]
    if users and move_to is None and not clear:
        raise VerdictInUse(name, len(users))
    if move_to is not None:
        _known(state, move_to)
        if move_to == name:
            raise ValueError("a removed verdict's notes need another verdict")
    notes = tuple(replace(n, verdict=move_to) if n.verdict == name else n for n in state.notes)
    verdicts = tuple(v for v in state.verdicts if v != name)
    return replace(state, verdicts=verdicts, notes=tuple(n for n in notes if not n.empty))


def move_verdict(state: ReviewState, name: str, index: int) -> ReviewState:
    """Put a verdict at position ``index`` of the list."""
    _known(state, name)
    verdicts = [v for v in state.verdicts if v != name]
    verdicts.insert(index, name)
    return replace(state, verdicts=tuple(verdicts))
