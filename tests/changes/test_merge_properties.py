"""Properties of the three-way merge over random edit sequences of two sides on one base:
the result is always a valid file, keeps every entity neither side deleted, and merging a
version with itself (or with the unchanged base) gives that version byte for byte."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from blueprint.changes import merge_blueprints
from blueprint.changes.decisions import GROUPS, decision_paths, decision_value
from blueprint.changes.fields import COLLECTIONS
from blueprint.model import document_problems
from blueprint.storage import dumps_blueprint, load_blueprint, loads_blueprint
from tests.changes.edits import edited, ids_of
from tests.conftest import SAMPLES
from tests.factories import future_blueprint, small_blueprint
from tests.strategies import blueprints

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


#: Hand-made bases: fuller than most random ones, so two sides meet more often.
RICH_BASES = [small_blueprint(), future_blueprint(), *(load_blueprint(p) for p in SAMPLES[:1])]


@st.composite
def three_versions(draw):
    if draw(st.booleans()):
        base = draw(st.sampled_from(RICH_BASES))
    else:
        base = draw(blueprints(max_touchpoints=6))
    return base, draw(edited(base)), draw(edited(base))


def _pairs(bp):
    return {(f.from_id, f.to_id) for f in bp.flows}


@SETTINGS
@given(three_versions())
def test_merging_two_sides_gives_a_valid_file_with_everything_neither_deleted(versions):
    base, ours, theirs = versions
    result = merge_blueprints(base, ours, theirs)
    merged = result.blueprint
    assert document_problems(merged) == []
    data = dumps_blueprint(merged)
    assert dumps_blueprint(loads_blueprint(data)) == data
    was, mine, yours, now = ids_of(base), ids_of(ours), ids_of(theirs), ids_of(merged)
    for collection in COLLECTIONS:
        kept_by_both = was[collection] & mine[collection] & yours[collection]
        added = (mine[collection] | yours[collection]) - was[collection]
        missing = (kept_by_both | added) - now[collection]
        if collection == "flows":  # a link both added is one flow: ours'
            pairs = _pairs(merged)
            missing = {
                f.id for f in theirs.flows if f.id in missing and (f.from_id, f.to_id) not in pairs
            }
        assert not missing, (collection, missing)
    # merging is reproducible
    assert dumps_blueprint(merge_blueprints(base, ours, theirs).blueprint) == data


def _future_severity_against_a_card_gone_tomorrow():
    """Found by the property below: ours eases a friction point tomorrow, theirs takes its
    card out of tomorrow. Its future went as a whole, and a conflict recorded on its future
    frequency named a value the file no longer held."""
    from blueprint.model import Presence

    base = future_blueprint()
    ours = base.model_copy(deep=True)
    next(f for f in ours.frictions if f.id == "x1").future.severity = 1
    theirs = base.model_copy(deep=True)
    next(t for t in theirs.touchpoints if t.id == "t2").state = Presence.CURRENT
    next(t for t in theirs.touchpoints if t.id == "t2").future = None
    next(f for f in theirs.flows if f.id == "f1").state = Presence.CURRENT
    x1 = next(f for f in theirs.frictions if f.id == "x1")
    x1.state, x1.future = Presence.CURRENT, None
    return base, ours, theirs


@SETTINGS
@given(three_versions())
@example(_future_severity_against_a_card_gone_tomorrow())
def test_each_conflict_keeps_the_value_the_file_holds(versions):
    base, ours, theirs = versions
    result = merge_blueprints(base, ours, theirs)
    merged = result.blueprint
    by_id = {e.id: e for c in COLLECTIONS for e in getattr(merged, c)}
    for conflict in result.conflicts:
        assert conflict in merged.conflicts
        if conflict.kind == "both changed" and conflict.collection != "blueprint":
            data = by_id[conflict.entity_id].model_dump(mode="json")
            value = decision_value(conflict.collection, data, conflict.field)
            assert value == conflict.kept, conflict


@SETTINGS
@given(three_versions())
def test_no_conflict_is_about_part_of_one_value(versions):
    """A cell or a frequency is one decision: no conflict names its stage or its count."""
    base, ours, theirs = versions
    result = merge_blueprints(base, ours, theirs)
    for conflict in result.conflicts:
        if conflict.kind == "both changed" and conflict.collection != "blueprint":
            paths = decision_paths(conflict.collection)
            parts = {m for members in GROUPS.get(conflict.collection, {}).values() for m in members}
            inside = [p for p in paths if conflict.field.startswith(p + ".")]
            assert conflict.field not in parts and not inside, conflict


@SETTINGS
@given(three_versions())
def test_a_version_merged_with_itself_or_the_base_is_that_version(versions):
    base, version, _ = versions
    expected = dumps_blueprint(version)
    for ours, theirs in ((version, version), (base, version), (version, base)):
        result = merge_blueprints(base, ours, theirs)
        assert result.clean
        assert dumps_blueprint(result.blueprint) == expected
