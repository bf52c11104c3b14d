"""What a touchpoint card shows, taken from the model (no Qt).

The card item paints a ``CardFace`` and repaints only when the face changes, so an edit
elsewhere in the document never repaints a card it does not concern.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ...analysis.epic import LETTER_NAMES, touchpoint_epic
from ...model import EpicLetter, Friction, FrictionNature, Touchpoint
from . import palette

EMOTION_WORDS = {-2: "angry", -1: "unhappy", 0: "neutral", 1: "pleased", 2: "delighted"}
SEVERITY_WORDS = {1: "cosmetic", 2: "annoying", 3: "serious", 4: "blocks the customer"}
#: A card's mark in Compare, said in full.
CHANGE_WORDS = {
    "NEW": "New in the future state",
    "GONE": "Gone in the future state",
    "CHANGED": "Changed in the future state",
}


@dataclass(frozen=True, slots=True)
class FrictionMark:
    severity: int
    good: bool
    #: which friction point: overlays fade or ring one marker
    friction_id: str = ""

    @property
    def colour(self) -> str:
        nature = FrictionNature.GOOD if self.good else FrictionNature.BAD
        return palette.severity_colour(self.severity, nature)


@dataclass(frozen=True, slots=True)
class CardFace:
    title: str
    #: E, P, I, C scores, None when unset
    epic: tuple[int | None, int | None, int | None, int | None]
    #: worst first: bad friction by severity, then good friction
    frictions: tuple[FrictionMark, ...]
    emotion: int | None
    epic_score: float | None
    #: in Compare: NEW, GONE or CHANGED in the future state; empty otherwise
    change: str = ""
    #: comment threads not resolved, about the touchpoint or one of its friction points
    open_threads: int = 0
    #: merge conflicts not decided, about the touchpoint or one of its friction points
    conflicts: int = 0

    @classmethod
    def of(cls, touchpoint: Touchpoint, frictions: Iterable[Friction]) -> CardFace:
        marks = sorted(
            (FrictionMark(f.severity, f.nature == FrictionNature.GOOD, f.id) for f in frictions),
            key=lambda m: (m.good, -m.severity),
        )
        letters = touchpoint.epic.by_letter()
        return cls(
            title=" ".join(touchpoint.title.split()),
            epic=tuple(letters[letter] for letter in EpicLetter),  # type: ignore[arg-type]
            frictions=tuple(marks),
            emotion=touchpoint.emotion,
            epic_score=touchpoint_epic(touchpoint),
        )

    @property
    def summary_colour(self) -> str:
        """The one colour of the card seen from far away: its worst bad friction, else its
        EPIC score, else plain."""
        bad = [m for m in self.frictions if not m.good]
        if bad:
            return bad[0].colour
        if self.epic_score is not None:
            return palette.epic_colour(self.epic_score)
        return palette.UNSET

    def marked(self, change: str) -> CardFace:
        """The face in Compare: its mark leads the title, so it is read, not only seen."""
        if not change:
            return self
        return replace(self, change=change, title=f"{change} · {self.title}")

    def noted(self, open_threads: int, conflicts: int) -> CardFace:
        """The face with its talk: the open comment threads and the merge conflicts."""
        if (open_threads, conflicts) == (self.open_threads, self.conflicts):
            return self
        return replace(self, open_threads=open_threads, conflicts=conflicts)

    def tooltip(self) -> str:
        return "\n".join([self.title, *self._facts()])

    def described(self, stage: str, channel: str) -> str:
        """What a screen reader says of the card after its title: where it is, its EPIC
        scores, its friction, its emotion."""
        facts = [f"{stage}, {channel}", *self._facts(unset="not scored")]
        if not any(m for m in self.frictions if not m.good):
            facts.append("No friction points")
        return ". ".join(facts) + "."

    def _facts(self, unset: str = "–") -> list[str]:
        scores = [
            f"{LETTER_NAMES[letter]} {unset if score is None else score}"
            for letter, score in zip(EpicLetter, self.epic, strict=True)
        ]
        lines = ["EPIC: " + ", ".join(scores)]
        if self.change:
            lines.insert(0, CHANGE_WORDS.get(self.change, self.change))
        if self.emotion is not None:
            lines.append(f"Emotion: {self.emotion:+d} ({EMOTION_WORDS[self.emotion]})")
        bad = [m for m in self.frictions if not m.good]
        if bad:
            worst = SEVERITY_WORDS[bad[0].severity]
            lines.append(f"Friction points: {len(bad)}, worst severity {bad[0].severity} ({worst})")
        good = len(self.frictions) - len(bad)
        if good:
            lines.append(f"Deliberate (good) friction: {good}")
        if self.conflicts:
            lines.append(f"Merge conflicts to decide: {self.conflicts}")
        if self.open_threads:
            lines.append(f"Open comment threads: {self.open_threads}")
        return lines
