"""Properties of the plan on any blueprint: what the fast paths of build_plan must keep.

build_plan reads each touchpoint once, weighs each distinct list of personas once, builds
its friction scores from positional arguments and ranks before it builds the improvement
scores; these tests hold its results to the plain definitions, and to a blueprint edited in
place as the editor edits it (no result may be kept from a previous call).
"""

from statistics import fmean

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint.analysis import Wave, build_plan, monthly_reach, segment_weight, summarise_epic
from blueprint.analysis.epic import LETTERS, EpicTally, TouchpointEpic
from blueprint.analysis.plan import applies_to
from blueprint.model import Blueprint, Epic, FrictionNature, Touchpoint
from tests.strategies import blueprints, maybe_score

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def personas_in_scope(bp: Blueprint) -> list[str | None]:
    return [None, *(p.id for p in bp.personas)]


@SETTINGS
@given(blueprints())
def test_epic_of_each_stage_and_channel_summarises_its_own_touchpoints(bp):
    for persona_id in personas_in_scope(bp):
        plan = build_plan(bp, persona_id)
        touchpoints = [t for t in bp.touchpoints if applies_to(t.persona_ids, persona_id)]
        assert plan.epic_overall == summarise_epic(touchpoints)
        assert list(plan.epic_by_stage) == [s.id for s in bp.stages]
        for stage in bp.stages:
            mine = [t for t in touchpoints if t.stage_id == stage.id]
            assert plan.epic_by_stage[stage.id] == summarise_epic(mine)
        assert list(plan.epic_by_channel) == [c.id for c in bp.channels]
        for channel in bp.channels:
            mine = [t for t in touchpoints if t.channel_id == channel.id]
            assert plan.epic_by_channel[channel.id] == summarise_epic(mine)


@SETTINGS
@given(st.lists(st.tuples(*[maybe_score] * 4), max_size=30), st.data())
def test_epic_of_a_group_summed_from_its_parts_in_any_order_is_the_mean_of_its_touchpoints(
    rows, data
):
    # A persona's figures add up the EPIC of the groups of touchpoints it shares with other
    # personas: the means must be DOMAIN.md's, to the last bit, however it is cut.
    touchpoints = [
        TouchpointEpic.of(
            Touchpoint(
                id=f"t{i}", title="t", stage_id="s", channel_id="c", epic=Epic(**dict(zip(
                    ("easy", "personalised", "intuitive", "contextual"), row, strict=True
                )))
            )
        )
        for i, row in enumerate(rows)
    ]  # fmt: skip
    cuts = sorted(data.draw(st.lists(st.integers(0, len(rows)), max_size=4)))
    parts = [touchpoints[a:b] for a, b in zip([0, *cuts], [*cuts, len(rows)], strict=True)]
    order = data.draw(st.permutations(range(len(parts))))
    summary = sum((EpicTally.of(parts[i]) for i in order), EpicTally()).summary()

    scores = [fmean(v for v in row if v is not None) for row in rows if any(row)]
    assert summary.scored == len(scores)
    assert summary.score == (fmean(scores) if scores else None)
    for n, letter in enumerate(LETTERS):
        values = [row[n] for row in rows if row[n] is not None]
        assert summary.letters[letter] == (fmean(values) if values else None)


@SETTINGS
@given(blueprints())
def test_each_friction_score_carries_the_terms_of_its_own_friction(bp):
    touchpoints = {t.id: t for t in bp.touchpoints}
    steps = {c.id: c.step for c in bp.channels}
    scores = build_plan(bp).frictions
    assert [s.friction_id for s in scores] == [f.id for f in bp.frictions]
    for friction, score in zip(bp.frictions, scores, strict=True):
        tp = touchpoints[friction.touchpoint_id]
        frequency = friction.frequency
        assert (score.title, score.touchpoint_id) == (friction.title, tp.id)
        assert (score.stage_id, score.channel_id) == (tp.stage_id, tp.channel_id)
        assert (score.count, score.period) == (frequency.count, frequency.per)
        assert score.source == frequency.source.value
        assert (score.severity, score.gives_up) == (friction.severity, friction.gives_up)
        assert score.good == (friction.nature == FrictionNature.GOOD)
        assert score.reach == monthly_reach(friction)
        assert score.weight == segment_weight(tp, bp.personas)
        origin = steps[tp.channel_id]
        if friction.gives_up:
            landing_channel = None
        else:
            landing_channel = friction.leads_to_channel_id or tp.channel_id
        landing = 0 if landing_channel is None else steps[landing_channel]
        assert (score.origin_step, score.landing_step) == (origin, landing)
        assert score.landing_channel_id == landing_channel
        assert score.drop == max(0, origin - landing)
        bad = score.reach * score.severity * score.weight * (1 + score.drop)
        assert score.impact == (0.0 if score.good else bad)


