"""The journey along flows and stages: channel switches, and how customers feel."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from statistics import fmean

from ..model import Blueprint, Flow, Touchpoint


def applies_to(touchpoint_persona_ids: list[str], persona_id: str | None) -> bool:
    """Whether a touchpoint listing these personas applies to the persona (None: everyone)."""
    return persona_id is None or not touchpoint_persona_ids or persona_id in touchpoint_persona_ids


def channel_switches(bp: Blueprint, touchpoint_ids: set[str] | None = None) -> list[Flow]:
    """Flows whose two touchpoints sit in different channels, in document order; only the
    flows between ``touchpoint_ids`` if given."""
    channel_of = {tp.id: tp.channel_id for tp in bp.touchpoints}
    return [
        flow
        for flow in bp.flows
        if flow.from_id in channel_of
        and flow.to_id in channel_of
        and channel_of[flow.from_id] != channel_of[flow.to_id]
        and (
            touchpoint_ids is None
            or (flow.from_id in touchpoint_ids and flow.to_id in touchpoint_ids)
        )
    ]


@dataclass(frozen=True, slots=True)
class StageEmotion:
    """How customers feel in one stage: the mean of its touchpoints' emotions."""

    stage_id: str
    mean: float
    lowest: int
    highest: int
    count: int


def emotion_by_stage(bp: Blueprint, persona_id: str | None = None) -> list[StageEmotion]:
    """Stages in order, those with at least one emotion set, over the touchpoints that apply
    to the persona (all of them without one)."""
    return stage_emotions(bp, [t for t in bp.touchpoints if applies_to(t.persona_ids, persona_id)])


def stage_emotions(bp: Blueprint, touchpoints: Iterable[Touchpoint]) -> list[StageEmotion]:
    """``emotion_by_stage`` over a group of touchpoints already chosen."""
    felt: dict[str, list[int]] = {}
    for tp in touchpoints:
        if tp.emotion is not None:
            felt.setdefault(tp.stage_id, []).append(tp.emotion)
    return emotions_by_stage(bp, felt)


def emotions_by_stage(bp: Blueprint, felt: Mapping[str, list[int]]) -> list[StageEmotion]:
    """The stages in order, from the emotions already put in their stage (stage id ->
    the emotions set there), those with at least one."""
    return [
        StageEmotion(stage.id, fmean(values), min(values), max(values), len(values))
        for stage in bp.stages
        if (values := felt.get(stage.id))
    ]
