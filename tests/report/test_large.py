"""A large blueprint exports: thousands of register rows, hundreds of improvements."""

from __future__ import annotations

import re

import pytest

from benchmarks.generate import generate_blueprint
from blueprint.report.paging import WINDOW

from .conftest import render

#: The benchmark's large blueprint itself: 2,000 touchpoints, 6,000 frictions, 600
#: improvements, 3,000 flows (the benchmark times it; this test checks what comes out).
SIZES: dict[str, int] = {}


@pytest.fixture(scope="module")
def large():
    bp = generate_blueprint(**SIZES)
    return bp, render(bp)


def test_large_blueprint_exports_with_a_plausible_page_count(large):
    bp, rendered = large
    pages = rendered.result.pages
    assert pages == len(rendered.reader.pages)
    # The register alone needs a page per 53 rows at the very least (one-line rows), and
    # no row takes a page.
    assert 1 + len(bp.frictions) / 53 < pages < len(bp.frictions) + len(bp.improvements)
    last = rendered.reader.pages[-1].extract_text()
    assert re.search(rf"Page {pages} of\s*{pages}\b", last)


def test_summary_of_a_large_plan_still_fits_one_page(large):
    _, rendered = large
    assert "1  Summary" in rendered.pages[1] or "1 Summary" in rendered.pages[1]
    assert "2 The staircase" in " ".join(rendered.pages[2].split())
    assert "more quick wins in section 3" in " ".join(rendered.pages[1].split())


def test_every_friction_of_a_large_blueprint_is_in_the_register(large):
    bp, rendered = large
    register = rendered.section("7 Friction register", "8 How the scores")
    # Generated titles repeat; count the rows by their origin-landing-drop-F cells instead
    # of by title: each row appears once, so the register has as many titles as frictions.
    titles = {f.title for f in bp.frictions}
    assert all(" ".join(t.split()) in register for t in titles)
    assert len(bp.frictions) > WINDOW * 10  # laid out over many windows
