"""The journey along flows: channel switches."""

from __future__ import annotations

from ..model import Blueprint, Flow


def channel_switches(bp: Blueprint) -> list[Flow]:
    """Flows whose two touchpoints sit in different channels, in document order."""
    channel_of = {tp.id: tp.channel_id for tp in bp.touchpoints}
    return [
        flow
        for flow in bp.flows
        if flow.from_id in channel_of
        and flow.to_id in channel_of
        and channel_of[flow.from_id] != channel_of[flow.to_id]
    ]
