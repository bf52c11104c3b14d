"""How sure the plan is: ranges, plausible worlds, decisive frictions and what to measure
first, computed by hand on small blueprints (DOMAIN.md, "How sure the plan is")."""

import math
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint.analysis import Wave, build_plan
from blueprint.analysis import certainty as certainty_module
from blueprint.analysis.certainty import (
    CertaintyCancelled,
    NowChange,
    ReachRange,
    _Replaced,
    percentile,
    plan_certainty,
    reach_range,
)
from blueprint.analysis.friction import MONTHLY_FACTOR
from blueprint.model import (
    Blueprint,
    Channel,
    ChannelKind,
    Frequency,
    Friction,
    Improvement,
    Stage,
    Touchpoint,
)
from blueprint.storage import load_blueprint
from tests.strategies import blueprints


def blueprint(*rows) -> Blueprint:
    """One app touchpoint (step 4, no drop, weight 1); severity 1, so F = r.

    Each row: (improvement title, reach a month, source, effort), one friction each, named
    by the improvement's title in lower case; confidence 1.0, so I = r and P = r / effort.
    """
    frictions, improvements = [], []
    for title, reach, source, effort in rows:
        fid = title.lower()
        frictions.append(
            Friction(
                id=fid,
                title=fid,
                touchpoint_id="t1",
                severity=1,
                frequency=Frequency(count=reach, per="month", source=source),
            )
        )
        improvements.append(
            Improvement(
                id=f"i-{fid}", title=title, friction_ids=[fid], effort=effort, confidence=1.0
            )
        )
    return Blueprint(
        stages=[Stage(id="s1", name="Purchase")],
        channels=[Channel(id="app", name="App", kind=ChannelKind.SELF_SERVICE, step=4)],
        touchpoints=[Touchpoint(id="t1", title="Pay", stage_id="s1", channel_id="app")],
        frictions=frictions,
        improvements=improvements,
    )


def certainty(bp, **options):
    return plan_certainty(bp, build_plan(bp), **options)


def test_the_range_follows_the_source_and_a_friction_points_own_counts_win():
    assert reach_range(120, Frequency(count=120, source="measured")) == ReachRange(100, 144, False)
    assert reach_range(120, Frequency(count=120, source="estimated")) == ReachRange(60, 240, False)
    assert reach_range(120, Frequency(count=120, source="unknown")) == ReachRange(12, 1200, False)
    # Own counts are per the frequency's period (12 a week = 52 a month), and win.
    weekly = Frequency(count=12, per="week", source="unknown", low=6, high=24)
    assert reach_range(52, weekly) == ReachRange(6 * 52 / 12, 24 * 52 / 12, True)
    # One end given: the other follows the source.
    assert reach_range(100, Frequency(count=100, source="estimated", high=150)) == ReachRange(
        50, 150, True
    )


def test_percentiles_interpolate_linearly_between_ranks():
    assert percentile([1, 1, 2, 3], 5) == 1
    assert percentile([1, 1, 2, 3], 95) == pytest.approx(2.85)
    assert percentile([4], 95) == 4


def test_decisive_frictions_and_the_measure_first_order_by_hand():
    # Plan: A 100, B 60, C 40, D 10; top 2 {A, B}; median I 50, so Now = {A, B}.
    bp = blueprint(
        ("A", 100, "measured", 1),
        ("B", 60, "estimated", 1),
        ("C", 40, "unknown", 1),
        ("D", 10, "estimated", 1),
    )
    result = certainty(bp, k=2)
    first = {m.friction_id: m for m in result.measure_first}
    # a is measured: never a candidate.
    assert [m.friction_id for m in result.measure_first] == ["c", "b", "d"]
    # c at 400 leads: top 2 {C, A}. Swing: P 40 -> 400.
    assert first["c"].decisive and first["c"].swing == pytest.approx(360)
    assert first["c"].top_k_at_high == ("i-c", "i-a")
    assert first["c"].top_k_at_low == ("i-a", "i-b")
    # b at 30 falls below C: top 2 {A, C}. Swing: P 60 -> 120.
    assert first["b"].decisive and first["b"].swing == pytest.approx(60)
    assert first["b"].top_k_at_low == ("i-a", "i-c")
    # d between 5 and 20 moves neither the top 2 nor the median (50).
    assert not first["d"].decisive and first["d"].swing == pytest.approx(10)
    assert [m.friction_id for m in result.decisive] == ["c", "b"]


