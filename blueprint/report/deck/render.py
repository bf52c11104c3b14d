"""``render_plan_pptx``: the plan as an editable PowerPoint deck, for the command line and the
editor alike.

The slides say what the PDF's pages say (``report.content``), drawn as native shapes, text
and tables a manager can edit: the cover, the summary, today and tomorrow (when the
blueprint draws a future state), the staircase of service, the top improvements, where it
hurts, and a picture of the blueprint. Each slide's notes say how its numbers are computed.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ...analysis import Certainty, Plan, plan_certainty
from ...collector import collector_paused
from ...model import Blueprint
from ..content.formulas import formulas as all_formulas
from ..content.heat_map import heat_map
from ..content.outline import FORMULAS, STAIRCASE, TODAY_AND_TOMORROW, Section, holds
from ..content.subject import PlanSubject, subject_fields
from ..content.summary import summary as summary_content
from ..content.today_and_tomorrow import today_and_tomorrow
from ..output import write_output
from .canvas import canvas_slide
from .frame import new_presentation
from .future import future_slides
from .slides import cover_slide, nothing_slide, staircase_slide, summary_slide
from .tables import heat_slides, top_slides

Progress = Callable[[str, float], None]

COVER_NOTES = (
    "The improvement plan of this blueprint, as slides: each says what the same page of the "
    "PDF plan says. The PDF holds more: the ranked plan wave by wave, the data to capture "
    "and the friction register."
)


@dataclass(frozen=True)
class DeckResult:
    slides: int
    #: "canvas" when the editor's picture of the canvas was given, else "heat map": the
    #: grid drawn by the report.
    picture: str
    #: Characters of the grid picture no installed font could draw (placeholders drawn).
    missing_characters: tuple[str, ...]


def _refer(section: Section) -> str | None:
    """Where the deck says a section is: the future state's slide, and the formulas in the
    notes; the rest of the PDF's sections are not in the deck."""
    if section == TODAY_AND_TOMORROW:
        return "slide 3"
    if section == FORMULAS:
        return "the notes pane of each slide"
    return None


@collector_paused()
def render_plan_pptx(
    bp: Blueprint,
    plan: Plan,
    output: BinaryIO | Path | str,
    *,
    date: datetime.date | None = None,
    certainty: Certainty | None = None,
    canvas_png: bytes | None = None,
    progress: Progress | None = None,
) -> DeckResult:
    """Write the deck of ``plan`` (computed from ``bp``) to ``output``.

    ``canvas_png`` is the editor's picture of the canvas; without it (the command line) the
    deck shows the grid as the plan's heat map draws it. ``output`` is a path (written
    atomically) or a binary stream. ``certainty`` is computed with the defaults when not
    given. Neither ``bp`` nor ``plan`` is changed.

    Raises ``ReportError`` when the deck cannot be made (a canvas picture that is not an
    image) and ``blueprint.storage.SaveError`` when the output cannot be written.
    """
    report = progress or (lambda stage, fraction: None)
    report("Composing the deck", 0.0)
    if certainty is None:
        certainty = plan_certainty(bp, plan)
    fields = subject_fields(bp, plan, date or datetime.date.today(), certainty)
    subject = PlanSubject(**fields, refer=_refer)  # type: ignore[arg-type]
    formulas = all_formulas(subject)
    heat = heat_map(subject)
    deck = new_presentation(
        subject.bp.title, subject.bp.organisation.strip() or "blueprint", subject.date
    )
    cover_slide(deck, subject, COVER_NOTES)
    if plan.is_empty:
        report("Drawing the slides", 0.3)
        nothing_slide(deck, subject)
    else:
        report("Drawing the summary", 0.1)
        summary_slide(deck, subject, formulas)
        future = today_and_tomorrow(subject)
        if future is not None:
            future_slides(deck, future, formulas)
        if holds(subject, STAIRCASE):  # not without improvements: nothing to lift or rank
            report("Drawing the staircase", 0.3)
            staircase_slide(deck, subject, formulas)
            top_slides(deck, summary_content(subject).top, formulas)
        report("Drawing the heat map", 0.5)
        heat_slides(deck, heat, formulas)
    report("Drawing the blueprint", 0.7)
    missing = canvas_slide(deck, heat, canvas_png, formulas)
    report("Writing the file", 0.9)
    buffer = io.BytesIO()
    deck.save(buffer)
    write_output(output, stable_zip(buffer.getvalue(), subject.date), "deck")
    report("Done", 1.0)
    return DeckResult(
        slides=len(deck.slides),
        picture="canvas" if canvas_png is not None else "heat map",
        missing_characters=missing,
    )


#: The years a zip file's date can hold.
ZIP_YEARS = (1980, 2107)


def stable_zip(data: bytes, date: datetime.date) -> bytes:
    """The same package with every part dated ``date``: the same plan, the same bytes
    (python-pptx dates each part with the time it is saved)."""
    # A zip dates its parts from 1980 to 2107: a plan dated outside is stamped at the edge
    # (its cover says the date as given; "--date 1979-12-31" ended in an internal error).
    year = min(max(date.year, ZIP_YEARS[0]), ZIP_YEARS[1])
    stamp = (year, date.month, date.day, 0, 0, 0) if year == date.year else (year, 1, 1, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            part = zipfile.ZipInfo(info.filename, date_time=stamp)
            part.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(part, source.read(info))
    return out.getvalue()
