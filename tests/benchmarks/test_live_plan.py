"""Smoke test of the live-plan benchmark on a small blueprint: it edits, reads and restores."""

from PySide6.QtCore import QCoreApplication, QEvent

from benchmarks.generate import generate_blueprint
from benchmarks.live_plan import live_plan_rows
from blueprint.storage import dumps_blueprint
from blueprint.ui.document import Document


def test_the_live_plan_benchmark_times_fresh_plans_and_leaves_the_blueprint_as_it_was(qapp):
    bp = generate_blueprint(touchpoints=40, frictions=100, improvements=12, flows=60)
    before = dumps_blueprint(bp)
    document = Document(bp)
    try:
        (row,) = live_plan_rows(document, qapp, repeats=3)
        assert row.name == "plan after one edit" and row.repeats == 3
        assert row.min <= row.value <= row.max
        assert document.undo_stack.index() == 0  # every edit undone
        assert dumps_blueprint(bp) == before
    finally:
        document.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
