"""Upgrading files written by older schema versions, one version step at a time.

Each step takes the raw document (a dict straight from JSON) at version N and returns it
at version N + 1. Steps work on plain data, never on the model, so that they keep working
when the model moves on. Register a step when the model changes in a way older files
cannot satisfy, and bump ``SCHEMA_VERSION`` in ``model/entities.py``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import SCHEMA_VERSION

Migration = Callable[[dict], dict]


def _channel_cost_sources(document: dict) -> dict:
    """1 -> 2: channels may say how their cost per contact is known (``cost_source``) and
    where it comes from (``cost_note``). A version 1 file said neither: both keys stay
    absent, which reads as "not said", so nothing in the document changes but its version.
    """
    return document


def _future_state(document: dict) -> dict:
    """2 -> 3: touchpoints, flows and friction points may belong to the current state, the
    future state or both (``state``), carry their ``future`` values, and improvements say
    what they ``bring_about``. A version 2 file knew one state: every entity is in both,
    which the absent keys mean, so nothing in the document changes but its version."""
    return document


def _evidence_and_teamwork(document: dict) -> dict:
    """3 -> 4: a blueprint may carry measures, evidence, comments and open merge conflicts,
    and a friction's frequency may be taken from a measure (``measure_id``). A version 3
    file had none of them, which the absent keys mean, so nothing in the document changes
    but its version."""
    return document


def _named_sides(document: dict) -> dict:
    """4 -> 5: a merge conflict may name the two sides of the merge that recorded it
    (``ours_name``, ``theirs_name``), so that whoever opens the file reads whose each value
    is, not "mine" and "theirs" as the person who merged saw them. A version 4 file named
    neither, which the absent keys mean, so nothing in the document changes but its
    version."""
    return document


#: from-version -> step to from-version + 1. Version 1 is the first published schema.
MIGRATIONS: dict[int, Migration] = {
    1: _channel_cost_sources,
    2: _future_state,
    3: _evidence_and_teamwork,
    4: _named_sides,
}

FIRST_SCHEMA_VERSION = 1


class MigrationGap(Exception):
    """No step is registered from a version that is older than the current one."""


def migrate(document: dict, version: int, target: int = SCHEMA_VERSION) -> dict:
    """Bring ``document`` from ``version`` up to ``target``."""
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationGap(version)
        document = step(document)
        version += 1
        document["schema_version"] = version
    return document
