"""A whole blueprint replaced in one step (what a merge or a reload from the editor does):
the document becomes exactly the other blueprint, the canvas follows, and undo gives back
the original byte for byte."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint.model import document_problems
from blueprint.model.states import current_state
from blueprint.storage import dumps_blueprint
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.commands.replace import ReplaceBlueprint
from blueprint.ui.document import Document
from tests.strategies import blueprints
from tests.ui.conftest import snapshot
from tests.ui.test_undo_property import apply_random_command, starting_blueprints


def cards_match(scene: BlueprintScene, document: Document) -> bool:
    shown = {t.id for t in current_state(document.blueprint).touchpoints}
    return set(scene.cards()) == shown and set(scene.grid_layout.cards) == shown


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(blueprint=starting_blueprints, data=st.data())
def test_replacing_gives_the_other_blueprint_and_undo_the_first(qapp, blueprint, data):
    document = Document(blueprint.model_copy(deep=True))
    scene = BlueprintScene(document)
    if data.draw(st.integers(0, 9), label="unrelated") == 0:
        target = data.draw(blueprints(), label="other")
    else:
        other = Document(blueprint.model_copy(deep=True))
        for _ in range(data.draw(st.integers(1, 15), label="edits")):
            apply_random_command(data.draw, other)
        target = other.blueprint
    before = snapshot(document)
    document.push(ReplaceBlueprint(document, target, "Merge"))
    assert snapshot(document) == dumps_blueprint(target)
    assert document_problems(document.blueprint) == []
    assert cards_match(scene, document)
    document.undo_stack.undo()
    assert snapshot(document) == before
    assert cards_match(scene, document)
    document.undo_stack.redo()
    assert snapshot(document) == dumps_blueprint(target)
    assert cards_match(scene, document)


def test_an_identical_blueprint_is_no_step(qapp):
    from tests.factories import evidence_blueprint

    document = Document(evidence_blueprint())
    document.push(ReplaceBlueprint(document, evidence_blueprint(), "Merge"))
    assert document.undo_stack.count() == 0
    assert not document.is_modified()
