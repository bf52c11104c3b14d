"""The PDF as a document: paper, page numbers, outline, metadata, output, reproducibility."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from reportlab import rl_config
from reportlab.pdfbase import ttfonts

from blueprint.analysis import build_plan
from blueprint.report import ReportError, render_plan_pdf
from blueprint.report.sections.common import SECTION_TITLES
from blueprint.storage import SaveError, load_blueprint
from tests.conftest import SAMPLES
from tests.factories import small_blueprint

from .conftest import DATE, flat, render

BROADBAND = next(p for p in SAMPLES if p.stem == "broadband-installation")


@pytest.fixture(scope="module")
def broadband():
    return load_blueprint(BROADBAND)


@pytest.mark.parametrize(
    ("paper", "size"), [("a4", (595.28, 841.89)), ("letter", (612, 792)), ("A4", (595.28, 841.89))]
)
def test_paper_size(broadband, paper, size):
    rendered = render(broadband, paper=paper)
    for page in rendered.reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(size, abs=0.01)


def test_a4_is_the_default(broadband):
    page = render(broadband).reader.pages[0]
    assert float(page.mediabox.width) == pytest.approx(595.28, abs=0.01)


def test_unknown_paper_is_a_report_error(broadband):
    with pytest.raises(ReportError, match="use 'a4' or 'letter'"):
        render(broadband, paper="a5")


def test_every_page_after_the_cover_says_page_x_of_y(broadband):
    rendered = render(broadband)
    total = rendered.result.pages
    assert total == len(rendered.reader.pages)
    for number, text in enumerate(rendered.pages, start=1):
        if number > 1:
            assert re.search(rf"Page {number} of\s*{total}\b", text), text[:200]


def test_header_carries_the_blueprint_title(broadband):
    rendered = render(broadband)
    for text in rendered.pages[1:]:
        assert broadband.title in text


def test_outline_has_an_entry_for_every_section(broadband):
    rendered = render(broadband)
    titles = rendered.outline_titles()
    for number, (_, title) in enumerate(rendered.sections, start=1):
        assert f"{number}  {title}" in titles
    assert {title for _, title in rendered.sections} >= set(SECTION_TITLES)
    assert any(t.startswith("Now:") for t in titles)  # the waves, one level down


def test_metadata_title_and_author(broadband):
    metadata = render(broadband).reader.metadata
    assert metadata.title == broadband.title
    assert metadata.author == broadband.organisation


def test_author_is_blueprint_when_there_is_no_organisation():
    bp = small_blueprint()
    assert bp.organisation == ""
    assert render(bp).reader.metadata.author == "blueprint"


def test_cover_shows_title_organisation_date_and_personas(broadband):
    cover = flat(render(broadband).pages[0])
    assert broadband.title in cover
    assert broadband.organisation in cover
    assert "23 November 2026" in cover
    for persona in broadband.personas:
        assert persona.name in cover


def test_a_long_title_and_description_keep_the_cover_on_one_page(broadband):
    long = broadband.model_copy(
        update={
            "title": ("Onboarding and retention of residential fibre broadband, " * 9)[:500],
            "description": "What the journey covers, stage by stage. " * 40,
        }
    )
    cover, second = (flat(page) for page in render(long).pages[:2])
    assert long.title[-40:] in cover and "Made with blueprint from 30 touchpoints" in cover
    assert "In this plan" not in second and "Made with blueprint" not in second
    assert "1 Summary" in second


def test_reproducible_output_is_byte_identical(broadband):
    plan = build_plan(broadband)
    first = render(broadband, plan, reproducible=True).data
    second = render(broadband, plan, reproducible=True).data
    assert first == second


def test_writes_to_a_path(tmp_path, broadband):
    target = tmp_path / "plan.pdf"
    result = render_plan_pdf(broadband, build_plan(broadband), target, date=DATE)
    assert len(pypdf.PdfReader(target).pages) == result.pages
    result = render_plan_pdf(broadband, build_plan(broadband), str(target), date=DATE)
    assert target.read_bytes().startswith(b"%PDF-")


def test_a_path_that_cannot_be_written_is_a_save_error(tmp_path):
    bp = small_blueprint()
    with pytest.raises(SaveError, match="folder does not exist"):
        render_plan_pdf(bp, build_plan(bp), tmp_path / "missing" / "plan.pdf")
    with pytest.raises(SaveError, match="the path is a folder"):
        render_plan_pdf(bp, build_plan(bp), tmp_path)
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_a_stream_that_fails_is_a_save_error():
    class Full(io.BytesIO):
        def write(self, data):
            raise OSError(28, "No space left on device")

    bp = small_blueprint()
    with pytest.raises(SaveError, match="the disk is full"):
        render_plan_pdf(bp, build_plan(bp), Full())


def test_progress_goes_from_0_to_1_in_a_handful_of_steps(broadband):
    calls: list[tuple[str, float]] = []
    render(broadband, progress=lambda stage, fraction: calls.append((stage, fraction)))
    fractions = [f for _, f in calls]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert 4 <= len(calls) <= 20
    assert all(isinstance(stage, str) and stage for stage, _ in calls)


def test_reportlab_settings_are_restored_after_a_render(broadband):
    before = (rl_config.useA85, ttfonts.makeToUnicodeCMap)
    render(broadband)
    assert (rl_config.useA85, ttfonts.makeToUnicodeCMap) == before
