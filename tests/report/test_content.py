"""What a manager reads: every section, the ranked titles in plan order, the key figures."""

from __future__ import annotations

import pytest

from benchmarks.generate import generate_blueprint
from blueprint.analysis import Wave, build_plan, plan_certainty
from blueprint.changes import State, state_view
from blueprint.model import Frequency, Friction, Improvement
from blueprint.report import formatting as fmt
from blueprint.report.sections.common import (
    DATA_TO_CAPTURE,
    FORMULAS,
    NOTHING_TO_PLAN,
    RANKED_PLAN,
    REGISTER,
    SECTION_TITLES,
    STAIRCASE,
    TODAY_AND_TOMORROW,
    WHERE_IT_HURTS,
)
from blueprint.storage import load_blueprint
from tests.conftest import SAMPLES
from tests.factories import small_blueprint

from .conftest import flat, render


def positions_in_order(text: str, needles: list[str]) -> list[int]:
    """Where each needle is found, each searched after the one before; fails if one is not."""
    found, start = [], 0
    for needle in needles:
        at = text.find(flat(needle), start)
        assert at >= 0, f"{needle!r} not found (in order) after position {start}"
        found.append(at)
        start = at + len(flat(needle))
    return found


@pytest.fixture(scope="module", params=SAMPLES, ids=[p.stem for p in SAMPLES])
def sample(request):
    bp = load_blueprint(request.param)
    return bp, render(bp)


def test_every_section_heading_is_in_the_pdf(sample):
    _, rendered = sample
    positions_in_order(rendered.body, [rendered.heading(s) for s in rendered.sections])
    assert [title for _, title in rendered.sections if title != TODAY_AND_TOMORROW[1]] == list(
        SECTION_TITLES
    )


def test_ranked_plan_lists_the_titles_in_the_order_build_plan_computed(sample):
    _, rendered = sample
    plan = rendered.plan
    section = rendered.section(rendered.heading(RANKED_PLAN), rendered.heading(WHERE_IT_HURTS))
    # Wave by wave, by priority inside each wave: exactly the plan's waves.
    expected = [s.title for wave in Wave for s in plan.waves[wave]]
    assert len(expected) == len(plan.improvements)
    positions_in_order(section, expected)


def test_summary_lists_the_top_improvements_by_rank_on_one_page(sample):
    _, rendered = sample
    summary = flat(rendered.pages[1])
    assert "1 Summary" in summary
    titles = [s.title for s in rendered.plan.top_improvements]
    positions_in_order(summary, titles)
    # The summary is one page: the next page starts the next section.
    assert rendered.heading(rendered.sections[1]) in flat(rendered.pages[2])


def test_summary_shows_the_key_figures_with_the_blueprints_currency():
    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "broadband-installation"))
    rendered = render(bp)
    summary = flat(rendered.pages[1])
    plan = rendered.plan
    assert f"£ {round(plan.total_avoidable_cost):,}" in summary
    assert f"{round(plan.lost_journeys):,}" in summary
    assert f"{fmt.percent(plan.failure_demand.share)}" in summary
    assert str(len(plan.channel_switches)) in summary
    assert "cost unknown for Social media" in summary
    weakest = plan.epic_overall.weakest
    assert f"{weakest.value} · " in summary


def test_data_to_capture_lists_what_to_measure_first_decisive_ones_marked(sample):
    bp, rendered = sample
    section = rendered.section(rendered.heading(DATA_TO_CAPTURE), rendered.heading(REGISTER))
    assert "Measuring is an action" in section
    certainty = plan_certainty(bp, rendered.plan)
    # In the measure-first order, each with its mark in words and its swing.
    rows = [f"{n} {m.title}" for n, m in enumerate(certainty.measure_first, start=1)]
    positions_in_order(section, rows)
    for item in certainty.measure_first:
        mark = "◆ yes" if item.decisive else "no"
        assert flat(f"{item.source}") in section
        assert flat(mark) in section
    for gap in rendered.plan.data_gaps:  # every gap behind the top improvements is listed
        assert flat(gap.title) in section


