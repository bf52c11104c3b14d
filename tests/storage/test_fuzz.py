"""Mutated bytes of real files never give anything but a blueprint or the typed load error."""

import random

import pytest

from blueprint.model import Blueprint
from blueprint.storage import LoadError, dumps_blueprint, loads_blueprint
from tests.conftest import SAMPLES
from tests.factories import small_blueprint

TOKENS = [
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b'"',
    b"\\",
    b"null",
    b"true",
    b"-",
    b"1e999",
    b"\\ud800",
    b"\xff",
    b"\x00",
    b"\xc3",
    b"9" * 5000,
    b'"id"',
    b'"x"',
    b"0.5",
]


def mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        where = rng.randrange(len(data) + 1)
        choice = rng.randrange(6)
        if choice == 0 and data:
            data[min(where, len(data) - 1)] ^= 1 << rng.randrange(8)
        elif choice == 1:
            del data[where : where + rng.randint(1, 200)]
        elif choice == 2:
            data[where:where] = rng.choice(TOKENS)
        elif choice == 3:
            start = rng.randrange(len(data) + 1)
            data[where:where] = data[start : start + rng.randint(1, 300)]
        elif choice == 4:
            del data[where:]
        else:
            data[where:where] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    return bytes(data)


SOURCES = [("small", dumps_blueprint(small_blueprint()))] + [
    (p.stem, p.read_bytes()) for p in SAMPLES
]


@pytest.mark.parametrize("name, original", SOURCES, ids=[name for name, _ in SOURCES])
def test_mutated_files_fail_only_with_load_errors(name, original):
    rng = random.Random(f"fuzz-{name}")
    outcomes = {"loaded": 0, "refused": 0}
    for _ in range(400):
        data = mutate(original, rng)
        try:
            result = loads_blueprint(data)
        except LoadError as error:
            assert str(error)
            outcomes["refused"] += 1
        else:
            assert isinstance(result, Blueprint)
            outcomes["loaded"] += 1
    assert outcomes["refused"] > 100, outcomes
