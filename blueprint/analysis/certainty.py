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
from bisect import bisect_left, insort
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
    position = (len(ordered) - 1) * percent / 100
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (position - below) * (ordered[above] - ordered[below])


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
        """Whether two improvements can have the same P in a world: the reaches are drawn
        from continuous ranges, so only two whose P is the same function of them (the same
        friction points that move, the same confidence / effort) or two that nothing moves
        can. When none can, a world is ranked by P alone."""
        seen = set()
        self.may_tie = False
        for index, s in enumerate(plan.improvements):
            moving = tuple(sorted(f for f in self.links[index] if ranges[f].low != ranges[f].high))
            key = (moving, s.confidence / s.effort) if moving else ("fixed", s.priority)
            if key in seen:
                self.may_tie = True
                return
            seen.add(key)

    @staticmethod
    def impact(f: FrictionScore, reach: float) -> float:
        # F = r x severity x w x (1 + d), multiplied in the plan's order.
        return reach * f.severity * f.weight * (1 + f.drop)

    def scores(self, index: int, impacts: dict[str, float]) -> tuple[float, float]:
        """(P, I) of one improvement, given the friction impacts."""
        impact = self.confidence[index] * sum(impacts[fid] for fid in self.links[index])
        return impact / self.effort[index], impact

    def ranked(self, priority: Sequence[float], impact: Sequence[float]) -> list[int]:
        # Stable sorts compose: the last key is the first. Reverse keeps ties in order.
        order = self.tie_order
        if self.may_tie and len(set(priority)) < len(priority):  # a tie in P: I decides it
            order = sorted(order, key=impact.__getitem__, reverse=True)
        return sorted(order, key=priority.__getitem__, reverse=True)

    def now_changes(self, impact: Sequence[float], moved: Iterable[int]) -> bool:
        """Whether the Now wave (quick wins: low effort, I > 0 and I >= the median I) differs
        from the plan's when only the impacts of ``moved`` differ from the plan's."""
        moved = set(moved)
        values = list(self.sorted_impact)
        for i in moved:
            del values[bisect_left(values, self.planned_impact[i])]
            insort(values, impact[i])
        middle = _median_of_sorted(values)
        was = self.planned_median
        for i in moved:
            if self._quick(self.planned_impact[i], i, was) != self._quick(impact[i], i, middle):
                return True
        if middle == was:
            return False
        # Others change sides only when their I lies between the old and the new median.
        low, high = min(was, middle), max(was, middle)
        keys = self.quick_candidates
        start = bisect_left(keys, (low, -1))
        for value, i in keys[start:]:
            if value > high:
                break
            if i not in moved and self._quick(value, i, was) != self._quick(value, i, middle):
                return True
        return False

    def _quick(self, value: float, index: int, middle: float) -> bool:
        return self.low_effort[index] and value > 0 and value >= middle


def _median_of_sorted(values: Sequence[float]) -> float:
    # As statistics.median computes it, which the plan uses.
    n = len(values)
    if n % 2 == 1:
        return values[n // 2]
    return (values[n // 2 - 1] + values[n // 2]) / 2


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
            *(1 + low_high for low_high in _rank_range(places[index])),
        )
        for index, improvement_id in enumerate(model.ids)
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


def _rank_range(places: np.ndarray) -> tuple[float, ...]:
    ordered = np.sort(places).tolist()
    return tuple(percentile(ordered, p) for p in RANK_PERCENTILES)


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
        # Links as a table: row j holds each improvement's j-th friction column (-1: none).
        longest = max((len(links) for links in model.links), default=0)
        self.links = np.full((longest, len(model.links)), -1, dtype=np.intp)
        for index, links in enumerate(model.links):
            self.links[: len(links), index] = [column[fid] for fid in links]
        self.confidence = np.array(model.confidence, dtype=float)[:, None]
        self.effort = np.array(model.effort, dtype=float)[:, None]
        # Rows in the order ties are broken (title, id); a stable sort keeps that order.
        self.tie_order = np.array(model.tie_order, dtype=np.intp)

    def run(
        self, seed: int, worlds: int, stop: Callable[[], bool]
    ) -> tuple[list[int], np.ndarray, int]:
        """Per improvement the worlds that rank it K or better and its place (rank - 1)
        in every world; and the worlds that keep the plan's top K."""
        size = len(self.model.ids)
        if size == 0:
            return [], np.zeros((0, worlds)), worlds
        rng = np.random.Generator(np.random.PCG64(seed))
        places = np.empty((size, worlds), dtype=np.intp)
        count = np.zeros(size, dtype=np.int64)
        stable = 0
        k = min(self.k, size)
        step = max(1, min(BLOCK, BLOCK_REACHES // max(1, len(self.low))))
        for start in range(0, worlds, step):
            if stop():
                raise CertaintyCancelled
            block = min(step, worlds - start)
            priority, impact = self._scores(rng, block)
            order = self._ranked(priority, impact)  # (size, block): improvement at each place
            top = order[:k]
            np.add.at(count, top.ravel(), 1)
            # The top K is the plan's when its K improvements are the plan's first K.
            stable += int(np.count_nonzero(top.max(axis=0) < k))
            rows = places[:, start : start + block]
            np.put_along_axis(rows, order, np.arange(size)[:, None], axis=0)
        return count.tolist(), places, stable

    def _scores(self, rng: np.random.Generator, block: int) -> tuple[np.ndarray, np.ndarray]:
        u = rng.random((len(self.low), block))
        reach = np.where(
            self.logarithmic[:, None],
            self.low[:, None] * self.ratio[:, None] ** u,
            self.low[:, None] + self.width[:, None] * u,
        )
        reach[self.fixed] = self.low[self.fixed, None]
        impacts = reach * self.severity[:, None] * self.weight[:, None] * self.lift[:, None]
        total = np.zeros((self.links.shape[1], block))
        for row in self.links:
            linked = row >= 0
            total[linked] += impacts[row[linked]]
        impact = self.confidence * total
        return impact / self.effort, impact

    def _ranked(self, priority: np.ndarray, impact: np.ndarray) -> np.ndarray:
        # Stable sorts compose: the last key is the first; the rows start in tie order.
        order = np.broadcast_to(self.tie_order[:, None], priority.shape)
        if self.model.may_tie:  # a tie in P: I decides it
            by_impact = np.argsort(-np.take_along_axis(impact, order, 0), axis=0, kind="stable")
            order = np.take_along_axis(order, by_impact, 0)
        by_priority = np.argsort(-np.take_along_axis(priority, order, 0), axis=0, kind="stable")
        return np.take_along_axis(order, by_priority, 0)


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
        tops = []
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
            decisive = decisive or set(top) != planned_top or model.now_changes(impact, linked)
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
                tuple(model.ids[i] for i in linked),
                tops[0],
                tops[1],
            )
        )
    # Swings equal to 9 significant digits are a tie: (10 + 20) / 3 - 20 / 3 and
    # 20 / 3 - 10 / 3 are the same swing, whatever their last bits.
    found.sort(
        key=lambda m: (not m.decisive, -float(f"{m.swing:.9g}"), m.title.casefold(), m.friction_id)
    )
    return tuple(found)


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