def test_the_summary_says_how_stable_the_plan_is_and_what_would_settle_it():
    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "broadband-installation"))
    rendered = render(bp)
    summary = flat(rendered.pages[1])
    certainty = plan_certainty(bp, rendered.plan)
    share = round(certainty.stability * 100)
    first = certainty.decisive[0].title
    data = rendered.heading(DATA_TO_CAPTURE)
    number = data.split()[0]
    # Three friction points each change the lead alone: naming one said it would settle it.
    assert len(certainty.decisive) == 3
    assert (
        flat(
            f"In {share}% of plausible cases the same three improvements lead; measuring ‘{first}’ "
            "and the two other decisive friction points would do the most to settle it. "
            f"(section {number})"
        )
        in summary
    )
    section = rendered.section(data, rendered.heading(REGISTER))
    assert flat(f"1 {first}") in section
    for friction in certainty.decisive:
        assert flat(friction.title) in section


def test_a_plan_whose_lead_cannot_move_says_so():
    bp = small_blueprint()
    summary = flat(render(bp).pages[1])
    assert "The one improvement is in the top three in every plausible case." in summary


def test_no_more_improvements_than_the_top_says_what_their_certainty_means():
    """With two improvements, "the same two improvements lead" is true of every plan and
    read as a contradiction beside a decisive friction point."""
    from blueprint.model import Improvement
    from blueprint.report.certainty_text import stability_sentence

    bp = small_blueprint()
    bp.improvements.append(Improvement(id="i2", title="Second", friction_ids=["x1"], effort=5))
    plan = build_plan(bp)
    sentence = stability_sentence(plan, plan_certainty(bp, plan))
    assert sentence.startswith(
        "With two improvements, both are in the top three in every plausible case; their "
        "rank ranges say how sure their order is"
    )


def test_a_plan_on_measured_frequencies_is_not_sent_to_measure_an_empty_list():
    """Every frequency measured, the lead still moves within their ±20%: the summary said in
    bold "measure the list under Data to capture", and that section said nothing to capture."""
    from blueprint.model import FrequencySource

    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "airline-delayed-bag"))
    for friction in bp.frictions:
        friction.frequency.source = FrequencySource.MEASURED
    page = flat(render(bp).pages[1])
    assert "of plausible cases the same three improvements lead" in page
    assert "measure the list" not in page
    assert (
        "every frequency behind them is measured: they are close, and measuring again would "
        "not settle it" in page
    )


def test_a_plan_with_everything_done_asks_nothing_to_be_measured():
    """Every improvement done, the summary still said how sure the top three were and what
    to measure first: paying to measure what changes no decision."""
    from blueprint.model import Status

    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "airline-delayed-bag"))
    for improvement in bp.improvements:
        improvement.status = Status.DONE
    page = flat(render(bp).pages[1])
    assert "All of them are done: nothing is left to start." in page
    assert "plausible cases" not in page and "Measure first" not in page
    bp.improvements[-1].status = Status.PLANNED  # one left to start: the advice is back
    assert "Measure first" in flat(render(bp).pages[1])


def test_improvements_linked_only_to_good_friction_are_not_told_to_link():
    from blueprint.model import FrictionNature

    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "airline-delayed-bag"))
    for friction in bp.frictions:
        friction.nature = FrictionNature.GOOD
    page = flat(render(bp).pages[1])
    assert "link each to the friction points" not in page
    assert "The improvements address only friction points marked good" in page


def test_a_plan_for_one_persona_says_its_figures_count_every_customer():
    """A persona of 12% of customers was shown $952,116 a year, 97.5% of the whole plan's,
    with nothing saying that it counts every customer at the persona's touchpoints."""
    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "airline-delayed-bag"))
    gold = next(p for p in bp.personas if p.name == "Gold business traveller")
    page = flat(render(bp, build_plan(bp, gold.id)).pages[1])
    assert (
        "The plan keeps the touchpoints that apply to Gold business traveller but counts "
        "every customer who passes them: its figures are not those of the persona's 12% of "
        "customers alone." in page
    )
    assert "counts every customer who passes them" not in flat(render(bp).pages[1])


