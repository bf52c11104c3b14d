"""The blueprint document: pydantic models for every entity of DOMAIN.md.

Field-level rules (ranges, enumerations, types) live here; rules that need the whole
document (unique ids, references that must resolve) live in ``validation.py``.
The field order of each model is the key order of the file format, so do not reorder
fields casually: it changes every saved file.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, ClassVar, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    Strict,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from .enums import (
    Action,
    ChannelKind,
    ConflictKind,
    Demand,
    EpicLetter,
    EvidenceKind,
    EvidenceSource,
    FrequencySource,
    FrictionKind,
    FrictionNature,
    Period,
    Presence,
    Status,
)
from .ids import ID_PATTERN, new_id

FORMAT_MARKER = "blueprint"
SCHEMA_VERSION = 5

NOT_BLANK = r"\S"
EntityId = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
#: A name or title: not blank (it must hold a visible character).
Name = Annotated[str, StringConstraints(min_length=1, max_length=500, pattern=NOT_BLANK)]
Text = str
#: Longer free text that must say something: a quote, a comment.
Said = Annotated[str, StringConstraints(min_length=1, max_length=20_000, pattern=NOT_BLANK)]
Step = Annotated[int, Field(ge=0, le=5)]
EpicScore = Annotated[int, Field(ge=1, le=5)]

EFFORT_POINTS = (1, 2, 3, 5, 8)


_E = TypeVar("_E")
#: ``Lax[SomeEnum]``: an enum field that takes its value as a string from a file.
Lax = Annotated[_E, Strict(False)]
CONFIDENCE_LEVELS = (0.5, 0.8, 1.0)


def _check_confidence(value: float) -> float:
    if value not in CONFIDENCE_LEVELS:
        raise ValueError("must be 0.5 (low), 0.8 (medium) or 1.0 (high)")
    return float(value)


def _check_effort(value: int) -> int:
    if value not in EFFORT_POINTS:
        raise ValueError("must be 1, 2, 3, 5 or 8 effort points")
    return value


_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _check_date(value: str) -> str:
    try:
        if not _DATE_SHAPE.fullmatch(value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"must be a date written YYYY-MM-DD, not {value[:40]!r}") from None
    return value


def _check_timestamp(value: str) -> str:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise ValueError(
            "must be a date and time with its offset, such as 2026-12-06T19:49:00Z, not "
            f"{value[:40]!r}"
        )
    return value


#: A calendar date as the file stores it: ISO 8601, ``2026-10-31``.
IsoDate = Annotated[
    str,
    AfterValidator(_check_date),
    WithJsonSchema({"type": "string", "format": "date"}),
]


def timestamp_of(moment: datetime) -> str:
    """A moment as the file stores it: ISO 8601 with its offset, to the second; one with no
    offset is a time on this computer's clock."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.replace(microsecond=0).isoformat()


#: A moment as the file stores it: ISO 8601 with its offset, ``2026-12-06T19:49:00Z``.
Timestamp = Annotated[
    str,
    StringConstraints(max_length=40),
    AfterValidator(_check_timestamp),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]


def _no_negative_zero(value: float) -> float:
    # -0.0 equals 0.0 but is written "-0.0": one value, two files. Adding 0.0 makes it 0.0.
    return value + 0.0


def _check_unique(values: list) -> list:
    seen = set()
    for value in values:
        if value in seen:
            raise ValueError(f"lists {str(value)!r} more than once")
        seen.add(value)
    return values


class Entity(BaseModel):
    """Base of every model: strict about unknown fields and non-finite numbers."""

    # strict: a file saying "3" where a number belongs, or 1 for true, is wrong, not guessed at.
    model_config = ConfigDict(
        extra="forbid", allow_inf_nan=False, strict=True, validate_assignment=True
    )

    #: How the entity is named in messages ("touchpoint", "friction point"...).
    noun: ClassVar[str] = "entity"


