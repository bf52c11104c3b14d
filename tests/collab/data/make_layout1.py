"""Makes the layout-1 fixtures of ``tests/collab/test_layout1.py`` (kept for the record).

It must run with the layout-1 code: from the root of a copy of commit 3f0ffb1 (before the
id sets) holding this script, ``PYTHONPATH=. python tests/collab/data/make_layout1.py``
with this project's environment. It writes

- ``layout1.blueprint``: the blueprint the room started from;
- ``layout1.yupdate``: the whole room as a layout-1 editor left it: the seed of that file,
  then edits of two layout-1 editors (lists written as JSON text, last writer wins);
- ``layout1.expected.blueprint``: what a layout-1 editor read from that room.
"""

from __future__ import annotations

from pathlib import Path

from blueprint.collab.layout import LAYOUT_VERSION
from blueprint.collab.mapping import LiveDoc, seed_update
from blueprint.collab.primitives import InsertEntity, SetEntityField
from blueprint.model import Improvement, Persona, PreferredChannel, Touchpoint
from blueprint.storage import dumps_blueprint
from tests.factories import small_blueprint

HERE = Path(__file__).resolve().parent


def main() -> None:
    assert LAYOUT_VERSION == 1, "run this with the layout-1 code"
    base = small_blueprint()
    base = base.model_copy(
        update={
            "personas": [
                *base.personas,
                Persona(
                    id="p2",
                    name="Home worker",
                    preferred_channels=[PreferredChannel(stage_id="s2", channel_id="phone")],
                ),
            ],
            "touchpoints": [
                *base.touchpoints[:2],
                Touchpoint(
                    id="t3",
                    title="Complain",
                    stage_id="s2",
                    channel_id="esc",
                    persona_ids=["p2", "p1"],
                ),
            ],
            "improvements": [
                Improvement(
                    id="i1",
                    title="Faster page",
                    friction_ids=["x1"],
                    epic_letters=["I", "E"],
                    brings_about=["t1", "f1"],
                ),
                Improvement(id="i2", title="Call back"),
            ],
        }
    )
    (HERE / "layout1.blueprint").write_bytes(dumps_blueprint(base))
    seed = seed_update(base)
    ann, bob = LiveDoc(), LiveDoc()
    for live in (ann, bob):
        live.doc.apply_update(seed.update)
    ann.apply([SetEntityField("improvements", "i1", "friction_ids", ["x1", "x2"])])
    bob.apply([SetEntityField("touchpoints", "t1", "persona_ids", ["p1"])])
    preferences = [
        PreferredChannel(stage_id="s1", channel_id="web"),
        PreferredChannel(stage_id="s2", channel_id="phone"),
    ]
    bob.apply([SetEntityField("personas", "p2", "preferred_channels", preferences)])
    bob.apply([InsertEntity("improvements", 2, Improvement(id="i3", title="Chat"))])
    for target, source in ((ann, bob), (bob, ann)):
        target.doc.apply_update(source.doc.get_update(target.doc.get_state()))
    assert dumps_blueprint(ann.view()) == dumps_blueprint(bob.view())
    (HERE / "layout1.yupdate").write_bytes(ann.doc.get_update())
    (HERE / "layout1.expected.blueprint").write_bytes(dumps_blueprint(ann.view()))


if __name__ == "__main__":
    main()
