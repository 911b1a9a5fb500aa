"""The pure scroll mapping: monotone chain, interpolation, Meld's sync point."""

from viewer.core.compare import compare
from viewer.core.scrollmap import ScrollMap, link_segments, monotone_chain, sync_fraction

from .helpers import seed


def test_moved_passage_is_left_out_of_the_chain() -> None:
    in_order = [(0, 100, 0, 100), (200, 300, 250, 350)]
    moved = (400, 420, 10, 30)  # late in A, early in B
    assert monotone_chain([*in_order, moved]) == in_order


def test_map_interpolates_inside_and_between_passages() -> None:
    scroll = ScrollMap.from_segments([(100, 200, 300, 500)], 1000, 2000)
    assert scroll.map(0) == 0
    assert scroll.map(50) == 150  # between start and the passage: 0→0 … 100→300
    assert scroll.map(150) == 400  # inside the passage: halfway through
    assert scroll.map(1000) == 2000
    assert scroll.inverse().map(400) == 150
    values = [scroll.map(x) for x in range(0, 1001, 7)]
    assert values == sorted(values)


def test_seed_chain_follows_the_reuters_block() -> None:
    a, b = seed("000"), seed("004")
    result = compare([a, b])
    segments = link_segments(result, 0, 1)
    assert len(segments) == 2
    chain = monotone_chain(segments)
    # The Reuters block (longest) is kept; the moved "traded blame" passage crosses it.
    assert len(chain) == 1
    start_000 = a.text.index("Chiefs of staff")
    start_004 = b.text.index("Chiefs of staff")
    scroll = ScrollMap.from_segments(chain, len(a.text), len(b.text))
    assert scroll.map(start_000) == start_004


def test_sync_point_top_middle_bottom() -> None:
    assert sync_fraction(0, 100, 1000) == 0.0
    assert sync_fraction(450, 100, 1000) == 0.5
    assert sync_fraction(900, 100, 1000) == 1.0
    assert sync_fraction(25, 100, 1000) == 0.25
    assert sync_fraction(0, 100, 50) == 0.0