def test_a_friction_is_decisive_when_it_moves_only_the_now_wave():
    # A 100 (effort 1), X 80 (effort 3), E 40, C 30. Median I 60: Now = {A}. X at its low
    # end (40) drops the median to 40 and E joins the Now wave; the top 1 stays A.
    bp = blueprint(
        ("A", 100, "measured", 1),
        ("X", 80, "estimated", 3),
        ("E", 40, "measured", 1),
        ("C", 30, "measured", 1),
    )
    (x,) = certainty(bp, k=1).measure_first
    assert x.top_k_at_low == x.top_k_at_high == ("i-a",)
    assert x.decisive
    # Which end does it, and to whom: at 160 the median is 70 and the Now wave stays {A}.
    assert x.now_at_low == NowChange(joining=("i-e",), leaving=())
    assert x.now_at_high == NowChange(joining=(), leaving=())


def test_equal_swings_are_ordered_by_title_then_id():
    # Effort 3 everywhere: no quick wins, so only the top 1 (A, far ahead) could move.
    bp = blueprint(
        ("A", 1000, "measured", 3),
        ("Zeta", 10, "estimated", 3),
        ("alpha", 10, "estimated", 3),
    )
    bp.frictions.append(
        Friction(
            id="alpha-2",
            title="alpha",
            touchpoint_id="t1",
            severity=1,
            frequency=Frequency(count=10, source="estimated"),
        )
    )
    bp.improvements[2].friction_ids = ["alpha-2", "alpha"]
    found = certainty(bp, k=1).measure_first
    # Each swings P by 10 / 3 at its high end (10 -> 20 a month).
    assert [m.swing for m in found] == pytest.approx([10 / 3] * 3)
    assert [m.friction_id for m in found] == ["alpha", "alpha-2", "zeta"]
    assert not any(m.decisive for m in found)


def test_an_own_range_changes_the_draws_not_the_candidates():
    bp = blueprint(("A", 100, "measured", 1), ("B", 90, "measured", 1))
    bp.frictions[1].frequency.high = 500  # measured, with its own wide range
    result = certainty(bp, k=1)
    assert result.measure_first == ()
    assert 0 < result.stability < 1
    assert result.ranges["b"] == ReachRange(75, 500, True)


def test_rankings_that_cannot_cross_are_stable():
    # A's reach 83.3 .. 120 never meets B's 8.3 .. 12.
    result = certainty(blueprint(("A", 100, "measured", 1), ("B", 10, "measured", 1)), k=1)
    assert result.stability == 1
    assert [(i.p_top_k, i.rank_low, i.rank_high) for i in result.improvements] == [
        (1.0, 1, 1),
        (0.0, 2, 2),
    ]


def test_ties_in_every_world_break_as_the_plan_breaks_them():
    # The same friction behind two improvements: B has twice A's effort and confidence...
    bp = blueprint(("A", 100, "unknown", 1))
    bp.improvements.append(
        Improvement(id="i-b", title="B", friction_ids=["a"], effort=2, confidence=1.0)
    )
    bp.improvements[0].confidence = 0.5  # ... so P ties in every world, and B's I is larger.
    plan = build_plan(bp)
    assert [s.improvement_id for s in plan.improvements] == ["i-b", "i-a"]
    result = plan_certainty(bp, plan, k=1)
    assert result.stability == 1
    assert [i.p_top_k for i in result.improvements] == [1.0, 0.0]


def test_improvements_that_nothing_moves_keep_the_plans_order_in_every_world():
    # Counts with a range of zero width: nothing moves. A and B have the same P (100), B the
    # larger I, so B first; Y and Z address nothing (P = I = 0), so by title. X moves.
    bp = blueprint(("A", 100, "measured", 1), ("B", 200, "measured", 2), ("X", 50, "unknown", 1))
    for friction in bp.frictions[:2]:
        count = friction.frequency.count
        friction.frequency = Frequency(count=count, source="measured", low=count, high=count)
    for title in ("Z", "Y"):
        bp.improvements.append(Improvement(id=f"i-{title.lower()}", title=title, effort=1))
    plan = build_plan(bp)
    assert [s.title for s in plan.improvements] == ["B", "A", "X", "Y", "Z"]
    result = plan_certainty(bp, plan, k=2)
    ranks = {s.improvement_id: (i.rank_low, i.rank_high) for s, i in zip(
        plan.improvements, result.improvements, strict=True
    )}  # fmt: skip
    # X (50 / 10 .. 50 x 10 = 5 .. 500) passes A and B in some worlds, never Y or Z.
    assert ranks["i-y"] == (4, 4) and ranks["i-z"] == (5, 5)
    assert ranks["i-b"][0] == 1 and ranks["i-a"][0] == 2
    assert [i.p_top_k for i in result.improvements][3:] == [0.0, 0.0]
    assert result.improvements[0].p_top_k > result.improvements[1].p_top_k > 0


