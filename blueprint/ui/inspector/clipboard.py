"""Touchpoints on the clipboard: their JSON under a private MIME type, and fresh copies.

What is copied is the touchpoints with their friction points and the flows between them,
as the file format writes them. Pasting makes copies with new ids (so pasting twice, or
into the blueprint they came from, never clashes) and drops references the target
blueprint cannot resolve: a persona, channel, contact reason, measure followed or tomorrow's
cell it does not have.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QMimeData

from ...changes.references import without_unknown
from ...model import Blueprint, Flow, Friction, Touchpoint, new_id
from ...model.collections import COLLECTIONS
from ..commands import CommandError

MIME_TYPE = "application/x-blueprint-touchpoints+json"
CLIP_FORMAT = "blueprint-touchpoints"
CLIP_VERSION = 1


@dataclass
class Clip:
    touchpoints: list[Touchpoint]
    frictions: list[Friction] = field(default_factory=list)
    flows: list[Flow] = field(default_factory=list)


def clip_of(blueprint: Blueprint, touchpoint_ids: list[str]) -> Clip:
    """The touchpoints (in document order), their friction points, the flows among them."""
    chosen = set(touchpoint_ids)
    return Clip(
        touchpoints=[t.model_copy(deep=True) for t in blueprint.touchpoints if t.id in chosen],
        frictions=[
            f.model_copy(deep=True) for f in blueprint.frictions if f.touchpoint_id in chosen
        ],
        flows=[
            f.model_copy(deep=True)
            for f in blueprint.flows
            if f.from_id in chosen and f.to_id in chosen
        ],
    )


def clip_to_json(clip: Clip) -> bytes:
    payload = {
        "format": CLIP_FORMAT,
        "version": CLIP_VERSION,
        "touchpoints": [t.model_dump(mode="json") for t in clip.touchpoints],
        "frictions": [f.model_dump(mode="json") for f in clip.frictions],
        "flows": [f.model_dump(mode="json") for f in clip.flows],
    }
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def clip_from_json(data: bytes) -> Clip | None:
    """The clip, or None when the data is not a clip this version understands."""
    try:
        payload = json.loads(data.decode("utf-8"))
        if payload.get("format") != CLIP_FORMAT or payload.get("version") != CLIP_VERSION:
            return None
        clip = Clip(
            touchpoints=[
                Touchpoint.model_validate(t, strict=False) for t in payload["touchpoints"]
            ],
            frictions=[Friction.model_validate(f, strict=False) for f in payload["frictions"]],
            flows=[Flow.model_validate(f, strict=False) for f in payload["flows"]],
        )
    except (ValueError, KeyError, TypeError, AttributeError, ValidationError):
        return None
    return clip if clip.touchpoints else None


def mime_of(clip: Clip) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, clip_to_json(clip))
    # Other applications get the titles, one a line.
    mime.setText("\n".join(t.title for t in clip.touchpoints))
    return mime


def clip_from_mime(mime: QMimeData | None) -> Clip | None:
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    return clip_from_json(bytes(mime.data(MIME_TYPE).data()))


def fresh_copy(clip: Clip, blueprint: Blueprint, cell: tuple[str, str] | None) -> Clip:
    """Copies with new ids, ready for ``AddTouchpoints``.

    All go into ``cell`` when given; otherwise each into its original cell when the
    blueprint has it, else into the first cell of the grid.
    """
    stages = {s.id for s in blueprint.stages}
    channels = {c.id for c in blueprint.channels}
    if not stages or not channels:
        raise CommandError("there is no cell to paste into: add a stage and a channel first")
    first = (blueprint.stages[0].id, blueprint.channels[0].id)
    new_ids = {t.id: new_id() for t in clip.touchpoints}
    ids = {kind: {e.id for e in getattr(blueprint, kind)} for kind in COLLECTIONS}
    ids["touchpoints"] |= set(new_ids.values())

    def known(kind: str, entity_id: str) -> bool:
        return entity_id in ids.get(kind, ())

    def resolvable(kind: str, entity: Any) -> Any:
        """The copy with only the links this blueprint resolves (a persona, a channel led
        to, a measure followed, tomorrow's cell): a link to what only the other blueprint
        has saved a file that would not open again."""
        data = without_unknown(kind, entity.model_dump(mode="json"), known)
        return type(entity).model_validate(data)

    touchpoints = []
    for tp in clip.touchpoints:
        copy = tp.model_copy(deep=True)
        copy.id = new_ids[tp.id]
        if cell is not None:
            copy.stage_id, copy.channel_id = cell
        elif tp.stage_id not in stages or tp.channel_id not in channels:
            copy.stage_id, copy.channel_id = first
        touchpoints.append(resolvable("touchpoints", copy))
    frictions = []
    for friction in clip.frictions:
        if friction.touchpoint_id not in new_ids:
            continue
        copy = friction.model_copy(deep=True)
        copy.id = new_id()
        copy.touchpoint_id = new_ids[friction.touchpoint_id]
        frictions.append(resolvable("frictions", copy))
    flows = []
    for flow in clip.flows:
        if flow.from_id in new_ids and flow.to_id in new_ids and flow.from_id != flow.to_id:
            copy = flow.model_copy(deep=True)
            copy.id = new_id()
            copy.from_id, copy.to_id = new_ids[flow.from_id], new_ids[flow.to_id]
            flows.append(copy)
    return Clip(touchpoints, frictions, flows)
