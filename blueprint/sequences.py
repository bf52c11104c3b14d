"""The longest run of a sequence that kept its order: what did not move.

No Qt here: the diff and merge of files (``changes/ordering.py``) and the live document's
ordered sets (``collab/order.py``, ``collab/primitives.py``) both ask it.
"""

from __future__ import annotations

from bisect import bisect_left


def longest_increasing(positions: list[int]) -> set[int]:
    """Indices of a longest strictly increasing subsequence of ``positions`` (a negative
    position is skipped: an item that was not there before), in O(n log n). Of several
    such runs, the one ending earliest is kept, the same on every run."""
    tails: list[int] = []  # tails[k]: the smallest last position of a run of length k + 1
    tail_index: list[int] = []
    parent = [-1] * len(positions)
    for index, position in enumerate(positions):
        if position < 0:
            continue
        slot = bisect_left(tails, position)
        if slot == len(tails):
            tails.append(position)
            tail_index.append(index)
        else:
            tails[slot] = position
            tail_index[slot] = index
        parent[index] = tail_index[slot - 1] if slot else -1
    run: set[int] = set()
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        run.add(index)
        index = parent[index]
    return run
