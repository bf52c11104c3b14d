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
