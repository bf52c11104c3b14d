"""Plan > Export Plan…: the open comment threads go into the PDF only when the box is ticked."""

import pytest

from blueprint.ui.document import Document
from tests.factories import evidence_blueprint
from tests.ui.talk_helpers import click
from tests.ui.test_plan_export import answer_dialog, export_and_wait, opened, pdf_text  # noqa: F401
from tests.ui.window_helpers import close_quietly, shown_window


@pytest.fixture
def window(qtbot, tmp_path):
    window = shown_window(qtbot, Document(evidence_blueprint(), tmp_path / "talk.blueprint"))
    yield window
    close_quietly(window)


def test_the_threads_are_in_the_pdf_only_when_the_box_is_ticked(
    qtbot, window, monkeypatch, tmp_path
):
    boxes = []

    def tick(dialog):
        dialog.show()  # as exec would
        qtbot.waitExposed(dialog)
        boxes.append(dialog.comments.text())
        assert not dialog.comments.isChecked()  # left out unless asked for
        click(qtbot, dialog.comments)

    answer_dialog(monkeypatch, qtbot, tick)
    export_and_wait(qtbot, window)
    assert boxes == ["&Include the open comment threads (2)"]
    text = " ".join(pdf_text(tmp_path / "talk-plan.pdf"))
    assert "Open comment threads" in text and "Is 20 a week right?" in text

    answer_dialog(monkeypatch, qtbot)
    export_and_wait(qtbot, window)
    text = " ".join(pdf_text(tmp_path / "talk-plan.pdf"))
    assert "Is 20 a week right?" not in text


def test_the_box_is_for_the_pdf_and_off_without_open_threads(qtbot, tmp_path):
    from blueprint.ui.plan.export_dialog import PlanExportDialog

    bp = evidence_blueprint()
    dialog = PlanExportDialog(bp, tmp_path / "talk.blueprint")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format.setCurrentIndex(dialog.format.findData("pptx"))
    assert not dialog.comments.isVisible()
    for comment in bp.comments:
        comment.resolved = True
    quiet = PlanExportDialog(bp, tmp_path / "talk.blueprint")
    qtbot.addWidget(quiet)
    assert not quiet.comments.isEnabled()
    assert quiet.comments.text() == "&Include the open comment threads (there are none)"
