"""Templates and defaults follow the method's tables."""

import pytest

from blueprint.model import ChannelKind, Demand, document_problems
from blueprint.model.defaults import DEFAULT_CHANNELS, DEFAULT_STAGES, channel_default_for
from blueprint.model.templates import TEMPLATES, new_blueprint

# The channel table of DOMAIN.md, verbatim.
DOMAIN_CHANNELS = [
    ("Website / account", "self-service", 4),
    ("Mobile app", "self-service", 4),
    ("Help centre / FAQ", "self-help", 3),
    ("Chatbot / virtual agent", "self-help", 3),
    ("IVR (phone menu)", "self-help", 3),
    ("Email / web form", "assisted digital", 2),
    ("SMS / messaging", "assisted digital", 2),
    ("Social media", "assisted digital", 2),
    ("Live chat with an agent", "live human", 1),
    ("Phone with an agent", "live human", 1),
    ("Store / branch", "live human", 1),
    ("Field visit / technician", "live human", 1),
    ("Complaints / escalation", "escalation", 0),
]


def test_default_channels_match_the_method():
    assert [(c.name, c.kind.value, c.step) for c in DEFAULT_CHANNELS] == DOMAIN_CHANNELS


def test_standard_template_has_default_stages_channels_and_reasons():
    bp = new_blueprint("standard")
    assert [s.name for s in bp.stages] == list(DEFAULT_STAGES)
    assert [(c.name, c.kind.value, c.step) for c in bp.channels] == DOMAIN_CHANNELS
    primaries = [r for r in bp.contact_reasons if r.parent_id is None]
    assert 6 <= len(primaries) <= 8
    for primary in primaries:
        children = [r for r in bp.contact_reasons if r.parent_id == primary.id]
        assert 6 <= len(children) <= 8, primary.name
        assert {c.demand for c in children} == {Demand.VALUE, Demand.FAILURE} or all(
            c.demand == Demand.VALUE for c in children
        )


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_every_template_is_a_valid_distinct_start(name):
    bp = new_blueprint(name)
    assert document_problems(bp) == []
    assert bp.stages and bp.channels


def test_templates_differ():
    channel_sets = {name: len(new_blueprint(name).channels) for name in TEMPLATES}
    assert len(set(channel_sets.values())) == len(TEMPLATES)


@pytest.mark.parametrize(
    "name, kind, step",
    [
        ("Mobile app", ChannelKind.SELF_SERVICE, 4),
        ("  mobile   APP ", ChannelKind.SELF_SERVICE, 4),
        ("IVR", ChannelKind.SELF_HELP, 3),
        ("Phone", ChannelKind.LIVE_HUMAN, 1),
        ("Complaints", ChannelKind.ESCALATION, 0),
        ("Carrier pigeon", ChannelKind.ASSISTED_DIGITAL, 2),
    ],
)
def test_channel_defaults_by_name(name, kind, step):
    default = channel_default_for(name)
    assert (default.kind, default.step) == (kind, step)
