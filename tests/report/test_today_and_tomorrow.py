"""The 'Today and tomorrow' section: there when the blueprint draws a future, absent if not."""

import pytest

from blueprint.analysis import build_plan
from blueprint.model import Epic, Presence, TouchpointFuture
from blueprint.report.sections.common import SECTIONS_WITH_FUTURE
from tests.factories import future_blueprint, small_blueprint, tiny_delta_blueprint

from .conftest import flat, render

HEADINGS_WITH_FUTURE = [f"{n} {t}" for n, (_, t) in enumerate(SECTIONS_WITH_FUTURE, 1)]


@pytest.fixture(scope="module")
def rendered():
    bp = future_blueprint()
    return render(bp, build_plan(bp))


def test_the_section_comes_right_after_the_summary_and_the_rest_move_down(rendered):
    body = rendered.body
    # the sections this plan holds (no persona here names a preferred channel)
    positions = [body.index(rendered.heading(section)) for section in rendered.sections]
    assert positions == sorted(positions)
    assert HEADINGS_WITH_FUTURE[:3] == [
        "1 Summary",
        "2 Today and tomorrow",
        "3 The staircase of service",
    ]
    assert "2  Today and tomorrow" in rendered.outline_titles()
    cover = flat(rendered.pages[0])
    assert "2 Today and tomorrow 3 The staircase of service" in cover
    assert "section 8 shows how" in cover  # the formulas are section 8 now


def test_the_summary_names_the_headline_gain(rendered):
    summary = flat(rendered.pages[1])
    assert (
        "Tomorrow: The future state drawn in this blueprint (section 2) would cut the friction "
        "cost by up to £ 6,480 a year, from £ 7,200 to £ 720 (the contacts it moves to SMS "
        "still happen there, but no cost per contact is set for it: they count as 0), and "
        "save 480 lost journeys a year." in summary
    )


def test_a_future_that_cuts_the_cost_as_more_customers_give_up_says_both():
    """The cost fell to 0 because customers gave up: the summary called it a win alone, and
    then led with it before the loss."""
    from blueprint.changes import compare_states
    from blueprint.report.comparison_text import headline_sentence
    from tests.factories import small_blueprint

    bp = small_blueprint()
    slow = bp.frictions[0]
    slow.future = {"gives_up": True}
    delta = compare_states(bp, each_persona=False).whole
    assert headline_sentence(delta, bp.currency) == (
        "The future state drawn in this blueprint: lost journeys rise by 1,040 a year and the "
        "friction impact rises by 25%. It would cut the friction cost by about € 7,800 a year, "
        "from € 7,800 to € 0, but customers who give up make no contact: what they no longer "
        "cost is no saving."
    )


def test_a_future_that_saves_journeys_at_a_higher_cost_says_both():
    from blueprint.changes import compare_states
    from blueprint.report.comparison_text import headline_sentence
    from tests.factories import small_blueprint

    bp = small_blueprint()
    slow = bp.frictions[0]
    slow.gives_up = True  # today they give up; tomorrow they call
    slow.future = {"gives_up": False, "leads_to_channel_id": "phone"}
    delta = compare_states(bp, each_persona=False).whole
    assert headline_sentence(delta, bp.currency) == (
        "The future state drawn in this blueprint would save 1,040 lost journeys a year, and "
        "cut the friction impact by 20%, but the friction cost rises by € 7,800 a year."
    )


def test_a_future_that_is_worse_says_so_with_its_cost_first():
    """ "…(section 2): Friction impact rises by 181,202": a unit of the method, after a colon
    and a capital, and the rise of the cost a manager reads not said at all."""
    from blueprint.changes import compare_states
    from blueprint.report.comparison_text import headline_sentence
    from tests.factories import small_blueprint

    bp = small_blueprint()
    slow = bp.frictions[0]
    slow.leads_to_channel_id = "phone"
    slow.future = {
        "frequency": slow.frequency.model_copy(update={"count": slow.frequency.count * 3})
    }
    delta = compare_states(bp, each_persona=False).whole
    assert headline_sentence(delta, bp.currency) == (
        "The future state drawn in this blueprint would make things worse: the friction cost "
        "rises by € 15,600 a year and the friction impact rises by 200%."
    )


