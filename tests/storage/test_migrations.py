"""Older files open: each schema version is upgraded one step at a time on load."""

import json

import pytest

from blueprint.changes.conflicts import conflict_lines
from blueprint.model import SCHEMA_VERSION
from blueprint.storage import LoadError, dumps_blueprint, jsonfile, loads_blueprint, migrations
from tests.conftest import ROOT
from tests.factories import small_blueprint

VERSIONS = ROOT / "tests" / "storage" / "versions"


def test_steps_run_in_order_and_stamp_each_version(monkeypatch):
    calls = []

    def step(name):
        def run(document):
            calls.append((name, document["schema_version"]))
            return {**document, name: True}

        return run

    monkeypatch.setitem(migrations.MIGRATIONS, 1, step("one"))
    monkeypatch.setitem(migrations.MIGRATIONS, 2, step("two"))
    result = migrations.migrate({"schema_version": 1}, 1, target=3)
    assert calls == [("one", 1), ("two", 2)]
    assert result == {"schema_version": 3, "one": True, "two": True}


def test_a_current_file_is_not_touched():
    document = {"schema_version": 1, "x": 1}
    assert migrations.migrate(document, 1, target=1) is document


def test_an_older_file_is_upgraded_when_opened(monkeypatch):
    # Pretend version 0 existed and spelt the organisation field the American way.
    def rename_organization(document):
        document["organisation"] = document.pop("organization")
        return document

    monkeypatch.setattr(jsonfile, "FIRST_SCHEMA_VERSION", 0)
    monkeypatch.setitem(migrations.MIGRATIONS, 0, rename_organization)
    old = json.loads(dumps_blueprint(small_blueprint()))
    old["schema_version"] = 0
    old["organization"] = old.pop("organisation", "") or "Acme"
    loaded = loads_blueprint(json.dumps(old).encode())
    assert loaded.organisation == "Acme" and loaded.schema_version == SCHEMA_VERSION


def test_a_version_without_an_upgrade_path_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(jsonfile, "FIRST_SCHEMA_VERSION", 0)
    old = json.loads(dumps_blueprint(small_blueprint()))
    old["schema_version"] = 0
    with pytest.raises(LoadError, match="schema version 0, which this version of blueprint"):
        loads_blueprint(json.dumps(old).encode())


# --- each real step, on a file as that version wrote it -----------------------------------


def test_version_1_opens_with_costs_kept_and_their_source_not_said():
    """1 -> 2: channels gained ``cost_source`` and ``cost_note``; a version 1 file said
    neither, so its costs are kept as they were, their source not said."""
    path = VERSIONS / "v1-broadband-installation.blueprint"
    raw = json.loads(path.read_text("utf-8"))
    assert raw["schema_version"] == 1
    loaded = jsonfile.load_blueprint(path)
    assert loaded.schema_version == SCHEMA_VERSION
    costs = {c["id"]: c["cost_per_contact"] for c in raw["channels"]}
    assert {c.id: c.cost_per_contact for c in loaded.channels} == costs
    assert all(c.cost_source is None and c.cost_note == "" for c in loaded.channels)
    # Everything else survives the step: the same entities, by id.
    for kind in ("stages", "touchpoints", "frictions", "flows", "improvements", "personas"):
        assert [e.id for e in getattr(loaded, kind)] == [e["id"] for e in raw[kind]]
    # Saved again, it is a current file that reads back the same.
    assert loads_blueprint(dumps_blueprint(loaded)) == loaded


def test_the_step_from_1_changes_nothing_but_the_version():
    document = {"schema_version": 1, "channels": [{"id": "c", "cost_per_contact": 4.0}]}
    upgraded = migrations.migrate(json.loads(json.dumps(document)), 1, target=2)
    assert upgraded == {**document, "schema_version": 2}


