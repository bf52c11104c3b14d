"""The states of a journey and what changes between them: pure functions over the model.

``state_view`` gives the blueprint as it is in one state (today's or tomorrow's), which every
analysis then reads as an ordinary blueprint; ``differences`` lists what the future state
adds, removes and changes; ``figures`` computes what a state costs, and ``compare_states``
and ``compare_files`` set two states side by side with every delta. Between two versions of
a file: ``diff_blueprints`` lists what changed, entity by entity and field by field, in
words; ``blueprint_text`` renders one version as lines for git; ``merge_blueprints`` merges
two people's versions of a base by id, recording what it cannot reconcile as conflicts in
the file. No Qt, no I/O: the command line, the report and the editor share it.
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
from .diff import DiffKind, EntityDiff, FieldChange, diff_blueprints, diff_document, diff_lines
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
from .merge import MergeError, MergeResult, merge_blueprints
from .records import comparison_document
from .show import blueprint_lines, blueprint_text

__all__ = [
    "MEASURES",
    "STAIRWAY_MEASURES",
    "STEPS",
    "Change",
    "Comparison",
    "ComparisonError",
    "DiffKind",
    "Difference",
    "DifferenceKind",
    "EntityDiff",
    "FieldChange",
    "Figures",
    "FiguresDelta",
    "JourneyFigures",
    "Measure",
    "MergeError",
    "MergeResult",
    "StageChange",
    "StageFigures",
    "State",
    "Unit",
    "blueprint_lines",
    "blueprint_text",
    "compare_blueprints",
    "compare_files",
    "compare_states",
    "comparison_document",
    "current_state",
    "delta",
    "diff_blueprints",
    "diff_document",
    "diff_lines",
    "differences",
    "figures",
    "has_future_state",
    "journey_figures",
    "merge_blueprints",
    "present_in",
    "state_figures",
    "state_view",
]
