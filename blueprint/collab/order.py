"""Order as fractional keys: a string per entity, sorted as text, with room between any two.

A reorder or an insertion sets one key on one entity, so two people reordering at once each
change only what they moved (last writer wins per entity), and nothing is ever duplicated,
as it would be in a list of ids that two replicas both edit. Keys are base-36 fractions
written without the leading "0." and never end in "0", so there is always a key between two
different keys (Greenspan's "fractional indexing").
"""

from __future__ import annotations

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
