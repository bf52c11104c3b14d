"""Pure functions over the model: scoring, stairway, waves, EPIC, heat map. No Qt, no I/O."""

from .epic import EpicSummary, epic_index, summarise_epic, touchpoint_epic
from .friction import MONTHLY_FACTOR, FrictionScore, monthly_reach, score_frictions, segment_weight
from .journey import channel_switches
from .plan import (
    ACTION_SHARE,
    DEFAULT_TOP,
    CostTerm,
    FailureDemand,
    ImprovementScore,
    Plan,
    Quadrant,
    Wave,
    build_plan,
)

__all__ = [
    "ACTION_SHARE",
    "DEFAULT_TOP",
    "MONTHLY_FACTOR",
    "CostTerm",
    "EpicSummary",
    "FailureDemand",
    "FrictionScore",
    "ImprovementScore",
    "Plan",
    "Quadrant",
    "Wave",
    "build_plan",
    "channel_switches",
    "epic_index",
    "monthly_reach",
    "score_frictions",
    "segment_weight",
    "summarise_epic",
    "touchpoint_epic",
]
