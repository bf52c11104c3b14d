"""Data to capture, in words: what each end of a decisive friction point's range changes,
the top three and the Now wave alike, as a manager reads it in the PDF."""

from __future__ import annotations

import pytest

from blueprint.report.sections.common import DATA_TO_CAPTURE, REGISTER
from blueprint.storage import load_blueprint
from tests.conftest import ROOT

from .conftest import flat, render

SAME = "the same top three and the same Now wave"


def data_to_capture(name: str) -> str:
    rendered = render(load_blueprint(ROOT / "samples" / f"{name}.blueprint"))
    return rendered.section(rendered.heading(DATA_TO_CAPTURE), rendered.heading(REGISTER))


@pytest.fixture(scope="module")
def airline() -> str:
    return data_to_capture("airline-delayed-bag")


@pytest.fixture(scope="module")
def grocery() -> str:
    return data_to_capture("grocery-delivery")


def test_an_end_that_changes_only_the_now_wave_says_who_joins_and_who_leaves_it(airline):
    # Only the high end moves the Now wave: "either end" was wrong half the time.
    assert (
        flat(
            "Receipt upload fails for phone photos Claims interim expenses online "
            f"At 175 a month: {SAME}. At 700 a month: #6 joins the Now wave, #5 leaves it."
        )
        in airline
    )
    assert (
        flat(
            "Bag fee and car seat rules unclear Adds a checked bag "
            f"At 1,250 a month: #6 joins the Now wave, #5 leaves it. At 5,000 a month: {SAME}."
        )
        in airline
    )
    assert "Either end of its range" not in airline


def test_an_end_that_keeps_the_top_three_but_moves_the_now_wave_does_not_say_the_same(airline):
    # At 120 a month the top three stay, but #5 leaves the Now wave and #6 comes in.
    assert (
        flat(
            "Allowance differs between pages Reads the baggage allowance "
            "At 120 a month: #6 joins the Now wave, #5 leaves it. "
            "At 12,000 a month: #5 joins the top three, #3 leaves."
        )
        in airline
    )


def test_an_improvement_that_only_leaves_the_now_wave_is_named(grocery):
    assert (
        flat(
            "At 300 a month: #5 leaves the Now wave. "
            "At 1,200 a month: #5 joins the top three, #3 leaves."
        )
        in grocery
    )
    # One end can move both: each is said.
    assert (
        flat(
            f"At 30.0 a month: {SAME}. "
            "At 3,000 a month: #7 joins the top three, #3 leaves; #7 joins the Now wave, "
            "#5 leaves it."
        )
        in grocery
    )
