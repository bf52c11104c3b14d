"""The plan says where the blueprint is a guess: Data to capture lists the cards backed by
nothing or by estimates only, and the summary how much friction impact rests on measured
frequencies."""

from __future__ import annotations

import pytest

from blueprint.analysis import Backing, build_plan, impact_backing, unbacked_cards
from blueprint.analysis.evidence import ImpactBacking
from blueprint.model import Evidence, Measure
from blueprint.report.backing_text import impact_backing_sentence
from blueprint.report.sections.common import DATA_TO_CAPTURE, FORMULAS, REGISTER
from blueprint.report.sections.data_to_capture import BARE_NAMED
from blueprint.storage import load_blueprint
from tests.conftest import SAMPLES
from tests.factories import small_blueprint

from .conftest import flat, render
from .test_content import positions_in_order


@pytest.fixture(scope="module")
def broadband():
    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "broadband-installation"))
    return bp, render(bp)


def test_data_to_capture_lists_the_guessed_cards_most_impact_first(broadband):
    bp, rendered = broadband
    section = rendered.section(rendered.heading(DATA_TO_CAPTURE), rendered.heading(REGISTER))
    assert "Where the blueprint is a guess" in section
    found = unbacked_cards(bp, rendered.plan)
    weighty = [u for u in found if u.impact > 0]
    assert weighty, "the sample has cards the plan rests on that nobody measured"
    rows = [f"{n} {u.title}" for n, u in enumerate(weighty, start=1)]
    positions_in_order(section, ["Where the blueprint is a guess", *rows])
    # each with the verdict in words and what it has
    first = weighty[0]
    words = "estimates only" if first.card.backing == Backing.ESTIMATED else "nothing"
    assert flat(f"{words} {first.impact:,.0f} {first.card.facts()[0]}") in section
    # the cards without friction impact are named in one line, the rest counted
    assert "Without friction impact, backed by nothing or by estimates only" in section
    line = section[section.index("Without friction impact") :]
    counted = int(line.split("(")[1].split(" cards)")[0])
    assert counted > BARE_NAMED and f"and {counted - BARE_NAMED} more." in line  # "2 mores"


def test_a_card_backed_by_measured_data_is_not_listed(broadband):
    _, rendered = broadband
    section = rendered.section(rendered.heading(DATA_TO_CAPTURE), rendered.heading(REGISTER))
    guesses = section[section.index("Where the blueprint is a guess") :]
    # measured: a completion rate, a frequency taken from Adobe Analytics, a quote
    assert flat("Checks order status on the web form") not in guesses


def test_data_to_capture_counts_every_card_by_its_backing(broadband):
    bp, rendered = broadband
    section = rendered.section(rendered.heading(DATA_TO_CAPTURE), rendered.heading(REGISTER))
    from blueprint.analysis import backing_by_touchpoint

    cards = backing_by_touchpoint(bp)
    today = [t for t in bp.touchpoints if t.state != "future"]
    measured = sum(1 for t in today if cards[t.id].backing == Backing.MEASURED)
    # As the editor says it: a quote backs a card as a measure does.
    said = f"Of {len(today)} touchpoints, {measured} are backed by measured data or evidence"
    assert said in section


def test_the_summary_says_how_much_friction_impact_rests_on_measured_data(broadband):
    _, rendered = broadband
    summary = flat(rendered.pages[1])
    split = impact_backing(rendered.plan)
    share = round(split.measured_share * 100)
    number = rendered.heading(DATA_TO_CAPTURE).split()[0]
    assert f"{share}% of the friction impact rests on measured frequencies;" in summary
    assert f"(section {number})" in summary


def test_the_formulas_state_the_rule(broadband):
    _, rendered = broadband
    formulas = rendered.section(rendered.heading(FORMULAS))
    assert "Backing of a card" in formulas
    assert flat("by estimates only when all it has are estimated figures") in formulas


def test_a_blueprint_backed_everywhere_says_so():
    bp = small_blueprint()
    bp.evidence = [Evidence(about_id=t.id, text="Seen it") for t in bp.touchpoints]
    rendered = render(bp)
    section = rendered.section(rendered.heading(DATA_TO_CAPTURE), rendered.heading(REGISTER))
    assert "Every card is backed by measured data or evidence." in section


def test_user_text_in_the_list_is_printed_literally():
    bp = small_blueprint()
    bp.touchpoints[1].title = "<b>Call</b> & hold"
    bp.frictions[1].frequency.count = 30  # unknown: the card carries friction impact
    bp.measures = [Measure(touchpoint_id="t2", name="<i>CSAT</i>", value=40, source="estimated")]
    rendered = render(bp)
    section = rendered.section(rendered.heading(DATA_TO_CAPTURE), rendered.heading(REGISTER))
    assert "<b>Call</b> & hold" in section
    assert "<i>CSAT</i> (estimated)" in section


@pytest.mark.parametrize(
    ("split", "sentence"),
    [
        (ImpactBacking(1, 0, 0), "All of the friction impact rests on measured frequencies."),
        (
            ImpactBacking(0, 3, 1),
            "None of the friction impact rests on measured frequencies; 75% on estimates and "
            "25% on unknown ones.",
        ),
        (
            ImpactBacking(62, 30, 8),
            "62% of the friction impact rests on measured frequencies; 30% on estimates and 8% "
            "on unknown ones.",
        ),
        (ImpactBacking(0, 0, 0), None),
        # Each rounded alone, these read 64 + 36 + 1 = 101 and 28 + 31 + 40 = 99.
        (
            ImpactBacking(63.6, 35.8, 0.6),
            "64% of the friction impact rests on measured frequencies; 36% on estimates and "
            "<1% on unknown ones.",
        ),
        (
            ImpactBacking(28.4, 31.4, 40.2),
            "28% of the friction impact rests on measured frequencies; 32% on estimates and "
            "40% on unknown ones.",
        ),
        (
            ImpactBacking(99.7, 0.3, 0),
            "Over 99% of the friction impact rests on measured frequencies; <1% on estimates.",
        ),
    ],
)
def test_the_sentence_on_measured_friction_impact(split, sentence):
    assert impact_backing_sentence(split) == sentence


def test_a_plan_for_one_persona_counts_its_cards_only():
    bp = small_blueprint()
    plan = build_plan(bp, persona_id="p1")
    assert {u.card.touchpoint_id for u in unbacked_cards(bp, plan)} == {"t2", "t3"}


@pytest.mark.parametrize("seed", [15, 23])
def test_the_cards_without_impact_never_sit_alone_on_a_page(seed):
    """An 8-card plan had a page holding only the line of cards without friction impact
    (the table above it had filled the page before, the next section starts a page)."""
    from benchmarks.generate import generate_blueprint

    size = seed
    bp = generate_blueprint(
        touchpoints=size, frictions=size, improvements=size // 4, flows=size - 1, seed=seed
    )
    rendered = render(bp)
    pages = [flat(page) for page in rendered.pages]
    (holding,) = [p for p in pages if "Without friction impact, backed by nothing" in p]
    assert "The cards the plan rests on" in holding
