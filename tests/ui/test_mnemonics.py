"""No Alt+letter does two things: the menus, the panels and the dialogs each give a letter
to one thing only, among what is in sight together (see ``mnemonic_helpers``)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from blueprint.ui.blueprint_properties import BlueprintProperties
from blueprint.ui.live.dialog import LiveDialog
from blueprint.ui.plan.export_dialog import PlanExportDialog
from blueprint.ui.recovery import find_recoverable
from blueprint.ui.recovery_dialog import RecoveryDialog
from blueprint.ui.structure.properties import ChannelProperties, StageProperties
from blueprint.ui.structure.removal_dialog import RemovalDialog
from tests.ui.editing_helpers import click_card, close_window, open_window, tools
from tests.ui.mnemonic_helpers import clashes, menu_clashes, mnemonic
from tests.ui.test_recovery import leave_work_behind

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(qtbot, document):
    """The broadband sample, every panel open, a card with friction selected."""
    window = open_window(qtbot, document)
    window.resize(1600, 1000)
    for dock in window.findChildren(QDockWidget):
        dock.show()
    click_card(window, "tp-status-chat")
    yield window
    close_window(window)


def described(pairs) -> list[str]:
    return [f"{a} and {b}" for a, b in pairs]


def test_mnemonics_are_read_as_qt_reads_them():
    assert mnemonic("&File") == "f"
    assert mnemonic("Descri&ption:") == "p"
    assert mnemonic("Orders && delivery") is None
    assert mnemonic("R&&D &budget") == "b"


@pytest.mark.parametrize("tab", [0, 1, 2, 3], ids=["touchpoint", "lanes", "friction", "evidence"])
def test_no_letter_does_two_things_in_the_main_window(window, tab):
    tools(window).inspector.tabs.setCurrentIndex(tab)
    assert described(clashes(window)) == []


def test_several_cards_selected_no_letter_does_two_things(window):
    click_card(window, "tp-chat-again", Qt.KeyboardModifier.ControlModifier)
    assert described(clashes(window)) == []


def test_each_menu_gives_each_letter_once(window):
    for action in window.menuBar().actions():
        assert menu_clashes(action.menu()) == [], action.text()


def test_a_cards_menu_gives_each_letter_once(window):
    menu = tools(window).gestures.fill("tp-status-chat")
    assert menu_clashes(menu) == []


def test_alt_p_opens_the_plan_menu_and_alt_f_the_file_menu(qtbot, window):
    inspector = tools(window).inspector
    inspector.tabs.setCurrentIndex(2)  # the Friction tab: its Description once took Alt+P
    inspector.frictions.setFocus()
    for key, menu in ((Qt.Key.Key_P, window.menus.plan), (Qt.Key.Key_F, window.menus.file)):
        qtbot.keyClick(QApplication.focusWidget(), key, ALT)
        qtbot.waitUntil(lambda menu=menu: QApplication.activePopupWidget() is menu)
        qtbot.keyClick(menu, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_the_dialogs_give_each_letter_once(qtbot, window, document, data_dir, small):
    stage, channel = document.blueprint.stages[0], document.blueprint.channels[0]
    dialogs = [StageProperties(document, window), ChannelProperties(document, window)]
    dialogs[0].form.show(stage.id)
    dialogs[1].form.show(channel.id)
    dialogs.append(RemovalDialog("stage", stage.name, ["2 touchpoints go with it"], window))
    dialogs.append(PlanExportDialog(document.blueprint, None, parent=window))
    dialogs.append(BlueprintProperties(document, window))
    # Share Live had two Alt+S: the server's field and the Share button.
    dialogs += [LiveDialog(window, share, "workshop", "Ana") for share in (True, False)]
    leave_work_behind(data_dir, small.blueprint, None)
    entries = find_recoverable()
    dialogs.append(RecoveryDialog(entries, window))
    try:
        for dialog in dialogs:
            assert described(clashes(dialog)) == [], dialog.windowTitle()
    finally:
        for entry in entries:
            entry.release()
        for dialog in dialogs:
            dialog.deleteLater()


def test_a_letter_never_reaches_a_panel_tabbed_out_of_sight(qtbot, window, document):
    """Qt keeps a dock tabbed behind another 'visible': Alt+W went from the inspector's Wait
    on to the value weight of a persona in the Personas panel behind it, and what was typed
    next changed the weight, out of sight."""
    editing = tools(window)
    assert editing.personas_dock.visibleRegion().isEmpty()  # tabbed behind the inspector
    weights = [p.value_weight for p in document.blueprint.personas]
    undo_before = document.undo_stack.count()
    editing.inspector.focus_title()
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, ALT)
        assert not editing.personas_dock.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClicks(QApplication.focusWidget(), "2")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert [p.value_weight for p in document.blueprint.personas] == weights
    assert all(
        "value weight" not in document.undo_stack.text(i)
        for i in range(undo_before, document.undo_stack.count())
    )


def test_a_panel_brought_to_the_front_answers_its_letters_again(qtbot, window):
    editing = tools(window)
    editing.personas_dock.raise_()
    qtbot.waitUntil(lambda: not editing.personas_dock.visibleRegion().isEmpty())
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_W, ALT)  # Value weight
    qtbot.waitUntil(lambda: editing.personas.isAncestorOf(QApplication.focusWidget()))
    assert not editing.inspector.isEnabled()  # now behind: its Wait takes no Alt+W


def test_a_panel_opened_from_the_view_menu_comes_to_the_front(qtbot, document):
    """View > Comments only added a tab behind the inspector: the panel the user asked for
    stayed out of sight."""
    window = open_window(qtbot, document)
    try:
        window.resize(1600, 1000)
        click_card(window, "tp-status-chat")  # the inspector in front
        talk = window.talk
        assert not talk.dock.isVisible()
        qtbot.keyClick(window.canvas, Qt.Key.Key_V, ALT)
        menu = window.menus.view
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
        spot = menu.actionGeometry(talk.toggle).center()
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=spot)
        qtbot.waitUntil(lambda: not talk.dock.visibleRegion().isEmpty())
        assert talk.dock.widget().isEnabled()  # in sight: its fields take their keys
        # The keys are in the box to write a comment in: they were on the panel's tab bar,
        # and what was typed went nowhere (Ctrl+Enter then added a card on the grid).
        composer = talk.comments.composer
        window.activateWindow()  # offscreen Qt leaves no window active after a menu closes
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is composer)
        qtbot.keyClicks(composer, "Is this the right channel?")
        assert composer.toPlainText() == "Is this the right channel?"
    finally:
        close_window(window)


@pytest.mark.parametrize("tab", [0, 2, 3], ids=["touchpoint", "friction", "evidence"])
def test_every_labels_letter_takes_the_keys_to_its_field(qtbot, window, tab):
    """Alt+D (Duration), Alt+N (Personas) and Alt+Q (Frequency) did nothing: their labels
    named a row of fields, which takes no keys itself."""
    from PySide6.QtWidgets import QLabel

    inspector = tools(window).inspector
    inspector.tabs.setCurrentIndex(tab)
    page = inspector.tabs.currentWidget()
    labels = [
        label
        for label in page.findChildren(QLabel)
        if label.buddy() is not None
        and label.buddy().isEnabled()  # a field that follows another takes no keys
        and label.isVisible()
        and mnemonic(label.text())
    ]
    assert labels
    dead = []
    for label in labels:
        inspector.tabs.setFocus()
        key = Qt.Key(ord(mnemonic(label.text()).upper()))
        qtbot.keyClick(QApplication.focusWidget(), key, ALT)
        field, focused = label.buddy(), QApplication.focusWidget()
        if focused is None or not (focused is field or field.isAncestorOf(focused)):
            dead.append(label.text())
    assert dead == []
