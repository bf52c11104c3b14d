"""The main window as a user meets it: title and modified mark, undo/redo from the Edit
menu, adding and deleting on the canvas, files, and errors shown as dialogs."""

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from blueprint import __version__
from blueprint.model.entities import SCHEMA_VERSION
from blueprint.model.states import current_state
from blueprint.storage import BlueprintFileError, load_blueprint
from blueprint.ui.canvas.view import READABLE_ZOOM
from blueprint.ui.commands import EditTouchpoint
from blueprint.ui.document import Document
from blueprint.ui.main_window import MainWindow
from tests.ui.canvas_helpers import double_click, on_screen
from tests.ui.conftest import BROADBAND

Button = QMessageBox.StandardButton


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text, *rest: shown.append((title, text))
    )
    return shown


def answer_unsaved(monkeypatch, button):
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: button)


@pytest.fixture
def window(qtbot):
    window = MainWindow(Document())
    window.show()
    qtbot.waitExposed(window)
    yield window
    # Closed here rather than by qtbot, after dropping the changes a test left, so that
    # closing asks nothing.
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


@pytest.fixture
def opened(window):
    assert window.open_path(BROADBAND)
    return window


def test_the_title_names_the_file_and_marks_unsaved_changes(opened):
    assert opened.windowTitle() == "broadband-installation.blueprint[*] — Blueprint"
    assert not opened.isWindowModified()
    tp = opened.document.blueprint.touchpoints[0]
    opened.document.push(EditTouchpoint(opened.document, tp.id, "notes", "x"))
    assert opened.isWindowModified()
    opened.undo_action.trigger()
    assert not opened.isWindowModified()


def test_a_new_window_holds_an_untitled_default_blueprint(window):
    assert window.windowTitle() == "Untitled[*] — Blueprint"
    assert len(window.canvas.blueprint_scene.cards()) == 0
    assert len(window.document.blueprint.stages) == 9


def test_undo_and_redo_are_in_the_edit_menu_with_the_standard_keys(opened):
    assert opened.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert opened.redo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    assert not opened.undo_action.isEnabled()
    tp = opened.document.blueprint.touchpoints[1]
    title = tp.title
    opened.document.push(EditTouchpoint(opened.document, tp.id, "title", "Pay"))
    assert opened.undo_action.text() == f"&Undo Rename touchpoint '{title}' to 'Pay'"
    opened.undo_action.trigger()
    assert opened.document.touchpoint(tp.id).title == title
    opened.redo_action.trigger()
    assert opened.document.touchpoint(tp.id).title == "Pay"


def test_double_click_on_an_empty_cell_adds_a_selected_touchpoint_there(opened):
    canvas = opened.canvas
    canvas.actual_size()
    stage, channel = opened.document.blueprint.stages[0], opened.document.blueprint.channels[0]
    cell = canvas.blueprint_scene.grid_layout.cell(stage.id, channel.id)
    count = len(opened.document.blueprint.touchpoints)
    double_click(canvas, on_screen(canvas, cell.x + 30, cell.y + 30))
    assert len(opened.document.blueprint.touchpoints) == count + 1
    added = opened.document.cell_touchpoints(stage.id, channel.id)[-1]
    assert added.title == "New touchpoint"
    assert canvas.blueprint_scene.selected_touchpoint_ids() == [added.id]
    assert opened.undo_action.text() == "&Undo Add touchpoint 'New touchpoint'"


