"""Order as fractional keys: a string per entity, sorted as text, with room between any two.

A reorder or an insertion sets one key on one entity, so two people reordering at once each
change only what they moved (last writer wins per entity), and nothing is ever duplicated,
as it would be in a list of ids that two replicas both edit. Keys are base-36 fractions
written without the leading "0." and never end in "0", so there is always a key between two
different keys (Greenspan's "fractional indexing").

The same keys order the entries of an id set (a list of ids kept as a map of id -> key:
``layout.ID_SETS``); ``set_edits`` is the one place a list becomes such a map's edits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from ..sequences import longest_increasing

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_VALUE = {d: i for i, d in enumerate(DIGITS)}
BASE = len(DIGITS)


def key_between(before: str | None, after: str | None) -> str:
    """A key sorting strictly after ``before`` and strictly before ``after``.

    ``None`` stands for the start (``before``) or the end (``after``) of the list.
    """
    low = before or ""
    if after is not None and not low < after:
        raise ValueError(f"no key between {before!r} and {after!r}")
    return _midpoint(low, after)


def _midpoint(low: str, high: str | None) -> str:
    if high is not None:
        shared = 0
        while shared < len(high) and (low[shared] if shared < len(low) else "0") == high[shared]:
            shared += 1
        if shared:
            return high[:shared] + _midpoint(low[shared:], high[shared:])
    first_low = _VALUE[low[0]] if low else 0
    first_high = _VALUE[high[0]] if high is not None else BASE
    if first_high - first_low > 1:
        return DIGITS[(first_low + first_high) // 2]
    if high is not None and len(high) > 1:
        return high[:1]
    return DIGITS[first_low] + _midpoint(low[1:], None)


def spread_keys(count: int) -> list[str]:
    """``count`` increasing keys spread evenly, the same for the same count (a seed's order)."""
    width = 1
    while BASE**width < 2 * (count + 1):
        width += 1
    keys = []
    for index in range(1, count + 1):
        value = index * BASE**width // (count + 1)
        digits = ""
        for _ in range(width):
            value, digit = divmod(value, BASE)
            digits = DIGITS[digit] + digits
        keys.append(digits.rstrip("0") or DIGITS[1])
    return keys


_KEY = re.compile(r"[0-9a-z]*[1-9a-z]")


def is_key(value: object) -> bool:
    """True for an order key: a non-empty base-36 string that does not end in "0"."""
    return isinstance(value, str) and _KEY.fullmatch(value) is not None


def in_order(entries: Mapping[str, str]) -> list[str]:
    """The ids of an ordered set (id -> order key) in its order: by key, ties by id."""
    return [entry_id for _, entry_id in sorted((key, i) for i, key in entries.items())]


def set_edits(
    current: Mapping[str, str], wanted: Sequence[str], shown: Iterable[str] | None = None
) -> tuple[dict[str, str], list[str]]:
    """What to write to an ordered set holding ``current`` (id -> order key) so that it
    lists ``wanted`` in that order: (order keys to set, ids to delete), as few as can be.

    The one place a list becomes a set's edits (the seed, an insertion, a field set). Only
    ids of ``shown`` (the list the edit was made on; default: all of ``current``) that
    ``wanted`` lacks are deleted: an id someone else added meanwhile stays, and so does one
    the reader hides (its entity was removed, and may come back by an undo). An id that
    stays where it is keeps its key, so an edit of one entry writes that entry only; ids
    elsewhere in ``current`` may sort between those of ``wanted``.
    """
    if not current:
        return dict(zip(wanted, spread_keys(len(wanted)), strict=True)), []
    keep = set(wanted)
    deleted = list(dict.fromkeys(i for i in (current if shown is None else shown) if i not in keep))
    deleted = [i for i in deleted if i in current]
    gone = set(deleted)
    rest = sorted((key, i) for i, key in current.items() if i not in gone)
    position = {entry_id: index for index, (_, entry_id) in enumerate(rest)}
    staying = longest_increasing([position.get(i, -1) for i in wanted])
    puts: dict[str, str] = {}
    before: tuple[str, str] | None = None  # (key, id) of the previous entry of ``wanted``
    for index, entry_id in enumerate(wanted):
        key = current.get(entry_id)
        if index in staying and key is not None and (before is None or (key, entry_id) > before):
            before = (key, entry_id)
            continue
        low = before[0] if before is not None else None
        high = next(
            (
                current[later]
                for n, later in enumerate(wanted[index + 1 :], index + 1)
                if n in staying and (low is None or current[later] > low)
            ),
            None,
        )
        puts[entry_id] = key_between(low, high)
        before = (puts[entry_id], entry_id)
    return puts, deleted