def test_the_section_shows_the_figures_and_the_three_biggest_changes(rendered):
    section = rendered.section("2 Today and tomorrow", "3 The staircase of service")
    # The stairway drawn before and after, steps 0 to 5: 100 a month on Live human (step 1)
    # today, 10 tomorrow.
    assert "Today 40 100 0 0 0 0 Tomorrow 0 (-40) 10 (-90) 20 (+20) 0 0 0" in section
    assert "Friction cost a year £ 7,200 £ 720 -£ 6,480" in section
    assert "Avoidable cost a year: what the friction cost falls by £ 6,480" in section
    assert "Failure-demand share 25.0% 3.0% -22.0 points" in section
    assert "cost per contact unknown for SMS (counted as 0)" in section
    assert (
        "1. Lost journeys a year fall by 480, from 480 to 0. "
        "2. Friction impact falls by 1,406, from 1,560 to 154. "
        "3. Friction cost a year falls by £ 6,480, from £ 7,200 to £ 720." in section
    )
    assert "Install 25.0 87.5 +62.5 points E → I -1.5 +1.0 +2.5" in section
    assert "Family -1,166 -£ 6,480 0 -22.0 points +1 +37.5 points" in section
    assert "Added touchpoint 'Install date by SMS' (brought about by #2)" in section


def test_the_rest_of_the_plan_reads_todays_journey(rendered):
    register = rendered.section("7 Friction register", "8 How the scores")
    assert "Long hold" in register  # gone tomorrow, there today
    assert "SMS too early" not in register  # tomorrow only
    assert "3 friction points" in flat(rendered.pages[0])  # "Made with ... 3 friction points"


def test_a_persona_plan_compares_that_persona_only():
    bp = future_blueprint()
    rendered = render(bp, build_plan(bp, persona_id="p1"))
    section = rendered.section("2 Today and tomorrow", "3 The staircase of service")
    assert "The figures are those of persona Family." in section
    assert "Channel switches 0 1 +1" in section
    assert "Change by persona" not in section


def test_a_future_equal_to_today_says_nothing_changes():
    bp = small_blueprint()
    touchpoint = bp.touchpoints[0]
    touchpoint.future = TouchpointFuture(title=touchpoint.title)  # drawn, but the same
    rendered = render(bp)
    assert "Tomorrow: The future state drawn in this blueprint (section 2) changes none of" in (
        flat(rendered.pages[1])
    )
    section = rendered.section("2 Today and tomorrow", "3 The staircase of service")
    assert "None: the future state drawn changes none of these figures." in section


