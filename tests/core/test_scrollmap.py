"""The pure scroll mapping: monotone chain, interpolation, Meld's sync point."""

import itertools

from viewer.core.chain import link_segments, monotone_chain
from viewer.core.compare import compare
from viewer.core.scrollmap import FollowMap, Geometry, sync_fraction

from .helpers import seed


def test_moved_passage_is_left_out_of_the_chain() -> None:
    in_order = [(0, 100, 0, 100), (200, 300, 250, 350)]
    moved = (400, 420, 10, 30)  # late in A, early in B
    assert monotone_chain([*in_order, moved]) == in_order


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
    ((a0, _, b0, _),) = chain
    assert (a0, b0) == (start_000, start_004)  # the block starts there in both


def shared_throughout(height: float) -> list[tuple[float, float, float, float]]:
    """A follower with the leader's text 1:1, one segment per 20 px line."""
    return [(y, y + 20.0, y, y + 20.0) for y in range(0, int(height), 20)]


def test_sync_point_top_middle_bottom() -> None:
    assert sync_fraction(0, 100, 1000) == 0.0
    assert sync_fraction(450, 100, 1000) == 0.5
    assert sync_fraction(900, 100, 1000) == 1.0
    assert sync_fraction(25, 100, 1000) == 0.25
    assert sync_fraction(0, 100, 50) == 0.0
    # Over text the follower shares 1:1 the pair's sync point is Meld's.
    leader = Geometry(1000, 100)
    curve = FollowMap.build(shared_throughout(1000), leader, Geometry(1000, 100)).sync
    for top in (0, 25, 50, 450, 850, 875, 900):
        assert abs(curve(top) - sync_fraction(top, 100, 1000) * 100) < 1e-6


def test_sync_point_reaches_the_bottom_of_a_short_article() -> None:
    # 1.3 screens: the bottom rule must apply (the old order of checks never got there).
    assert sync_fraction(30, 100, 130) == 1.0
    assert sync_fraction(15, 100, 130) == 0.5
    lines = [t + sync_fraction(t, 100, 130) * 100 for t in range(31)]
    assert lines == sorted(lines) and lines[0] == 0 and lines[-1] == 130
    curve = FollowMap.build(shared_throughout(130), Geometry(130, 100), Geometry(130, 100)).sync
    lines = [curve.line(t) for t in range(31)]
    assert lines == sorted(lines) and lines[0] == 0 and abs(lines[-1] - 130) < 1e-6
    assert abs(curve(15) - 50) < 1e-6


def level_errors(mapping: FollowMap, chain: list, leader: Geometry) -> list[float]:  # type: ignore[type-arg]
    """For each leader top whose sync line lies in a segment: follower line minus leader line."""
    errors = []
    for top in range(0, int(leader.span) + 1, 5):
        line = mapping.sync.line(top)
        for a0, a1, b0, b1 in chain:
            if a0 <= line < a1:
                counterpart = b0 + (b1 - b0) * (line - a0) / (a1 - a0)
                errors.append((counterpart - mapping(top)) - (line - top))
    return errors


def test_follower_is_level_and_gets_room_when_its_copy_stands_at_its_top() -> None:
    leader, follower = Geometry(2000, 500), Geometry(900, 500)
    chain = [(1500.0, 1900.0, 40.0, 440.0)]  # the leader's copy at its end, the follower's first
    mapping = FollowMap.build(chain, leader, follower)
    errors = level_errors(mapping, chain, leader)
    assert errors and max(abs(e) for e in errors) < 1e-6
    before, _ = mapping.room(follower)
    assert before > 0  # it must stand above its first line
    tops = [mapping(t) for t in range(0, 1501)]
    assert tops == sorted(tops)
    assert min(tops) >= -before - 1e-6


