"""A feature of the editor on a bare QMainWindow: it needs only the Workbench it is handed
(document, canvas, menus, a status line), never the main window."""

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.canvas.view import CanvasView
from blueprint.ui.inspector import install_editing
from blueprint.ui.lanes import ViewTabs, install_lanes
from blueprint.ui.menus import WindowCommands, build_menus
from blueprint.ui.workbench import Workbench
from tests.ui.editing_helpers import CTRL, click_card, replace_text

#: The File, Edit and Help commands of a main window: none is used here.
NO_COMMANDS: WindowCommands = SimpleNamespace(
    **{
        name: lambda *args: None
        for name in (
            "new_file",
            "open_file",
            "open_recent",
            "show_blueprint_properties",
            "save",
            "save_as",
            "close_blueprint",
            "delete_selection",
            "show_about",
            "show_keyboard_shortcuts",
        )
    }
)


@pytest.fixture
def bench(qtbot, small):
    frame = QMainWindow()
    qtbot.addWidget(frame)
    small.setParent(frame)
    canvas = CanvasView(BlueprintScene(small), frame)
    frame.setCentralWidget(ViewTabs(canvas))
    errors = []
    bench = Workbench(
        frame=frame,
        document=small,
        canvas=canvas,
        menus=build_menus(frame, NO_COMMANDS, small.undo_stack, canvas),
        show_status=frame.statusBar().showMessage,
        show_error=lambda title, message: errors.append((title, message)),
    )
    yield bench
    assert not errors


def shown(qtbot, bench: Workbench) -> None:
    frame = bench.frame
    frame.resize(1280, 800)
    frame.show()
    qtbot.waitExposed(frame)
    frame.activateWindow()
    qtbot.waitUntil(frame.isActiveWindow)
    bench.canvas.actual_size()


def test_the_lanes_come_and_go_by_key_on_a_bare_window(qtbot, bench):
    lanes = install_lanes(bench)
    shown(qtbot, bench)
    qtbot.keyClick(bench.frame, Qt.Key.Key_2, CTRL)
    assert lanes.tabs.currentWidget() is lanes.view
    assert "Double-click a lane cell" in bench.frame.statusBar().currentMessage()
    assert [a.text() for a in bench.menus.view.actions()][:2] == ["&Grid", "&Lanes"]
    qtbot.keyClick(bench.frame, Qt.Key.Key_1, CTRL)
    assert lanes.tabs.currentWidget() is bench.canvas


def test_the_inspector_edits_a_card_and_undo_takes_it_back_on_a_bare_window(qtbot, bench):
    editing = install_editing(bench)
    shown(qtbot, bench)
    editing.inspector_dock.show()
    click_card(bench, "t1")  # on the workbench's canvas
    title = editing.inspector.fields.title
    assert title.text() == "Checkout"
    replace_text(qtbot, title, "Pay online")
    card = bench.canvas.blueprint_scene.card("t1")
    assert bench.document.touchpoint("t1").title == card.face.title == "Pay online"
    assert bench.menus.undo.text() == "&Undo Rename touchpoint 'Checkout' to 'Pay online'"
    qtbot.keyClick(title, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(title, Qt.Key.Key_Backspace)  # refused, said in the status bar
    assert "title" in bench.frame.statusBar().currentMessage().lower()
    click_card(bench, "t1")
    qtbot.keyClick(bench.canvas, Qt.Key.Key_Z, CTRL)
    assert bench.document.touchpoint("t1").title == card.face.title == "Checkout"
    assert title.text() == "Checkout"
