"""Fit, pushed-off reach and channel fit, computed by hand (DOMAIN.md, "The channels each
persona prefers")."""

import pytest

from blueprint.analysis.persona_channels import has_preferences, persona_channel_fits
from blueprint.model import PreferredChannel
from tests.factories import preferences_blueprint as _bp


def test_fit_pushed_off_and_channel_fit_by_hand():
    fits = {f.persona_id: f for f in persona_channel_fits(_bp())}
    assert set(fits) == {"pa", "pb"}  # C names no preference

    a = fits["pa"]
    s1, s2, s3 = a.stages
    # s1: t1 (all) and t3 (A) apply, both on the web: 2/2
    assert (s1.touchpoints, s1.in_preferred, s1.fit) == (2, 2, 1.0)
    assert s1.channel_ids == ("web",)
    assert s1.pushed_off == pytest.approx(10 * 52 / 12 + 2 * 365 / 12 + 5)
    assert set(s1.pushed_off_friction_ids) == {"x1", "x2", "x6"}
    assert not s1.mismatch
    # s2: only t4 (all, phone) applies; A wants the app
    assert (s2.touchpoints, s2.in_preferred, s2.fit) == (1, 0, 0.0)
    assert s2.channel_ids == ("phone",)
    assert s2.pushed_off == 0
    assert s2.mismatch and not s2.offers_nothing
    # s3: nothing applies to A today (t6 is B's, t7 only tomorrow): no fit, a finding
    assert s3.fit is None and s3.offers_nothing and s3.channel_ids == ()
    assert a.channel_fit == pytest.approx(0.5)  # mean of 1.0 and 0.0; s3 has none

    b = fits["pb"]
    (b1,) = b.stages
    assert (b1.touchpoints, b1.in_preferred, b1.fit) == (2, 1, 0.5)
    assert b1.channel_ids == ("web", "phone")  # in grid order
    assert b1.pushed_off == 0
    assert b.channel_fit == 0.5


def test_no_fit_anywhere_gives_no_channel_fit():
    bp = _bp()
    only = bp.personas[0].model_copy(
        update={"preferred_channels": [PreferredChannel(stage_id="s3", channel_id="phone")]}
    )
    bp = bp.model_copy(update={"personas": [only]})
    (a,) = persona_channel_fits(bp)
    assert a.channel_fit is None


def test_without_preferences_nothing_is_computed():
    bp = _bp()
    bare = [p.model_copy(update={"preferred_channels": []}) for p in bp.personas]
    bp = bp.model_copy(update={"personas": bare})
    assert not has_preferences(bp)
    assert persona_channel_fits(bp) == ()
