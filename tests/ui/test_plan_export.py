"""Plan > Export Plan…: the options, the background render (a PDF or a PowerPoint deck), and
how it ends."""

import errno
import io
import re
import threading
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QDesktopServices
from shiboken6 import isValid

from blueprint.ui.commands import EditFriction
from blueprint.ui.document import Document
from blueprint.ui.export import canvas_picture
from blueprint.ui.plan import export_job
from blueprint.ui.plan.export_action import PlanExport
from blueprint.ui.plan.export_dialog import PlanExportDialog
from blueprint.ui.plan.export_job import PlanExportJob
from tests.ui.editing_helpers import pick_from_popup, replace_text
from tests.ui.window_helpers import close_quietly, shown_window

LETTER = (612, 792)
A4 = (595, 842)


@pytest.fixture(autouse=True)
def opened(monkeypatch):
    """The PDFs the export would open in the user's viewer; no viewer ever opens."""
    paths = []

    def no_viewer(url):
        raise AssertionError(f"a PDF viewer was asked to open {url}")

    monkeypatch.setattr(QDesktopServices, "openUrl", no_viewer)
    monkeypatch.setattr(PlanExport, "open_document", lambda self, path: paths.append(path) or True)
    return paths


@pytest.fixture
def window(qtbot, broadband, tmp_path):
    window = shown_window(qtbot, Document(broadband, tmp_path / "broadband.blueprint"))
    yield window
    close_quietly(window)


@pytest.fixture
def errors(window, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append((title, message)))
    return shown


@pytest.fixture
def gate(monkeypatch):
    """Hold the export's thread before it builds the plan until the gate opens (or the user
    cancels): the test then acts while an export surely runs."""
    gate = threading.Event()
    build_plan = export_job.build_plan

    def held(*args, **kwargs):
        assert gate.wait(10), "the test never opened the gate"
        return build_plan(*args, **kwargs)

    request_cancel = PlanExportJob.request_cancel

    def cancel_opens_the_gate(self):
        request_cancel(self)
        gate.set()

    monkeypatch.setattr(export_job, "build_plan", held)
    monkeypatch.setattr(PlanExportJob, "request_cancel", cancel_opens_the_gate)
    yield gate
    gate.set()  # never leave a thread waiting


def answer_dialog(monkeypatch, qtbot, choose=lambda dialog: None):
    """Answer the export dialog as the user: ``choose`` fills it, then Export is clicked."""
    seen = []

    def exec_(dialog):
        seen.append(dialog.options())
        choose(dialog)
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(PlanExportDialog, "exec", exec_)
    return seen


def plan_action(window):
    return next(a for a in window.menus.plan.actions() if a.text() == "Export &Plan…")


def pdf_text(path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages]


def page_size(path) -> tuple[int, int]:
    box = PdfReader(path).pages[0].mediabox
    return round(box.width), round(box.height)


def export_and_wait(qtbot, window):
    with qtbot.waitSignal(window.plan_export.exportFinished, timeout=60_000):
        plan_action(window).trigger()


def test_the_action_is_in_the_plan_menu_and_beside_the_canvas_exports(window):
    action = plan_action(window)
    file_actions = [a.text() for a in window.menus.file.actions()]
    at = file_actions.index(action.text())
    assert file_actions[at - 1] == "Export as S&VG…"
    assert action.statusTip() and action.isEnabled()


def test_the_export_writes_the_plan_with_the_options_chosen(
    qtbot, window, monkeypatch, tmp_path, opened, gate
):
    blueprint = window.document.blueprint
    persona = blueprint.personas[1]

    def choose(dialog):
        dialog.persona.setCurrentIndex(dialog.persona.findText(persona.name))
        dialog.top.selectAll()
        qtbot.keyClicks(dialog.top, "3")
        dialog.paper.setCurrentIndex(dialog.paper.findText("Letter"))

    seen = answer_dialog(monkeypatch, qtbot, choose)
    plan_action(window).trigger()
    assert seen[0].path == tmp_path / "broadband-plan.pdf"  # the default: beside the file
    # The export runs; the window goes on with its work: an edit now is applied at once,
    # and is not in the PDF, made from the blueprint as it was when the export started.
    assert window.plan_export.running
    friction = blueprint.frictions[0]
    original = friction.title
    window.document.push(EditFriction(window.document, friction.id, "title", "Renamed now"))
    ticks = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(1)
    qtbot.waitUntil(lambda: len(ticks) >= 3)  # the UI thread handles events meanwhile
    assert window.document.entity("frictions", friction.id).title == "Renamed now"
    with qtbot.waitSignal(window.plan_export.exportFinished, timeout=60_000):
        gate.set()
    timer.stop()

    path = tmp_path / "broadband-plan.pdf"
    pages = pdf_text(path)
    assert blueprint.title in pages[0]
    assert f"Plan for persona: {persona.name}" in pages[0]
    assert page_size(path) == LETTER
    assert any("top 3 improvements" in page for page in pages)
    everything = " ".join(pages)
    assert original in everything and "Renamed now" not in everything
    assert opened == [path]
    assert window.statusBar().currentMessage().startswith("Exported the plan to broadband-plan.pdf")
    assert not window.plan_export.progress.isVisible()


