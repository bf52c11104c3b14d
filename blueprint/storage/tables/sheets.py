"""The blueprint as a set of tables: one sheet per kind of entity, and its columns.

This is the one place that decides which sheets a workbook (or a folder of CSV files) holds,
which columns each sheet has, in which order, what each column holds (``kinds``) and what a
spreadsheet should offer in it (drop-downs, whole-number ranges, widths). The encodings
(``csv_codec``, ``xlsx_codec``) only write and read these tables.

References show names where names are unique (stages, channels, personas), so a sheet
reads as a person would write it; touchpoints, friction points and the rest are named by id,
with a title beside the id for people (checked when read back).

The touchpoints, frictions and improvements sheets begin with the columns the CSV export
always had, in the same order, so files made for the two-sheet ``import-csv`` still work.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from ...model import (
    Action,
    Blueprint,
    Channel,
    ChannelKind,
    Comment,
    Conflict,
    ConflictKind,
    ContactReason,
    Demand,
    Evidence,
    EvidenceKind,
    EvidenceSource,
    Flow,
    FrequencySource,
    Friction,
    FrictionKind,
    FrictionNature,
    Improvement,
    Measure,
    Period,
    Persona,
    Stage,
    Status,
    Touchpoint,
)
from .columns import (
    ID_WIDTH,
    NAME_WIDTH,
    NUMBER_WIDTH,
    PROSE_WIDTH,
    TEXT,
    WORD,
    Column,
    PersonaPreference,
    Sheet,
    col,
)
from .kinds import (
    Amount,
    Date,
    FutureScore,
    IdList,
    Json,
    Letters,
    MaybeText,
    Moment,
    NameOf,
    NamesOf,
    Percent,
    ReasonDemandOf,
    ReasonPathOf,
    ReasonRef,
    TitleOf,
    TouchpointRef,
    UnitBeside,
    Whole,
    YesNo,
    choice_of,
    state_of_owners,
)


def _ident() -> Column:
    return col("id", WORD, ID_WIDTH)


def _name(name: str = "name") -> Column:
    return col(name, TEXT, NAME_WIDTH, required=True)


def _state(*owners: tuple[str, str]) -> Column:
    # The export writes both, current or future in every row: an emptied cell would move a
    # card of one state into both, unsaid. A new row left empty takes its touchpoints'.
    return col("state", state_of_owners(*owners), 10, filled=True)


def _title() -> Column:
    return col("title", TEXT, 30, required=True)


def _description() -> Column:
    return col("description", TEXT, PROSE_WIDTH)


def _touchpoint(field: str, title: str, required: bool = True) -> tuple[Column, Column]:
    """A touchpoint's id and, for people, its title beside it (read back to check the id, or
    to find the touchpoint when the id is left empty)."""
    ref = TouchpointRef(title_column=title, required=required)
    return (
        Column(field, ref, field, width=ID_WIDTH),
        Column(title, TitleOf(), source=field, width=30),
    )


def _list_sheet(
    title: str,
    collection: str,
    noun: str,
    make: Callable[..., Any],
    *columns: Column,
    groups: tuple[str, ...] = (),
) -> Sheet:
    """The sheet of one of the blueprint's lists: a row per entity, its id first; the CSV
    file is named after the list."""
    return Sheet(
        title,
        f"{collection}.csv",
        noun,
        (_ident(), *columns),
        items=attrgetter(collection),
        make=make,
        groups=groups,
        collection=collection,
    )


STAGES = NameOf(names_from="stages", collection="stages")
CHANNELS = NameOf(names_from="channels", collection="channels")
PERSONAS = NameOf(names_from="personas", collection="personas")
EPIC_SCORE = Whole(bounds=(1, 5), low=1, high=5)
EMOTION = Whole(bounds=(-2, 2), low=-2, high=2)
SEVERITY = Whole(bounds=(1, 4), low=1, high=4)
STEP = Whole(bounds=(0, 5), low=0, high=5)
EFFORT = Whole(choices=("1", "2", "3", "5", "8"), low=1, high=8)
CONFIDENCE = Amount(choices=("0.5", "0.8", "1"))
COUNT = Amount(least=0)
FUTURE_SCORE = FutureScore(choices=("1", "2", "3", "4", "5", "none"))
YES_NO = YesNo(choices=("yes", "no"))


BLUEPRINT_SHEET = Sheet(
    "Blueprint",
    "blueprint.csv",
    "blueprint",
    (
        col("title", TEXT, 40),
        col("organisation", TEXT, NAME_WIDTH),
        col("currency", WORD, 10),
        col("description", TEXT, 60),
    ),
    items=lambda bp: [bp],
    make=lambda **fields: Blueprint(**fields),
)

STAGES_SHEET = _list_sheet(
    "Stages",
    "stages",
    "stage",
    Stage,
    _name(),
    _description(),
)

CHANNELS_SHEET = _list_sheet(
    "Channels",
    "channels",
    "channel",
    Channel,
    _name(),
    col("kind", choice_of(ChannelKind), 16, required=True),
    col("step", STEP, 8, required=True),
    col("cost_per_contact", Amount(least=0), 16),
    col("cost_source", choice_of(FrequencySource), 12),
    col("cost_note", TEXT, PROSE_WIDTH),
    _description(),
)

PERSONAS_SHEET = _list_sheet(
    "Personas",
    "personas",
    "persona",
    Persona,
    _name(),
    _description(),
    col("value_weight", Amount(), 12, filled=True),
    col("share", Percent(), NUMBER_WIDTH),
)

PREFERENCES_SHEET = Sheet(
    "Preferred channels",
    "preferred_channels.csv",
    "preferred channel",
    (
        Column("persona", PERSONAS, "persona_id", width=NAME_WIDTH, required=True),
        Column("stage", STAGES, "stage_id", width=NAME_WIDTH, required=True),
        Column("channel", CHANNELS, "channel_id", width=NAME_WIDTH, required=True),
    ),
    items=lambda bp: [
        PersonaPreference(persona_id=p.id, stage_id=pref.stage_id, channel_id=pref.channel_id)
        for p in bp.personas
        for pref in p.preferred_channels
    ],
    make=PersonaPreference,
)

CONTACT_REASONS_SHEET = _list_sheet(
    "Contact reasons",
    "contact_reasons",
    "contact reason",
    ContactReason,
    _name(),
    col("parent_id", WORD, ID_WIDTH),
    col("demand", choice_of(Demand), 10, filled=True),
    _description(),
)

TOUCHPOINTS_SHEET = _list_sheet(
    "Touchpoints",
    "touchpoints",
    "touchpoint",
    Touchpoint,
    _title(),
    Column("stage", STAGES, "stage_id", width=18, required=True),
    Column("channel", CHANNELS, "channel_id", width=22, required=True),
    *(
        col(lane, TEXT, PROSE_WIDTH)
        for lane in (
            "customer_action",
            "physical_evidence",
            "frontstage",
            "backstage",
            "support_processes",
        )
    ),
    col("emotion", EMOTION, 9),
    *(
        col(f"epic_{letter}", EPIC_SCORE, 10, field=f"epic.{letter}")
        for letter in ("easy", "personalised", "intuitive", "contextual")
    ),
    Column("personas", NamesOf(collection="personas"), "persona_ids", width=NAME_WIDTH),
    col("duration_minutes", Amount(least=0), 12),
    col("wait_minutes", Amount(least=0), 12),
    col("notes", TEXT, 40),
    # Since schema version 3: which states it is in, and its values tomorrow.
    _state(),
    col("future_title", MaybeText(), 30, field="future.title"),
    Column("future_stage", STAGES, "future.stage_id", width=18),
    Column("future_channel", CHANNELS, "future.channel_id", width=22),
    col("future_emotion", EMOTION, 9, field="future.emotion"),
    *(
        col(f"future_epic_{letter}", FUTURE_SCORE, 10, field=f"future.epic.{letter}")
        for letter in ("easy", "personalised", "intuitive", "contextual")
    ),
    groups=("future.epic", "future", "epic"),
)

FLOWS_SHEET = _list_sheet(
    "Flows",
    "flows",
    "flow",
    Flow,
    *_touchpoint("from_id", "from"),
    *_touchpoint("to_id", "to"),
    col("label", TEXT, 24),
    _state(("from_id", "from"), ("to_id", "to")),
)


def _frequency(prefix: str, path: str, filled: bool = False) -> tuple[Column, ...]:
    return (
        col(f"{prefix}_count", COUNT, 12, field=f"{path}.count", filled=filled),
        col(f"{prefix}_per", choice_of(Period), 10, field=f"{path}.per", filled=filled),
        col(
            f"{prefix}_source",
            choice_of(FrequencySource),
            12,
            field=f"{path}.source",
            filled=filled,
        ),
    )


def _range(prefix: str, path: str) -> tuple[Column, ...]:
    return (
        col(f"{prefix}_low", COUNT, 10, field=f"{path}.low"),
        col(f"{prefix}_high", COUNT, 10, field=f"{path}.high"),
    )


FRICTIONS_SHEET = _list_sheet(
    "Frictions",
    "frictions",
    "friction point",
    Friction,
    *_touchpoint("touchpoint_id", "touchpoint"),
    _title(),
    _description(),
    col("kind", choice_of(FrictionKind), 12, filled=True),
    col("nature", choice_of(FrictionNature), 8, filled=True),
    col("severity", SEVERITY, 9, filled=True),
    *_frequency("frequency", "frequency", filled=True),
    *_range("frequency", "frequency"),
    Column("leads_to_channel", CHANNELS, "leads_to_channel_id", width=22),
    col("gives_up", YES_NO, 9, filled=True),
    Column("contact_reason", ReasonPathOf(), source="contact_reason_id", width=30),
    Column("contact_reason_demand", ReasonDemandOf(), source="contact_reason_id", width=12),
    # Since schema versions 3 and 4.
    col(
        "contact_reason_id",
        ReasonRef(path_column="contact_reason", demand_column="contact_reason_demand"),
        ID_WIDTH,
    ),
    col("frequency_measure_id", WORD, ID_WIDTH, field="frequency.measure_id"),
    _state(("touchpoint_id", "touchpoint")),
    col("future_severity", SEVERITY, 9, field="future.severity"),
    *_frequency("future_frequency", "future.frequency"),
    col("future_frequency_measure_id", WORD, ID_WIDTH, field="future.frequency.measure_id"),
    *_range("future_frequency", "future.frequency"),
    Column("future_leads_to_channel", CHANNELS, "future.leads_to_channel_id", width=22),
    col("future_gives_up", YES_NO, 9, field="future.gives_up"),
    groups=("future.frequency", "future", "frequency"),
)

IMPROVEMENTS_SHEET = _list_sheet(
    "Improvements",
    "improvements",
    "improvement",
    Improvement,
    _title(),
    _description(),
    col("friction_ids", IdList(), ID_WIDTH),
    col("action", choice_of(Action), 11, filled=True),
    col("target_step", STEP, 11, filled=True),
    col("effort", EFFORT, 8, filled=True),
    col("confidence", CONFIDENCE, 11, filled=True),
    col("owner", TEXT, 20),
    col("status", choice_of(Status), 12, filled=True),
    col("epic_letters", Letters(), 12),
    col("brings_about", IdList(), ID_WIDTH),
)

MEASURES_SHEET = _list_sheet(
    "Measures",
    "measures",
    "measure",
    Measure,
    *_touchpoint("touchpoint_id", "touchpoint", required=False),
    _name(),
    col("value", Percent(), 12, required=True),  # a cell shown as 12% is 12 %
    col("unit", UnitBeside(), 10),
    col("period", choice_of(Period), 10),
    col("date", Date(), 12),
    col("source", choice_of(FrequencySource), 12, filled=True),
    col("origin", TEXT, 30),
)

EVIDENCE_SHEET = _list_sheet(
    "Evidence",
    "evidence",
    "evidence",
    Evidence,
    col("about_id", WORD, ID_WIDTH, required=True),
    col("kind", choice_of(EvidenceKind), 12, filled=True),
    col("text", TEXT, 50, required=True),
    col("source", choice_of(EvidenceSource), 15, filled=True),
    col("date", Date(), 12),
    col("link", TEXT, 30),
    col("attachment", TEXT, 30),
)

COMMENTS_SHEET = _list_sheet(
    "Comments",
    "comments",
    "comment",
    Comment,
    col("about_id", WORD, ID_WIDTH, required=True),
    col("reply_to", WORD, ID_WIDTH),
    col("author", TEXT, 20, required=True),
    col("at", Moment(), 26, required=True, filled=True),
    col("text", TEXT, 50, required=True),
    col("resolved", YES_NO, 9, filled=True),
)

CONFLICTS_SHEET = _list_sheet(
    "Conflicts",
    "conflicts",
    "merge conflict",
    Conflict,
    col("kind", choice_of(ConflictKind), 20, required=True),
    col("collection", WORD, 16, required=True),
    col("entity_id", WORD, ID_WIDTH, required=True),
    col("field", TEXT, 20),
    col("kept", Json(), 30),
    col("other", Json(), 30),
    col("kept_from", TEXT, 12),
    col("other_from", TEXT, 12),
    col("ours_name", TEXT, 20, since=5),
    col("theirs_name", TEXT, 20, since=5),
)

#: In the order they are read: a sheet names only what the sheets before it hold (measures
#: and the rest by id are checked once the whole blueprint is read).
SHEETS: tuple[Sheet, ...] = (
    BLUEPRINT_SHEET,
    STAGES_SHEET,
    CHANNELS_SHEET,
    PERSONAS_SHEET,
    PREFERENCES_SHEET,
    CONTACT_REASONS_SHEET,
    TOUCHPOINTS_SHEET,
    FLOWS_SHEET,
    FRICTIONS_SHEET,
    IMPROVEMENTS_SHEET,
    MEASURES_SHEET,
    EVIDENCE_SHEET,
    COMMENTS_SHEET,
    CONFLICTS_SHEET,
)
#: In the order a person meets them: the journey first, the structure after it.
WRITING_ORDER: tuple[Sheet, ...] = (
    TOUCHPOINTS_SHEET,
    FRICTIONS_SHEET,
    IMPROVEMENTS_SHEET,
    FLOWS_SHEET,
    STAGES_SHEET,
    CHANNELS_SHEET,
    PERSONAS_SHEET,
    PREFERENCES_SHEET,
    CONTACT_REASONS_SHEET,
    MEASURES_SHEET,
    EVIDENCE_SHEET,
    COMMENTS_SHEET,
    CONFLICTS_SHEET,
    BLUEPRINT_SHEET,
)