def test_a_card_added_and_named_in_place_is_one_undo_step(qtbot, opened):
    """Double-click an empty cell, type the title, Enter: one Ctrl+Z takes the card away
    (it left a "New touchpoint" card behind, the rename undone alone)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    canvas = opened.canvas
    canvas.actual_size()
    before = len(opened.document.blueprint.touchpoints)
    stage, channel = opened.document.blueprint.stages[0], opened.document.blueprint.channels[0]
    cell = canvas.blueprint_scene.grid_layout.cell(stage.id, channel.id)
    double_click(canvas, on_screen(canvas, cell.x + 30, cell.y + 30))
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Downloads app")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    added = opened.document.cell_touchpoints(stage.id, channel.id)[-1]
    assert added.title == "Downloads app"
    assert opened.undo_action.text() == "&Undo Add touchpoint 'Downloads app'"
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(opened.document.blueprint.touchpoints) == before
    assert opened.document.get("touchpoints", added.id) is None
    qtbot.keyClick(
        canvas,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert opened.document.touchpoint(added.id).title == "Downloads app"


def test_a_card_renamed_later_is_a_step_of_its_own(qtbot, opened):
    """Only the title typed as the card is added joins the adding: Enter on the title as
    it is keeps "New touchpoint", and a rename after that is undone alone."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    canvas = opened.canvas
    canvas.actual_size()
    stage, channel = opened.document.blueprint.stages[0], opened.document.blueprint.channels[0]
    cell = canvas.blueprint_scene.grid_layout.cell(stage.id, channel.id)
    double_click(canvas, on_screen(canvas, cell.x + 30, cell.y + 30))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    added = opened.document.cell_touchpoints(stage.id, channel.id)[-1]
    qtbot.keyClick(canvas, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Downloads app")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert opened.document.touchpoint(added.id).title == "New touchpoint"


def test_escape_on_a_card_just_added_takes_the_card_back(qtbot, opened):
    """Enter on the wrong cell, then Escape: a "New touchpoint" card stayed behind, to be
    found and deleted by hand."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    canvas = opened.canvas
    canvas.actual_size()
    before = [t.id for t in opened.document.blueprint.touchpoints]
    stage, channel = opened.document.blueprint.stages[0], opened.document.blueprint.channels[0]
    cell = canvas.blueprint_scene.grid_layout.cell(stage.id, channel.id)
    double_click(canvas, on_screen(canvas, cell.x + 30, cell.y + 30))
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Downl")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert [t.id for t in opened.document.blueprint.touchpoints] == before
    assert opened.statusBar().currentMessage() == "No card added."
    # Escape on a card that was there already leaves the card, its title as it was.
    first = opened.document.blueprint.touchpoints[0]
    opened.canvas.blueprint_scene.select_touchpoints([first.id])
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_F2)
    qtbot.keyClicks(QApplication.focusWidget(), "Other")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert opened.document.touchpoint(first.id).title == first.title


def test_delete_removes_the_selected_touchpoints_in_one_step(opened):
    scene = opened.canvas.blueprint_scene
    chosen = [t.id for t in opened.document.blueprint.touchpoints[:2]]
    scene.select_touchpoints(chosen)
    opened.delete_action.trigger()
    assert all(scene.card(i) is None for i in chosen)
    assert opened.document.undo_stack.count() == 1
    opened.undo_action.trigger()
    assert all(scene.card(i) is not None for i in chosen)


def test_undo_and_redo_say_what_they_took_back_on_the_status_line(qtbot, opened):
    """The message of the change stayed there after Ctrl+Z, as if it still stood."""
    from PySide6.QtCore import Qt

    scene = opened.canvas.blueprint_scene
    first = opened.document.blueprint.touchpoints[0]
    scene.select_touchpoints([first.id])
    opened.canvas.setFocus()
    qtbot.keyClick(opened.canvas, Qt.Key.Key_Delete)
    assert opened.document.get("touchpoints", first.id) is None
    step = opened.document.undo_stack.text(0)
    qtbot.keyClick(opened.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert opened.statusBar().currentMessage() == f"Undid: {step}."
    assert opened.document.get("touchpoints", first.id) is not None
    redo = QKeySequence(QKeySequence.StandardKey.Redo)[0]
    qtbot.keyClick(opened.canvas, redo.key(), redo.keyboardModifiers())
    assert opened.statusBar().currentMessage() == f"Redid: {step}."
    assert opened.document.get("touchpoints", first.id) is None
    # Ctrl+Y redoes on every system (Linux's own is Ctrl+Shift+Z): it did nothing there.
    qtbot.keyClick(opened.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(opened.canvas, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert opened.document.get("touchpoints", first.id) is None


def test_opening_a_file_clears_the_last_files_message(opened):
    """ "Closed ws1.blueprint." stayed on the status line after the next file opened."""
    opened.close_blueprint()
    assert opened.statusBar().currentMessage() == "Closed broadband-installation.blueprint."
    assert opened.open_path(BROADBAND)
    assert opened.statusBar().currentMessage() == ""


def test_a_file_that_cannot_be_opened_is_explained_in_a_dialog(window, errors, tmp_path):
    broken = tmp_path / "broken.blueprint"
    broken.write_text('{"format": "blueprint", "schema_version": 1, "stages": [', "utf-8")
    assert not window.open_path(broken)
    assert len(errors) == 1
    title, text = errors[0]
    assert title == "Cannot open the blueprint"
    assert "broken.blueprint" in text and "Traceback" not in text
    assert window.document.path is None


def test_a_file_with_many_problems_lists_them_one_to_a_line(window, errors, tmp_path):
    """Twenty problems joined by semicolons made one paragraph the height of the screen."""
    import json

    from blueprint.storage import dumps_blueprint
    from tests.factories import small_blueprint

    data = json.loads(dumps_blueprint(small_blueprint()))
    for touchpoint in data["touchpoints"]:
        touchpoint["stage_id"] = "nowhere"
    broken = tmp_path / "three.blueprint"
    broken.write_text(json.dumps(data), "utf-8")
    assert not window.open_path(broken)
    [(title, text)] = errors
    lines = text.splitlines()
    assert title == "Cannot open the blueprint"
    assert lines[0] == f"{broken}: 3 problems in the blueprint:"
    assert len(lines) == 4 and all(line.startswith("• touchpoint ") for line in lines[1:])


def test_every_problem_of_a_file_that_cannot_be_opened_can_be_read(qtbot, window, tmp_path):
    """Thirty problems: the dialog listed twenty and "and 10 more", with no way to see the
    rest; it lists fifteen, and Show Details… every one."""
    import json

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTextEdit

    from blueprint.storage import dumps_blueprint
    from tests.factories import small_blueprint
    from tests.ui.talk_helpers import answer_next_dialog, button_of

    data = json.loads(dumps_blueprint(small_blueprint()))
    data["touchpoints"] = [
        {**data["touchpoints"][0], "id": f"t{n}", "stage_id": "nowhere"} for n in range(30)
    ]
    broken = tmp_path / "many.blueprint"
    broken.write_text(json.dumps(data), "utf-8")
    seen = {}

    def read(box):
        qtbot.mouseClick(button_of(box, "Show Details..."), Qt.MouseButton.LeftButton)
        seen["text"], seen["details"] = box.text(), box.findChild(QTextEdit).toPlainText()
        qtbot.mouseClick(button_of(box, "OK"), Qt.MouseButton.LeftButton)

    answered = answer_next_dialog(qtbot, read)
    assert not window.open_path(broken)
    qtbot.waitUntil(lambda: bool(answered))
    problems = seen["details"].count("• ")
    listed = BlueprintFileError.LISTED
    assert problems >= 30 and seen["text"].count("• ") == listed
    assert f"… and {problems - listed} more (Show Details… lists them all)" in seen["text"]


def test_a_file_from_a_newer_version_is_refused_with_the_reason(window, errors, tmp_path):
    newer = tmp_path / "from-the-future.blueprint"
    newer.write_text('{"format": "blueprint", "schema_version": 99}', encoding="utf-8")
    assert not window.open_path(newer)
    assert errors == [
        (
            "Made by a newer version of Blueprint",
            f"{newer}: was made by a newer version of Blueprint (its file format is version "
            f"99; Blueprint {__version__} reads formats up to version {SCHEMA_VERSION}). "
            "Update Blueprint to open it.",
        )
    ]
    assert window.document.path is None and len(window.document.blueprint.stages) == 9


def test_a_file_of_an_older_format_says_saving_upgrades_it(qtbot, window, tmp_path):
    """Saved, an older file was written in the new format without a word, and a colleague
    still on the older Blueprint could no longer open it."""
    import shutil

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    old = tmp_path / "v1.blueprint"
    shutil.copyfile(
        Path(__file__).parents[1] / "storage/versions/v1-broadband-installation.blueprint", old
    )
    assert window.open_path(old)
    assert window.statusBar().currentMessage() == (
        f"v1.blueprint is in the file format of an older Blueprint (1); saving it writes "
        f"format {SCHEMA_VERSION}, which older versions of Blueprint cannot open."
    )
    tp = window.document.blueprint.touchpoints[0]
    window.document.push(EditTouchpoint(window.document, tp.id, "title", "Pay"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == (
        f"Saved v1.blueprint in file format {SCHEMA_VERSION} (it was in format 1): older "
        "versions of Blueprint cannot open it now."
    )
    assert f'"schema_version": {SCHEMA_VERSION}' in old.read_text(encoding="utf-8")
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Saved v1.blueprint"  # said once


def test_open_from_the_file_menu(window, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(BROADBAND), ""))
    window.open_file()
    assert window.document.path == BROADBAND
    today = current_state(load_blueprint(BROADBAND)).touchpoints
    assert len(window.canvas.blueprint_scene.cards()) == len(today)


def test_save_as_writes_the_file_and_clears_the_mark(opened, monkeypatch, tmp_path):
    target = tmp_path / "copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tp = opened.document.blueprint.touchpoints[0]
    opened.document.push(EditTouchpoint(opened.document, tp.id, "title", "Pay"))
    assert opened.save_as()
    saved = target.with_suffix(".blueprint")
    assert load_blueprint(saved).touchpoints[0].title == "Pay"
    assert opened.windowTitle() == "copy.blueprint[*] — Blueprint"
    assert not opened.isWindowModified()


def test_a_failed_save_is_explained_and_the_changes_stay_unsaved(opened, errors, tmp_path):
    tp = opened.document.blueprint.touchpoints[0]
    opened.document.push(EditTouchpoint(opened.document, tp.id, "title", "Pay"))
    opened.document.set_path(tmp_path / "no such folder" / "x.blueprint")
    assert not opened.save()
    assert errors and errors[0][0] == "Cannot save the blueprint"
    assert opened.isWindowModified()


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(opened, monkeypatch):
    tp = opened.document.blueprint.touchpoints[0]
    opened.document.push(EditTouchpoint(opened.document, tp.id, "title", "Pay"))
    answer_unsaved(monkeypatch, Button.Cancel)
    assert not opened.close()
    assert opened.isVisible()
    answer_unsaved(monkeypatch, Button.Discard)
    assert opened.close()


def test_new_with_unsaved_changes_can_be_cancelled(opened, monkeypatch):
    tp = opened.document.blueprint.touchpoints[0]
    opened.document.push(EditTouchpoint(opened.document, tp.id, "title", "Pay"))
    answer_unsaved(monkeypatch, Button.Cancel)
    opened.new_file()
    assert opened.document.path == Path(BROADBAND)
    answer_unsaved(monkeypatch, Button.Discard)
    opened.new_file()
    assert opened.document.path is None and opened.document.undo_stack.count() == 0


def test_a_new_blueprint_starts_at_its_first_stage_not_where_the_last_one_was(qtbot, opened):
    from PySide6.QtCore import Qt

    canvas = opened.canvas
    canvas.actual_size()
    canvas.horizontalScrollBar().setValue(canvas.horizontalScrollBar().maximum())
    canvas.verticalScrollBar().setValue(canvas.verticalScrollBar().maximum())
    qtbot.keyClick(canvas, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # File > New
    assert opened.document.path is None
    across, down = canvas.horizontalScrollBar(), canvas.verticalScrollBar()
    qtbot.waitUntil(lambda: across.value() == across.minimum())
    assert down.value() == down.minimum()
    first = canvas.blueprint_scene.grid_layout.columns[opened.document.blueprint.stages[0].id]
    shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert shown.left() <= first.start + 1  # the first stage in sight, from its left edge


def test_a_file_opened_before_the_window_shows_is_readable_not_a_thumbnail(qtbot):
    # `blueprint FILE` opens the file first, then shows the window: the view only gets its
    # real size when shown, so fitting earlier used to shrink the blueprint to a corner.
    window = MainWindow(Document())
    qtbot.addWidget(window)
    assert window.open_path(BROADBAND)
    window.show()
    qtbot.waitExposed(window)

    def whole_or_readable_from_its_first_cell():
        top_left = window.canvas.mapFromScene(window.canvas.sceneRect().topLeft())
        assert (top_left.x(), top_left.y()) == (0, 0)
        assert READABLE_ZOOM <= window.canvas.zoom() <= 1.0
        layout = window.canvas.scene().grid_layout
        shown = window.canvas.zoom() * layout.width
        assert shown >= min(window.canvas.width(), READABLE_ZOOM * layout.width) * 0.95

    qtbot.waitUntil(whole_or_readable_from_its_first_cell)


def test_open_with_unsaved_changes_asks_first(opened, monkeypatch, tmp_path):
    tp = opened.document.blueprint.touchpoints[0]
    opened.document.push(EditTouchpoint(opened.document, tp.id, "title", "Pay"))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or Button.Cancel)
    opened.open_file()  # cancelled: no file dialog, the changes stay
    assert len(asked) == 1 and opened.document.touchpoint(tp.id).title == "Pay"
    # It names what would be dropped (it said "The blueprint has changes…").
    assert asked[0][2] == (
        "broadband-installation.blueprint has changes that are not saved. Save them?"
    )
    answer_unsaved(monkeypatch, Button.Discard)
    other = tmp_path / "other.blueprint"
    other.write_bytes(BROADBAND.read_bytes())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    opened.open_file()
    assert opened.document.path == other and not opened.isWindowModified()


def test_ctrl_w_closes_the_blueprint_not_the_last_window(qtbot, opened, monkeypatch):
    from PySide6.QtCore import Qt

    tp = opened.document.blueprint.touchpoints[0]
    opened.document.push(EditTouchpoint(opened.document, tp.id, "notes", "x"))
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or Button.Discard
    )
    opened.activateWindow()
    qtbot.waitUntil(opened.isActiveWindow)
    qtbot.keyClick(opened, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert asked, "unsaved changes are asked about first"
    assert opened.isVisible()
    assert opened.document.path is None
    assert opened.document.blueprint.touchpoints == []
    assert opened.statusBar().currentMessage().startswith("Closed broadband-installation.blueprint")


def test_a_new_blueprint_is_saved_from_documents_not_the_working_folder(
    qtbot, monkeypatch, tmp_path
):
    """Save As of a blueprint never saved opened in the folder the program was started
    from (the project's own, run from a terminal there): it starts in Documents, or home
    where there is none (the picture and Excel exports ask ``Document.folder()`` too)."""
    from PySide6.QtCore import Qt

    from blueprint.ui.folders import documents_folder

    monkeypatch.chdir(tmp_path)
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a[2]), ("", ""))[1]
    )
    window = MainWindow(Document())
    try:
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window.canvas, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert asked, "Ctrl+S of a new blueprint asks where to save it"
        for start in asked:
            assert Path(start).parent == documents_folder() != tmp_path
        assert Path(asked[0]).name.endswith(".blueprint")
    finally:
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