class Identified(Entity):
    id: EntityId = Field(default_factory=new_id, description="Stable id, unique in the file.")

    @property
    def display_name(self) -> str:
        """Its name or title; a comment's or a piece of evidence's text; else its id."""
        for field in ("name", "title", "text"):
            said = getattr(self, field, None)
            if isinstance(said, str) and said:
                return said
        return self.id


class Stage(Identified):
    """A lifecycle stage: one column of the grid."""

    noun: ClassVar[str] = "stage"
    name: Name = Field(description="Stage name shown as the column header, e.g. 'Awareness'.")
    description: Text = ""


class Channel(Identified):
    """A channel: one row of the grid, sitting on a step of the stairway of service."""

    noun: ClassVar[str] = "channel"
    name: Name = Field(description="Channel name shown as the row header, e.g. 'Mobile app'.")
    kind: Lax[ChannelKind] = Field(description="What kind of channel this is.")
    step: Step = Field(description="Stairway step, 0 (escalation or lost) .. 5 (no contact).")
    cost_per_contact: Annotated[float, Field(ge=0)] | None = Field(
        default=None,
        description="What one contact in this channel costs, in the blueprint's currency; "
        "null when unknown.",
    )
    cost_source: Lax[FrequencySource] | None = Field(
        default=None,
        description="How the cost per contact is known: measured, estimated or unknown; null "
        "when not said (files of schema version 1).",
    )
    cost_note: Text = Field(
        default="",
        description="Where the cost per contact comes from: a report, a system, a benchmark.",
    )
    description: Text = ""


class PreferredChannel(Entity):
    noun: ClassVar[str] = "preferred channel"
    stage_id: EntityId = Field(description="The stage.")
    channel_id: EntityId = Field(description="The channel the persona prefers at that stage.")


class Persona(Identified):
    """A customer type."""

    noun: ClassVar[str] = "persona"
    name: Name
    description: Text = ""
    value_weight: Annotated[float, Field(ge=0.5, le=2.0)] = Field(
        default=1.0,
        description="0.5 .. 2.0; 1.0 is a typical customer, higher for customers whose "
        "experience must be outstanding.",
    )
    share: Annotated[float, Field(ge=0, le=100)] | None = Field(
        default=None, description="Share of the customer base in percent, or null."
    )
    preferred_channels: list[PreferredChannel] = Field(
        default_factory=list, description="Optionally, the channel preferred at each stage."
    )


class Epic(Entity):
    """EPIC scores of a touchpoint, each 1..5 or null when not scored."""

    noun: ClassVar[str] = "EPIC score"
    easy: EpicScore | None = None
    personalised: EpicScore | None = None
    intuitive: EpicScore | None = None
    contextual: EpicScore | None = None

    def by_letter(self) -> dict[EpicLetter, int | None]:
        return {
            EpicLetter.EASY: self.easy,
            EpicLetter.PERSONALISED: self.personalised,
            EpicLetter.INTUITIVE: self.intuitive,
            EpicLetter.CONTEXTUAL: self.contextual,
        }


PRESENCE_HELP = (
    "Which states of the journey it belongs to: 'both' (the default), 'current' only (gone "
    "in the future) or 'future' only (new in the future)."
)


class TouchpointFuture(Entity):
    """A touchpoint's values in the future state where they differ from today's. A field
    left null keeps today's value."""

    noun: ClassVar[str] = "future values"
    title: Name | None = None
    stage_id: EntityId | None = Field(default=None, description="The stage it moves to.")
    channel_id: EntityId | None = Field(default=None, description="The channel it moves to.")
    emotion: Annotated[int, Field(ge=-2, le=2)] | None = None
    epic: Epic | None = Field(default=None, description="Its EPIC scores in the future.")

    def is_empty(self) -> bool:
        return all(getattr(self, name) is None for name in type(self).model_fields)


