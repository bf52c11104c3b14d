"""`blueprint plan`: the ranked plan with every term (CSV, JSON), the PDF and the deck."""

import csv
import io
import json
import re
from pathlib import Path

import pytest

from blueprint.analysis import build_plan
from blueprint.cli import main
from blueprint.storage import load_blueprint, save_blueprint
from tests.conftest import SAMPLES
from tests.factories import preferences_blueprint


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_csv_lists_improvements_in_ranked_order_with_priority(capsys, path):
    code, out, _ = run(capsys, "plan", path, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = build_plan(load_blueprint(path)).improvements
    assert code == 0
    assert [r["id"] for r in rows] == [s.improvement_id for s in expected]
    assert [r["rank"] for r in rows] == [str(s.rank) for s in expected]
    assert float(rows[0]["priority"]) == pytest.approx(expected[0].priority)
    assert float(rows[0]["impact"]) == pytest.approx(expected[0].impact)


def test_json_carries_every_term(capsys):
    code, out, _ = run(capsys, "plan", SAMPLES[0], "--format", "json")
    doc = json.loads(out)
    first = doc["improvements"][0]
    assert code == 0 and doc["currency"] and doc["totals"]["channel_switches"] > 0
    assert first["impact"] == pytest.approx(first["confidence"] * first["friction_impact"])
    assert first["priority"] == pytest.approx(first["impact"] / first["effort"])
    term = first["friction_terms"][0]
    expected_f = (
        term["reach_per_month"] * term["severity"] * term["segment_weight"] * (1 + term["drop"])
    )
    assert term["impact"] == pytest.approx(expected_f)
    assert term["drop"] == max(0, term["origin_step"] - term["landing_step"])


def test_persona_by_name_narrows_the_plan(capsys):
    bp = load_blueprint(SAMPLES[0])
    persona = bp.personas[0]
    _, whole, _ = run(capsys, "plan", SAMPLES[0], "--format", "json")
    code, narrowed, _ = run(
        capsys, "plan", SAMPLES[0], "--format", "json", "--persona", persona.name.upper()
    )
    assert code == 0
    assert json.loads(narrowed)["persona"] == persona.name
    expected = build_plan(bp, persona_id=persona.id).improvements
    assert [i["id"] for i in json.loads(narrowed)["improvements"]] == [
        s.improvement_id for s in expected
    ]
    assert json.loads(narrowed) != json.loads(whole)


@pytest.mark.parametrize(
    "args, words",
    [
        (["--persona", "Nobody", "--format", "csv"], "no persona named 'Nobody'"),
        (["--top", "0", "--format", "csv"], "--top must be at least 1"),
        (["--seed", "-5", "--format", "json"], "--seed must be 0 or more"),
        ([], "-o PLAN.pdf"),
        (["--format", "xml"], "invalid choice: 'xml'"),
    ],
)
def test_usage_errors(capsys, args, words):
    code, _, err = run(capsys, "plan", SAMPLES[0], *args)
    assert code == 2 and words in err and len(err.splitlines()) == 1


def test_csv_cells_cannot_run_as_formulas(capsys, tmp_path):
    bp = load_blueprint(SAMPLES[0])
    bp.improvements[0].title = '=HYPERLINK("http://evil")'
    bp.improvements[0].owner = "@admin"
    path = tmp_path / "x.blueprint"
    save_blueprint(bp, path)
    _, out, _ = run(capsys, "plan", path, "--format", "csv")
    row = next(r for r in csv.DictReader(io.StringIO(out)) if r["id"] == bp.improvements[0].id)
    assert row["title"] == '\'=HYPERLINK("http://evil")' and row["owner"] == "'@admin"


def test_an_empty_blueprint_has_an_empty_plan(capsys, tmp_path):
    assert run(capsys, "new", tmp_path / "e.blueprint")[0] == 0
    code, out, _ = run(capsys, "plan", tmp_path / "e.blueprint", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("rank,id,title")
    assert len(out.splitlines()) == 1


def pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_pdf_plan_of_a_sample(capsys, tmp_path):
    out = tmp_path / "plan.pdf"
    code, stdout, _ = run(capsys, "plan", SAMPLES[0], "-o", out, "--paper", "letter")
    assert code == 0 and "Wrote" in stdout and out.read_bytes().startswith(b"%PDF")
    top = build_plan(load_blueprint(SAMPLES[0])).improvements[0]
    assert " ".join(top.title.split()) in " ".join(pdf_text(out).split())


def test_reproducible_pdf_is_byte_identical(capsys, tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (first, second):
        args = ("plan", SAMPLES[1], "-o", out, "--reproducible", "--date", "2026-11-23")
        assert run(capsys, *args)[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_pdf_into_a_missing_folder_is_one_clear_line(capsys, tmp_path):
    code, _, err = run(capsys, "plan", SAMPLES[0], "-o", tmp_path / "no" / "plan.pdf")
    assert code == 1 and "folder does not exist" in err and len(err.splitlines()) == 1


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs a /proc file system")
def test_pdf_into_a_folder_that_takes_no_file_says_so_not_that_it_is_missing(capsys):
    """/proc is there, but no file can be made in it: it answers "no such file"."""
    code, _, err = run(capsys, "plan", SAMPLES[0], "-o", "/proc/plan.pdf")
    assert code == 1
    assert err == (
        "/proc/plan.pdf: cannot save: the folder exists but cannot be written to "
        "(no file can be made in it)\n"
    )


def test_bad_date_is_a_usage_error(capsys, tmp_path):
    code, _, err = run(capsys, "plan", SAMPLES[0], "-o", tmp_path / "p.pdf", "--date", "soon")
    assert code == 2 and "is not a date like" in err


def test_json_carries_each_personas_preferred_channels(capsys, tmp_path):
    path = tmp_path / "prefs.blueprint"
    save_blueprint(preferences_blueprint(), path)
    code, out, _ = run(capsys, "plan", path, "--format", "json")
    a, b = json.loads(out)["persona_channels"]
    assert code == 0 and (a["persona"], b["persona"]) == ("A", "B")
    assert a["channel_fit"] == pytest.approx(0.5)
    s1, s2, s3 = a["stages"]
    assert (s1["stage"], s1["preferred_channel"], s1["fit"]) == ("S1", "Web", 1.0)
    assert s1["pushed_off_per_month"] == pytest.approx(10 * 52 / 12 + 2 * 365 / 12 + 5)
    assert (s2["channels_used"], s2["mismatch"]) == (["Phone"], True)
    assert s3["fit"] is None and s3["channels_used"] == []

    code, out, _ = run(capsys, "plan", path, "--format", "json", "--persona", "B")
    (only,) = json.loads(out)["persona_channels"]
    assert only["persona"] == "B" and only["stages"][0]["channels_used"] == ["Web", "Phone"]


# --- the PowerPoint deck ------------------------------------------------------------------------


def deck_titles(path) -> list[str]:
    from pptx import Presentation

    return [slide.shapes.title.text for slide in Presentation(path).slides]


def test_a_pptx_name_makes_a_deck(capsys, tmp_path):
    out = tmp_path / "plan.pptx"
    code, stdout, err = run(capsys, "plan", SAMPLES[0], "-o", out)
    bp = load_blueprint(SAMPLES[0])
    titles = deck_titles(out)
    # Only progress, if the export took more than a moment on a busy machine; no error.
    assert code == 0
    assert all(re.fullmatch(r"blueprint: .+ \(\d+%\)", line) for line in err.splitlines())
    assert stdout == f"Wrote {out}: {len(titles)} slides, {len(bp.improvements)} improvements.\n"
    assert titles[:2] == [bp.title, "Summary"] and "Top improvements" in titles


def test_format_pptx_makes_a_deck_whatever_the_name(capsys, tmp_path):
    out = tmp_path / "for the board"
    assert run(capsys, "plan", SAMPLES[1], "-o", out, "--format", "pptx")[0] == 0
    assert deck_titles(out)[1] == "Summary"


@pytest.mark.parametrize(
    "args, words",
    [
        (["--format", "pptx"], "say where to write the deck with -o PLAN.pptx"),
        (["--format", "pptx", "-o", "plan.pdf"], "plan.pdf is named as a PDF but --format is pptx"),
        (
            ["--format", "pdf", "-o", "plan.pptx"],
            "plan.pptx is named as a deck but --format is pdf",
        ),
    ],
)
def test_deck_usage_errors(capsys, tmp_path, monkeypatch, args, words):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "plan", SAMPLES[0], *args)
    assert code == 2 and words in err and len(err.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_a_deck_into_a_missing_folder_is_one_clear_line(capsys, tmp_path):
    code, _, err = run(capsys, "plan", SAMPLES[0], "-o", tmp_path / "no" / "plan.pptx")
    assert code == 1 and "folder does not exist" in err and len(err.splitlines()) == 1


def test_the_same_deck_twice_for_the_same_date(capsys, tmp_path):
    first, second = tmp_path / "a.pptx", tmp_path / "b.pptx"
    for out in (first, second):
        assert run(capsys, "plan", SAMPLES[1], "-o", out, "--date", "2026-11-23")[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_the_deck_is_made_without_qt(tmp_path):
    """The command line draws the deck's picture of the grid itself: Qt is never loaded."""
    import subprocess
    import sys

    out = tmp_path / "plan.pptx"
    script = (
        "import sys; from blueprint.cli import main; "
        f"code = main(['plan', {str(SAMPLES[0])!r}, '-o', {str(out)!r}]); "
        "print(code, any(m.startswith('PySide6') for m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True
    )
    assert done.stdout.splitlines()[-1] == "0 False"
    assert out.is_file()


def test_comments_go_into_the_pdf_only_when_asked(capsys, tmp_path):
    from tests.factories import evidence_blueprint

    path = tmp_path / "talk.blueprint"
    save_blueprint(evidence_blueprint(), path)
    plain, talking = tmp_path / "plain.pdf", tmp_path / "talking.pdf"
    assert run(capsys, "plan", path, "-o", plain)[0] == 0
    assert run(capsys, "plan", path, "-o", talking, "--comments")[0] == 0
    assert "Is 20 a week right?" not in pdf_text(plain)
    assert "Is 20 a week right?" in pdf_text(talking)
    assert "Open comment threads" in pdf_text(talking)


@pytest.mark.parametrize("args", [["--format", "json"], ["-o", "plan.pptx"]])
def test_comments_are_for_the_pdf_only(capsys, tmp_path, args):
    code, _, err = run(capsys, "plan", SAMPLES[0], "--comments", *args)
    assert code == 2
    assert "--comments adds the open comment threads to the PDF plan only" in err


def test_counts_of_one_are_said_in_the_singular(capsys, tmp_path):
    from tests.factories import small_blueprint

    path = tmp_path / "one.blueprint"
    save_blueprint(small_blueprint(), path)  # one improvement, no measure
    code, out, _ = run(capsys, "plan", path, "-o", tmp_path / "one.pdf")
    assert code == 0 and out.endswith(" pages, 1 improvement.\n")
    code, out, _ = run(capsys, "export-xlsx", path, tmp_path / "one.xlsx")
    code, out, _ = run(capsys, "import-xlsx", tmp_path / "one.xlsx", "-o", tmp_path / "b.blueprint")
    assert code == 0
    assert out.endswith(": 3 touchpoints, 2 friction points, 1 improvement, 0 measures.\n")


def test_characters_no_font_draws_are_said_where_they_are_used(capsys, tmp_path, monkeypatch):
    from blueprint.report import fonts

    monkeypatch.setattr(fonts, "SYSTEM_FONT_DIRS", [tmp_path / "no fonts here"])
    bp = load_blueprint(SAMPLES[0])
    bp.channels[0].name = "WhatsApp 🤖"
    path = tmp_path / "emoji.blueprint"
    save_blueprint(bp, path)
    code, _, err = run(capsys, "plan", path, "-o", tmp_path / "plan.pdf")
    assert code == 0
    assert err == (
        "blueprint: warning: no installed font can draw 1 character: 🤖 (U+1F916) in the "
        "channel 'WhatsApp 🤖'; a placeholder was drawn instead\n"
    )
