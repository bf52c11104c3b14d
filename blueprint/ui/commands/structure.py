"""Stages (columns) and channels (rows): add, reorder, remove. Renaming is a field edit."""

from __future__ import annotations

from ...model import Channel, ChannelKind, Stage
from ..document import Document, Kind
from .base import BlueprintCommand, CommandError, Insert, Remove, Reorder, build, quoted
from .fields import check_unique_name
from .removal import Removal, removal_changes, removal_of_channel, removal_of_stage


def _insert_index(document: Document, kind: Kind, index: int | None) -> int:
    size = len(getattr(document.blueprint, kind))
    return size if index is None else max(0, min(index, size))


class AddStage(BlueprintCommand):
    """Add a stage column at ``index`` (last when None)."""

    def __init__(
        self, document: Document, name: str, index: int | None = None, description: str = ""
    ) -> None:
        stage = build(Stage, name=name, description=description)
        check_unique_name(document, "stages", "stage", stage.name)
        self.stage_id = stage.id
        at = _insert_index(document, "stages", index)
        super().__init__(document, f"Add stage {quoted(name)}", [Insert("stages", at, stage)])


class AddChannel(BlueprintCommand):
    """Add a channel row at ``index`` (last when None)."""

    def __init__(
        self,
        document: Document,
        name: str,
        kind: ChannelKind | str,
        step: int,
        cost_per_contact: float | None = None,
        index: int | None = None,
    ) -> None:
        channel = build(Channel, name=name, kind=kind, step=step, cost_per_contact=cost_per_contact)
        check_unique_name(document, "channels", "channel", channel.name)
        self.channel_id = channel.id
        at = _insert_index(document, "channels", index)
        text = f"Add channel {quoted(name)}"
        super().__init__(document, text, [Insert("channels", at, channel)])


class _MoveAxis(BlueprintCommand):
    kind: Kind
    noun: str

    def __init__(self, document: Document, entity_id: str, index: int) -> None:
        entity = document.get(self.kind, entity_id)
        if entity is None:
            raise CommandError(f"there is no {self.noun} with id {entity_id!r}")
        old = document.index_of(self.kind, entity_id)
        new = max(0, min(index, len(getattr(document.blueprint, self.kind)) - 1))
        changes = [] if old == new else [Reorder(self.kind, entity_id, old, new)]
        super().__init__(document, f"Move {self.noun} {quoted(entity.name)}", changes)


class MoveStage(_MoveAxis):
    """Put a stage at ``index`` of the columns."""

    kind = "stages"
    noun = "stage"


class MoveChannel(_MoveAxis):
    """Put a channel at ``index`` of the rows."""

    kind = "channels"
    noun = "channel"


class _RemoveAxis(BlueprintCommand):
    kind: Kind
    noun: str

    @staticmethod
    def consequences(document: Document, entity_id: str) -> Removal:
        raise NotImplementedError

    def __init__(self, document: Document, entity_id: str) -> None:
        entity = document.get(self.kind, entity_id)
        if entity is None:
            raise CommandError(f"there is no {self.noun} with id {entity_id!r}")
        if len(getattr(document.blueprint, self.kind)) == 1:
            raise CommandError(f"a blueprint needs at least one {self.noun}")
        removal = self.consequences(document, entity_id)
        changes = removal_changes(document.blueprint, removal)
        changes.append(Remove(self.kind, entity_id))
        super().__init__(document, f"Remove {self.noun} {quoted(entity.name)}", changes)


class RemoveStage(_RemoveAxis):
    """Remove a stage with its touchpoints (and their friction points and flows)."""

    kind = "stages"
    noun = "stage"

    @staticmethod
    def consequences(document: Document, entity_id: str) -> Removal:
        """What removing the stage would take with it, to show before it happens."""
        return removal_of_stage(document.blueprint, entity_id)


class RemoveChannel(_RemoveAxis):
    """Remove a channel with its touchpoints; friction points leading to it lead nowhere."""

    kind = "channels"
    noun = "channel"

    @staticmethod
    def consequences(document: Document, entity_id: str) -> Removal:
        """What removing the channel would take with it, to show before it happens."""
        return removal_of_channel(document.blueprint, entity_id)
