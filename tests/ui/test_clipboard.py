"""Touchpoints on the clipboard: what is copied, and how a paste fits the target blueprint."""

from PySide6.QtCore import QMimeData

from blueprint.model import Blueprint, Channel, ChannelKind, Stage
from blueprint.ui.inspector.clipboard import (
    MIME_TYPE,
    clip_from_mime,
    clip_of,
    fresh_copy,
    mime_of,
)
from tests.factories import small_blueprint


def test_a_clip_holds_the_touchpoints_their_frictions_and_the_flows_between_them(qapp):
    clip = clip_of(small_blueprint(), ["t1", "t2"])
    assert [t.id for t in clip.touchpoints] == ["t1", "t2"]
    assert [f.id for f in clip.frictions] == ["x1", "x2"]
    assert [f.id for f in clip.flows] == ["f1"]  # f2 leads to t3, which is not copied
    back = clip_from_mime(mime_of(clip))
    assert back == clip


def test_a_paste_into_another_blueprint_drops_what_it_cannot_resolve(qapp):
    other = Blueprint(
        stages=[Stage(id="a", name="Awareness")],
        channels=[Channel(id="web", name="Web", kind=ChannelKind.SELF_SERVICE, step=4)],
    )
    clip = clip_of(small_blueprint(), ["t2", "t1"])
    copies = fresh_copy(clip, other, None)
    t1, t2 = copies.touchpoints
    # t1's cell (s1, web): no stage s1 here, so the first cell; t2's persona is unknown.
    assert (t1.stage_id, t1.channel_id) == ("a", "web")
    assert t2.persona_ids == []
    x1 = next(f for f in copies.frictions if f.touchpoint_id == t1.id)
    assert x1.leads_to_channel_id is None and x1.contact_reason_id is None
    assert {t.id for t in copies.touchpoints}.isdisjoint({"t1", "t2"})
    assert (copies.flows[0].from_id, copies.flows[0].to_id) == (t1.id, t2.id)


def test_the_clipboard_from_elsewhere_is_not_mistaken_for_touchpoints(qapp):
    text = QMimeData()
    text.setText("just some text")
    assert clip_from_mime(text) is None
    broken = QMimeData()
    broken.setData(MIME_TYPE, b'{"format": "blueprint-touchpoints", "version": 1}')
    assert clip_from_mime(broken) is None
    newer = QMimeData()
    newer.setData(MIME_TYPE, b'{"format": "blueprint-touchpoints", "version": 2}')
    assert clip_from_mime(newer) is None


def test_a_card_pasted_into_another_blueprint_saves_a_file_that_opens_again(
    qtbot, broadband, tmp_path
):
    """A friction point following a measure, and tomorrow's cell and channel led to, kept
    links to what only the first blueprint had: "Saved", then the file would not open."""
    from PySide6.QtCore import Qt

    from blueprint.storage import load_blueprint
    from blueprint.ui.document import Document
    from tests.conftest import SAMPLES
    from tests.ui.editing_helpers import click_card, click_empty_place, close_window, open_window

    source = broadband.model_copy(deep=True)
    card = next(t for t in source.touchpoints if t.id == "tp-web-status-form")
    # Tomorrow in Activation (both blueprints have it) and with the technician (broadband's).
    card.future.stage_id, card.future.channel_id = "stage-activation", "ch-field-visit-technician"
    timeout = next(f for f in source.frictions if f.id == "fr-status-form-timeout")
    timeout.future.leads_to_channel_id = "ch-field-visit-technician"
    first = open_window(qtbot, Document(source))
    grocery = next(p for p in SAMPLES if p.stem == "grocery-delivery")
    second = open_window(qtbot, Document(load_blueprint(grocery)))
    try:
        first.activateWindow()
        qtbot.waitUntil(first.isActiveWindow)
        click_card(first, "tp-web-status-form")
        qtbot.keyClick(first.canvas, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
        target = second.document.blueprint
        stage, channel = target.stages[0].id, target.channels[0].id
        click_empty_place(second, stage, channel)
        second.activateWindow()
        qtbot.waitUntil(second.isActiveWindow)
        qtbot.keyClick(second.canvas, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        pasted = [t for t in second.document.blueprint.touchpoints if t.title == card.title]
        assert len(pasted) == 1
        path = tmp_path / "grocery.blueprint"
        second.document.save(path)
        again = load_blueprint(path)  # opens: every link names something of this file
        [copy] = [t for t in again.touchpoints if t.id == pasted[0].id]
        assert (copy.stage_id, copy.channel_id) == (stage, channel)
        assert copy.future.title == card.future.title  # what it holds stays
        assert copy.future.stage_id == "stage-activation"  # resolved here: kept
        assert copy.future.channel_id is None
        [friction] = [
            f for f in again.frictions if f.touchpoint_id == copy.id and f.title == timeout.title
        ]
        assert friction.frequency.measure_id is None
        assert friction.frequency.count == 860  # the count it followed stays, as typed
        assert friction.future.leads_to_channel_id is None
    finally:
        close_window(first)
        close_window(second)
