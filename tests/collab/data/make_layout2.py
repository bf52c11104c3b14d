"""Makes the layout-2 fixtures of ``tests/collab/test_layout2.py`` (kept for the record).

It must run with the layout-2 code: from the root of a copy of commit 5efbe77 (before the
removal marks of layout 3) holding this script, ``PYTHONPATH=. python
tests/collab/data/make_layout2.py`` with this project's environment. It writes

- ``layout2.blueprint``: the blueprint the room started from;
- ``layout2.yupdate``: the whole room as two layout-2 editors left it: the seed of that
  file, links added by both, a flow and a touchpoint removed (layout 2 deleted an entity's
  map), and an improvement added;
- ``layout2.expected.blueprint``: what a layout-2 editor read from that room.
"""

from __future__ import annotations

from pathlib import Path

from blueprint.collab.layout import LAYOUT_VERSION
from blueprint.collab.mapping import LiveDoc, seed_update
from blueprint.collab.primitives import InsertEntity, RemoveEntity, SetEntityField
from blueprint.model import Improvement
from blueprint.storage import dumps_blueprint
from tests.factories import small_blueprint

HERE = Path(__file__).resolve().parent


def main() -> None:
    assert LAYOUT_VERSION == 2, "run this with the layout-2 code"
    base = small_blueprint()
    base = base.model_copy(
        update={"improvements": [Improvement(id="i1", title="Faster page", friction_ids=["x1"])]}
    )
    (HERE / "layout2.blueprint").write_bytes(dumps_blueprint(base))
    seed = seed_update(base)
    ann, bob = LiveDoc(), LiveDoc()
    for live in (ann, bob):
        live.doc.apply_update(seed.update)
    ann.apply([SetEntityField("improvements", "i1", "friction_ids", ["x1", "x2"])])
    bob.apply([SetEntityField("touchpoints", "t1", "title", "Search the site")])
    bob.apply([RemoveEntity("flows", base.flows[0].id)])
    bob.apply([InsertEntity("improvements", 1, Improvement(id="i2", title="Chat"))])
    ann.apply([RemoveEntity("touchpoints", base.touchpoints[-1].id)])
    for target, source in ((ann, bob), (bob, ann)):
        target.doc.apply_update(source.doc.get_update(target.doc.get_state()))
    assert dumps_blueprint(ann.view()) == dumps_blueprint(bob.view())
    (HERE / "layout2.yupdate").write_bytes(ann.doc.get_update())
    (HERE / "layout2.expected.blueprint").write_bytes(dumps_blueprint(ann.view()))


if __name__ == "__main__":
    main()
