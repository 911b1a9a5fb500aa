"""Per-document coverage: carriers per character, changed ranges, passage lookup."""

from viewer.core.compare import compare
from viewer.core.coverage import changed_ranges, passage_at, shared_segments

from .helpers import doc

WIRE = "Chiefs of staff of the Russian and U.S. militaries held a telephone call on Wednesday."
EXTRA = "Similar calls between the top military officials have taken place occasionally this year."


def test_segments_count_carriers_where_passages_overlap() -> None:
    a = doc(f"{WIRE}\n\n{EXTRA}", "a.txt")
    b = doc(f"Intro from the desk.\n\n{WIRE}", "b.txt")
    c = doc(f"{WIRE}\n\n{EXTRA.replace('this year', 'last year')}", "c.txt")
    result = compare([a, b, c])
    segments = shared_segments(result, 0)
    carriers = [(a.text[s.start : s.end], sorted(s.others)) for s in segments]
    assert carriers[0] == (WIRE, [1, 2])
    assert carriers[-1][1] == [2] and carriers[-1][0].lstrip().startswith("Similar")
    assert [a.text[s:e] for s, e in changed_ranges(result, 0)] == ["this"]
    found = passage_at(result, 0, a.text.index("officials"))
    assert found is not None and found.docs == (0, 2)
    assert passage_at(result, 1, 0) is None
