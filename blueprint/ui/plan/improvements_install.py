"""Putting the Improvements dock into the main window: along the bottom (the ranked table is
wide), its View menu toggle, and Plan > New Improvement from Selected Frictions.

Like the other plan tools it starts hidden, out of the way until asked for; adding an
improvement from the Plan menu shows it.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from ..inspector.touchpoint_inspector import TouchpointInspector
from ..menus import describe
from ..workbench import Workbench
from .docks import BOTTOM, add_along_the_bottom
from .improvements_dock import ImprovementsDock
from .improvements_selection import selected_friction_ids
from .live import LivePlan

DOCK_HEIGHT = 360
NEW_KEY = "Ctrl+Shift+I"
NEW_TIP = "Add an improvement for the friction points selected on the canvas or in the inspector"
TOGGLE_TIP = "Show or hide the ranked improvements, their fields and how each is scored"


def install_improvements(
    bench: Workbench, live_plan: LivePlan, inspector: TouchpointInspector
) -> ImprovementsDock:
    """Add the Improvements dock, its View toggle and its Plan action to the workbench's
    window; a new improvement addresses the friction points picked in ``inspector`` or on
    the canvas."""
    window, scene = bench.frame, bench.canvas.blueprint_scene
    dock = ImprovementsDock(
        live_plan,
        partial(selected_friction_ids, bench.document, inspector, scene),
        scene.selected_touchpoint_ids,
        window,
    )
    dock.setAllowedAreas(BOTTOM | Qt.DockWidgetArea.TopDockWidgetArea)
    add_along_the_bottom(window, dock, DOCK_HEIGHT)
    dock.hide()
    # Emitted before the window's children (the dock, its threads) are deleted.
    window.destroyed.connect(dock.certainty.stop_and_wait)
    dock.problem.connect(bench.show_status)
    dock.new_action.setShortcut(QKeySequence(NEW_KEY))
    describe(dock.new_action, NEW_TIP)
    bench.menus.plan.addAction(dock.new_action)
    toggle = dock.toggleViewAction()
    toggle.setText("Im&provements")  # Zoom &In has the I
    toggle.setStatusTip(TOGGLE_TIP)
    toggle.setToolTip(TOGGLE_TIP)
    bench.menus.view.addAction(toggle)
    dock.measure_first.frictionPicked.connect(partial(show_friction, bench, inspector))
    return dock


def show_friction(bench: Workbench, inspector: TouchpointInspector, friction_id: str) -> None:
    """Select the card of a friction point and show that friction point in the inspector."""
    friction = bench.document.get("frictions", friction_id)
    if friction is None:
        return
    scene = bench.canvas.blueprint_scene
    scene.select_touchpoints([friction.touchpoint_id])
    card = scene.card(friction.touchpoint_id)
    if card is not None:
        bench.canvas.ensureVisible(card, 40, 40)
    inspector.show_frictions()
    inspector.frictions.select_friction(friction_id)
