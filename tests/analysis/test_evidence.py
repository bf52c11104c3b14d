"""How well each card is backed: measured data, estimates only, or nothing (docs/evidence.md)."""

from __future__ import annotations

import pytest

from blueprint.analysis import (
    Backing,
    backing_by_touchpoint,
    build_plan,
    frictions_backing,
    impact_backing,
    unbacked_cards,
)
from blueprint.model import Evidence, Frequency, Friction, Measure
from tests.factories import evidence_blueprint, small_blueprint


def backing(bp) -> dict[str, Backing]:
    return {tp_id: card.backing for tp_id, card in backing_by_touchpoint(bp).items()}


def test_the_small_blueprint_one_card_of_each_kind():
    bp = small_blueprint()
    # Checkout: its slow page is counted (measured); the call: a long hold nobody counted
    # (unknown); the complaint: no friction, no measure, no evidence.
    assert backing(bp) == {"t1": Backing.MEASURED, "t2": Backing.NOTHING, "t3": Backing.NOTHING}


@pytest.mark.parametrize(
    ("what", "expected"),
    [
        (Measure(touchpoint_id="t3", name="NPS", value=12), Backing.MEASURED),
        (Measure(touchpoint_id="t3", name="NPS", value=12, source="estimated"), Backing.ESTIMATED),
        (Measure(touchpoint_id="t3", name="NPS", value=12, source="unknown"), Backing.NOTHING),
        (Evidence(about_id="t3", text="I wrote twice"), Backing.MEASURED),
        # A measure of the whole blueprint backs no card.
        (Measure(name="Contacts per month", value=900), Backing.NOTHING),
    ],
)
def test_one_thing_on_a_bare_card_decides_it(what, expected):
    bp = small_blueprint()
    getattr(bp, "measures" if isinstance(what, Measure) else "evidence").append(what)
    assert backing(bp)["t3"] == expected


def test_evidence_about_a_friction_point_backs_its_card_and_it():
    bp = small_blueprint()
    bp.evidence.append(Evidence(about_id="x2", kind="observation", text="Hold music loops"))
    assert backing(bp)["t2"] == Backing.MEASURED
    assert frictions_backing(bp) == {"x1": Backing.MEASURED, "x2": Backing.MEASURED}


def test_a_frequency_counts_by_its_source_and_only_on_bad_friction():
    bp = small_blueprint()
    bp.frictions[1].frequency = Frequency(count=30, source="estimated")
    assert backing(bp)["t2"] == Backing.ESTIMATED
    assert frictions_backing(bp)["x2"] == Backing.ESTIMATED
    bp.frictions.append(
        Friction(
            title="Confirm the address",
            touchpoint_id="t3",
            nature="good",
            frequency=Frequency(count=5, source="measured"),
        )
    )
    assert backing(bp)["t3"] == Backing.NOTHING  # deliberate friction backs nothing


def test_measured_wins_over_estimates_and_the_facts_say_what_there_is():
    bp = evidence_blueprint()
    bp.measures.append(Measure(touchpoint_id="t1", name="CSAT", value=71, source="estimated"))
    card = backing_by_touchpoint(bp)["t1"]
    assert card.backing == Backing.MEASURED
    assert card.facts() == [
        "Slow page views, NPS (measured)",
        "1 piece of evidence",
        "1 measured friction frequency",
        "CSAT (estimated)",
    ]
    assert backing_by_touchpoint(bp)["t3"].facts() == []


def test_the_share_of_friction_impact_on_measured_frequencies():
    bp = small_blueprint()
    plan = build_plan(bp)
    impact = {f.friction_id: f.impact for f in plan.frictions}
    split = impact_backing(plan)
    assert split.measured == pytest.approx(impact["x1"])
    assert split.unknown == pytest.approx(impact["x2"])
    assert split.estimated == 0
    assert split.measured_share == pytest.approx(impact["x1"] / (impact["x1"] + impact["x2"]))


def test_no_friction_impact_has_no_share():
    bp = small_blueprint()
    bp.frictions = []
    bp.improvements[0].friction_ids = []
    assert impact_backing(build_plan(bp)).measured_share is None


def test_unbacked_cards_most_impact_first_then_nothing_before_estimates():
    bp = small_blueprint()
    bp.measures.append(Measure(touchpoint_id="t3", name="NPS", value=-20, source="estimated"))
    plan = build_plan(bp)
    found = unbacked_cards(bp, plan)
    # The long hold carries friction impact; the complaint carries none.
    assert [(u.card.touchpoint_id, u.card.backing) for u in found] == [
        ("t2", Backing.NOTHING),
        ("t3", Backing.ESTIMATED),
    ]
    assert found[0].impact == pytest.approx(
        sum(f.impact for f in plan.frictions if f.touchpoint_id == "t2")
    )
    assert found[1].impact == 0


def test_unbacked_cards_of_a_persona_are_the_cards_that_apply_to_it():
    bp = small_blueprint()
    bp.touchpoints[2].persona_ids = []
    bp.touchpoints[1].persona_ids = ["p1"]
    bp.personas.append(bp.personas[0].model_copy(update={"id": "p2", "name": "Student"}))
    plan = build_plan(bp, persona_id="p2")
    assert [u.card.touchpoint_id for u in unbacked_cards(bp, plan)] == ["t3"]