def ranking_key(score) -> tuple:
    return (-score.priority, -score.impact, score.title.casefold(), score.improvement_id)


@SETTINGS
@given(blueprints())
def test_ranks_count_up_in_priority_order_and_waves_keep_that_order(bp):
    for persona_id in personas_in_scope(bp):
        plan = build_plan(bp, persona_id)
        ranked = plan.improvements
        assert [s.rank for s in ranked] == list(range(1, len(ranked) + 1))
        assert sorted(ranked, key=ranking_key) == list(ranked)
        for wave in Wave:
            assert list(plan.waves[wave]) == [s for s in ranked if s.wave == wave]


# --- edits in place, as the editor's commands make them -----------------------------------


def edit_friction(data, bp: Blueprint) -> None:
    friction = data.draw(st.sampled_from(bp.frictions))
    friction.severity = data.draw(st.integers(1, 4))
    friction.frequency.count = data.draw(st.floats(0, 1e4))
    friction.nature = data.draw(st.sampled_from(FrictionNature))
    friction.gives_up = data.draw(st.booleans())
    friction.leads_to_channel_id = data.draw(
        st.none() | st.sampled_from([c.id for c in bp.channels])
    )


def edit_touchpoint(data, bp: Blueprint) -> None:
    touchpoint = data.draw(st.sampled_from(bp.touchpoints))
    touchpoint.epic.easy = data.draw(maybe_score)
    touchpoint.epic.contextual = data.draw(maybe_score)
    touchpoint.channel_id = data.draw(st.sampled_from(bp.channels)).id
    touchpoint.stage_id = data.draw(st.sampled_from(bp.stages)).id
    if bp.personas:
        ids = [p.id for p in bp.personas]
        touchpoint.persona_ids = data.draw(st.lists(st.sampled_from(ids), unique=True))


def edit_persona(data, bp: Blueprint) -> None:
    persona = data.draw(st.sampled_from(bp.personas))
    persona.value_weight = data.draw(st.floats(0.5, 2.0))
    persona.share = data.draw(st.none() | st.floats(0, 100))


def edit_channel(data, bp: Blueprint) -> None:
    channel = data.draw(st.sampled_from(bp.channels))
    channel.step = data.draw(st.integers(0, 5))
    channel.cost_per_contact = data.draw(st.none() | st.floats(0, 1e3))


def edit_improvement(data, bp: Blueprint) -> None:
    improvement = data.draw(st.sampled_from(bp.improvements))
    improvement.effort = data.draw(st.sampled_from([1, 2, 3, 5, 8]))
    ids = [f.id for f in bp.frictions]
    improvement.friction_ids = data.draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []


EDITS = {
    edit_friction: "frictions",
    edit_touchpoint: "touchpoints",
    edit_persona: "personas",
    edit_channel: "channels",
    edit_improvement: "improvements",
}


@SETTINGS
@given(blueprints(), st.data())
def test_the_plan_follows_the_blueprint_as_it_is_edited_in_place(bp, data):
    possible = [edit for edit, kind in EDITS.items() if getattr(bp, kind)]
    before = {persona_id: build_plan(bp, persona_id) for persona_id in personas_in_scope(bp)}
    for edit in data.draw(st.lists(st.sampled_from(possible), min_size=1, max_size=3)):
        edit(data, bp)
    fresh = bp.model_copy(deep=True)
    for persona_id in before:
        assert build_plan(bp, persona_id) == build_plan(fresh, persona_id)