def test_an_amount_marked_at_least_is_explained_where_it_is_shown():
    """ "≥ $ 592,078" stood in the tables with nothing in the PDF saying what "≥" means."""
    key = "≥: at least this much; some of its contacts land in a channel with no cost per contact"
    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "airline-delayed-bag"))
    rendered = render(bp)
    summary = flat(rendered.pages[1])
    assert "≥ $ 592,078" in summary and key in summary
    ranked = rendered.section(rendered.heading(RANKED_PLAN), rendered.heading(WHERE_IT_HURTS))
    assert key in ranked
    plain = render(small_blueprint())  # every contact's cost is known: no "≥", no key
    assert "≥" not in flat(plain.pages[1]) and key not in plain.text


def test_an_amount_marked_at_least_is_explained_in_the_now_list_and_on_the_deck():
    """Shown in the Now list only (not among the top improvements), "≥ € 480 a year" had no
    key; nor had the deck's top improvements."""
    from .deck_helpers import render_deck, texts

    key = "≥: at least this much; some of its contacts land in a channel with no cost per contact"
    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "grocery-delivery"))
    floor = next(
        s for s in build_plan(bp).improvements if s.cost_unknown_channel_ids and s.avoidable_cost
    )
    for improvement in bp.improvements:
        if improvement.id == floor.improvement_id:
            improvement.effort = 2  # a quick win: in the Now list
    plan = build_plan(bp, top=1)
    assert plan.top_improvements[0].improvement_id != floor.improvement_id
    summary = flat(render(bp, plan).pages[1])
    assert "≥ €" in summary and key in summary
    deck = render_deck(bp)
    assert any(key in text for text in texts(deck.slide("Top improvements")))


def test_a_title_of_thousands_of_letters_is_cut_on_the_cover_and_the_rest_stays_legible():
    """A 2,000-character title filled the cover and set everything else in 4-point type."""
    bp = small_blueprint()
    bp.title = "Delivery journey " * 120
    sizes: list[float] = []

    def seen(text, cm, tm, font, size):
        if text.strip():
            sizes.append(size * tm[0] * cm[0])

    cover = render(bp).reader.pages[0]
    text = flat(cover.extract_text(visitor_text=seen))
    assert "Delivery journey Delivery journey" in text and "…" in text
    assert text.count("Delivery journey") < 30
    assert "Personas covered: Busy parent" in text
    assert min(sizes) >= 7, "the cover was set smaller to fit the title"


def test_friction_register_has_every_friction_and_marks_good_friction(sample):
    bp, rendered = sample
    register = rendered.section(rendered.heading(REGISTER), rendered.heading(FORMULAS))
    for friction in state_view(bp, State.CURRENT).frictions:  # the plan is today's
        assert flat(friction.title) in register
    if any(f.nature == "good" for f in bp.frictions):
        assert "good, deliberate" in register


def test_formulas_are_stated_in_words_and_symbols(sample):
    _, rendered = sample
    formulas = rendered.section(rendered.heading(FORMULAS))
    for formula in (
        "F = r × severity × w × (1 + d)",
        "I = confidence × Σ F",
        "P = I / effort",
        "d = max(0, o − l)",
        "index = (score − 1) × 25",
        "failure contacts / all contacts",
        "lift = target step − current",
    ):
        assert formula in formulas


def test_heat_map_names_every_stage_and_channel(sample):
    bp, rendered = sample
    hurts = rendered.section(rendered.heading(WHERE_IT_HURTS), rendered.heading(DATA_TO_CAPTURE))
    for name in [s.name for s in bp.stages] + [c.name for c in bp.channels]:
        assert flat(name) in hurts
    assert "EPIC by stage" in hurts


def test_empty_blueprint_gives_a_short_pdf_that_says_what_to_add():
    bp = small_blueprint().model_copy(
        update={"touchpoints": [], "flows": [], "frictions": [], "improvements": []}
    )
    rendered = render(bp)
    assert rendered.result.pages == 2
    assert rendered.plan.is_empty
    text = rendered.text
    assert NOTHING_TO_PLAN[1] in text
    for what in ("Touchpoints", "Friction points", "Improvements"):
        assert what in text
    assert rendered.outline_titles() == [NOTHING_TO_PLAN[1]]


