"""Overlays on the canvas: the friction heat map, EPIC colours and the emotion curve.

Switching an overlay changes what the canvas shows, follows every edit and its undo, and
never touches the document.
"""

import math
from statistics import fmean

import pytest
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QDockWidget, QWidget

from blueprint.analysis.epic import LETTER_NAMES, touchpoint_epic
from blueprint.analysis.plan import build_plan
from blueprint.model.states import current_state
from blueprint.ui import theme
from blueprint.ui.canvas import palette
from blueprint.ui.canvas.card import CARD_WIDTH
from blueprint.ui.canvas.emphasis import PLAIN
from blueprint.ui.canvas.layout import SIDE_PADDING
from blueprint.ui.commands import EditFriction, EditTouchpoint, MoveTouchpoint
from blueprint.ui.document import Document
from blueprint.ui.export import export_canvas
from blueprint.ui.overlays.colours import HEAT_SCALE, HOTTEST_TINT_CONTRAST, heat_colour
from blueprint.ui.overlays.heat_items import impact_text
from tests.ui.canvas_helpers import NO_BUTTON, mouse, on_screen
from tests.ui.text_helpers import shown_as
from tests.ui.window_helpers import close_quietly, shown_window


def roomy_window(qtbot, document):
    """Shown, the panels closed and the window large: room on the canvas for many cards."""
    window = shown_window(qtbot, document)
    for dock in window.findChildren(QDockWidget):
        dock.close()
    window.resize(1200, 900)
    qtbot.waitUntil(lambda: window.canvas.viewport().width() > 600)
    window.canvas.actual_size()
    return window


@pytest.fixture
def window(qtbot, document):
    window = roomy_window(qtbot, document)
    yield window
    close_quietly(window)


def overlays(window):
    return window.overlays


def scene_of(window):
    return window.canvas.blueprint_scene


def menu_action(menu, text):
    """The action of ``menu`` (or of its submenus) whose text, without '&', is ``text``."""
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            return action
        if action.menu() is not None:
            found = menu_action(action.menu(), text)
            if found is not None:
                return found
    return None


def view_action(window, text):
    action = menu_action(window.menus.view, text)
    assert action is not None, f"no {text!r} in the View menu"
    return action


def untouched(window) -> bool:
    """Nothing happened to the document: no undo step, not modified, no mark in the title."""
    document = window.document
    return (
        document.undo_stack.count() == 0
        and not document.is_modified()
        and not window.isWindowModified()
    )


def edit_and_wait(qtbot, window, command):
    with qtbot.waitSignal(window.live_plan.changed):
        window.document.push(command)


def undo_and_wait(qtbot, window):
    with qtbot.waitSignal(window.live_plan.changed):
        window.document.undo_stack.undo()


def render_point(scene, x: float, y: float) -> QColor:
    """The colour the scene shows at scene point (x, y), at actual size."""
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 1, 1), QRectF(x, y, 1, 1))
    painter.end()
    return image.pixelColor(0, 0)


# --- switching -------------------------------------------------------------------------------


def test_the_overlays_are_off_at_first_and_switch_from_the_view_menu(window):
    names = ["Friction Heat Map", "EPIC Colours", "Emotion Curve"]
    actions = [view_action(window, name) for name in names]
    assert all(a.isCheckable() and not a.isChecked() for a in actions)
    ov = overlays(window)
    assert not ov.heat.cells() and not ov.epic_badges.badges() and ov.emotion.item is None
    assert all(card.emphasis == PLAIN for card in scene_of(window).cards().values())
    for action in actions:
        action.trigger()
    assert ov.heat.cells() and ov.epic_badges.badges() and ov.emotion.item is not None
    assert all(card.emphasis.fill is not None for card in scene_of(window).cards().values())
    for action in actions:
        action.trigger()
    assert not ov.heat.cells() and not ov.epic_badges.badges() and ov.emotion.item is None
    assert all(card.emphasis == PLAIN for card in scene_of(window).cards().values())
    assert untouched(window)


