"""The plan's saving in words: never a headline of 0 where costs are simply missing."""

from blueprint.analysis import build_plan
from blueprint.model import FrequencySource, Improvement
from blueprint.model.templates import new_blueprint
from blueprint.report.saving import saving_sentence
from tests.factories import small_blueprint

from .conftest import flat, render


def sentence(bp) -> str:
    plan = build_plan(bp)
    return saving_sentence(plan, {c.id: c.name for c in bp.channels}, bp.currency)


def test_a_known_cost_is_the_headline():
    bp = small_blueprint()
    plan = build_plan(bp)
    expected = round(plan.total_avoidable_cost)
    assert expected > 0
    assert sentence(bp) == f"would avoid about € {expected:,} a year in contacts"


def test_a_missing_cost_says_which_channel_to_fill_in_instead_of_a_zero():
    bp = small_blueprint()
    bp.channels[1].cost_per_contact = None  # Phone
    said = sentence(bp)
    assert "€ 0" not in said
    assert said == (
        "would avoid contacts whose cost is not known yet: set a cost per contact for Phone "
        "to see it"
    )
    summary = flat(render(bp).pages[1])
    assert "set a cost per contact for Phone to see it" in summary
    assert "€ 0" not in summary


def test_a_saving_with_some_costs_missing_is_at_least_and_names_them():
    bp = small_blueprint()
    bp.frictions[1].leads_to_channel_id = "esc"  # Long hold pushes people to complain
    bp.frictions[1].frequency.count = 10
    bp.improvements[0].friction_ids = ["x1", "x2"]
    said = sentence(bp)
    assert said.startswith("would avoid at least € ")
    assert said.endswith("(set a cost per contact for Complaints to count theirs too)")


def test_estimated_costs_are_said_to_be_estimates():
    bp = small_blueprint()
    bp.channels[1].cost_source = FrequencySource.ESTIMATED
    assert sentence(bp).endswith("in contacts, at estimated costs per contact")


def test_a_new_blueprints_channels_carry_typical_costs_marked_as_estimates():
    bp = new_blueprint()
    phone = next(c for c in bp.channels if c.name == "Phone with an agent")
    assert phone.cost_per_contact and phone.cost_per_contact > 0
    assert phone.cost_source == FrequencySource.ESTIMATED
    assert "estimate" in phone.cost_note.lower()
    assert all(c.cost_per_contact is not None for c in bp.channels)


def test_nothing_counted_asks_for_counts_before_costs():
    """With no count given, a channel's missing cost was blamed: filling it in would still
    show nothing. The lead was also called sure in every plausible case, all reaches 0."""
    from blueprint.analysis.certainty import plan_certainty
    from blueprint.report.certainty_text import stability_sentence

    bp = small_blueprint()
    bp.channels[1].cost_per_contact = None  # Phone
    for friction in bp.frictions:
        friction.frequency.count = 0
    assert sentence(bp) == (
        "would avoid contacts not counted yet: give how often its friction points happen "
        "to see what it saves"
    )
    for n in range(2, 6):  # more than the top three, so the lead could move
        bp.improvements.append(Improvement(id=f"i{n}", title=f"Other {n}", friction_ids=["x1"]))
    plan = build_plan(bp)
    assert stability_sentence(plan, plan_certainty(bp, plan)) == (
        "Nothing is counted yet, so their order says nothing: count the friction first."
    )


def test_a_saving_on_guessed_frequencies_says_so():
    bp = small_blueprint()
    for friction in bp.frictions:
        friction.frequency.source = FrequencySource.ESTIMATED
    said = sentence(bp)
    assert said.startswith("would avoid about € ")
    assert said.endswith(" a year in contacts, if the frequencies guessed hold")
    bp.frictions[1].frequency.count = 10
    bp.improvements[0].friction_ids = ["x1", "x2"]
    bp.frictions[0].frequency.source = FrequencySource.MEASURED  # one of the two measured
    assert sentence(bp).endswith(" a year in contacts, partly on guessed frequencies")
    for friction in bp.frictions:
        friction.frequency.source = FrequencySource.MEASURED
    assert sentence(bp).endswith(" a year in contacts")