def test_fixed_ranges_away_from_the_counts_still_break_ties_by_i():
    # Own ranges of zero width away from the counts (0): in every world A has P = I = 5 and
    # B P = 5, I = 10, so B ranks before A, though the plan (P = I = 0 for both) has A first.
    bp = blueprint(("A", 0, "measured", 1), ("B", 0, "measured", 2), ("X", 50, "unknown", 1))
    bp.frictions[0].frequency = Frequency(count=0, source="measured", low=5, high=5)
    bp.frictions[1].frequency = Frequency(count=0, source="measured", low=10, high=10)
    plan = build_plan(bp)
    assert [s.title for s in plan.improvements] == ["X", "A", "B"]
    result = plan_certainty(bp, plan, k=1)
    ranks = {
        s.title: (i.rank_low, i.rank_high)
        for s, i in zip(plan.improvements, result.improvements, strict=True)
    }
    assert ranks == {"X": (1, 1), "B": (2, 2), "A": (3, 3)}


def test_ranking_by_p_alone_is_only_skipped_where_i_cannot_break_a_tie(monkeypatch):
    # Small plans full of ties (fixed reaches from a few values, a few efforts): the worlds
    # must rank exactly as when every block is checked for equal P with different I.
    rnd = random.Random(1)
    plans = []
    for _ in range(600):
        bp = blueprint(*[(f"F{i}", rnd.choice([0, 5, 10]), "estimated", 1) for i in range(4)])
        for f in bp.frictions:
            if rnd.random() < 0.6:
                v = rnd.choice([0, 5, 10, 20])
                f.frequency = Frequency(count=f.frequency.count, source="measured", low=v, high=v)
        fids = [f.id for f in bp.frictions]
        bp.improvements = [
            Improvement(
                id=f"i{j}",
                title=rnd.choice("AB"),
                friction_ids=rnd.sample(fids, rnd.randint(0, 2)),
                effort=rnd.choice([1, 2, 3]),
                confidence=rnd.choice([0.5, 1.0]),
            )
            for j in range(rnd.randint(2, 6))
        ]
        plans.append((bp, build_plan(bp)))
    found = [plan_certainty(bp, plan, k=2, worlds=20) for bp, plan in plans]

    ranges_known = certainty_module._Model.ranges_known

    def every_block_checked(self, plan, ranges):
        ranges_known(self, plan, ranges)
        self.may_tie = True

    monkeypatch.setattr(certainty_module._Model, "ranges_known", every_block_checked)
    assert found == [plan_certainty(bp, plan, k=2, worlds=20) for bp, plan in plans]


def test_the_same_seed_gives_the_same_worlds_and_another_seed_others(sample_path):
    bp = load_blueprint(sample_path)
    plan = build_plan(bp)
    one, again = plan_certainty(bp, plan), plan_certainty(bp, plan)
    other = plan_certainty(bp, plan, seed=7)
    assert one == again
    assert one.improvements != other.improvements
    assert one.measure_first == other.measure_first  # no draws in it
    assert one.worlds == 2000 and one.k == 3


def with_reach(bp: Blueprint, friction_id: str, reach: float) -> Blueprint:
    """``bp`` with one friction point's monthly reach set to ``reach`` (no range of its own)."""
    moved = bp.model_copy(deep=True)
    for f in moved.frictions:
        if f.id == friction_id:
            count = reach / MONTHLY_FACTOR[f.frequency.per]
            f.frequency = f.frequency.model_copy(update={"count": count, "low": None, "high": None})
    return moved