def test_sync_point_holds_still_over_text_the_follower_lacks() -> None:
    # 400 px of the leader's own inside its first page and inside its last one.
    leader, follower = Geometry(3000, 600), Geometry(2200, 600)
    chain = [(0.0, 200.0, 0.0, 200.0), (600.0, 2400.0, 200.0, 2000.0)]
    chain.append((2800.0, 3000.0, 2000.0, 2200.0))
    mapping = FollowMap.build(chain, leader, follower)
    curve = mapping.sync
    lines = [curve.line(t) for t in range(0, 2401)]
    assert lines == sorted(lines) and lines[0] == 0 and abs(lines[-1] - 3000) < 1e-6
    still = 0
    own = ((200, 600), (2400, 2800))  # the leader's own text
    for t, line in enumerate(lines[1:], 1):
        if any(start <= lines[t - 1] and line <= stop for start, stop in own):
            assert abs(curve(t) - curve(t - 1)) < 1e-9, f"moved down the screen at {t}"
            still += 1
    assert still >= 800  # both stretches passed the sync point, one pixel per pixel
    assert abs(curve(1200) - 300) < 1e-6  # the middle in between, the bottom at the end
    assert abs(curve(2400) - 600) < 1e-6
    tops = [mapping(t) for t in range(0, 2401)]
    assert all(b >= a for a, b in itertools.pairwise(tops))
    errors = level_errors(mapping, chain, leader)
    assert len(errors) > 200 and max(abs(e) for e in errors) < 1e-6


def test_follower_never_moves_back_and_splits_a_conflict_it_cannot_avoid() -> None:
    # The leader's 2,800 px of its own between two short passages: too little shared text
    # to carry the sync point from top to bottom, so Meld's is kept and the follower's
    # shortfall is split between the two passages.
    leader, follower = Geometry(3000, 600), Geometry(800, 600)
    chain = [(0.0, 100.0, 0.0, 100.0), (2900.0, 3000.0, 100.0, 200.0)]
    mapping = FollowMap.build(chain, leader, follower)
    tops = [mapping(t) for t in range(0, 2401)]
    assert all(b >= a for a, b in itertools.pairwise(tops))
    errors = level_errors(mapping, chain, leader)
    assert errors
    shortfall = 600 - 0  # how far the sync point moves down the screen between them
    assert max(abs(e) for e in errors) <= shortfall / 2 + 1
    assert max(abs(e) for e in errors) >= shortfall / 4  # a conflict it could not avoid


def test_a_leader_that_fits_on_screen_shows_its_longest_passage_level() -> None:
    mapping = FollowMap.build([(300.0, 400.0, 50.0, 150.0)], Geometry(450, 600), Geometry(500, 600))
    assert mapping(0) == -250.0


def test_chain_is_the_heaviest_in_order_and_fast_on_many_segments() -> None:
    import random

    rng = random.Random(3)
    segments = []
    for _ in range(60):
        a0, b0 = rng.randrange(0, 1000), rng.randrange(0, 1000)
        segments.append((a0, a0 + rng.randrange(1, 40), b0, b0 + rng.randrange(1, 40)))

    def weight(chain: list) -> float:  # type: ignore[type-arg]
        return sum((a1 - a0) + (b1 - b0) for a0, a1, b0, b1 in chain)

    def brute(items: list) -> float:  # type: ignore[type-arg]
        ordered = sorted(items)
        best = [0.0] * len(ordered)
        for i, (a0, a1, b0, b1) in enumerate(ordered):
            best[i] = (
                (a1 - a0)
                + (b1 - b0)
                + max(
                    [best[j] for j in range(i) if ordered[j][1] <= a0 and ordered[j][3] <= b0],
                    default=0.0,
                )
            )
        return max(best)

    chain = monotone_chain(segments)
    assert all(p[1] <= q[0] and p[3] <= q[2] for p, q in itertools.pairwise(chain))
    assert weight(chain) == brute(segments)
    many = [
        (float(i * 10), float(i * 10 + 8), float(i * 10), float(i * 10 + 8)) for i in range(20000)
    ]
    assert len(monotone_chain(many)) == 20000  # the old quadratic loop took minutes here