class Touchpoint(Identified):
    """One step of the journey, in one cell (stage x channel) of the grid.

    Touchpoints of the same cell are ordered by their order in the document.
    """

    noun: ClassVar[str] = "touchpoint"
    title: Name
    stage_id: EntityId = Field(description="The stage (column) it sits in.")
    channel_id: EntityId = Field(description="The channel (row) it sits in.")
    customer_action: Text = Field(default="", description="What the customer does.")
    physical_evidence: Text = Field(default="", description="What the customer sees or holds.")
    frontstage: Text = Field(default="", description="What staff or systems visibly do.")
    backstage: Text = Field(default="", description="What happens out of sight.")
    support_processes: Text = Field(default="", description="Systems, partners, policies.")
    emotion: Annotated[int, Field(ge=-2, le=2)] | None = Field(
        default=None, description="-2 (angry) .. +2 (delighted), or null."
    )
    epic: Epic = Field(default_factory=Epic)
    persona_ids: Annotated[list[EntityId], AfterValidator(_check_unique)] = Field(
        default_factory=list, description="Personas it applies to; empty means all."
    )
    duration_minutes: Annotated[float, Field(ge=0)] | None = None
    wait_minutes: Annotated[float, Field(ge=0)] | None = None
    notes: Text = ""
    state: Lax[Presence] = Field(default=Presence.BOTH, description=PRESENCE_HELP)
    future: TouchpointFuture | None = Field(
        default=None,
        description="Its values in the future state where they differ (since version 3).",
    )


class Flow(Identified):
    """A link between two touchpoints in journey order."""

    noun: ClassVar[str] = "flow"
    from_id: EntityId = Field(description="The touchpoint the customer comes from.")
    to_id: EntityId = Field(description="The touchpoint the customer goes to next.")
    label: Text = Field(default="", description="Optional label drawn on the arrow.")
    state: Lax[Presence] = Field(default=Presence.BOTH, description=PRESENCE_HELP)


class Frequency(Entity):
    """How often a friction happens, and how we know."""

    noun: ClassVar[str] = "frequency"
    count: Annotated[float, Field(ge=0)] = Field(default=0, description="Occurrences per period.")
    per: Lax[Period] = Period.MONTH
    source: Lax[FrequencySource] = FrequencySource.UNKNOWN
    measure_id: EntityId | None = Field(
        default=None,
        description="The measure the count is taken from, if any; the count, period and "
        "source then follow that measure (since version 4).",
    )
    low: Annotated[float, Field(ge=0)] | None = Field(
        default=None,
        description="The lowest plausible count, per the same period; null: it follows the "
        "source (since version 3).",
    )
    high: Annotated[float, Field(ge=0)] | None = Field(
        default=None,
        description="The highest plausible count, per the same period; null: it follows the "
        "source (since version 3).",
    )

    @model_validator(mode="after")
    def _low_not_above_high(self) -> Frequency:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(
                f"must have its low count ({self.low:g}) at most its high count ({self.high:g})"
            )
        return self


class FrictionFuture(Entity):
    """A friction point's values in the future state where they differ from today's. A
    field left null keeps today's value."""

    noun: ClassVar[str] = "future values"
    severity: Annotated[int, Field(ge=1, le=4)] | None = None
    frequency: Frequency | None = None
    leads_to_channel_id: EntityId | None = None
    gives_up: bool | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, name) is None for name in type(self).model_fields)


class Friction(Identified):
    """Anything that makes the customer hesitate, slows them, or disrupts the journey."""

    noun: ClassVar[str] = "friction point"
    title: Name
    touchpoint_id: EntityId = Field(description="The touchpoint it belongs to.")
    description: Text = ""
    kind: Lax[FrictionKind] = FrictionKind.HESITATION
    nature: Lax[FrictionNature] = Field(
        default=FrictionNature.BAD,
        description="'good' friction is deliberate (a confirmation, a protective check) and is "
        "never prioritised for removal.",
    )
    severity: Annotated[int, Field(ge=1, le=4)] = Field(
        default=2, description="1 cosmetic, 2 annoying, 3 serious, 4 blocks the customer."
    )
    frequency: Frequency = Field(default_factory=Frequency)
    leads_to_channel_id: EntityId | None = Field(
        default=None, description="The channel the customer is pushed into, if any."
    )
    gives_up: bool = Field(default=False, description="True if customers abandon here.")
    contact_reason_id: EntityId | None = None
    state: Lax[Presence] = Field(default=Presence.BOTH, description=PRESENCE_HELP)
    future: FrictionFuture | None = Field(
        default=None,
        description="Its values in the future state where they differ (since version 3).",
    )