def test_without_a_future_state_the_plan_is_as_before():
    rendered = render(small_blueprint())
    assert "Today and tomorrow" not in rendered.text
    assert "Tomorrow:" not in rendered.text
    headings = [rendered.heading(section) for section in rendered.sections]
    positions = [rendered.body.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert "section 7 shows how" in flat(rendered.pages[0])


def test_a_plan_of_a_file_whose_future_only_removes_shows_the_removal():
    bp = small_blueprint()
    bp.flows[1].state = Presence.CURRENT
    rendered = render(bp, build_plan(bp))
    section = rendered.section("2 Today and tomorrow", "3 The staircase of service")
    assert "Removed flow 'Call about order → Complain'" in section
    assert "Channel switches 2 1 -1" in section


def test_a_change_too_small_to_show_has_no_minus_sign():
    bp = tiny_delta_blueprint()
    section = render(bp).section("2 Today and tomorrow", "3 The staircase of service")
    assert "Failure-demand share 50.0% 50.0% 0.0 points" in section
    assert "-0.0" not in section
    assert "Failure-demand share falls by less than 0.1 points, from 50.0% to 50.0%." in section


def test_a_future_equal_to_today_is_said_to_change_nothing():
    bp = small_blueprint()
    bp.touchpoints[0].epic = Epic(easy=3)
    bp.touchpoints[0].future = TouchpointFuture(epic=Epic(easy=3))
    section = render(bp).section("2 Today and tomorrow", "3 The staircase of service")
    assert (
        "The blueprint draws the journey as it should be as well as it is: no change: every "
        "value it gives tomorrow is today's." in section
    )
    assert "Changed touchpoint" not in section
    assert "listed at the end" not in section


def test_two_counts_merged_into_one_are_no_change_at_all():
    """1 + 5 a week today, one of 6 a week tomorrow: the same customers, summed in another
    order (3e-14 apart), were "The biggest change: Friction impact stays at 208", in the
    summary a manager reads."""
    from blueprint.changes import compare_states
    from blueprint.model import Frequency, Friction, FrictionFuture
    from blueprint.report.comparison_text import biggest_shown, headline_sentence

    bp = small_blueprint()
    bp.frictions = [
        Friction(id="a", title="Slow", touchpoint_id="t2", frequency=Frequency(count=1)),
        Friction(
            id="b",
            title="Slower",
            touchpoint_id="t2",
            frequency=Frequency(count=5),
            state=Presence.CURRENT,
        ),
    ]
    bp.frictions[0].future = FrictionFuture(frequency=Frequency(count=6))
    bp.improvements = []
    delta = compare_states(bp, each_persona=False).whole
    assert biggest_shown(delta) == ()
    assert headline_sentence(delta, bp.currency) is None
    # Landing on a channel with a cost, nor is the cost cut ("by about € 0, from € 27 to
    # € 27"), for any counts that add up alike.
    for a, b in ((1, 5), (0.1, 0.2), (1.1, 2.2), (3.3, 1.1)):
        for friction in bp.frictions:
            friction.leads_to_channel_id = "phone"
        bp.frictions[0].frequency.count, bp.frictions[1].frequency.count = a, b
        bp.frictions[0].future = FrictionFuture(frequency=Frequency(count=a + b))
        delta = compare_states(bp, each_persona=False).whole
        assert delta.avoidable_cost == 0 and headline_sentence(delta, bp.currency) is None
    rendered = render(bp)
    section = rendered.section("2 Today and tomorrow")  # no plan: the rest is short
    assert "None: the future state drawn changes none of these figures." in section
    assert "stays at" not in section
    assert "changes none of its figures" in flat(rendered.pages[1])


def test_the_heading_counts_the_biggest_changes_it_lists():
    """ "The three biggest changes" stood over two."""
    from blueprint.report.comparison_text import biggest_title

    assert [biggest_title(n) for n in (1, 2, 3)] == [
        "The biggest change",
        "The two biggest changes",
        "The three biggest changes",
    ]


def test_contacts_moved_into_a_channel_without_a_cost_are_no_sure_saving():
    """The summary said "would cut the friction cost by about € 72,000" where the same
    contacts moved to a channel with no cost per contact: a manager read it as a saving."""
    from blueprint.changes import compare_states
    from blueprint.model import FrictionFuture
    from blueprint.report.comparison_text import headline_sentence

    bp = small_blueprint()
    bp.channels[2].cost_per_contact = None  # Complaints: no cost
    slow = bp.frictions[0]  # lands on Phone (€ 7.50) today
    slow.future = FrictionFuture(leads_to_channel_id="esc")
    comparison = compare_states(bp, each_persona=False)
    said = headline_sentence(comparison.whole, bp.currency, names=comparison.names)
    assert said.startswith(
        "The future state drawn in this blueprint would cut the friction cost by up to "
    )
    assert (
        "(the contacts it moves to Complaints still happen there, but no cost per contact is "
        "set for it: they count as 0)" in said
    )
    # Contacts on Website, with no cost either, both days: not a channel they move to.
    from blueprint.model import Frequency, Friction

    bp.frictions.append(
        Friction(
            id="w", title="Stays on the site", touchpoint_id="t1", frequency=Frequency(count=9)
        )
    )
    comparison = compare_states(bp, each_persona=False)
    said = headline_sentence(comparison.whole, bp.currency, names=comparison.names)
    assert "(the contacts it moves to Complaints still happen there" in said
    assert "Website" not in said


def test_a_friction_cost_of_channels_with_no_cost_is_not_known_not_nothing():
    """With no cost per contact anywhere the table read "£ 0 → £ 0" and "Avoidable cost £ 0"
    while the summary said "not known"."""
    bp = future_blueprint()
    for channel in bp.channels:
        channel.cost_per_contact = None
    section = render(bp, build_plan(bp)).section(
        "2 Today and tomorrow", "3 The staircase of service"
    )
    assert "Friction cost a year not known not known –" in section
    assert "Avoidable cost a year: what the friction cost falls by not known" in section
    assert "£ 0" not in section


def test_a_share_and_its_change_in_points_add_up_as_printed():
    """ "76% -> 68%, -7.7 points": the two shares rounded whole, their change not, and a
    manager who subtracted got 8 and doubted the table."""
    from blueprint.changes import compare_states
    from blueprint.report.comparison_text import delta_text, value_text
    from blueprint.storage import load_blueprint

    bp = load_blueprint("samples/broadband-installation.blueprint")
    headline = compare_states(bp).whole.headline
    [share] = [c for c in headline if c.measure.key == "failure_demand_share"]
    before, after, change = (
        value_text(share, share.before, bp.currency),
        value_text(share, share.after, bp.currency),
        delta_text(share, bp.currency),
    )
    assert (before, after, change) == ("75.7%", "68.0%", "-7.7 points")
    assert float(after[:-1]) - float(before[:-1]) == pytest.approx(float(change.split()[0]))


def test_the_list_of_changes_leaves_no_page_holding_a_line_alone():
    """The list was one paragraph: its last line, "by #1)", went alone onto a page of its
    own, between the figures and the staircase."""
    from blueprint.storage import load_blueprint

    bp = load_blueprint("samples/broadband-installation.blueprint")
    for number, page in enumerate(render(bp).pages, start=1):
        body = [line for line in page.splitlines() if "Page " not in line and line.strip()]
        # The running head and foot aside, every page says something.
        assert len(" ".join(body[1:])) > 80, f"page {number}: {body}"
