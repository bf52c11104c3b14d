"""The section "The channels your customers prefer" and the summary's persona line."""

import pytest

from blueprint.analysis import persona_channel_fits
from blueprint.report.sections.common import (
    DATA_TO_CAPTURE,
    FORMULAS,
    PERSONA_CHANNELS,
    REGISTER,
    SECTION_TITLES,
    WHERE_IT_HURTS,
)
from blueprint.storage import load_blueprint
from tests.conftest import SAMPLES
from tests.factories import small_blueprint

from .conftest import flat, render


@pytest.fixture(scope="module")
def broadband():
    return load_blueprint(next(p for p in SAMPLES if p.stem == "broadband-installation"))


def test_section_follows_where_it_hurts_with_every_preference(broadband):
    rendered = render(broadband)
    section = rendered.section(
        rendered.heading(PERSONA_CHANNELS), rendered.heading(DATA_TO_CAPTURE)
    )
    fits = persona_channel_fits(broadband)
    stages = {s.id: s.name for s in broadband.stages}
    channels = {c.id: c.name for c in broadband.channels}
    for fit in fits:
        assert flat(fit.name) in section
        for stage in fit.stages:
            assert flat(stages[stage.stage_id]) in section
            assert flat(channels[stage.preferred_channel_id]) in section
    # A mismatch is said in words, not only shaded: one NO per stage the journey misses.
    missed = sum(s.mismatch for f in fits for s in f.stages)
    assert missed and section.count("NO: ") == missed
    # The busy family wants the app for support and gets none (0 of 6 touchpoints).
    assert "0% (0 of 6)" in section


def test_summary_names_each_personas_channel_fit(broadband):
    rendered = render(broadband)
    summary = flat(rendered.pages[1])
    number = rendered.heading(PERSONA_CHANNELS).split()[0]
    assert "Channel fit by persona" in summary and f"section {number}" in summary
    for fit in persona_channel_fits(broadband):
        assert f"{flat(fit.name)} {round(fit.channel_fit * 100)}%" in summary


def test_plan_for_one_persona_shows_only_its_preferences(broadband):
    persona = broadband.personas[1]
    rendered = render(broadband, persona_id=persona.id)
    section = rendered.section(
        rendered.heading(PERSONA_CHANNELS), rendered.heading(DATA_TO_CAPTURE)
    )
    others = [p.name for p in broadband.personas if p.id != persona.id]
    assert flat(persona.name) in section
    assert not any(flat(name) in section for name in others)


def test_without_preferences_the_section_is_absent_and_numbers_close_up(broadband):
    bare = broadband.model_copy(
        update={
            "personas": [
                p.model_copy(update={"preferred_channels": []}) for p in broadband.personas
            ]
        }
    )
    rendered = render(bare)
    title = "The channels your customers prefer"
    assert title in SECTION_TITLES and title not in rendered.text
    assert "Channel fit" not in rendered.text
    body = rendered.body
    # numbered as in a plan without the section: Data to capture right after Where it hurts
    hurts = int(rendered.heading(WHERE_IT_HURTS).split()[0])
    data, register, formulas = (
        f"{hurts + i} {t[1]}" for i, t in enumerate((DATA_TO_CAPTURE, REGISTER, FORMULAS), 1)
    )
    assert data in body and register in body and formulas in body
    # the cover's contents and the outline number the same sections
    assert data in flat(rendered.pages[0])
    assert data.replace(" ", "  ", 1) in rendered.outline_titles()
    # references between sections follow too
    assert f"section {hurts + 3} gives the formulas" in body


def test_a_blueprint_without_personas_has_no_section():
    rendered = render(small_blueprint())
    assert "The channels your customers prefer" not in rendered.text