class ContactReason(Identified):
    """A node of the two-level contact-reason tree."""

    noun: ClassVar[str] = "contact reason"
    name: Name
    parent_id: EntityId | None = Field(
        default=None, description="The primary reason this one belongs to; null for a primary."
    )
    demand: Lax[Demand] = Field(
        default=Demand.VALUE,
        description="'value' demand (the service exists for it) or 'failure' demand "
        "(caused by something not done, or not done right).",
    )
    description: Text = ""


class Improvement(Identified):
    """An item of the improvement plan."""

    noun: ClassVar[str] = "improvement"
    title: Name
    description: Text = ""
    friction_ids: Annotated[list[EntityId], AfterValidator(_check_unique)] = Field(
        default_factory=list, description="The friction points it addresses."
    )
    action: Lax[Action] = Action.SIMPLIFY
    target_step: Step = Field(default=4, description="Stairway step it lifts customers to.")
    effort: Annotated[
        int,
        AfterValidator(_check_effort),
        WithJsonSchema({"type": "integer", "enum": list(EFFORT_POINTS)}),
    ] = Field(default=3, description="Effort points: 1, 2, 3, 5, 8.")
    confidence: Annotated[
        float,
        AfterValidator(_check_confidence),
        WithJsonSchema({"type": "number", "enum": list(CONFIDENCE_LEVELS)}),
    ] = Field(default=0.8, description="0.5 low, 0.8 medium, 1.0 high.")
    owner: Text = ""
    status: Lax[Status] = Status.IDEA
    epic_letters: Annotated[list[Lax[EpicLetter]], AfterValidator(_check_unique)] = Field(
        default_factory=list, description="The EPIC letters it improves."
    )
    brings_about: Annotated[list[EntityId], AfterValidator(_check_unique)] = Field(
        default_factory=list,
        description="The touchpoints, flows and friction points whose future-state change it "
        "brings about (since version 3).",
    )


class Measure(Identified):
    """A named number about a touchpoint (or the blueprint as a whole): an NPS, a contact
    volume, a completion rate, with where it comes from (since version 4)."""

    noun: ClassVar[str] = "measure"
    touchpoint_id: EntityId | None = Field(
        default=None, description="The touchpoint it measures; null: the whole blueprint."
    )
    name: Name = Field(description="What is measured: 'NPS', 'Contacts per month'...")
    value: Annotated[float, AfterValidator(_no_negative_zero)] = Field(
        description="The measured (or estimated) value."
    )
    unit: Text = Field(default="", description="Its unit: '%', 'contacts', 'EUR', 'points'.")
    period: Lax[Period] | None = Field(
        default=None, description="The period a count is per, for counts; null otherwise."
    )
    date: IsoDate | None = Field(default=None, description="When it was measured.")
    source: Lax[FrequencySource] = Field(
        default=FrequencySource.MEASURED,
        description="How it is known: measured, estimated or unknown.",
    )
    origin: Text = Field(
        default="", description="Where it comes from: a file name, a system, a report."
    )


#: The words a new piece of evidence is made with, for the user to type over. Until they
#: are, it backs nothing: a quote added and left as it was counted as measured data, and
#: the plan printed it as a customer's words.
PLACEHOLDER_QUOTE = "New quote: type the customer's words"
PLACEHOLDER_OBSERVATION = "New observation: what was seen"


