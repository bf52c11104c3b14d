"""Undoable commands: the only way the UI changes a document.

Each command holds ids and old/new values (never views), names itself for the Edit menu
("Add touchpoint 'Pay'"), and is checked when made: a change that would break the document
raises ``CommandError`` before anything is pushed.
"""

from .base import BlueprintCommand, CommandError, push_checked
from .comments import AddComment, SetThreadResolved
from .conflicts import ResolveConflict, Side
from .contact_reasons import AddContactReason, RemoveContactReason
from .evidence import (
    AddEvidence,
    AddMeasure,
    EditEvidence,
    EditMeasure,
    RemoveEvidence,
    RemoveMeasure,
    SetFrequencyMeasure,
)
from .fields import (
    BLUEPRINT,
    EditBlueprint,
    EditChannel,
    EditContactReason,
    EditFlow,
    EditFriction,
    EditImprovement,
    EditPersona,
    EditStage,
    EditTouchpoint,
    FieldEdit,
    RenameChannel,
    RenameStage,
    SetTouchpointPersonas,
)
from .frictions import AddFlow, AddFriction, RemoveFlows, RemoveFrictions
from .future import (
    EditFrictionFuture,
    EditTouchpointFuture,
    MoveInFuture,
    RemoveFrictionFromFuture,
    RemoveFromFuture,
)
from .improvements import AddImprovement, RemoveImprovement, SetImprovementFrictions
from .multi import EditTouchpoints, SetTouchpointsPersona
from .personas import AddPersona, RemovePersona, SetPersonaTouchpoints, SetPreferredChannel
from .removal import Removal
from .replace import ReplaceBlueprint
from .structure import (
    AddChannel,
    AddStage,
    MoveChannel,
    MoveStage,
    RemoveChannel,
    RemoveStage,
)
from .touchpoints import AddTouchpoint, AddTouchpoints, MoveTouchpoint, RemoveTouchpoints

__all__ = [
    "BLUEPRINT",
    "AddChannel",
    "AddComment",
    "AddContactReason",
    "AddEvidence",
    "AddFlow",
    "AddFriction",
    "AddImprovement",
    "AddMeasure",
    "AddPersona",
    "AddStage",
    "AddTouchpoint",
    "AddTouchpoints",
    "BlueprintCommand",
    "CommandError",
    "EditBlueprint",
    "EditChannel",
    "EditContactReason",
    "EditEvidence",
    "EditFlow",
    "EditFriction",
    "EditFrictionFuture",
    "EditImprovement",
    "EditMeasure",
    "EditPersona",
    "EditStage",
    "EditTouchpoint",
    "EditTouchpointFuture",
    "EditTouchpoints",
    "FieldEdit",
    "MoveChannel",
    "MoveInFuture",
    "MoveStage",
    "MoveTouchpoint",
    "Removal",
    "RemoveChannel",
    "RemoveContactReason",
    "RemoveEvidence",
    "RemoveFlows",
    "RemoveFrictionFromFuture",
    "RemoveFrictions",
    "RemoveFromFuture",
    "RemoveImprovement",
    "RemoveMeasure",
    "RemovePersona",
    "RemoveStage",
    "RemoveTouchpoints",
    "RenameChannel",
    "RenameStage",
    "ReplaceBlueprint",
    "ResolveConflict",
    "SetFrequencyMeasure",
    "SetImprovementFrictions",
    "SetPersonaTouchpoints",
    "SetPreferredChannel",
    "SetThreadResolved",
    "SetTouchpointPersonas",
    "SetTouchpointsPersona",
    "Side",
    "push_checked",
]