def test_a4_for_everyone_and_no_viewer_when_not_asked(qtbot, window, monkeypatch, opened):
    def choose(dialog):
        dialog.paper.setCurrentIndex(dialog.paper.findText("A4"))
        dialog.open_when_done.click()

    answer_dialog(monkeypatch, qtbot, choose)
    export_and_wait(qtbot, window)
    path = window.document.path.with_name("broadband-plan.pdf")
    first = pdf_text(path)[0]
    assert "Personas covered: Busy family household, Home worker and Older" in first
    assert page_size(path) == A4
    assert opened == []


def test_the_next_export_offers_the_paper_and_the_viewer_choice_made_last(
    qtbot, window, monkeypatch
):
    """'Open the PDF when done', unticked, came back ticked at the next export (and Letter
    went back to the system's paper)."""

    def choose(dialog):
        pick_from_popup(qtbot, dialog.paper, "Letter")
        dialog.open_when_done.click()  # (the dialog is not shown: exec is answered here)
        assert not dialog.open_when_done.isChecked()

    seen = answer_dialog(monkeypatch, qtbot, choose)
    export_and_wait(qtbot, window)
    assert seen[0].open_when_done  # ticked at first
    seen = answer_dialog(monkeypatch, qtbot)
    export_and_wait(qtbot, window)
    assert (seen[0].paper, seen[0].open_when_done) == ("letter", False)


def test_the_action_is_disabled_while_an_export_runs(qtbot, window, monkeypatch, errors, gate):
    seen = answer_dialog(monkeypatch, qtbot)
    action = plan_action(window)
    action.trigger()
    assert window.plan_export.running
    assert not action.isEnabled()
    assert window.plan_export.progress.isVisible()
    window.plan_export.export_plan()  # as from a shortcut: nothing happens
    assert len(seen) == 1
    with qtbot.waitSignal(window.plan_export.exportFinished, timeout=60_000):
        gate.set()
    assert action.isEnabled() and not window.plan_export.running
    assert errors == []


def test_cancel_stops_the_export_and_writes_nothing(qtbot, window, monkeypatch, tmp_path, gate):
    answer_dialog(monkeypatch, qtbot)
    plan_action(window).trigger()
    progress = window.plan_export.progress
    with qtbot.waitSignal(window.plan_export.exportFinished, timeout=60_000):
        qtbot.mouseClick(progress.cancel, Qt.MouseButton.LeftButton)
    assert not (tmp_path / "broadband-plan.pdf").exists()
    assert window.statusBar().currentMessage() == "Plan export cancelled; nothing was written"
    assert plan_action(window).isEnabled()


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("notes.txt/plan", "is a file, not a folder"),
        ("no such folder/plan", "There is no folder"),
    ],
)
def test_a_path_that_cannot_be_written_is_said_in_the_dialog_which_stays_open(
    qtbot, window, tmp_path, where, said
):
    """The export failed after the dialog had closed, and every choice was typed again."""
    (tmp_path / "notes.txt").write_text("a file, not a folder")
    dialog = PlanExportDialog(window.document.blueprint, window.document.path, window)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    qtbot.keyClicks(dialog.top, "5")  # a choice the user made
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(tmp_path / where))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.problem.isVisible() and said in dialog.problem.text()
    assert dialog.focusWidget() is dialog.path  # where the keys go in the dialog
    assert said in dialog.path.accessibleDescription()  # a screen reader reads it there
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(tmp_path / "plan"))
    assert not dialog.problem.isVisible()  # typing again clears it
    assert not dialog.path.accessibleDescription()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1 and dialog.options().path == tmp_path / "plan.pdf"


