"""Pure functions over the model: scoring, stairway, waves, EPIC, heat map. No Qt, no I/O."""

from .certainty import Certainty, ImprovementCertainty, MeasureFirst, plan_certainty
from .epic import EpicSummary, epic_index, summarise_epic, touchpoint_epic
from .evidence import (
    Backing,
    CardBacking,
    ImpactBacking,
    UnbackedCard,
    backing_by_touchpoint,
    frictions_backing,
    impact_backing,
    unbacked_cards,
)
from .friction import (
    MONTHLY_FACTOR,
    FrictionScore,
    lost_journeys,
    monthly_reach,
    score_frictions,
    segment_weight,
    yearly_contact_cost,
)
from .journey import StageEmotion, applies_to, channel_switches, emotion_by_stage
from .persona_channels import PersonaChannelFit, StageFit, persona_channel_fits
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
    "Backing",
    "CardBacking",
    "Certainty",
    "CostTerm",
    "EpicSummary",
    "FailureDemand",
    "FrictionScore",
    "ImpactBacking",
    "ImprovementCertainty",
    "ImprovementScore",
    "MeasureFirst",
    "PersonaChannelFit",
    "Plan",
    "Quadrant",
    "StageEmotion",
    "StageFit",
    "UnbackedCard",
    "Wave",
    "applies_to",
    "backing_by_touchpoint",
    "build_plan",
    "channel_switches",
    "emotion_by_stage",
    "epic_index",
    "frictions_backing",
    "impact_backing",
    "lost_journeys",
    "monthly_reach",
    "persona_channel_fits",
    "plan_certainty",
    "score_frictions",
    "segment_weight",
    "summarise_epic",
    "touchpoint_epic",
    "unbacked_cards",
    "yearly_contact_cost",
]
