"""Stable identifiers for every entity of a blueprint."""

import re
import uuid

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,63}$"
_ID_RE = re.compile(ID_PATTERN)


def new_id() -> str:
    """A fresh, globally unique id (never derived from a position or a memory address)."""
    return uuid.uuid4().hex


def is_valid_id(value: str) -> bool:
    return bool(_ID_RE.fullmatch(value))
