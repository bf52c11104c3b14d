"""The contact-reasons dock: the two-level tree, its edits (each undoable), linking friction
points to reasons, and the failure-demand share, live."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QLineEdit

from blueprint.model import Demand
from blueprint.ui.structure.removal_dialog import RemovalDialog
from tests.ui.conftest import snapshot
from tests.ui.editing_helpers import click_card, close_window, open_window, status, tools
from tests.ui.structure_helpers import refuse_removal_dialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, small):
    window = open_window(qtbot, small)
    window.contact_reasons.dock.toggleViewAction().trigger()
    qtbot.waitUntil(window.contact_reasons.panel.isVisible)
    yield window
    close_window(window)


@pytest.fixture
def panel(window):
    return window.contact_reasons.panel


def shown_tree(panel) -> list[tuple[str, str, str]]:
    """(name, demand, friction count) of every row, secondaries indented by two spaces."""
    tree = panel.tree
    rows = []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        rows.append((top.text(0), top.text(1), top.text(2)))
        for j in range(top.childCount()):
            child = top.child(j)
            rows.append(("  " + child.text(0), child.text(1), child.text(2)))
    return rows


def click_reason(qtbot, panel, reason_id: str) -> None:
    tree = panel.tree
    item = tree.item_of(reason_id)
    if item.parent() is not None:
        item.parent().setExpanded(True)
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), LEFT, pos=tree.visualItemRect(item).center())
    assert panel.current_reason_id() == reason_id


def type_in_place(qtbot, panel, text: str) -> None:
    """Type over the name being edited in the tree, then Enter."""
    tree = panel.tree
    assert tree.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.parent() is tree.viewport()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The tree commits what was typed when the event loop next runs.
    qtbot.waitUntil(lambda: tree.state() != QAbstractItemView.State.EditingState)


def answer_removal(monkeypatch, accept: bool) -> list[str]:
    said: list[str] = []

    def answer(dialog: RemovalDialog) -> int:
        said.append(dialog.text())
        return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected

    monkeypatch.setattr(RemovalDialog, "exec", answer)
    return said


def reasons(window) -> list[tuple[str, str | None]]:
    by_id = {r.id: r for r in window.document.blueprint.contact_reasons}
    return [(r.name, by_id[r.parent_id].name if r.parent_id else None) for r in by_id.values()]


def test_the_tree_shows_reasons_demand_and_linked_friction_counts(panel):
    # x1 'Slow page' is linked to 'Where is my order'; the primary counts it too.
    assert shown_tree(panel) == [
        ("Orders", "value", "1"),
        ("  Where is my order", "failure", "1"),
    ]
    # 20 a week = 86.7 a month, all of it failure demand.
    assert panel.share.text() == "Failure demand: 100% of contacts a month (87 of 87)"


def test_the_share_of_the_broadband_sample(qtbot, document):
    window = open_window(qtbot, document)
    try:
        window.contact_reasons.dock.toggleViewAction().trigger()
        panel = window.contact_reasons.panel
        qtbot.waitUntil(panel.isVisible)
        assert panel.share.text() == "Failure demand: 76% of contacts a month (9,264 of 12,234)"
        # The document's friction points: tomorrow's SMS to an old number counts too.
        assert ("Orders & delivery", "value", "4") in shown_tree(panel)
        assert ("Faults & service problems", "value", "4") in shown_tree(panel)
    finally:
        close_window(window)


def test_add_a_primary_and_a_secondary_reason_renamed_in_place(qtbot, window, panel):
    qtbot.mouseClick(panel.add_primary_button, LEFT)
    assert reasons(window)[-1] == ("New reason", None)
    type_in_place(qtbot, panel, "Billing")
    assert reasons(window)[-1] == ("Billing", None)
    qtbot.mouseClick(panel.add_secondary_button, LEFT)
    assert reasons(window)[-1] == ("New secondary reason", "Billing")
    type_in_place(qtbot, panel, "Unexpected charge")
    assert reasons(window)[-1] == ("Unexpected charge", "Billing")
    assert shown_tree(panel)[2:] == [("Billing", "value", ""), ("  Unexpected charge", "value", "")]
    stack = window.document.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Add contact reason 'New reason'",
        "Rename contact reason 'New reason' to 'Billing'",
        "Add contact reason 'New secondary reason'",
        "Rename contact reason 'New secondary reason' to 'Unexpected charge'",
    ]
    stack.undo()
    assert shown_tree(panel)[-1] == ("  New secondary reason", "value", "")
    stack.undo()
    stack.undo()
    assert shown_tree(panel)[-1] == ("New reason", "value", "")
    stack.undo()
    assert [name for name, _parent in reasons(window)] == ["Orders", "Where is my order"]
    assert len(shown_tree(panel)) == 2


def test_a_secondary_reason_goes_under_the_primary_of_the_selected_secondary(qtbot, window, panel):
    click_reason(qtbot, panel, "r1a")
    qtbot.mouseClick(panel.add_secondary_button, LEFT)
    type_in_place(qtbot, panel, "Delivery late")
    assert reasons(window)[-1] == ("Delivery late", "Orders")
    # It starts with the demand of the reason it was added beside.
    assert window.document.blueprint.contact_reasons[-1].demand == Demand.FAILURE


def test_a_blank_name_is_refused_and_the_old_one_shown(qtbot, window, panel):
    click_reason(qtbot, panel, "r1a")
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)  # F2 renames the reason, not a card
    type_in_place(qtbot, panel, "   ")
    assert window.document.entity("contact_reasons", "r1a").name == "Where is my order"
    assert shown_tree(panel)[1][0] == "  Where is my order"
    assert "name" in status(window).lower()
    assert window.document.undo_stack.count() == 0


def test_set_the_demand_and_description_and_the_share_follows(qtbot, window, panel):
    click_reason(qtbot, panel, "r1a")
    panel.demand.setFocus()
    qtbot.keyClick(panel.demand, Qt.Key.Key_Up)  # failure -> value
    assert window.document.entity("contact_reasons", "r1a").demand == Demand.VALUE
    assert shown_tree(panel)[1] == ("  Where is my order", "value", "1")
    qtbot.waitUntil(
        lambda: panel.share.text() == "Failure demand: 0% of contacts a month (0 of 87)"
    )
    panel.description.setFocus()
    qtbot.keyClicks(panel.description, "Status after ordering")
    assert window.document.entity("contact_reasons", "r1a").description == ("Status after ordering")
    stack = window.document.undo_stack
    assert stack.count() == 2  # the demand, then the description typed as one step
    stack.undo()
    stack.undo()
    assert panel.demand.currentText().startswith("Failure")
    qtbot.waitUntil(lambda: panel.share.text().startswith("Failure demand: 100%"))


def test_removing_a_primary_lists_what_goes_and_no_keeps_everything(
    qtbot, monkeypatch, window, panel
):
    said = answer_removal(monkeypatch, accept=False)
    before = snapshot(window.document)
    click_reason(qtbot, panel, "r1")
    qtbot.mouseClick(panel.remove_button, LEFT)
    assert said == [
        "Remove the contact reason 'Orders'?\n"
        "This also changes the blueprint:\n"
        "• 1 secondary reason removed: 'Where is my order'\n"
        "• 1 friction point unlinked: 'Slow page'\n"
        "You can bring it all back with Edit › Undo."
    ]
    assert snapshot(window.document) == before
    assert window.document.undo_stack.count() == 0
    assert len(shown_tree(panel)) == 2


def test_removing_a_primary_takes_its_secondaries_and_unlinks_frictions(
    qtbot, monkeypatch, window, panel
):
    answer_removal(monkeypatch, accept=True)
    before = snapshot(window.document)
    click_reason(qtbot, panel, "r1")
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)  # as the Remove button
    assert window.document.blueprint.contact_reasons == []
    assert window.document.entity("frictions", "x1").contact_reason_id is None
    assert window.document.get("touchpoints", "t1") is not None  # the cards stay
    assert shown_tree(panel) == []
    qtbot.waitUntil(lambda: "no friction point linked" in panel.share.text())
    assert "Undo brings it back" in status(window)
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Remove contact reason 'Orders'"
    stack.undo()
    assert snapshot(window.document) == before
    assert shown_tree(panel)[1] == ("  Where is my order", "failure", "1")


def test_a_removal_that_takes_nothing_else_asks_nothing(qtbot, monkeypatch, window, panel):
    refuse_removal_dialog(monkeypatch)
    qtbot.mouseClick(panel.add_primary_button, LEFT)
    type_in_place(qtbot, panel, "Spare")
    qtbot.mouseClick(panel.remove_button, LEFT)
    assert [name for name, _parent in reasons(window)] == ["Orders", "Where is my order"]
    assert window.document.undo_stack.undoText() == "Remove contact reason 'Spare'"


def test_link_the_friction_selected_in_the_inspector(qtbot, window, panel):
    click_card(window, "t2")  # its friction point 'Long hold' is linked to nothing
    inspector = tools(window).inspector
    assert inspector.frictions.current_friction_id() == "x2"
    click_reason(qtbot, panel, "r1a")
    qtbot.waitUntil(lambda: "'Long hold'" in panel.chosen.text())
    assert panel.link_button.isEnabled()
    qtbot.mouseClick(panel.link_button, LEFT)
    assert window.document.entity("frictions", "x2").contact_reason_id == "r1a"
    assert shown_tree(panel) == [
        ("Orders", "value", "2"),
        ("  Where is my order", "failure", "2"),
    ]
    assert inspector.frictions.editor.reason.currentText() == "Orders > Where is my order"
    assert panel.linked.text() == "Linked: 'Slow page', 'Long hold'"
    assert window.document.undo_stack.undoText() == "Edit contact reason of 'Long hold'"
    assert "Linked 'Long hold' to 'Orders > Where is my order'" in status(window)
    window.document.undo_stack.undo()
    assert window.document.entity("frictions", "x2").contact_reason_id is None
    assert shown_tree(panel)[0] == ("Orders", "value", "1")


def test_relinking_to_a_value_reason_changes_the_share(qtbot, window, panel):
    click_card(window, "t1")  # 'Slow page', 87 contacts a month, now failure demand
    click_reason(qtbot, panel, "r1")
    qtbot.waitUntil(lambda: "now linked to 'Orders > Where is my order'" in panel.chosen.text())
    qtbot.mouseClick(panel.link_button, LEFT)
    assert window.document.entity("frictions", "x1").contact_reason_id == "r1"
    assert shown_tree(panel) == [("Orders", "value", "1"), ("  Where is my order", "failure", "")]
    qtbot.waitUntil(
        lambda: panel.share.text() == "Failure demand: 0% of contacts a month (0 of 87)"
    )
    assert tools(window).inspector.frictions.editor.reason.currentText() == "Orders"
    # Linked to this reason already: nothing more to link.
    qtbot.waitUntil(lambda: panel.chosen.text().endswith("linked to this reason."))
    assert not panel.link_button.isEnabled()


def test_without_a_friction_in_the_inspector_link_says_what_to_do(qtbot, window, panel):
    click_reason(qtbot, panel, "r1")
    qtbot.waitUntil(lambda: panel.chosen.text().startswith("No friction point chosen"))
    assert not panel.link_button.isEnabled()
    panel.link_chosen_friction()
    assert status(window).startswith("No friction point chosen")
    assert window.document.undo_stack.count() == 0


def test_the_inspector_offers_reasons_added_and_renamed_here(qtbot, window, panel):
    click_card(window, "t1")
    reason_box = tools(window).inspector.frictions.editor.reason
    qtbot.mouseClick(panel.add_primary_button, LEFT)
    type_in_place(qtbot, panel, "Billing")
    labels = [reason_box.itemText(i) for i in range(reason_box.count())]
    assert labels == ["None", "Orders", "Orders > Where is my order", "Billing"]
    assert reason_box.currentText() == "Orders > Where is my order"  # x1 keeps its reason


def test_names_are_shown_as_typed_never_as_markup(qtbot, window, panel):
    qtbot.mouseClick(panel.add_primary_button, LEFT)
    type_in_place(qtbot, panel, "<b>Bold</b> & <script>x</script>")
    assert shown_tree(panel)[-1][0] == "<b>Bold</b> & <script>x</script>"
    assert window.document.blueprint.contact_reasons[-1].name == (
        "<b>Bold</b> & <script>x</script>"
    )


def test_the_share_says_for_whom_when_the_plan_is_for_one_persona(qtbot, window, panel):
    window.live_plan.set_persona("p1")  # 'Busy parent'; t1 lists no persona, so it counts
    qtbot.waitUntil(lambda: panel.share.text().endswith(", for 'Busy parent'"))
    assert panel.share.text() == (
        "Failure demand: 100% of contacts a month (87 of 87), for 'Busy parent'"
    )
    window.live_plan.set_persona(None)
    qtbot.waitUntil(lambda: panel.share.text().endswith("(87 of 87)"))
