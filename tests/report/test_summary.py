"""The summary page as a manager reads it: where to start, and figures that say what they count.

Each case is a plan that once read wrong: a Now wave of "0 quick wins" to start with, advice
to start with an empty wave, "£ 0" for an improvement whose worth is lost journeys, the
weakest EPIC letter's mean over touchpoints that do not score it.
"""

from __future__ import annotations

import datetime

from blueprint.analysis import Wave, build_plan, plan_certainty
from blueprint.model import Epic, Frequency, FrictionNature, Improvement, Status
from blueprint.report.content.rich import plain_text
from blueprint.report.content.subject import PlanSubject
from blueprint.report.content.summary import start_heading, summary
from blueprint.report.sections.common import RANKED_PLAN, WHERE_IT_HURTS
from tests.factories import small_blueprint

from .conftest import flat, render
from .deck_helpers import render_deck, texts

DATE = datetime.date(2026, 12, 7)


def said(bp, certainty: bool = False):
    plan = build_plan(bp)
    sure = plan_certainty(bp, plan) if certainty else None
    return summary(PlanSubject(bp=bp, plan=plan, date=DATE, certainty=sure))


def test_an_improvement_linked_to_nothing_is_not_a_plan_to_start():
    bp = small_blueprint().model_copy(
        update={"improvements": [Improvement(id="i9", title="Linked to nothing")]}
    )
    text = said(bp, certainty=True)
    lead = plain_text(text.lead)
    assert "addresses no bad friction point yet" in lead
    assert "Start with" not in lead and "quick win" not in lead
    assert start_heading(text) == "Start now: nothing yet"
    assert text.no_now == "Nothing to start: no improvement addresses a bad friction point yet."
    assert text.now == ()
    assert text.how_sure is None  # no ranking to be sure of


def test_an_improvement_on_good_friction_only_is_not_a_plan_to_start_either():
    bp = small_blueprint()
    good = [f.model_copy(update={"nature": FrictionNature.GOOD}) for f in bp.frictions]
    text = said(bp.model_copy(update={"frictions": good}))
    assert "addresses only friction points marked good" in plain_text(text.lead)
    assert text.start is None


def test_without_quick_wins_the_summary_starts_with_the_first_wave_that_has_work():
    bp = small_blueprint()
    big = [i.model_copy(update={"effort": 4}) for i in bp.improvements]
    plan = build_plan(bp.model_copy(update={"improvements": big}))
    assert not plan.waves[Wave.NOW]
    first = plan.waves[Wave.NEXT] or plan.waves[Wave.LATER]
    text = said(bp.model_copy(update={"improvements": big}))
    lead = plain_text(text.lead)
    wave = text.start
    assert wave is not None and wave is not Wave.NOW and plan.waves[wave] == first
    assert f"Start with the {wave.value} wave (1 " in lead
    assert "Now wave" not in lead
    assert start_heading(text) == f"Start now: the {wave.value} wave"
    assert text.no_now is not None and f"Start with the {wave.value} wave" in text.no_now
    assert [item.title for item in text.now] == [s.title for s in first]
    # The last tile is the wave to start with: a big "0 quick wins" headlined the page.
    now = text.tiles[-1]
    count = len(plan.waves[wave])
    assert now.value == str(count) != "0"
    assert now.label.startswith(f"improvement{'s' if count > 1 else ''} in the {wave.value} wave (")
    assert now.label.endswith(" to start: no quick wins")


def test_without_any_improvement_the_now_tile_says_none_not_zero():
    bp = small_blueprint().model_copy(update={"improvements": []})
    now = said(bp).tiles[-1]
    assert (now.value, now.label) == (
        "None",
        "quick wins: no improvement is high impact and low effort",
    )


def test_the_pdf_summary_of_a_plan_without_improvements_gives_no_advice_to_start_a_wave():
    bp = small_blueprint().model_copy(update={"improvements": []})
    page = flat(render(bp).pages[1])
    assert "Start with" not in page
    assert "Start now: nothing yet" in page
    assert "Nothing to start until improvements are added." in page


def test_the_top_table_shows_the_lost_journeys_an_improvement_saves():
    bp = small_blueprint()
    gives_up = [
        f.model_copy(update={"gives_up": True, "frequency": Frequency(count=10, per="month")})
        if f.id == "x1"
        else f
        for f in bp.frictions
    ]
    bp = bp.model_copy(update={"frictions": gives_up})
    row = said(bp).top[0]
    assert row.lost_journeys == "120"  # 10 a month, 12 months
    assert "Lost journeys saved a year" in flat(render(bp).pages[1])