def test_a_blueprint_with_touchpoints_is_asked_only_for_what_it_lacks():
    bp = small_blueprint().model_copy(update={"frictions": [], "improvements": []})
    touchpoints = fmt.plural(len(bp.touchpoints), "touchpoint")
    text = render(bp).body
    assert f"This blueprint has {touchpoints} but no friction points and no improvements" in text
    assert "To get a plan, add: 1. Friction points on the touchpoints" in text
    assert "2. Improvements that address the friction points" in text
    assert "Touchpoints in the grid" not in text
    assert "3." not in text


def test_frictions_without_improvements_still_make_a_plan():
    bp = small_blueprint().model_copy(update={"improvements": []})
    rendered = render(bp)
    text = rendered.text
    assert "no improvements yet" in text
    assert "4 Friction register" in text  # after the summary, where it hurts, data to capture
    assert "Slow page" in text


def test_without_improvements_the_plan_says_so_once_and_shows_no_empty_page():
    """No empty staircase, no four empty waves, no table of top improvements, and no claim
    about the friction points 'behind the improvements'."""
    bp = small_blueprint().model_copy(update={"improvements": []})
    rendered = render(bp)
    body = rendered.body
    titles = [title for _, title in rendered.sections]
    assert STAIRCASE[1] not in titles and RANKED_PLAN[1] not in titles
    assert STAIRCASE[1] not in rendered.text and RANKED_PLAN[1] not in rendered.text
    assert "No improvement in this wave" not in body
    assert "behind the improvements" not in body
    assert "Top improvements" not in body
    assert body.count("no improvements yet") == 1
    assert "– avoidable cost a year: nothing planned to avoid it" in flat(rendered.pages[1])
    capture = rendered.section(rendered.heading(DATA_TO_CAPTURE), rendered.heading(REGISTER))
    assert capture.startswith(f"{rendered.heading(DATA_TO_CAPTURE)} Where the blueprint is a guess")


def test_improvements_that_address_no_friction_leave_nothing_to_capture_and_say_why():
    bp = small_blueprint()
    bp.improvements = [Improvement(id="i2", title="Train the team", effort=1)]
    rendered = render(bp)
    capture = rendered.section(rendered.heading(DATA_TO_CAPTURE), rendered.heading(REGISTER))
    assert (
        "No improvement addresses a bad friction point yet, so no estimate is behind the "
        "plan's ranking: nothing to capture before deciding." in capture
    )
    assert "behind the improvements has a measured frequency" not in capture


def test_improvement_without_friction_is_listed_beside_the_staircase_not_drawn():
    bp = small_blueprint()
    bp.improvements.append(Improvement(id="i2", title="Train the team", effort=1))
    rendered = render(bp)
    staircase = flat(rendered.pages[2])
    assert "Not drawn" in staircase
    assert "Train the team" in staircase


def test_a_target_below_the_current_step_is_not_said_to_go_up():
    """A target step below where the friction lands drew a down arrow under the key
    "Arrow: up to the target step"."""
    bp = small_blueprint()
    bp.improvements[0].target_step = 0  # its friction lands on Phone, step 1
    rendered = render(bp)
    staircase = flat(rendered.pages[2])
    assert "-1" in staircase or "−1" in staircase
    assert "Arrow: to the target step." in staircase
    assert "up to the target step" not in rendered.body


def test_good_friction_is_shown_but_never_counted():
    bp = small_blueprint()
    bp.frictions.append(
        Friction(
            id="g1",
            title="Confirm before cancelling",
            touchpoint_id="t1",
            nature="good",
            frequency=Frequency(count=500, per="month", source="measured"),
        )
    )
    bp.improvements[0].friction_ids.append("g1")
    rendered = render(bp)
    text = rendered.text
    assert "Confirm before cancelling (good friction, not counted)" in text
    assert "good, deliberate" in text


