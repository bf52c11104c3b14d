"""How sure the plan is, and what to measure first (DOMAIN.md, exactly).

Each friction point's monthly reach ``r`` has a range: its own low and high count when it
carries them, else one that follows its source (measured r/1.2 .. r x 1.2, estimated
r/2 .. r x 2, unknown r/10 .. r x 10). In each of 2,000 plausible worlds every friction
point's reach is drawn on its own, log-uniformly on its range, and the improvements are
ranked again. From those worlds: each improvement's P(top K) and rank range, and the plan's
stability. Moving one estimate alone to either end of its range tells whether it is
decisive and how far it swings the priorities: the measure-first order.

Only what a world changes is computed again: a world changes reaches, so it changes the
friction impacts F and the sums of the improvements linked to them; everything else (the
weights, the drops, the confidences, the efforts, the order of the ties) is read once. The
arithmetic of F, I and P is the plan's own, term for term, so a world whose reaches are the
planned ones ranks exactly as the plan does.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from statistics import median

import numpy as np

from ..model import Blueprint, Frequency, FrequencySource
from .friction import MONTHLY_FACTOR, FrictionScore
from .plan import Plan

WORLDS = 2000
DEFAULT_K = 3
DEFAULT_SEED = 20260
#: How far a reach may be off, by the source of its count: r / f .. r x f.
SPREAD: dict[FrequencySource, float] = {
    FrequencySource.MEASURED: 1.2,
    FrequencySource.ESTIMATED: 2.0,
    FrequencySource.UNKNOWN: 10.0,
}
#: The percentiles of the rank range.
RANK_PERCENTILES = (5.0, 95.0)
_CANDIDATE_SOURCES = (FrequencySource.ESTIMATED.value, FrequencySource.UNKNOWN.value)


class CertaintyCancelled(Exception):
    """The caller asked to stop (the document changed while the worlds were drawn)."""


@dataclass(frozen=True, slots=True)
class ReachRange:
    """The plausible monthly reach of one friction point."""

    low: float
    high: float
    own: bool  # the friction point's own low or high count, rather than its source's


@dataclass(frozen=True, slots=True)
class ImprovementCertainty:
    improvement_id: str
    rank: int  # in the plan
    p_top_k: float  # share of worlds where its rank is K or better
    rank_low: float  # 5th percentile of its rank over the worlds (the better end)
    rank_high: float  # 95th percentile


@dataclass(frozen=True, slots=True)
class NowChange:
    """Who joins and who leaves the Now wave (improvement ids, in plan order)."""

    joining: tuple[str, ...] = ()
    leaving: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.joining or self.leaving)


@dataclass(frozen=True, slots=True)
class MeasureFirst:
    """One estimated or unknown bad friction point behind an improvement."""

    friction_id: str
    title: str
    source: str
    reach: float  # r as planned
    range: ReachRange
    decisive: bool  # either end alone changes the top K or the Now wave
    swing: float  # largest |change in P| of a linked improvement over both ends
    improvement_ids: tuple[str, ...]  # the improvements it is behind, in plan order
    top_k_at_low: tuple[str, ...]  # the top K (ids, ranked) with its reach at the low end
    top_k_at_high: tuple[str, ...]
    now_at_low: NowChange  # how the Now wave changes with its reach at the low end
    now_at_high: NowChange


@dataclass(frozen=True, slots=True)
class Certainty:
    k: int
    worlds: int
    seed: int
    top_k: tuple[str, ...]  # the plan's top K, ranked
    stability: float  # share of worlds whose top K is the plan's set
    improvements: tuple[ImprovementCertainty, ...]  # in plan order
    measure_first: tuple[MeasureFirst, ...]
    ranges: dict[str, ReachRange]  # by friction id: the frictions behind any improvement

    @property
    def decisive(self) -> tuple[MeasureFirst, ...]:
        return tuple(m for m in self.measure_first if m.decisive)

    def of(self, improvement_id: str) -> ImprovementCertainty | None:
        for item in self.improvements:
            if item.improvement_id == improvement_id:
                return item
        return None


def reach_range(reach: float, frequency: Frequency) -> ReachRange:
    """The range of a reach: the friction point's own low and high count win (either end
    alone: the other follows the source)."""
    spread = SPREAD[frequency.source]
    factor = MONTHLY_FACTOR[frequency.per]
    low = reach / spread if frequency.low is None else frequency.low * factor
    high = reach * spread if frequency.high is None else frequency.high * factor
    own = frequency.low is not None or frequency.high is not None
    return ReachRange(min(low, high), max(low, high), own)


def percentile(ordered: Sequence[float], percent: float) -> float:
    """The percentile of sorted values, interpolating linearly between neighbours."""
    position, below, above = _neighbours(len(ordered), percent)
    return ordered[below] + (position - below) * (ordered[above] - ordered[below])


def _neighbours(count: int, percent: float) -> tuple[float, int, int]:
    """Where a percentile of ``count`` sorted values lies, and the places either side."""
    position = (count - 1) * percent / 100
    below = math.floor(position)
    return position, below, min(below + 1, count - 1)


class _Model:
    """The plan reduced to what a world can change: per friction its terms, per
    improvement its linked frictions, confidence and effort."""

    def __init__(self, plan: Plan) -> None:
        scores = plan.improvements
        self.ids = [s.improvement_id for s in scores]
        self.confidence = [s.confidence for s in scores]
        self.effort = [s.effort for s in scores]
        self.low_effort = [s.low_effort for s in scores]
        frictions: dict[str, FrictionScore] = {}
        for s in scores:
            for f in s.frictions:
                frictions.setdefault(f.friction_id, f)
        self.frictions = frictions
        self.links = [[f.friction_id for f in s.frictions] for s in scores]
        self.linked_to: dict[str, list[int]] = {}
        for index, links in enumerate(self.links):
            for fid in dict.fromkeys(links):
                self.linked_to.setdefault(fid, []).append(index)
        # The plan's order is its ranking key applied to the plan's own numbers; a world
        # breaks ties the same way: P, then I, then title and id (their order in ``order``).
        self.tie_order = sorted(
            range(len(scores)), key=lambda i: (scores[i].title.casefold(), scores[i].improvement_id)
        )
        self.may_tie = True  # until ``ranges_known``
        self.tie_position = {index: place for place, index in enumerate(self.tie_order)}
        self.base_impact = {fid: f.impact for fid, f in frictions.items()}
        self.planned_impact = [s.impact for s in scores]
        self.sorted_impact = sorted(self.planned_impact)
        self.planned_median = median(self.planned_impact) if scores else 0.0
        self.quick_candidates = sorted(
            (s.impact, i) for i, s in enumerate(scores) if s.low_effort and s.impact > 0
        )

    def ranges_known(self, plan: Plan, ranges: dict[str, ReachRange]) -> None:
        """Whether two improvements can have the same P and different I in a world: the
        reaches are drawn from continuous ranges, so only two whose P is the same function of
        them (the same friction points that move, the same confidence / effort) or two that
        nothing moves can. Two that address nothing have P = I = 0 in every world, in tie
        order whatever I does. When no two can, a world is ranked by P alone."""
        impact_of: dict[tuple, float | None] = {}
        self.may_tie = False
        for index, s in enumerate(plan.improvements):
            links = self.links[index]
            moving = tuple(sorted(f for f in links if ranges[f].low != ranges[f].high))
            if moving:  # the same P in a world, and maybe not the same I
                key, impact = (moving, s.confidence / s.effort), None
            elif not links:  # P = I = 0 in every world
                key, impact = ("nothing",), 0.0
            else:
                # The same P and I in every world, from the low ends of the ranges (which
                # need not be the plan's counts); to 9 digits, lest a last bit hide a tie.
                fixed = {f: self.impact(self.frictions[f], ranges[f].low) for f in links}
                key, impact = ("fixed", float(f"{self.scores(index, fixed)[0]:.9g}")), None
            if key in impact_of and (impact is None or impact_of[key] != impact):
                self.may_tie = True
                return
            impact_of[key] = impact

    @staticmethod
    def impact(f: FrictionScore, reach: float) -> float:
        # F = r x severity x w x (1 + d), multiplied in the plan's order.
        return reach * f.severity * f.weight * (1 + f.drop)

    def scores(self, index: int, impacts: dict[str, float]) -> tuple[float, float]:
        """(P, I) of one improvement, given the friction impacts."""
        impact = self.confidence[index] * sum(impacts[fid] for fid in self.links[index])
        return impact / self.effort[index], impact

    def now_moves(
        self, impact: Sequence[float], moved: Iterable[int]
    ) -> tuple[list[int], list[int]]:
        """Who joins and who leaves the Now wave (quick wins: low effort, I > 0 and I >= the
        median I), in the plan's order, when only the impacts of ``moved`` differ from the
        plan's (``impact`` holds the plan's for the others)."""
        moved = set(moved)
        middle = self._median_moved(impact, moved)
        was = self.planned_median
        sides = [
            i
            for i in moved
            if self._quick(self.planned_impact[i], i, was) != self._quick(impact[i], i, middle)
        ]
        if middle != was:
            # Others change sides only when their I lies between the old and the new median.
            low, high = min(was, middle), max(was, middle)
            keys = self.quick_candidates
            for place in range(bisect_left(keys, (low, -1)), len(keys)):
                value, i = keys[place]
                if value > high:
                    break
                if i not in moved and self._quick(value, i, was) != self._quick(value, i, middle):
                    sides.append(i)
        sides.sort()
        joining = [i for i in sides if self._quick(impact[i], i, middle)]
        return joining, [i for i in sides if i not in joining]

    def _quick(self, value: float, index: int, middle: float) -> bool:
        return self.low_effort[index] and value > 0 and value >= middle

    def _median_moved(self, impact: Sequence[float], moved: set[int]) -> float:
        """The median I (as statistics.median computes it, which the plan uses) when only the
        impacts of ``moved`` differ from the plan's, without a copy of the sorted impacts:
        one per end of every candidate friction point made measure_first quadratic."""
        values = _Replaced(
            self.sorted_impact,
            sorted(self.planned_impact[i] for i in moved),
            sorted(impact[i] for i in moved),
        )
        n = len(self.sorted_impact)
        if n % 2 == 1:
            return values.kth(n // 2)
        return (values.kth(n // 2 - 1) + values.kth(n // 2)) / 2


class _Replaced:
    """A sorted list with some of its values taken out and as many others put in, read by
    place without being built."""

    def __init__(self, base: Sequence[float], out: list[float], into: list[float]) -> None:
        """``out`` (values of ``base``) and ``into`` sorted."""
        self.base, self.out, self.into = base, out, into
        # The places in ``base`` of the values taken out (equal ones side by side), ascending.
        self.gaps: list[int] = []
        for value in out:
            place = bisect_left(base, value)
            if self.gaps and self.gaps[-1] >= place:  # a value equal to the one before
                place = self.gaps[-1] + 1
            self.gaps.append(place)

    def kth(self, k: int) -> float:
        """The value at place ``k`` (from 0) of the list sorted again."""
        # The i-th value put in comes after the i before it and every value kept at most it.
        before = 0
        for i, value in enumerate(self.into):
            place = bisect_right(self.base, value) - bisect_right(self.out, value) + i
            if place == k:
                return value
            if place > k:
                break
            before += 1
        return self._kept(k - before)

    def _kept(self, j: int) -> float:
        """The j-th value (from 0) of ``base`` that was not taken out."""
        skipped = 0
        for gap in self.gaps:
            if gap > j + skipped:
                break
            skipped += 1
        return self.base[j + skipped]


def plan_certainty(
    bp: Blueprint,
    plan: Plan,
    k: int = DEFAULT_K,
    seed: int = DEFAULT_SEED,
    worlds: int = WORLDS,
    cancelled: Callable[[], bool] | None = None,
) -> Certainty:
    """How sure ``plan`` (built from ``bp``) is: see the module's docstring.

    ``cancelled`` is asked now and then; when it says yes, ``CertaintyCancelled`` is raised.
    """
    frequencies = {f.id: f.frequency for f in bp.frictions}
    return certainty_of(plan, frequencies, k, seed, worlds, cancelled)


def certainty_of(
    plan: Plan,
    frequencies: Mapping[str, Frequency],
    k: int = DEFAULT_K,
    seed: int = DEFAULT_SEED,
    worlds: int = WORLDS,
    cancelled: Callable[[], bool] | None = None,
) -> Certainty:
    """``plan_certainty`` from the plan and its friction points' frequencies by id (the
    editor hands a thread copies of these, not the blueprint it goes on editing)."""
    if k < 1:
        raise ValueError("K must be at least 1")
    if worlds < 1:
        raise ValueError("there must be at least one world")
    stop = cancelled or (lambda: False)
    model = _Model(plan)
    ranges = {fid: reach_range(f.reach, frequencies[fid]) for fid, f in model.frictions.items()}
    model.ranges_known(plan, ranges)
    count, places, stable = _World(model, ranges, k).run(seed, worlds, stop)
    improvements = tuple(
        ImprovementCertainty(
            improvement_id,
            index + 1,
            count[index] / worlds,
            *(1 + end for end in ends),
        )
        for index, (improvement_id, ends) in enumerate(
            zip(model.ids, _rank_ranges(places), strict=True)
        )
    )
    return Certainty(
        k=k,
        worlds=worlds,
        seed=seed,
        top_k=tuple(model.ids[:k]),
        stability=stable / worlds,
        improvements=improvements,
        measure_first=measure_first(model, plan, ranges, k, stop),
        ranges=ranges,
    )


def _rank_ranges(places: np.ndarray) -> list[tuple[float, float]]:
    """Per improvement (a row of ``places``: its place in every world) the percentiles of
    ``RANK_PERCENTILES``, as ``percentile`` computes them on the sorted row: only the order
    statistics they read are found (a partition, not a sort)."""
    spots = [_neighbours(places.shape[1], percent) for percent in RANK_PERCENTILES]
    kth = sorted({index for _, below, above in spots for index in (below, above)})
    ordered = np.partition(places, kth, axis=1)
    columns = [
        (ordered[:, below] + (position - below) * (ordered[:, above] - ordered[:, below])).tolist()
        for position, below, above in spots
    ]
    return list(zip(*columns, strict=True))


#: Worlds drawn and ranked together, at most: enough for numpy to pay.
BLOCK = 250
#: Reaches drawn at once, at most (each array of a block is 8 bytes a reach): 16 MB, so a
#: 60,000-friction blueprint draws 33 worlds at a time rather than all 2,000 (a gigabyte).
BLOCK_REACHES = 2_000_000


class _World:
    """The worlds, drawn and ranked a block at a time with numpy.

    A reach is ``low x (high / low)^u`` (log-uniform) or ``low + (high - low) u`` for a range
    from 0, u uniform on [0, 1) from a PCG64 stream seeded with the seed. F, the sums of
    I (added link by link, in the plan's order: the plan's own sequence of additions) and
    P = I / effort are the plan's arithmetic in IEEE doubles, so a world whose reaches are
    the planned ones ranks exactly as the plan does.

    The improvements are held in the order their ties are broken (title, id), so that a
    stable sort by P alone ranks a world whose P are all different.
    """

    def __init__(self, model: _Model, ranges: dict[str, ReachRange], k: int) -> None:
        self.model = model
        self.k = k
        fids = list(model.frictions)
        column = {fid: i for i, fid in enumerate(fids)}
        scores = [model.frictions[fid] for fid in fids]
        low = np.array([ranges[fid].low for fid in fids], dtype=float)
        high = np.array([ranges[fid].high for fid in fids], dtype=float)
        self.fixed = low == high
        self.logarithmic = (low > 0) & ~self.fixed
        self.low = low
        with np.errstate(divide="ignore", invalid="ignore"):
            self.ratio = np.where(self.logarithmic, high / np.where(low > 0, low, 1), 1.0)
        self.width = high - low
        # F = r x severity x w x (1 + d), multiplied in the plan's order.
        self.severity = np.array([f.severity for f in scores], dtype=float)
        self.weight = np.array([f.weight for f in scores], dtype=float)
        self.lift = np.array([1 + f.drop for f in scores], dtype=float)
        # Rows in tie order: row ``place`` is the improvement ``tie_order[place]``.
        self.tie_order = np.array(model.tie_order, dtype=np.intp)
        # The links as passes: pass j adds each improvement's j-th linked friction point, so
        # each sum is made link by link as the plan makes it (the rows that have one, its column).
        longest = max((len(links) for links in model.links), default=0)
        table = np.full((longest, len(model.links)), -1, dtype=np.intp)
        for place, index in enumerate(model.tie_order):
            links = model.links[index]
            table[: len(links), place] = [column[fid] for fid in links]
        self.links = [(np.flatnonzero(row >= 0), row[row >= 0]) for row in table]
        self.confidence = np.array(model.confidence, dtype=float)[self.tie_order, None]
        self.effort = np.array(model.effort, dtype=float)[self.tie_order, None]

    def run(
        self, seed: int, worlds: int, stop: Callable[[], bool]
    ) -> tuple[list[int], np.ndarray, int]:
        """Per improvement the worlds that rank it K or better and its place (rank - 1) in
        every world (a row per improvement); and the worlds that keep the plan's top K."""
        size = len(self.model.ids)
        if size == 0:
            return [], np.zeros((0, worlds), dtype=np.intp), worlds
        rng = np.random.Generator(np.random.PCG64(seed))
        places = np.empty((worlds, size), dtype=np.intp)
        count = np.zeros(size, dtype=np.int64)
        stable = 0
        k = min(self.k, size)
        step = max(1, min(BLOCK, BLOCK_REACHES // max(1, len(self.low))))
        for start in range(0, worlds, step):
            if stop():
                raise CertaintyCancelled
            block = min(step, worlds - start)
            order = self._ranked(*self._scores(rng, block))  # (block, size): who is at a place
            top = order[:, :k]
            count += np.bincount(top.ravel(), minlength=size)
            # The top K is the plan's when its K improvements are the plan's first K.
            stable += int(np.count_nonzero(top.max(axis=1) < k))
            np.put_along_axis(places[start : start + block], order, np.arange(size), axis=1)
        return count.tolist(), np.ascontiguousarray(places.T), stable

    def _scores(self, rng: np.random.Generator, block: int) -> tuple[np.ndarray, np.ndarray]:
        """(P, I) of every improvement (a row each, in tie order) in each of ``block`` worlds."""
        u = rng.random((len(self.low), block))
        logarithmic = self.low[:, None] * self.ratio[:, None] ** u
        if self.logarithmic.all():
            reach = logarithmic
        else:
            reach = np.where(
                self.logarithmic[:, None], logarithmic, self.low[:, None] + self.width[:, None] * u
            )
            reach[self.fixed] = self.low[self.fixed, None]
        impacts = reach  # multiplied in place, in the order of F's factors
        impacts *= self.severity[:, None]
        impacts *= self.weight[:, None]
        impacts *= self.lift[:, None]
        total = np.zeros((len(self.tie_order), block))
        for rows, columns in self.links:
            total[rows] += impacts[columns]
        impact = self.confidence * total
        return impact / self.effort, impact

    def _ranked(self, priority: np.ndarray, impact: np.ndarray) -> np.ndarray:
        """The improvements of each world (a row each), best first: by P, then I, then in
        tie order. A stable sort by P alone does it unless two equal P have different I."""
        priority = np.ascontiguousarray(priority.T)
        order = np.argsort(-priority, axis=1, kind="stable")
        if not self.model.may_tie:
            return self.tie_order[order]
        ranked = np.take_along_axis(priority, order, 1)
        tied = ranked[:, 1:] == ranked[:, :-1]
        if tied.any():
            impact = np.ascontiguousarray(impact.T)
            impacts = np.take_along_axis(impact, order, 1)
            if (tied & (impacts[:, 1:] != impacts[:, :-1])).any():  # I decides a tie in P
                by_impact = np.argsort(-impact, axis=1, kind="stable")
                again = np.argsort(
                    -np.take_along_axis(priority, by_impact, 1), axis=1, kind="stable"
                )
                order = np.take_along_axis(by_impact, again, 1)
        return self.tie_order[order]


def measure_first(
    model: _Model,
    plan: Plan,
    ranges: dict[str, ReachRange],
    k: int,
    stop: Callable[[], bool] = lambda: False,
) -> tuple[MeasureFirst, ...]:
    """The estimated and unknown bad friction points behind any improvement: decisive ones
    first, then by swing (largest first), then by title, then id."""
    impacts = dict(model.base_impact)
    base = [model.scores(i, impacts) for i in range(len(model.ids))]
    base_priority = [p for p, _ in base]
    base_impact = [i for _, i in base]
    planned_top = set(model.ids[:k])
    found = []
    for fid, f in model.frictions.items():
        if f.source not in _CANDIDATE_SOURCES:
            continue
        if stop():
            raise CertaintyCancelled
        linked = model.linked_to[fid]
        tops, nows = [], []
        swing = 0.0
        decisive = False
        for reach in (ranges[fid].low, ranges[fid].high):
            impacts[fid] = model.impact(f, reach)
            # Only the linked improvements move: their (P, I) over the plan's, never a copy
            # of every improvement's (that made this quadratic on a large plan).
            priority, impact = _Moved(base_priority), _Moved(base_impact)
            for index in linked:
                priority[index], impact[index] = model.scores(index, impacts)
                swing = max(swing, abs(priority[index] - base_priority[index]))
            top = [model.ids[i] for i in _top(model, priority, impact, linked, k)]
            tops.append(tuple(top))
            joining, leaving = model.now_moves(impact, linked)
            nows.append(NowChange(_ids(model, joining), _ids(model, leaving)))
            decisive = decisive or set(top) != planned_top or bool(nows[-1])
        impacts[fid] = model.base_impact[fid]
        found.append(
            MeasureFirst(
                fid,
                f.title,
                f.source,
                f.reach,
                ranges[fid],
                decisive,
                swing,
                _ids(model, linked),
                tops[0],
                tops[1],
                nows[0],
                nows[1],
            )
        )
    # Swings equal to 9 significant digits are a tie: (10 + 20) / 3 - 20 / 3 and
    # 20 / 3 - 10 / 3 are the same swing, whatever their last bits.
    found.sort(
        key=lambda m: (not m.decisive, -float(f"{m.swing:.9g}"), m.title.casefold(), m.friction_id)
    )
    return tuple(found)


def _ids(model: _Model, indices: Iterable[int]) -> tuple[str, ...]:
    return tuple(model.ids[i] for i in indices)


class _Moved(dict):
    """A list of the plan's values with a few of them changed: the changed ones are held,
    the rest read from the plan's list."""

    def __init__(self, base: Sequence[float]) -> None:
        super().__init__()
        self.base = base

    def __missing__(self, index: int) -> float:
        return self.base[index]


def _top(
    model: _Model,
    priority: Sequence[float],
    impact: Sequence[float],
    changed: Iterable[int],
    k: int,
) -> list[int]:
    """The top K when only ``changed`` moved: the best of them and of the first K others in
    the plan's order (which is ranked)."""
    moved = set(changed)
    others = islice((i for i in range(len(model.ids)) if i not in moved), k)
    tie = model.tie_position
    contenders = sorted([*others, *moved], key=lambda i: (-priority[i], -impact[i], tie[i]))
    return contenders[:k]