def test_the_weakest_letter_is_averaged_over_the_touchpoints_that_score_it():
    bp = small_blueprint()
    touchpoints = [
        t.model_copy(update={"epic": Epic(easy=4, intuitive=5)}) for t in bp.touchpoints[:2]
    ] + [bp.touchpoints[2].model_copy(update={"epic": Epic(easy=4, contextual=2)})]
    text = said(bp.model_copy(update={"touchpoints": touchpoints}))
    weakest = next(t for t in text.tiles if t.label.startswith("weakest EPIC letter"))
    # Contextual is scored once (2), on one touchpoint of the three scored ones.
    assert weakest.value.startswith("C ")
    assert weakest.label == (
        "weakest EPIC letter: mean 2.0 of 5 over the 1 touchpoint that scores it"
    )


def test_measure_first_counts_one_guessed_friction_point_in_the_singular():
    bp = small_blueprint()
    only = [
        f.model_copy(update={"frequency": Frequency(count=5, per="week", source="estimated")})
        for f in bp.frictions
        if f.id == "x1"
    ]
    text = said(bp.model_copy(update={"frictions": only}), certainty=True)
    assert text.measure_first is not None
    assert "1 friction point behind the improvements has an estimated" in plain_text(
        text.measure_first
    )


def test_more_decisive_friction_points_than_named_read_as_n_more():
    """The grocery plan has six decisive friction points: three are named, "and 3 more" (it
    said "and 3 mores")."""
    from blueprint.storage import load_blueprint
    from tests.conftest import ROOT

    bp = load_blueprint(ROOT / "samples" / "grocery-delivery.blueprint")
    line = plain_text(said(bp, certainty=True).measure_first)
    decisive = plan_certainty(bp, build_plan(bp)).decisive
    assert len(decisive) > 3
    assert f" and {len(decisive) - 3} more, decisive;" in line
    assert "mores" not in line


def test_a_large_amount_is_set_smaller_in_its_tile_never_broken_or_running_out_of_it():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from blueprint.report.fonts import bundled_fonts
    from blueprint.report.formatting import money, unbroken_money
    from blueprint.report.render import MARGIN_X
    from blueprint.report.sections.summary import TILE_PADDING

    bp = small_blueprint()
    bp.currency = "IDR"
    for channel in bp.channels:
        if channel.cost_per_contact is not None:
            channel.cost_per_contact *= 2_000_000_000
    rendered = render(bp)
    # The currency stays with its amount: one line, set smaller.
    total = unbroken_money(money(rendered.plan.total_avoidable_cost, "IDR"))
    bold = bundled_fonts().bold
    room = (A4[0] - 2 * MARGIN_X) / 3 - sum(TILE_PADDING)
    assert stringWidth(total, bold, 15) > room  # too wide for a tile at its usual size
    drawn = []

    def seen(text, cm, tm, font, size):
        if text.split() == total.split():  # however the no-break space is read back
            drawn.append(size * tm[0] * cm[0])

    rendered.reader.pages[1].extract_text(visitor_text=seen)
    tile = max(drawn, default=0)  # the tile's, larger than the table's below it
    assert tile > 9, "the tile's amount is drawn whole, with its currency, on one line"
    assert stringWidth(total, bold, tile) <= room


def two_quick_wins(first: Status, second: Status):
    """Two quick wins of the same worth: 'Faster page' ranks first, 'Shorter hold' second."""
    improvements = [
        Improvement(id="i1", title="Faster page", friction_ids=["x1"], effort=1, status=first),
        Improvement(id="i2", title="Shorter hold", friction_ids=["x1"], effort=1, status=second),
    ]
    bp = small_blueprint().model_copy(update={"improvements": improvements})
    assert [s.wave for s in build_plan(bp).improvements] == [Wave.NOW, Wave.NOW]
    return bp


