"""The states of a journey and what changes between them: pure functions over the model.

``state_view`` gives the blueprint as it is in one state (today's or tomorrow's), which every
analysis then reads as an ordinary blueprint; ``differences`` lists what the future state
adds, removes and changes. No Qt, no I/O: the command line, the report and the editor share it.
"""

from ..model.states import State, current_state, has_future_state, present_in, state_view
from .differences import Difference, DifferenceKind, differences

__all__ = [
    "Difference",
    "DifferenceKind",
    "State",
    "current_state",
    "differences",
    "has_future_state",
    "present_in",
    "state_view",
]