def test_a_full_disk_is_an_error_in_words(qtbot, window, monkeypatch, tmp_path, errors):
    from blueprint.report import output

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output, "atomic_write_bytes", full)
    answer_dialog(monkeypatch, qtbot)
    export_and_wait(qtbot, window)
    assert errors == [
        (
            "Cannot save the plan",
            f"Cannot write {tmp_path / 'broadband-plan.pdf'}: the disk is full.",
        )
    ]


def test_a_report_error_is_shown_in_a_dialog(qtbot, window, monkeypatch, errors):
    from blueprint.report import ReportError, render

    def missing_fonts():
        raise ReportError("the resource file fonts/DejaVuSans.ttf is missing")

    monkeypatch.setattr(render, "bundled_fonts", missing_fonts)
    answer_dialog(monkeypatch, qtbot)
    export_and_wait(qtbot, window)
    assert errors == [
        (
            "Cannot make the plan",
            "The plan cannot be made: the resource file fonts/DejaVuSans.ttf is missing.",
        )
    ]


def test_characters_no_font_draws_are_reported(qtbot, window, monkeypatch, tmp_path, errors):
    from blueprint.report import fonts

    monkeypatch.setattr(fonts, "SYSTEM_FONT_DIRS", [tmp_path / "no fonts here"])
    document = window.document
    friction = document.blueprint.frictions[0]
    document.push(EditFriction(document, friction.id, "title", "Order 注文"))
    warnings = []
    monkeypatch.setattr(
        window.plan_export, "show_warning", lambda title, text: warnings.append((title, text))
    )
    answer_dialog(monkeypatch, qtbot)
    export_and_wait(qtbot, window)
    assert errors == []
    assert len(warnings) == 1
    title, text = warnings[0]
    assert title == "Some characters could not be drawn"
    # Each character with its code and the text to change, not code points alone.
    assert text.startswith(
        "No font on this computer can draw 2 characters of the blueprint: 文 (U+6587) in "
        "the friction point 'Order 注文', 注 (U+6CE8) in the friction point 'Order 注文'."
    )
    assert "placeholder" in text and "take them out of the text" in text
    assert (tmp_path / "broadband-plan.pdf").exists()


def test_closing_the_window_during_an_export_stops_it_cleanly(
    qtbot, broadband, monkeypatch, tmp_path, gate, opened
):
    window = shown_window(qtbot, Document(broadband, tmp_path / "broadband.blueprint"))
    QCoreApplication.processEvents()  # the canvas fits itself to the window once shown
    answer_dialog(monkeypatch, qtbot)
    plan_action(window).trigger()
    job = window.plan_export.job
    assert job.isRunning()
    monkeypatch.setattr(window.plan_export, "ask_stop", lambda: True)  # "Stop and close"
    close_quietly(window)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(window)
    assert not isValid(job)  # waited for, then deleted with the window: never left running
    assert not (tmp_path / "broadband-plan.pdf").exists()
    assert opened == []


def test_the_dialog_offers_a_path_beside_the_file_and_browse_changes_it(
    qtbot, window, monkeypatch, tmp_path
):
    dialog = PlanExportDialog(window.document.blueprint, window.document.path)
    qtbot.addWidget(dialog)
    options = dialog.options()
    assert options.path == tmp_path / "broadband-plan.pdf"
    assert options.top == 8 and options.open_when_done

    chosen = tmp_path / "for the board"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName",
        lambda *args: (str(chosen), "PDF documents (*.pdf)"),
    )
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert dialog.options().path == tmp_path / "for the board.pdf"

    dialog.path.clear()
    assert not dialog.export_button.isEnabled()


def test_the_plan_is_for_every_customer_whatever_persona_the_canvas_shows(
    qtbot, window, monkeypatch
):
    """A persona left chosen in the toolbar's filter made the manager's plan that persona's
    (11 improvements of 12, a lower avoidable cost), unless noticed in the dialog."""
    persona = window.document.blueprint.personas[2]
    window.live_plan.set_persona(persona.id)
    seen = []

    def cancel(dialog):
        seen.append((dialog.persona.currentText(), dialog.options().persona_id))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        return dialog.result()

    monkeypatch.setattr(PlanExportDialog, "exec", cancel)
    plan_action(window).trigger()
    assert seen == [("Every customer", None)]
    assert window.live_plan.persona_id == persona.id  # the canvas keeps its filter


def test_an_untitled_blueprint_exports_to_the_documents_folder(qtbot, broadband):
    dialog = PlanExportDialog(broadband, None)
    qtbot.addWidget(dialog)
    assert dialog.options().path.name == "untitled-plan.pdf"
    assert dialog.persona.currentText() == "Every customer"