def test_a_done_quick_win_is_not_listed_to_start_and_the_summary_says_it_is_done():
    bp = two_quick_wins(Status.DONE, Status.IDEA)
    text = said(bp)
    first = build_plan(bp).improvements[0]
    assert first.title == "Faster page" and first.rank == 1  # still ranked as the method says
    assert [item.title for item in text.now] == ["Shorter hold"]
    assert plain_text(text.done) == "Done already, so not listed: #1 Faster page."
    assert "Start with the Now wave (1 quick win)" in plain_text(text.lead)
    now = text.tiles[-1]  # the whole wave, as DOMAIN counts it, and what of it is done
    assert (now.value, now.label) == (
        "2",
        "improvements in the Now wave (quick wins): 1 to start, 1 done already",
    )
    page = flat(render(bp).pages[1])
    assert "Start now: the Now wave #2 Shorter hold" in page
    assert "Done already, so not listed: #1 Faster page." in page


def test_with_every_quick_win_done_the_summary_tells_no_one_to_start_one():
    bp = two_quick_wins(Status.DONE, Status.DONE)
    text = said(bp)
    lead = plain_text(text.lead)
    assert "Start with" not in lead
    assert lead.endswith("All of them are done: nothing is left to start.")
    assert text.now == ()
    assert text.no_now == (
        "Nothing to start: every improvement that addresses a bad friction point is done."
    )
    assert (
        plain_text(text.done) == "Done already, so not listed: #1 Faster page and #2 Shorter hold."
    )


def test_the_ranked_plan_shows_beside_a_title_that_work_on_it_is_done_or_in_progress():
    bp = two_quick_wins(Status.DONE, Status.IN_PROGRESS)
    rendered = render(bp)
    ranked = rendered.section(rendered.heading(RANKED_PLAN), rendered.heading(WHERE_IT_HURTS))
    assert "Faster page Status: done" in ranked
    assert "Shorter hold Status: in progress" in ranked
    assert said(bp).now[0].facts.startswith("in progress, effort 1")


def test_one_lost_journey_and_one_friction_point_read_in_the_singular():
    bp = small_blueprint()
    once = [
        f.model_copy(update={"gives_up": True, "frequency": Frequency(count=1, per="year")})
        if f.id == "x1"
        else f
        for f in bp.frictions
    ]
    bp = bp.model_copy(update={"frictions": once})
    fixes = [i.model_copy(update={"effort": 1}) for i in bp.improvements]
    saving = said(bp.model_copy(update={"improvements": fixes})).now[0].facts
    assert saving.endswith("effort 1, 1 lost journey a year saved")
    slide = flat(
        " ".join(texts(render_deck(bp.model_copy(update={"improvements": fixes})).slide("Summary")))
    )
    assert "1 lost journey a year saved" in slide
    alone = bp.model_copy(update={"frictions": once[:1], "improvements": []})
    assert plain_text(said(alone).lead) == (
        "The blueprint records 1 friction point but no improvements yet. Add improvements "
        "that address it to get a ranked plan."
    )


def test_the_cost_of_two_improvements_is_with_both_made():
    bp = two_quick_wins(Status.IDEA, Status.IDEA)
    cost = said(bp).tiles[0]
    assert cost.label == "avoidable cost a year, with both improvements made"
    three = [*bp.improvements, Improvement(id="i3", title="Third", friction_ids=["x1"])]
    assert said(bp.model_copy(update={"improvements": three})).tiles[0].label == (
        "avoidable cost a year, with all 3 improvements made"
    )


def uncounted_blueprint():
    """The small blueprint with no count given for its slow page (a frequency 'unknown')."""
    bp = small_blueprint()
    bp.frictions[0].frequency = Frequency(count=0, per="week", source="unknown")
    return bp


def test_counts_not_given_yet_are_said_as_not_known_never_as_nothing_saved():
    text = said(uncounted_blueprint(), certainty=True)
    assert "would avoid contacts not counted yet: give how often its friction points happen" in (
        plain_text(text.lead)
    )
    assert "give up or stay where they are" not in plain_text(text.lead)
    cost, _lost, demand = text.tiles[:3]
    assert cost.value == "not known"
    assert demand.label == (
        "failure demand: the friction points linked to a contact reason have no count yet"
    )
    assert text.measure_first is not None
    assert "‘Slow page’, no count given yet;" in plain_text(text.measure_first)


def test_customers_giving_up_with_no_count_are_not_zero_lost_journeys():
    bp = uncounted_blueprint()
    bp.frictions[0].gives_up = True
    lost = said(bp).tiles[1]
    assert (lost.value, lost.label) == (
        "not known",
        "lost journeys a year: 1 friction point where customers give up has no count yet",
    )