def test_the_overlays_bar_switches_the_same_overlays(qtbot, window):
    ov = overlays(window)
    bar = ov.bar
    assert bar.isVisible()
    button = bar.widgetForAction(overlays(window).heat_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view_action(window, "Friction Heat Map").isChecked()
    assert overlays(window).heat.cells()
    assert ov.legend.heat.isVisible() and not ov.legend.epic.isVisible()
    assert untouched(window)


def test_a_long_message_is_read_whole_beside_the_legends_on_a_projector(qtbot, window):
    """At 1280x720 with two overlays on, "Added 'Waits for technician' in Ful" was all that
    was left of a message: the legends step aside until it goes."""
    from tests.ui.editing_helpers import click_card

    window.resize(1280, 720)
    ov = overlays(window)
    for action in (ov.heat_action, ov.epic_action):
        qtbot.mouseClick(ov.bar.widgetForAction(action), Qt.MouseButton.LeftButton)
    assert ov.legend.isVisible()
    click_card(window, "tp-presales-bot")
    qtbot.keyClick(window.canvas, Qt.Key.Key_Delete)
    bar = window.statusBar()
    message = bar.currentMessage()
    assert message.startswith("Removed")
    taken = sum(
        w.width() for w in bar.findChildren(QWidget) if w.parentWidget() is bar and w.isVisible()
    )
    assert bar.fontMetrics().horizontalAdvance(message) <= bar.width() - taken
    assert not ov.legend.isVisible()
    bar.clearMessage()  # as its time runs out
    assert ov.legend.isVisible() and ov.legend.heat.isVisible()


# --- the heat map ----------------------------------------------------------------------------


def test_each_cell_shows_the_friction_impact_the_plan_gives_it(window, broadband):
    view_action(window, "Friction Heat Map").trigger()
    heat = {cell: value for cell, value in build_plan(broadband).heat_map.items() if value > 0}
    largest = max(heat.values())
    cells = overlays(window).heat.cells()
    assert set(cells) == set(heat)
    layout = scene_of(window).grid_layout
    for cell, value in heat.items():
        assert cells[cell].text == impact_text(value)
        assert cells[cell].fill == heat_colour(math.sqrt(value / largest))
        assert impact_text(value) in cells[cell].tooltip
        box = layout.cell(*cell)
        assert cells[cell].cell == QRectF(box.x, box.y, box.width, box.height)
    assert overlays(window).legend.heat.largest.text() == impact_text(largest)


def test_the_canvas_and_the_pdf_write_a_cells_impact_alike(window, broadband):
    """A cell read 38 on the canvas and 37.5 in the plan's heat map."""
    from blueprint.report.content.heat_map import heat_map
    from blueprint.report.content.subject import PlanSubject

    view_action(window, "Friction Heat Map").trigger()
    plan = build_plan(broadband)
    in_the_pdf = heat_map(PlanSubject(bp=broadband, plan=plan, date=None))
    stages = [s.id for s in broadband.stages]
    channels = [c.id for c in broadband.channels]
    written = {
        (stages[x], channels[y]): cell.text
        for y, row in enumerate(in_the_pdf.cells)
        for x, cell in enumerate(row)
        if cell is not None and (stages[x], channels[y]) in overlays(window).heat.cells()
    }
    assert written
    assert {cell: overlays(window).heat.cells()[cell].text for cell in written} == written


def test_hovering_a_cell_tells_its_friction_impact(qtbot, window, broadband):
    view_action(window, "Friction Heat Map").trigger()
    heat = build_plan(broadband).heat_map
    stage, channel = max(heat, key=heat.get)
    box = scene_of(window).grid_layout.cell(stage, channel)
    view = window.canvas
    view.centerOn(box.x, box.bottom)
    where = on_screen(view, box.x + 4, box.bottom - 4)  # padding: no card there
    mouse(view, QEvent.Type.MouseMove, where, NO_BUTTON, NO_BUTTON)
    tints, _labels = overlays(window).heat.items
    assert impact_text(heat[(stage, channel)]) in tints.toolTip()
    assert "Website" in tints.toolTip()


def test_a_heat_tooltip_shows_a_stage_name_as_typed_never_as_markup(qtbot, broadband):
    heat = build_plan(broadband).heat_map
    stage_id, channel_id = max(heat, key=heat.get)
    stage = next(s for s in broadband.stages if s.id == stage_id)
    stage.name = "<b>Fulfil</b> & ship"
    window = roomy_window(qtbot, Document(broadband))
    try:
        view_action(window, "Friction Heat Map").trigger()
        box = scene_of(window).grid_layout.cell(stage_id, channel_id)
        view = window.canvas
        view.centerOn(box.x, box.bottom)
        mouse(
            view,
            QEvent.Type.MouseMove,
            on_screen(view, box.x + 4, box.bottom - 4),
            NO_BUTTON,
            NO_BUTTON,
        )
        tints, _labels = overlays(window).heat.items
        assert "<b>Fulfil</b> & ship · " in shown_as(tints.toolTip())
    finally:
        close_quietly(window)


def test_far_out_a_heated_cell_keeps_its_pill_in_its_heat_colour(window):
    """Too small to read, the number goes; its pill still shows the heat, over the pale
    tint."""
    view_action(window, "Friction Heat Map").trigger()
    hottest = max(overlays(window).heat.cells().values(), key=lambda c: c.fraction)
    label, zoom = hottest.label, 0.2
    image = QImage(
        round(label.width() * zoom), round(label.height() * zoom), QImage.Format.Format_RGB32
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene_of(window).render(painter, QRectF(image.rect()), label)
    painter.end()
    middle = image.pixelColor(image.width() // 2, image.height() // 2)
    assert theme.contrast_ratio(middle.name(), hottest.fill) < 1.1


def test_the_hottest_cell_is_tinted_on_the_canvas(window, broadband):
    view_action(window, "Friction Heat Map").trigger()
    heat = build_plan(broadband).heat_map
    stage, channel = max(heat, key=heat.get)
    box = scene_of(window).grid_layout.cell(stage, channel)
    # Below the cards, by the left edge of their column: padding, no card, no label, and no
    # flow (they run up and down beside the cards, and leave cards nearer their middle).
    x, y = box.x + SIDE_PADDING + 4, box.bottom - 4
    tinted = render_point(scene_of(window), x, y)
    view_action(window, "Friction Heat Map").trigger()
    plain = render_point(scene_of(window), x, y)
    assert plain.lightness() > 240
    # Warm, and as far from the plain cell as the hottest tint goes: still a background
    # the flows and cards drawn over it stand out on.
    shown = theme.contrast_ratio(tinted.name(), plain.name())
    assert shown == pytest.approx(HOTTEST_TINT_CONTRAST, abs=0.05)
    assert tinted.red() > tinted.blue() + 30


def test_the_heat_map_follows_an_edit_and_its_undo(qtbot, window, document):
    view_action(window, "Friction Heat Map").trigger()
    friction = document.entity("frictions", "fr-ivr-no-install-option")
    tp = document.touchpoint(friction.touchpoint_id)
    cell = (tp.stage_id, tp.channel_id)
    before = overlays(window).heat.cells()[cell].text
    edit_and_wait(qtbot, window, EditFriction(document, friction.id, "severity", 4))
    after = build_plan(document.blueprint).heat_map[cell]
    assert overlays(window).heat.cells()[cell].text == impact_text(after) != before
    undo_and_wait(qtbot, window)
    assert overlays(window).heat.cells()[cell].text == before


def test_the_heat_map_scale_is_the_pdfs():
    from blueprint.report.palette import HEAT_SCALE as PDF_SCALE

    assert HEAT_SCALE == PDF_SCALE


# --- EPIC ------------------------------------------------------------------------------------


def test_epic_colours_each_card_by_its_epic_score(window, broadband):
    view_action(window, "EPIC Colours").trigger()
    scene = scene_of(window)
    for tp in current_state(broadband).touchpoints:  # the canvas shows today's journey
        assert scene.card(tp.id).emphasis.fill == palette.epic_colour(touchpoint_epic(tp)), tp.id
    # Drawn: the card's face between its title and its badges is in its EPIC colour.
    card = scene.card("tp-fault-bot")  # every letter 1
    shown = render_point(scene, card.x() + CARD_WIDTH / 2, card.y() + 67)
    assert shown == QColor(palette.EPIC_SCORE[1])
    assert untouched(window)


def test_epic_colour_follows_an_epic_edit_and_its_undo(qtbot, window, document):
    view_action(window, "EPIC Colours").trigger()
    card = scene_of(window).card("tp-fault-bot")
    assert card.emphasis.fill == palette.EPIC_SCORE[1]
    for letter in ("easy", "personalised", "intuitive", "contextual"):
        edit_and_wait(qtbot, window, EditTouchpoint(document, "tp-fault-bot", f"epic.{letter}", 5))
    assert card.emphasis.fill == palette.EPIC_SCORE[5]
    for _ in range(4):
        undo_and_wait(qtbot, window)
    assert card.emphasis.fill == palette.EPIC_SCORE[1]


def test_each_stage_header_shows_its_weakest_epic_letter(qtbot, window, document, broadband):
    view_action(window, "EPIC Colours").trigger()
    badges = overlays(window).epic_badges.badges()
    summaries = build_plan(broadband).epic_by_stage
    scored = {t.stage_id for t in broadband.touchpoints if touchpoint_epic(t) is not None}
    assert set(badges) == scored == {s for s, sm in summaries.items() if sm.weakest is not None}
    layout = scene_of(window).grid_layout
    for stage in [s for s in broadband.stages if s.id in scored]:
        summary, badge = summaries[stage.id], badges[stage.id]
        assert badge.letter == summary.weakest.value
        assert badge.fill == palette.epic_colour(summary.letters[summary.weakest])
        assert stage.name in badge.toolTip()
        header = layout.stage_header(stage.id)
        assert QRectF(header.x, header.y, header.width, header.height).contains(
            badge.sceneBoundingRect()
        )
    # Scoring the weakest letter of a stage high everywhere makes another letter the weakest.
    stage = broadband.stages[0]
    weakest = summaries[stage.id].weakest
    for tp in [t for t in broadband.touchpoints if t.stage_id == stage.id]:
        edit_and_wait(
            qtbot,
            window,
            EditTouchpoint(document, tp.id, f"epic.{LETTER_NAMES[weakest].lower()}", 5),
        )
    assert badges[stage.id].letter != weakest.value
    assert overlays(window).epic_badges.badges()[stage.id].letter != weakest.value


# --- the emotion curve -----------------------------------------------------------------------


def stage_means(blueprint):
    means = {}
    for stage in blueprint.stages:
        felt = [t.emotion for t in blueprint.touchpoints if t.stage_id == stage.id]
        felt = [e for e in felt if e is not None]
        if felt:
            means[stage.id] = fmean(felt)
    return means


def test_the_emotion_curve_runs_through_the_mean_emotion_of_each_stage(window, broadband):
    view_action(window, "Emotion Curve").trigger()
    curve = overlays(window).emotion.item
    points = curve.points()
    means = stage_means(current_state(broadband))
    assert [p.mean for p in points] == pytest.approx(list(means.values()))
    layout = scene_of(window).grid_layout
    for point, stage_id in zip(points, means, strict=True):
        column = layout.columns[stage_id]
        assert point.scenePos().x() == pytest.approx(column.start + column.size / 2)
        assert stage_id and layout.body.y < point.scenePos().y() < layout.body.bottom
    # Higher is happier: the order of the points' heights is the order of the means.
    by_height = sorted(points, key=lambda p: p.scenePos().y())
    assert [p.mean for p in by_height] == sorted((p.mean for p in points), reverse=True)
    labels = [p.text for p in points]
    assert labels[0] == "+1.0" and "−1.3" in labels
    assert "mean emotion" in points[0].toolTip()


def test_the_whole_emotion_curve_is_in_sight_on_a_projectors_screen(qtbot, window):
    """At 1280x720 and actual size, the grid's top shows every stage's point and label,
    the saddest too (spread over the broadband grid's height, they were below the edge)."""
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.height() <= 720)
    view = window.canvas
    view.actual_size()
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    view_action(window, "Emotion Curve").trigger()
    points = overlays(window).emotion.item.points()
    assert min(p.mean for p in points) < 0  # a sad stage, drawn low
    seen = view.viewport().rect()
    for point in points:
        shown = view.mapFromScene(point.sceneBoundingRect()).boundingRect()
        assert seen.top() <= shown.top() and shown.bottom() <= seen.bottom(), point.text


def test_the_emotion_guides_words_are_never_under_a_card(qtbot, window, document):
    """'+2 delighted' was written at the grid's left edge, under the card of the first
    stage's first channel: it moves along its line to where no card covers it."""
    view_action(window, "Emotion Curve").trigger()
    guides = overlays(window).emotion.item.guides
    body = scene_of(window).grid_layout.body
    assert guides.words()[0][1].left() < body.x + 20  # at the left edge, where no card is
    first_cell = ("stage-awareness", "ch-website-account")
    edit_and_wait(qtbot, window, MoveTouchpoint(document, "tp-fibre-street-ad", *first_cell))
    cards = [i.sceneBoundingRect() for i in scene_of(window).cards().values()]
    words = guides.words()
    assert [w for w, _ in words] == ["+2 delighted", "0 neutral", "−2 angry"]
    for text, place in words:
        assert not any(card.intersects(place) for card in cards), text
        assert body.x <= place.left() and place.right() <= body.right, text


def test_an_emotion_point_tells_a_stage_name_as_typed(qtbot, broadband):
    first = current_state(broadband).stages[0]
    next(s for s in broadband.stages if s.id == first.id).name = "<i>Aware</i> & curious"
    window = roomy_window(qtbot, Document(broadband))
    try:
        view_action(window, "Emotion Curve").trigger()
        points = overlays(window).emotion.item.points()
        assert "<i>Aware</i> & curious" in shown_as(points[0].toolTip())
    finally:
        close_quietly(window)


def test_the_emotion_curve_follows_an_edit_and_its_undo(qtbot, window, document):
    view_action(window, "Emotion Curve").trigger()
    first = overlays(window).emotion.item.points()[0]  # Awareness: one touchpoint, +1
    assert first.text == "+1.0"
    edit_and_wait(qtbot, window, EditTouchpoint(document, "tp-fibre-street-ad", "emotion", -2))
    assert overlays(window).emotion.item.points()[0].text == "−2.0"
    undo_and_wait(qtbot, window)
    assert overlays(window).emotion.item.points()[0].text == "+1.0"


def test_the_emotion_curve_does_not_catch_the_mouse(qtbot, window):
    """Over the cards, the curve lets clicks through to them."""
    view_action(window, "Emotion Curve").trigger()
    curve = overlays(window).emotion.item
    assert curve.acceptedMouseButtons() == Qt.MouseButton.NoButton
    assert all(p.acceptedMouseButtons() == Qt.MouseButton.NoButton for p in curve.points())


# --- never the document, always the theme -----------------------------------------------------


def test_switching_overlays_is_not_an_edit(qtbot, window):
    for name in ("Friction Heat Map", "EPIC Colours", "Emotion Curve"):
        view_action(window, name).trigger()
    assert untouched(window)
    assert not window.document.undo_stack.canUndo()
    assert not window.windowTitle().startswith("*")


def test_overlays_follow_the_dark_theme(qtbot, window, monkeypatch):
    view_action(window, "EPIC Colours").trigger()
    view_action(window, "Emotion Curve").trigger()
    document = window.document
    # An unscored card is drawn in the theme's colour for "not set".
    for letter in ("easy", "intuitive"):
        edit_and_wait(
            qtbot, window, EditTouchpoint(document, "tp-nps-survey", f"epic.{letter}", None)
        )
    survey = scene_of(window).card("tp-nps-survey")
    assert survey.emphasis.fill == theme.LIGHT.UNSET
    scored = scene_of(window).card("tp-fault-bot")
    monkeypatch.setattr(theme, "system_scheme", lambda: Qt.ColorScheme.Dark)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert survey.emphasis.fill == theme.DARK.UNSET
    assert scored.emphasis.fill == palette.EPIC_SCORE[1]  # scores mean the same in both
    # The curve's labels are drawn on the dark theme's card colour.
    point = overlays(window).emotion.item.points()[0]
    label = point.sceneBoundingRect()
    shown = render_point(scene_of(window), label.right() - 4, label.center().y())
    assert shown.lightness() < 100


def test_the_exported_picture_never_shows_the_overlays(window, tmp_path):
    plain = tmp_path / "plain.png"
    export_canvas(window.document, plain, zoom=0.25)
    for name in ("Friction Heat Map", "EPIC Colours", "Emotion Curve", "Evidence"):
        view_action(window, name).trigger()
    overlaid = tmp_path / "overlaid.png"
    export_canvas(window.document, overlaid, zoom=0.25)
    assert overlaid.read_bytes() == plain.read_bytes()


def test_an_emotion_points_label_covers_no_card(qtbot, window):
    """ "+0.5" was written over "Compares speed packages and contract terms": a point's
    label goes to the side of it where it covers no card."""
    view_action(window, "Emotion Curve").trigger()
    cards = [i.sceneBoundingRect() for i in scene_of(window).cards().values()]
    points = overlays(window).emotion.item.points()
    assert len(points) >= 8
    for point in points:
        label = point.label_rect()
        assert not any(card.intersects(label) for card in cards), point.text