def test_without_a_documents_folder_an_untitled_plan_goes_to_the_home_folder(
    qtbot, broadband, monkeypatch, tmp_path
):
    from PySide6.QtCore import QStandardPaths

    monkeypatch.setattr(
        QStandardPaths, "writableLocation", lambda location: str(tmp_path / "Documents")
    )
    dialog = PlanExportDialog(broadband, None)
    qtbot.addWidget(dialog)
    assert dialog.options().path == Path.home() / "untitled-plan.pdf"


# --- the PowerPoint deck ------------------------------------------------------------------------


def choose_powerpoint(qtbot, dialog) -> None:
    """Pick the deck in the Format list with the mouse, as a person does."""
    dialog.show()
    qtbot.waitExposed(dialog)
    pick_from_popup(qtbot, dialog.format, "PowerPoint deck")


def test_choosing_powerpoint_writes_an_editable_deck_with_the_canvas(
    qtbot, window, monkeypatch, tmp_path, opened, errors
):
    blueprint = window.document.blueprint
    undo_steps = window.document.undo_stack.count()
    answer_dialog(monkeypatch, qtbot, lambda dialog: choose_powerpoint(qtbot, dialog))
    from blueprint.ui.plan.export_progress import ExportProgress

    shown, show = [], ExportProgress.show_progress

    def show_and_note(progress, stage, fraction):
        show(progress, stage, fraction)
        shown.append(progress.stage.text())

    monkeypatch.setattr(ExportProgress, "show_progress", show_and_note)
    export_and_wait(qtbot, window)
    # Its progress line says a deck is being made (it said "Plan PDF: Composing the deck").
    assert shown and all(text.startswith("Plan deck: ") for text in shown)

    path = tmp_path / "broadband-plan.pptx"
    assert errors == [] and opened == [path]
    assert not (tmp_path / "broadband-plan.pdf").exists()
    deck = Presentation(path)
    titles = [slide.shapes.title.text for slide in deck.slides]
    assert titles[:3] == [blueprint.title, "Summary", "Today and tomorrow"]
    assert "The staircase of service" in titles and "Top improvements" in titles
    picture_slide = deck.slides[titles.index("The blueprint")]
    (picture,) = [s for s in picture_slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert picture.name == "Canvas"  # the editor's own picture, not the command line's grid
    image = Image.open(io.BytesIO(picture.image.blob))
    assert image.format == "PNG" and max(image.size) <= 2400
    assert picture.image.blob == canvas_picture(blueprint)  # as File > Export as PNG paints it
    assert window.statusBar().currentMessage() == (
        f"Exported the plan to broadband-plan.pptx ({len(titles)} slides)"
    )
    assert window.document.undo_stack.count() == undo_steps  # exporting changes nothing


def test_the_format_and_the_file_name_follow_each_other(qtbot, window, tmp_path):
    dialog = PlanExportDialog(window.document.blueprint, window.document.path)
    qtbot.addWidget(dialog)
    choose_powerpoint(qtbot, dialog)
    assert dialog.path.text() == str(tmp_path / "broadband-plan.pptx")
    assert not dialog.paper.isEnabled()  # slides are 16:9, whatever the paper
    assert dialog.open_when_done.text() == "&Open the deck when done"
    pick_from_popup(qtbot, dialog.format, "PDF document")
    assert dialog.path.text() == str(tmp_path / "broadband-plan.pdf") and dialog.paper.isEnabled()
    # A name typed with .pptx chooses the deck, as on the command line.
    replace_text(qtbot, dialog.path, str(tmp_path / "board.pptx"))
    assert dialog.format.currentText() == "PowerPoint deck"
    assert dialog.options().path == tmp_path / "board.pptx"
    assert dialog.options().format == "pptx"
    replace_text(qtbot, dialog.path, str(tmp_path / "board"))
    assert dialog.options().path == tmp_path / "board.pptx"


def test_a_full_disk_under_a_deck_is_an_error_in_words(
    qtbot, window, monkeypatch, tmp_path, errors
):
    from blueprint.report import output

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output, "atomic_write_bytes", full)
    answer_dialog(monkeypatch, qtbot, lambda dialog: choose_powerpoint(qtbot, dialog))
    export_and_wait(qtbot, window)
    assert errors == [
        (
            "Cannot save the plan",
            f"Cannot write {tmp_path / 'broadband-plan.pptx'}: the disk is full.",
        )
    ]
    assert not (tmp_path / "broadband-plan.pptx").exists()
