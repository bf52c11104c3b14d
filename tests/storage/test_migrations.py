"""Older files open: each schema version is upgraded one step at a time on load."""

import json

import pytest

from blueprint.storage import LoadError, dumps_blueprint, jsonfile, loads_blueprint, migrations
from tests.factories import small_blueprint


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
    old["organization"] = old.pop("organisation") or "Acme"
    loaded = loads_blueprint(json.dumps(old).encode())
    assert loaded.organisation == "Acme" and loaded.schema_version == 1


def test_a_version_without_an_upgrade_path_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(jsonfile, "FIRST_SCHEMA_VERSION", 0)
    old = json.loads(dumps_blueprint(small_blueprint()))
    old["schema_version"] = 0
    with pytest.raises(LoadError, match="schema version 0, which this version of blueprint"):
        loads_blueprint(json.dumps(old).encode())
