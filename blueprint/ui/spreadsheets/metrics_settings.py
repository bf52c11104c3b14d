"""The column mapping of the last metrics import, remembered for the next one: an export
from the same tool has the same headers."""

from __future__ import annotations

import dataclasses
import json

from ...storage.tables.metrics import BY_ID, BY_TITLE, MetricsMapping
from ..settings import app_settings

_KEY = "metrics/mapping"


def remember_mapping(mapping: MetricsMapping) -> None:
    settings = app_settings()
    chosen = {k: v for k, v in dataclasses.asdict(mapping).items() if v is not None}
    settings.setValue(_KEY, json.dumps(chosen))


def remembered_mapping() -> dict[str, str]:
    """What was chosen last time: each role's column header, how touchpoints were named
    (``match``) and the one measure name (``name``); {} the first time."""
    raw = app_settings().value(_KEY)
    try:
        found = json.loads(raw) if isinstance(raw, str) else {}
    except ValueError:
        return {}
    if not isinstance(found, dict):
        return {}
    remembered = {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, str)}
    if remembered.get("match") not in (BY_ID, BY_TITLE):
        remembered.pop("match", None)
    return remembered
