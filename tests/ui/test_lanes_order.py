"""The order of the columns in the lanes view: stage by stage, along the flows."""

from blueprint.model import Blueprint, Channel, ChannelKind, Flow, Stage, Touchpoint
from blueprint.model.states import current_state
from blueprint.storage import load_blueprint
from blueprint.ui.lanes.journey_order import stages_in_journey_order
from tests.ui.conftest import BROADBAND


def _titles(blueprint: Blueprint) -> dict[str, list[str]]:
    return {s.name: [t.title for t in tps] for s, tps in stages_in_journey_order(blueprint)}


def _blueprint(touchpoints, flows=()) -> Blueprint:
    return Blueprint(
        title="Order",
        stages=[Stage(id="s1", name="One"), Stage(id="s2", name="Two")],
        channels=[
            Channel(id="web", name="Web", kind=ChannelKind.SELF_SERVICE, step=4),
            Channel(id="phone", name="Phone", kind=ChannelKind.LIVE_HUMAN, step=1),
        ],
        touchpoints=[
            Touchpoint(id=i, title=i, stage_id=stage, channel_id=channel)
            for i, stage, channel in touchpoints
        ],
        flows=[Flow(id=f"f{a}{b}", from_id=a, to_id=b) for a, b in flows],
    )


def test_the_broadband_story_reads_left_to_right_as_the_customer_lived_it():
    titles = _titles(current_state(load_blueprint(BROADBAND)))  # the lanes show today
    assert titles["Fulfilment"] == [
        "Checks order status on the web form",
        "Asks live chat for the install date",
        "Navigates the phone menu for orders",
        "First agent confirms the order exists",
        "Provisioning agent sets the install date",
        "Chats again to get the new date in writing",
        "Receives the appointment SMS",
        "Router parcel arrives",  # a side step: after the chain, not inside it
    ]
    assert list(titles)[:3] == ["Awareness", "Interest", "Intent"]


def test_without_flows_the_grid_reading_order_decides():
    # Document order says phone first; the grid shows the web channel above the phone.
    blueprint = _blueprint([("b", "s1", "phone"), ("a", "s1", "web"), ("c", "s1", "web")])
    assert _titles(blueprint) == {"One": ["a", "c", "b"], "Two": []}


def test_flows_within_a_stage_decide_and_flows_between_stages_do_not():
    blueprint = _blueprint(
        [("a", "s1", "web"), ("b", "s1", "phone"), ("c", "s2", "web")],
        flows=[("b", "a"), ("c", "b")],
    )
    assert _titles(blueprint) == {"One": ["b", "a"], "Two": ["c"]}


def test_a_cycle_of_flows_is_broken_and_every_touchpoint_shown_once():
    blueprint = _blueprint(
        [("a", "s1", "web"), ("b", "s1", "phone"), ("c", "s1", "phone")],
        flows=[("a", "b"), ("b", "c"), ("c", "a")],
    )
    assert _titles(blueprint)["One"] == ["a", "b", "c"]