class Evidence(Identified):
    """A verbatim quote or an observation backing a touchpoint or a friction point (since
    version 4)."""

    noun: ClassVar[str] = "evidence"
    about_id: EntityId = Field(description="The touchpoint or friction point it backs.")
    kind: Lax[EvidenceKind] = EvidenceKind.QUOTE
    text: Said = Field(description="The customer's words, or what was observed.")
    source: Lax[EvidenceSource] = Field(
        default=EvidenceSource.INTERVIEW, description="How it was gathered."
    )
    date: IsoDate | None = None
    link: Text = Field(default="", description="A web address where it can be found.")
    attachment: Text = Field(
        default="",
        description="A file kept beside the blueprint (a recording, a photo), as a path "
        "relative to the blueprint file.",
    )

    @property
    def written(self) -> bool:
        """False while it holds the words it was made with, not yet the user's."""
        return self.text not in (PLACEHOLDER_QUOTE, PLACEHOLDER_OBSERVATION)


class Comment(Identified):
    """One message of a discussion on a touchpoint, friction point, improvement, stage or
    channel. A comment without ``reply_to`` starts a thread; replies name its first comment
    (since version 4)."""

    noun: ClassVar[str] = "comment"
    about_id: EntityId = Field(description="What the thread is about.")
    reply_to: EntityId | None = Field(
        default=None, description="The thread's first comment; null for a first comment."
    )
    author: Name
    at: Timestamp = Field(description="When it was written.")
    text: Said
    resolved: bool = Field(
        default=False, description="On a thread's first comment: the thread is settled."
    )


class Conflict(Identified):
    """An edit that a three-way merge could not reconcile, kept in the file until someone
    decides. The file holds ``kept``; ``other`` is the value the other side wanted (since
    version 4)."""

    noun: ClassVar[str] = "merge conflict"
    kind: Lax[ConflictKind]
    collection: str = Field(description="The kind of entity: 'touchpoints', 'frictions'...")
    entity_id: EntityId = Field(description="The entity both sides edited.")
    field: str = Field(default="", description="The field both sides changed; '' for the whole.")
    kept: JsonValue = Field(default=None, description="The value the merge kept.")
    other: JsonValue = Field(default=None, description="The value the other side wanted.")
    kept_from: Text = Field(default="ours", description="Whose value was kept.")
    other_from: Text = Field(default="theirs", description="Whose value was set aside.")
    ours_name: Text = Field(
        default="",
        description="Who 'ours' was, as the merge named that side (a branch, a file, a "
        "person's copy); '' when the merge did not say (since version 5).",
    )
    theirs_name: Text = Field(
        default="", description="Who 'theirs' was, as the merge named it (since version 5)."
    )


class Blueprint(Entity):
    """The whole document."""

    noun: ClassVar[str] = "blueprint"
    format: Literal["blueprint"] = Field(default=FORMAT_MARKER, description="Format marker.")
    schema_version: Literal[SCHEMA_VERSION] = Field(  # type: ignore[valid-type]
        default=SCHEMA_VERSION, description="File schema version."
    )
    title: Text = "Untitled blueprint"
    description: Text = ""
    organisation: Text = ""
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = Field(
        default="EUR", description="ISO 4217 code of the currency of costs, e.g. EUR."
    )
    stages: list[Stage] = Field(default_factory=list, description="Columns, left to right.")
    channels: list[Channel] = Field(default_factory=list, description="Rows, top to bottom.")
    personas: list[Persona] = Field(default_factory=list)
    contact_reasons: list[ContactReason] = Field(default_factory=list)
    touchpoints: list[Touchpoint] = Field(default_factory=list)
    flows: list[Flow] = Field(default_factory=list)
    frictions: list[Friction] = Field(default_factory=list)
    improvements: list[Improvement] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list, description="Since version 4.")
    evidence: list[Evidence] = Field(default_factory=list, description="Since version 4.")
    comments: list[Comment] = Field(default_factory=list, description="Since version 4.")
    conflicts: list[Conflict] = Field(
        default_factory=list, description="Open merge conflicts (since version 4)."
    )