def test_rendering_does_not_change_the_blueprint_or_the_plan(sample):
    bp, _ = sample
    before = bp.model_dump()
    plan = build_plan(bp)
    render(bp, plan)
    assert bp.model_dump() == before
    assert plan == build_plan(bp)


def test_many_stages_and_a_long_top_list_still_fit():
    bp = generate_blueprint(
        stages=20, channels=14, touchpoints=200, frictions=400, improvements=60, flows=100
    )
    rendered = render(bp, build_plan(bp, top=24))
    summary = flat(rendered.pages[1])
    assert "The 12 stages with the lowest EPIC index; all 20 in section 4" in summary
    assert "2 The staircase of service" in flat(rendered.pages[2])
    staircase = flat(rendered.pages[2]) + flat(rendered.pages[3])
    assert "only 16 lifts fit the drawing" in staircase
    hurts = rendered.section("4 Where it hurts", "5 The channels your customers prefer")
    for stage in bp.stages:
        assert flat(stage.name) in hurts


def test_a_quick_win_that_keeps_customers_says_so_rather_than_saving_nothing():
    """Customers who give up make no contact: an improvement that keeps them avoids no
    contact cost, and the summary says what it saves instead of '£ 0 a year'."""
    import datetime

    from blueprint.report.content.subject import PlanSubject
    from blueprint.report.content.summary import summary

    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "broadband-installation"))
    plan = build_plan(bp)
    keeping = [s for s in plan.waves[Wave.NOW] if s.avoidable_cost == 0 and s.lost_journeys > 0]
    assert keeping, "the sample's Now wave has a quick win against giving up"
    now = summary(PlanSubject(bp=bp, plan=plan, date=datetime.date(2026, 12, 6))).now
    line = next(item for item in now if item.title == keeping[0].title)
    assert line.facts.endswith(f"{keeping[0].lost_journeys:,.0f} lost journeys a year saved")
    assert "0 a year" not in line.facts


def test_the_heat_map_explains_k_and_m_only_when_a_number_uses_them():
    """The deck's legend said "k = thousand, M = million" under cells of full numbers."""
    import datetime

    from blueprint.report.content.heat_map import SHORTENED, heat_map
    from blueprint.report.content.subject import PlanSubject
    from blueprint.storage import load_blueprint
    from tests.conftest import ROOT

    def the_map(bp):
        plan = build_plan(bp)
        return heat_map(PlanSubject(bp=bp, plan=plan, date=datetime.date(2026, 12, 7)))

    bp = load_blueprint(ROOT / "samples" / "broadband-installation.blueprint")
    plain = the_map(bp)
    texts = [c.text for row in plain.cells for c in row if c is not None]
    assert not any(t.endswith(("k", "M")) for t in (*texts, *plain.totals, plain.largest))
    assert SHORTENED not in plain.intro and SHORTENED not in plain.scale_label
    for friction in bp.frictions:
        friction.frequency.count *= 1000
    large = the_map(bp)
    assert large.largest.endswith(("k", "M"))
    assert large.intro.endswith(f"; {SHORTENED}.") and SHORTENED in large.scale_label


def test_the_lead_says_what_the_wave_to_start_with_buys_on_its_own():
    """The only money headline was every improvement made, money pits included; the Now
    wave's own saving (checked by hand from the formulas) had to be added up."""
    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "broadband-installation"))
    summary = flat(render(bp).pages[1])
    assert (
        flat(
            "Start with the Now wave (3 quick wins): high impact, low effort. The Now wave "
            "alone would avoid £ 249,602 a year in contacts and 3,720 lost journeys a year."
        )
        in summary
    )