def test_the_now_wave_at_each_end_is_the_one_the_plan_makes_with_that_reach(sample_path):
    """Each end of each range played out by the plan itself: who joins and who leaves the
    Now wave (what the words under "Measure first" say), in the plan's order."""
    bp = load_blueprint(sample_path)
    plan = build_plan(bp)
    order = [s.improvement_id for s in plan.improvements]
    planned_now = {s.improvement_id for s in plan.waves[Wave.NOW]}
    result = plan_certainty(bp, plan)
    for item in result.measure_first:
        for end, said in ((item.range.low, item.now_at_low), (item.range.high, item.now_at_high)):
            moved = build_plan(with_reach(bp, item.friction_id, end))
            now = {s.improvement_id for s in moved.waves[Wave.NOW]}
            assert said == NowChange(
                joining=tuple(i for i in order if i in now - planned_now),
                leaving=tuple(i for i in order if i in planned_now - now),
            ), (item.title, end)
        assert item.decisive == (
            {*item.top_k_at_low} != {*result.top_k}
            or {*item.top_k_at_high} != {*result.top_k}
            or item.now_at_low != NowChange((), ())
            or item.now_at_high != NowChange((), ())
        )


def test_a_cancelled_run_stops():
    bp = blueprint(("A", 100, "unknown", 1), ("B", 90, "unknown", 1))
    with pytest.raises(CertaintyCancelled):
        certainty(bp, cancelled=lambda: True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blueprints())
def test_all_measured_with_zero_width_ranges_ranks_as_the_plan_in_every_world(bp):
    for f in bp.frictions:
        count = f.frequency.count
        f.frequency = Frequency(
            count=count, per=f.frequency.per, source="measured", low=count, high=count
        )
    plan = build_plan(bp)
    result = plan_certainty(bp, plan, worlds=50)
    assert result.stability == 1
    assert result.measure_first == ()
    for item, score in zip(result.improvements, plan.improvements, strict=True):
        assert item.p_top_k in (0.0, 1.0)
        assert item.p_top_k == (score.rank <= 3)
        assert item.rank_low == item.rank_high == score.rank


def _log_uniform(low: float, high: float) -> tuple[float, float]:
    return math.log(low), math.log(high)


def _exact_top(bounds: list[tuple[float, float]], who: int, k: int, steps=20000) -> float:
    """P(improvement ``who`` ranks k or better), k = 1 or 2 of three, by integrating over
    its ln F (uniform) the chance that the others fall below (k = 1) or not all above it."""

    def below(j, x):
        a, b = bounds[j]
        return min(1.0, max(0.0, (x - a) / (b - a)))

    a, b = bounds[who]
    others = [j for j in range(len(bounds)) if j != who]
    total = 0.0
    for step in range(steps):
        x = a + (b - a) * (step + 0.5) / steps
        if k == 1:
            total += math.prod(below(j, x) for j in others)
        else:  # not last: 1 - P(every other above)
            total += 1 - math.prod(1 - below(j, x) for j in others)
    return total / steps


@pytest.mark.parametrize("k", [1, 2])
def test_p_top_k_from_2000_worlds_agrees_with_exact_integration(k):
    # Three improvements, one friction each: F = r, ln r uniform on its range.
    bp = blueprint(("A", 100, "estimated", 1), ("B", 80, "unknown", 1), ("C", 60, "estimated", 1))
    result = certainty(bp, k=k)
    bounds = [
        _log_uniform(100 / 2, 100 * 2),
        _log_uniform(80 / 10, 80 * 10),
        _log_uniform(60 / 2, 60 * 2),
    ]
    # 2,000 draws: the standard error of a share is at most 0.5 / sqrt(2000) = 0.011;
    # the tolerance is four of them.
    for who, item in enumerate(result.improvements):
        assert item.p_top_k == pytest.approx(_exact_top(bounds, who, k), abs=0.045)


@given(
    base=st.lists(st.sampled_from([0.0, 1.0, 2.5, 2.5, 3.0, 7.0, 1e9]), min_size=1, max_size=12),
    data=st.data(),
)
def test_a_median_with_some_impacts_moved_is_the_median_of_the_list_sorted_again(base, data):
    # measure_first reads the plan's median I with one friction point's improvements moved
    # without rebuilding the sorted list: it must be the very same float.
    base = sorted(base)
    out = data.draw(st.lists(st.sampled_from(range(len(base))), unique=True, max_size=len(base)))
    into = data.draw(
        st.lists(
            st.sampled_from([0.0, 1.0, 2.5, 4.0, 7.0, 8.0, 1e12]),
            min_size=len(out),
            max_size=len(out),
        )
    )
    removed = sorted(base[i] for i in out)
    rebuilt = sorted([v for i, v in enumerate(base) if i not in out] + into)
    replaced = _Replaced(base, removed, sorted(into))
    assert [replaced.kth(k) for k in range(len(base))] == rebuilt
