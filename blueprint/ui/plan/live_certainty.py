"""How sure the live plan is, computed off the UI thread.

The 2,000 plausible worlds take a moment on a large blueprint, so they run in a thread of
their own on a snapshot (the plan, which is never changed once made, and copies of the
frequencies behind it). A new plan cancels a run in progress and starts another; until it
lands, ``certainty`` is the last result and ``stale`` says it is from before the edit.
Nothing runs while no view asks for it (``set_wanted``).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Signal

from ...analysis.certainty import Certainty, CertaintyCancelled, certainty_of
from ...analysis.plan import Plan
from ...model import Frequency
from ..crash import write_report
from .live import LivePlan


class _CertaintyJob(QThread):
    #: (generation, Certainty)
    landed = Signal(int, object)

    def __init__(
        self,
        plan: Plan,
        frequencies: dict[str, Frequency],
        generation: int,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._plan = plan
        self._frequencies = frequencies  # copies nobody else holds
        self.generation = generation
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def request_cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = certainty_of(self._plan, self._frequencies, cancelled=self._cancel.is_set)
        except CertaintyCancelled:
            return
        except Exception as error:  # a bug: logged for a report; the dock keeps the old one
            write_report(error, error.__traceback__)
            return
        self.landed.emit(self.generation, result)


class LiveCertainty(QObject):
    #: a new result landed, or the last one became stale
    changed = Signal()

    def __init__(self, live_plan: LivePlan, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else live_plan)
        self._live_plan = live_plan
        self._certainty: Certainty | None = None
        self._plan: Plan | None = None  # the plan the certainty is of
        self._pending_plan: Plan | None = None  # the plan of the run in progress
        self._generation = 0
        self._jobs: list[_CertaintyJob] = []
        self._wanted = False
        self._stale = True
        live_plan.changed.connect(self._plan_changed)

    @property
    def certainty(self) -> Certainty | None:
        """The last result (of ``plan``), perhaps stale; None before the first one lands."""
        return self._certainty

    @property
    def plan(self) -> Plan | None:
        return self._plan

    @property
    def stale(self) -> bool:
        """The plan changed since ``certainty`` was computed: a new one is on its way."""
        return self._stale

    @property
    def runs_in_progress(self) -> tuple[QThread, ...]:
        """The runs not yet cancelled (at most one: a new plan cancels the others)."""
        return tuple(job for job in self._jobs if not job.cancelled and job.isRunning())

    @property
    def running(self) -> bool:
        return any(job.isRunning() for job in self._jobs)

    def set_wanted(self, wanted: bool) -> None:
        """Compute while a view shows it; stop when none does."""
        self._wanted = wanted
        if wanted and self._stale and not self._current_job():
            self._start()
        elif not wanted:
            self._cancel_all()

    def stop_and_wait(self) -> None:
        """Before the window goes: no thread outlives its QThread."""
        self._cancel_all()
        for job in list(self._jobs):
            job.wait()

    def _plan_changed(self) -> None:
        self._cancel_all()
        was_stale = self._stale
        self._stale = True
        if self._wanted:
            self._start()
        if not was_stale:
            self.changed.emit()

    def _start(self) -> None:
        self._generation += 1
        plan = self._live_plan.plan
        linked = {f.friction_id for s in plan.improvements for f in s.frictions}
        frequencies = {
            f.id: f.frequency.model_copy()
            for f in self._live_plan.document.blueprint.frictions
            if f.id in linked
        }
        job = _CertaintyJob(plan, frequencies, self._generation, self)
        job.landed.connect(self._landed)
        job.finished.connect(self._finished)  # a slot of this object: run on its thread
        self._jobs.append(job)
        self._pending_plan = plan
        job.start()

    def _current_job(self) -> _CertaintyJob | None:
        for job in self._jobs:
            if job.generation == self._generation and not job.cancelled:
                return job
        return None

    def _landed(self, generation: int, result: Certainty) -> None:
        if generation != self._generation:
            return  # a run for a plan since replaced
        self._certainty = result
        self._plan = self._pending_plan
        self._stale = False
        self.changed.emit()

    def _finished(self) -> None:
        job = self.sender()
        if job in self._jobs:
            self._jobs.remove(job)
        job.deleteLater()

    def _cancel_all(self) -> None:
        for job in self._jobs:
            job.request_cancel()
