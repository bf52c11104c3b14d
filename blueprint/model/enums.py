"""Enumerations of the method (see DOMAIN.md). Values are what the file stores."""

from enum import StrEnum


class ChannelKind(StrEnum):
    SELF_SERVICE = "self-service"
    SELF_HELP = "self-help"
    ASSISTED_DIGITAL = "assisted digital"
    LIVE_HUMAN = "live human"
    ESCALATION = "escalation"


class FrictionKind(StrEnum):
    HESITATION = "hesitation"
    SLOWDOWN = "slowdown"
    DISRUPTION = "disruption"
    FAILURE = "failure"


class FrictionNature(StrEnum):
    BAD = "bad"
    GOOD = "good"


class Period(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class FrequencySource(StrEnum):
    MEASURED = "measured"
    ESTIMATED = "estimated"
    UNKNOWN = "unknown"


class Demand(StrEnum):
    VALUE = "value"
    FAILURE = "failure"


class Action(StrEnum):
    ELIMINATE = "eliminate"
    AUTOMATE = "automate"
    SIMPLIFY = "simplify"
    LEVERAGE = "leverage"


class Status(StrEnum):
    IDEA = "idea"
    PLANNED = "planned"
    IN_PROGRESS = "in progress"
    DONE = "done"


class EpicLetter(StrEnum):
    EASY = "E"
    PERSONALISED = "P"
    INTUITIVE = "I"
    CONTEXTUAL = "C"


class Presence(StrEnum):
    """Which states of the journey an entity belongs to: today's, tomorrow's, or both."""

    BOTH = "both"
    CURRENT = "current"
    FUTURE = "future"


class EvidenceKind(StrEnum):
    """What a piece of evidence is: a customer's own words or what someone saw."""

    QUOTE = "quote"
    OBSERVATION = "observation"


class EvidenceSource(StrEnum):
    """Where a piece of evidence was gathered."""

    INTERVIEW = "interview"
    SURVEY = "survey"
    CALL_RECORDING = "call recording"
    ANALYTICS = "analytics"
    OBSERVATION = "observation"
    OTHER = "other"


class ConflictKind(StrEnum):
    """How a three-way merge could not reconcile two people's edits."""

    #: both sides changed the same field to different values
    BOTH_CHANGED = "both changed"
    #: one side deleted an entity the other changed; the entity is kept
    DELETED_AND_CHANGED = "deleted and changed"