def test_version_2_opens_with_every_entity_in_both_states():
    """2 -> 3: touchpoints, flows and friction points gained ``state`` and ``future``, and
    improvements ``brings_about``; a version 2 file knew one state, so all are in both."""
    path = VERSIONS / "v2-broadband-installation.blueprint"
    raw = json.loads(path.read_text("utf-8"))
    assert raw["schema_version"] == 2
    loaded = jsonfile.load_blueprint(path)
    assert loaded.schema_version == SCHEMA_VERSION
    for kind in ("touchpoints", "flows", "frictions"):
        entities = getattr(loaded, kind)
        assert [e.id for e in entities] == [e["id"] for e in raw[kind]]
        assert {e.state for e in entities} == {"both"}
    assert all(t.future is None for t in loaded.touchpoints)
    assert all(f.future is None for f in loaded.frictions)
    assert all(i.brings_about == [] for i in loaded.improvements)
    assert loads_blueprint(dumps_blueprint(loaded)) == loaded


def test_the_step_from_2_changes_nothing_but_the_version():
    document = {"schema_version": 2, "touchpoints": [{"id": "t", "title": "x"}]}
    upgraded = migrations.migrate(json.loads(json.dumps(document)), 2, target=3)
    assert upgraded == {**document, "schema_version": 3}


def test_version_3_opens_with_its_future_state_and_no_evidence_yet():
    """3 -> 4: blueprints gained measures, evidence, comments and merge conflicts, and a
    friction's frequency a ``measure_id``; a version 3 file had none, so all are empty and
    its current and future states are exactly as they were."""
    path = VERSIONS / "v3-broadband-installation.blueprint"
    raw = json.loads(path.read_text("utf-8"))
    assert raw["schema_version"] == 3
    loaded = jsonfile.load_blueprint(path)
    assert loaded.schema_version == SCHEMA_VERSION
    for kind in ("touchpoints", "flows", "frictions", "improvements"):
        assert [e.id for e in getattr(loaded, kind)] == [e["id"] for e in raw[kind]]
    futures = {t["id"]: t.get("future") for t in raw["touchpoints"]}
    assert any(futures.values())
    assert {
        t.id: t.future.model_dump(mode="json", exclude_defaults=True) if t.future else None
        for t in loaded.touchpoints
    } == futures
    assert (loaded.measures, loaded.evidence, loaded.comments, loaded.conflicts) == ([],) * 4
    assert all(f.frequency.measure_id is None for f in loaded.frictions)
    assert loads_blueprint(dumps_blueprint(loaded)) == loaded


def test_the_step_from_3_changes_nothing_but_the_version():
    document = {"schema_version": 3, "frictions": [{"id": "f", "title": "x"}]}
    upgraded = migrations.migrate(json.loads(json.dumps(document)), 3, target=4)
    assert upgraded == {**document, "schema_version": 4}


def test_version_4_conflicts_open_naming_no_side_and_are_said_as_ours_and_theirs():
    """4 -> 5: a conflict names the merge's two sides; a version 4 conflict named none, so
    both names are empty and its words say "ours" and "theirs" as they did."""
    path = VERSIONS / "v4-broadband-merged.blueprint"
    raw = json.loads(path.read_text("utf-8"))
    assert raw["schema_version"] == 4 and len(raw["conflicts"]) == 2
    loaded = jsonfile.load_blueprint(path)
    assert loaded.schema_version == SCHEMA_VERSION
    assert [c.model_dump(mode="json", exclude_defaults=True) for c in loaded.conflicts] == raw[
        "conflicts"
    ]
    assert {(c.ours_name, c.theirs_name) for c in loaded.conflicts} == {("", "")}
    assert conflict_lines(loaded, loaded.conflicts) == [
        "Touchpoint 'Compares plans online': title kept 'Compares plans online' (ours); theirs "
        "wanted 'Compares broadband deals'",
        "Friction point 'Address missing from the coverage list': deleted by theirs, kept as "
        "ours has it (it changed description)",
    ]
    assert loads_blueprint(dumps_blueprint(loaded)) == loaded


def test_the_step_from_4_changes_nothing_but_the_version():
    document = {"schema_version": 4, "conflicts": [{"id": "c", "kind": "both changed"}]}
    upgraded = migrations.migrate(json.loads(json.dumps(document)), 4, target=5)
    assert upgraded == {**document, "schema_version": 5}
