"""Properties of diff and show over random edits, with text in any script."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint.changes import DiffKind, blueprint_text, diff_blueprints, diff_lines
from blueprint.changes.diff import ORDER_GROUPS
from blueprint.changes.fields import COLLECTIONS
from blueprint.storage import dumps_blueprint
from tests.changes.edits import edited, ids_of
from tests.strategies import blueprints

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def two_versions(draw):
    base = draw(blueprints(max_touchpoints=6))
    return base, draw(edited(base))


def meaning(bp):
    """The file's bytes with each list in an order that means nothing put in one order:
    entities sorted stably by what groups them (a touchpoint's cell, a friction point's
    touchpoint...; by id where the order of the list means nothing, as for flows)."""
    bp = bp.model_copy(deep=True)
    for collection in COLLECTIONS:
        if collection not in ORDER_GROUPS:
            continue  # the whole list is ordered: stages, channels, improvements...
        group = ORDER_GROUPS[collection]
        key = (lambda e: e.id) if group is None else (lambda e, g=group: repr(g(e)))
        setattr(bp, collection, sorted(getattr(bp, collection), key=key))
    return dumps_blueprint(bp)


@SETTINGS
@given(two_versions())
def test_diff_is_empty_exactly_when_the_files_mean_the_same(versions):
    a, b = versions
    changes = diff_blueprints(a, b)
    assert (changes == []) == (meaning(a) == meaning(b))
    for line in diff_lines(changes):
        assert "\n" not in line and line.strip() == line


@SETTINGS
@given(two_versions())
def test_diff_names_every_entity_added_and_removed(versions):
    a, b = versions
    changes = diff_blueprints(a, b)
    was, now = ids_of(a), ids_of(b)
    for collection in COLLECTIONS:
        added = {
            c.entity_id for c in changes if c.collection == collection and c.kind == DiffKind.ADDED
        }
        removed = {
            c.entity_id
            for c in changes
            if c.collection == collection and c.kind == DiffKind.REMOVED
        }
        assert added == now[collection] - was[collection]
        assert removed == was[collection] - now[collection]


@SETTINGS
@given(blueprints())
def test_show_gives_one_header_line_per_entity(bp):
    text = blueprint_text(bp)
    headers = [line for line in text.split("\n") if line and not line.startswith(" ")]
    count = sum(len(getattr(bp, c)) for c in COLLECTIONS)
    # a text of several lines goes on indented, so every unindented line is a header
    assert len(headers) == count + 1
    assert blueprint_text(bp.model_copy(deep=True)) == text
