"""Any valid blueprint saves and loads back equal, and saving is canonical."""

from hypothesis import HealthCheck, given, settings

from blueprint.model import document_problems
from blueprint.storage import dumps_blueprint, loads_blueprint
from tests.strategies import blueprints


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blueprints())
def test_any_valid_blueprint_round_trips_canonically(bp):
    assert document_problems(bp) == []
    data = dumps_blueprint(bp)
    loaded = loads_blueprint(data)
    assert loaded == bp
    assert dumps_blueprint(loaded) == data
