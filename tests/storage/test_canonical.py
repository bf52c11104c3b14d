"""Keys at their default are left out of a saved file, and the file stays canonical.

However a blueprint was written (every default spelt out, as blueprint wrote files before,
or left out, keys in any order, whole numbers without a decimal point), it opens to the same
blueprint and saves to the same bytes.
"""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from blueprint.model import SCHEMA_VERSION, Blueprint, Epic, Friction, Stage, Touchpoint
from blueprint.model.templates import new_blueprint
from blueprint.storage import dumps_blueprint, load_blueprint, loads_blueprint
from tests.strategies import blueprints

_EVERY_KEY = TypeAdapter(Blueprint)


def spelt_out(bp: Blueprint) -> bytes:
    """The file as blueprint wrote it before defaults were left out: every key written."""
    return _EVERY_KEY.dump_json(bp, indent=2) + b"\n"


@st.composite
def written_variants(draw, full: object, canonical: object) -> object:
    """The same document as another writer might put it: any default spelt out or left out,
    keys in any order, a whole number written without its decimal point."""
    if isinstance(full, dict):
        assert isinstance(canonical, dict)
        keys = [key for key in full if key in canonical or draw(st.booleans())]
        keys = draw(st.permutations(keys))
        return {
            key: draw(written_variants(full[key], canonical.get(key, full[key]))) for key in keys
        }
    if isinstance(full, list):
        assert isinstance(canonical, list)
        return [draw(written_variants(f, c)) for f, c in zip(full, canonical, strict=True)]
    if isinstance(full, float) and full.is_integer() and abs(full) < 2**53:
        return int(full) if draw(st.booleans()) else full
    return full


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_way_of_writing_one_blueprint_saves_to_the_same_bytes(data):
    bp = data.draw(blueprints())
    canonical = dumps_blueprint(bp)
    variant = data.draw(
        written_variants(json.loads(spelt_out(bp)), json.loads(canonical)), label="file"
    )
    opened = loads_blueprint(json.dumps(variant, ensure_ascii=False).encode())
    assert opened == bp
    assert dumps_blueprint(opened) == canonical


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blueprints())
def test_load_save_load_save_gives_identical_bytes(bp):
    first = dumps_blueprint(loads_blueprint(dumps_blueprint(bp)))
    second = dumps_blueprint(loads_blueprint(first))
    assert first == second == dumps_blueprint(bp)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blueprints())
def test_only_keys_a_reader_fills_in_are_left_out(bp):
    # A reader takes every key that has a default as optional, so a file without them
    # opens in every release of blueprint that reads its schema version.
    def check(model: object, written: object) -> None:
        if isinstance(written, list):
            for m, w in zip(model, written, strict=True):
                check(m, w)
            return
        if not isinstance(written, dict):
            return
        for name, field in type(model).model_fields.items():
            if name in written:
                check(getattr(model, name), written[name])
            else:
                assert not field.is_required(), f"{type(model).__name__}.{name} left out"
                assert name != "id"

    written = json.loads(dumps_blueprint(bp))
    assert list(written)[:2] == ["format", "schema_version"]
    check(bp, written)


def test_a_file_with_every_default_written_out_opens_and_saves_shorter(sample_path):
    bp = load_blueprint(sample_path)
    old = spelt_out(bp)
    assert loads_blueprint(old) == bp
    assert dumps_blueprint(loads_blueprint(old)) == sample_path.read_bytes()
    assert len(sample_path.read_bytes()) < 0.9 * len(old)


def test_defaults_are_left_out_and_everything_else_is_kept():
    bp = new_blueprint()
    stage = bp.stages[0]
    touchpoint = Touchpoint(
        id="tp-1", title="Order", stage_id=stage.id, channel_id=bp.channels[0].id
    )
    touchpoint.epic = Epic(easy=4)
    bp.touchpoints.append(touchpoint)
    bp.frictions.append(Friction(id="fr-1", title="Slow", touchpoint_id="tp-1", severity=3))
    written = json.loads(dumps_blueprint(bp))
    assert written["touchpoints"] == [
        {
            "id": "tp-1",
            "title": "Order",
            "stage_id": stage.id,
            "channel_id": bp.channels[0].id,
            "epic": {"easy": 4},
        }
    ]
    assert written["frictions"] == [
        {"id": "fr-1", "title": "Slow", "touchpoint_id": "tp-1", "severity": 3}
    ]
    assert written["stages"][0] == {"id": stage.id, "name": stage.name}


def test_an_empty_blueprint_is_its_marker_and_version():
    empty = f'{{\n  "format": "blueprint",\n  "schema_version": {SCHEMA_VERSION}\n}}\n'.encode()
    assert dumps_blueprint(Blueprint()) == empty
    one_stage = dumps_blueprint(Blueprint(stages=[Stage(id="s", name="Awareness")]))
    assert one_stage.startswith(empty[: -len(b"\n}\n")] + b',\n  "stages": [\n')