def test_customers_giving_up_measured_at_none_are_zero_lost_journeys_known():
    """A count of 0 measured is that nobody gave up: it was "has no count yet"."""
    from blueprint.model import FrequencySource

    bp = uncounted_blueprint()
    bp.frictions[0].gives_up = True
    bp.frictions[0].frequency.source = FrequencySource.MEASURED
    lost = said(bp).tiles[1]
    assert (lost.value, lost.label) == ("0", "lost journeys a year: customers who give up")


def test_a_summary_set_smaller_to_fit_keeps_its_tiles_and_tables_as_wide_as_its_text():
    from reportlab.lib.pagesizes import A4

    from blueprint.report.styles import MARGIN_X
    from blueprint.storage import load_blueprint
    from tests.conftest import SAMPLES

    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "broadband-installation"))
    for improvement in bp.improvements:  # long titles: the Now wave fills the page
        improvement.title += " so that customers never need to call us about it, in every region"
    width = A4[0] - 2 * MARGIN_X
    starts: dict[str, float] = {}
    sizes: list[float] = []

    def seen(text, cm, tm, font, size):
        starts.setdefault(text.strip(), tm[4] * cm[0] + cm[4])
        sizes.append(size * tm[0] * cm[0])

    render(bp).reader.pages[1].extract_text(visitor_text=seen)
    assert "improvements in the Now wave (quick" in flat(" ".join(starts))
    assert min(sizes) < 6.8, "the page is set smaller than the tables' usual 7 pt"
    third_tile = next(x for text, x in starts.items() if text.startswith("76%"))
    # The third of three tiles across the whole width starts two thirds of the way along.
    assert third_tile >= MARGIN_X + 2 * width / 3


def test_channel_fit_unknown_for_every_persona_is_said_once():
    """ "Gold not known, Family not known and Solo not known": three words for one fact."""
    from blueprint.model import Persona, PreferredChannel

    bp = small_blueprint()
    prefers = [PreferredChannel(stage_id="s1", channel_id="phone")]
    bp.personas = [Persona(id="p0", name="Staff")] + [
        Persona(id=f"p{i}", name=name, preferred_channels=prefers)
        for i, name in enumerate(("Gold", "Family", "Solo"), start=1)
    ]
    bp.touchpoints[0].persona_ids = ["p0"]  # the one touchpoint of Purchase is not theirs
    bp.touchpoints[1].persona_ids = []
    assert plain_text(said(bp).personas) == (
        "Channel fit by persona: not known for any of the three personas: at the stages where "
        "each names a preferred channel, no touchpoint applies to it (section 5)."
    )


def test_a_long_list_of_done_improvements_ends_with_one_and():
    """ "#5 E and #6 F and 2 more": the list's own "and", then another."""
    bp = small_blueprint()
    bp.improvements = [
        Improvement(id=f"i{n}", title=f"Fix {n}", friction_ids=["x1"], effort=1, status="done")
        for n in range(1, 9)
    ]
    text = plain_text(said(bp).done)
    assert text.endswith(" and 2 more.") and text.count(" and ") == 1


def test_improvements_some_linked_to_good_friction_others_to_nothing_are_told_to_link():
    """One improvement on good friction only and two on nothing: all three were told they
    address only good friction, and to mark it bad."""
    bp = small_blueprint()
    good = [f.model_copy(update={"nature": FrictionNature.GOOD}) for f in bp.frictions]
    bp = bp.model_copy(
        update={
            "frictions": good,
            "improvements": [
                Improvement(id="i1", title="Keep the check", friction_ids=["x1"]),
                Improvement(id="i2", title="Unlinked", friction_ids=[]),
            ],
        }
    )
    lead = plain_text(said(bp).lead)
    assert "link each to the friction points it would remove" in lead
    assert "marked good" not in lead


def test_tomorrow_names_the_improvements_that_bring_the_future_state_about():
    """The summary gave what the future state saves beside what the improvements avoid,
    with nothing linking the two."""
    from blueprint.storage import load_blueprint

    bp = load_blueprint("samples/broadband-installation.blueprint")
    page = flat(render(bp).pages[1])
    assert "none is set for Social media). Improvements #1, #4 and #9 bring it about." in page
    # One alone, in the singular.
    for improvement in bp.improvements[1:]:
        improvement.brings_about = []
    rank = next(
        s.rank for s in build_plan(bp).improvements if s.improvement_id == bp.improvements[0].id
    )
    page = flat(render(bp).pages[1])
    assert f"Improvement #{rank} brings it about." in page
