"""Order in lists: what moved between two versions, and the order of a three-way merge.

Ids are unique within a list, so the longest common subsequence of two orders is the
longest increasing subsequence of one's positions in the other (O(n log n)). What is not in
it moved.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence
from typing import TypeVar

from ..sequences import longest_increasing

T = TypeVar("T", bound=Hashable)


def moved(before: Sequence[T], after: Sequence[T]) -> set[T]:
    """The items of both whose place among the others changed: those left out of a longest
    run of items that kept their relative order (the earliest such run is kept)."""
    place = {item: index for index, item in enumerate(before)}
    common = [item for item in after if item in place]
    positions = [place[item] for item in common]
    return set(common) - {common[i] for i in longest_increasing(positions)}


def merged_order(
    base: Sequence[T], ours: Sequence[T], theirs: Sequence[T], present: Collection[T]
) -> list[T]:
    """The order of a three-way merge of a list, keeping the items in ``present``.

    Ours' order, then each item theirs added or moved (and ours did not move) placed after
    the item it follows in theirs (at the start when it follows none), and after what ours
    added there. When both moved an item, ours' place wins.
    """
    if list(theirs) == list(base):  # theirs moved nothing: ours' order is the order
        ordered = [item for item in ours if item in present]
        if len(ordered) == len(present):
            return ordered
    in_ours = set(ours)
    ours_moved = moved(base, ours)
    theirs_moved = moved(base, theirs)
    to_place = {
        item
        for item in theirs
        if item in present
        and (item not in in_ours or (item in theirs_moved and item not in ours_moved))
    }
    kept = [item for item in ours if item in present and item not in to_place]
    placed = set(kept)
    after: dict[T | None, list[T]] = {}
    anchor: T | None = None
    for item in theirs:
        if item in to_place:
            after.setdefault(anchor, []).append(item)
            anchor = item
        elif item in placed:
            anchor = item
    if not after:
        return kept
    order: list[T] = []

    def follow(anchor: T | None) -> None:
        stack = list(reversed(after.get(anchor, [])))
        while stack:
            item = stack.pop()
            order.append(item)
            stack.extend(reversed(after.get(item, [])))

    # Theirs' items go after what ours added at the same place: ours' run of new items
    # first, then theirs', as two people adding a stage at the end expect.
    in_base = set(base)
    waiting: list[T | None] = [None]
    for item in kept:
        if item in in_base:
            for anchor in waiting:
                follow(anchor)
            waiting = []
        order.append(item)
        waiting.append(item)
    for anchor in waiting:
        follow(anchor)
    return order
