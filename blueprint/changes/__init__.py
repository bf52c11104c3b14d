"""The states of a journey and what changes between them: pure functions over the model.

``state_view`` gives the blueprint as it is in one state (today's or tomorrow's), which every
analysis then reads as an ordinary blueprint; ``differences`` lists what the future state
adds, removes and changes; ``figures`` computes what a state costs, and ``compare_states``
and ``compare_files`` set two states side by side with every delta. No Qt, no I/O: the
command line, the report and the editor share it.
"""

from ..model.states import State, current_state, has_future_state, present_in, state_view
from .compare import (
    MEASURES,
    STAIRWAY_MEASURES,
    Change,
    Comparison,
    ComparisonError,
    FiguresDelta,
    Measure,
    StageChange,
    Unit,
    compare_blueprints,
    compare_files,
    compare_states,
    delta,
)
from .differences import Difference, DifferenceKind, differences
from .figures import (
    STEPS,
    Figures,
    JourneyFigures,
    StageFigures,
    figures,
    journey_figures,
    state_figures,
)
from .records import comparison_document

__all__ = [
    "MEASURES",
    "STAIRWAY_MEASURES",
    "STEPS",
    "Change",
    "Comparison",
    "ComparisonError",
    "Difference",
    "DifferenceKind",
    "Figures",
    "FiguresDelta",
    "JourneyFigures",
    "Measure",
    "StageChange",
    "StageFigures",
    "State",
    "Unit",
    "compare_blueprints",
    "compare_files",
    "compare_states",
    "comparison_document",
    "current_state",
    "delta",
    "differences",
    "figures",
    "has_future_state",
    "journey_figures",
    "present_in",
    "state_figures",
    "state_view",
]