def test_the_lead_counts_the_improvements_done_already():
    """ "12 improvements … would avoid" counted one done already, unsaid beside it."""
    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "airline-delayed-bag"))
    done = [i for i in bp.improvements if i.status == "done"]
    assert len(done) == 1
    rendered = render(bp)
    summary = flat(rendered.pages[1])
    assert flat(f"{len(bp.improvements)} improvements (1 done already) address") in summary
    # What the one done already saves is said apart from the saving to come, and the top
    # list marks it (it was "#1 … Now" with no word of it, and 16 % of the headline).
    [score] = [s for s in rendered.plan.improvements if s.improvement_id == done[0].id]
    assert score.avoidable_cost > 0
    money = fmt.money(score.avoidable_cost, bp.currency)
    assert flat(f"; {money} of it with the one done already.") in summary
    assert flat(f"{score.rank} {score.title} (done)") in summary


def test_with_nothing_counted_the_lead_asks_for_counts_not_a_wave():
    bp = small_blueprint()
    for friction in bp.frictions:
        friction.frequency.count = 0
    summary = flat(render(bp).pages[1])
    assert "Until they are counted the waves rank nothing: count them first." in summary
    assert "Start with the" not in summary


def test_the_ranked_plan_shows_the_words_and_measures_behind_each_improvement():
    """The plan counted its evidence ("13 cards are backed by measured data") and never
    showed a quote, nor where a measured frequency came from."""
    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "broadband-installation"))
    rendered = render(bp)
    section = rendered.section(rendered.heading(RANKED_PLAN), rendered.heading(WHERE_IT_HURTS))
    assert (
        flat(
            "Backed by “Nobody told me the date had changed. I took a day off work for "
            "nothing.” (call recording, 2026-10-11); Sessions ending in a time-out: 860 "
            "sessions a month (Adobe Analytics, 2026-10-31)"
        )
        in section
    )
    unbacked = next(
        i for i in bp.improvements if i.title == "Explain the first bill before it arrives"
    )
    start = section.index(flat(unbacked.title))
    assert "Backed by" not in section[start : start + 200]


def test_an_improvement_whose_gain_is_customers_kept_says_so_in_the_ranked_plan():
    """#3 read "£ 0" in the ranked plan: its gain, customers who no longer give up, was
    only in the summary's table."""
    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "broadband-installation"))
    rendered = render(bp)
    section = rendered.section(rendered.heading(RANKED_PLAN), rendered.heading(WHERE_IT_HURTS))
    third = next(s for s in rendered.plan.improvements if s.rank == 3)
    assert third.avoidable_cost == 0 and third.lost_journeys > 0
    assert flat(f"£ 0 {fmt.whole(third.lost_journeys)} lost journeys") in section


def test_a_plan_that_addresses_no_bad_friction_shows_no_ranking_and_no_zero_saving():
    """With only good friction, the summary's first tile was "£ 0 avoidable cost a year"
    and its table ranked eight improvements at P 0."""
    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "broadband-installation"))
    for friction in bp.frictions:
        friction.nature = "good"
    summary = flat(render(bp).pages[1])
    assert "no improvement addresses a bad friction point yet" in summary
    assert "£ 0" not in summary
    assert "Top improvements" not in summary


def test_measures_beyond_the_two_named_are_counted_without_evidence():
    """With no quote and three measures, the third was dropped unsaid (counted as -1 + 1)."""
    import datetime

    from blueprint.model import Measure
    from blueprint.model.measures import frequency_from
    from blueprint.report.content.improvements import backing
    from blueprint.report.content.subject import PlanSubject

    bp = small_blueprint()
    bp.evidence = []
    friction = bp.frictions[0]
    for n in range(3):
        bp.measures.append(
            Measure(id=f"m{n}", touchpoint_id=friction.touchpoint_id, name=f"Count {n}", value=5)
        )
    copies = [friction.model_copy(update={"id": f"x{n}9"}) for n in range(3)]
    for n, copy in enumerate(copies):
        copy.frequency = frequency_from(bp.measures[n], copy.frequency)
    bp.frictions += copies
    bp.improvements[0].friction_ids = [c.id for c in copies]
    plan = build_plan(bp)
    subject = PlanSubject(bp=bp, plan=plan, date=datetime.date(2026, 12, 7))
    said = backing(subject, plan.improvements[0])
    assert said.startswith("Backed by Count 0: 5") and "Count 1: 5" in said
    assert said.endswith("; 1 more in the blueprint")
