"""The command line: what a user types, what they see, and the exit codes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from blueprint.cli import main
from blueprint.model.templates import TEMPLATES
from blueprint.storage import load_blueprint, save_blueprint
from tests.conftest import SAMPLES
from tests.factories import preferences_blueprint


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    out = capsys.readouterr().out
    assert caught.value.code == 0 and "usage: blueprint" in out and "import-csv" in out


@pytest.mark.parametrize("argv", [[], ["samples/broadband-installation.blueprint"]])
def test_the_editor_without_a_display_explains_instead_of_crashing(capsys, monkeypatch, argv):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    code, _, err = run(capsys, *argv)
    assert code == 2 and "the editor needs a graphical display" in err
    assert len(err.splitlines()) == 1


def test_the_editor_opens_a_file_named_on_the_command_line(capsys, monkeypatch):
    opened = []
    monkeypatch.setattr("blueprint.ui.app.run_app", lambda argv: opened.append(argv) or 0)
    assert run(capsys, SAMPLES[0])[0] == 0
    assert opened == [["blueprint", str(SAMPLES[0])]]


@pytest.mark.parametrize("word", ["frobnicate", "pln"])
def test_a_mistyped_command_is_said_as_one_not_opened_as_a_file(capsys, monkeypatch, word):
    """It opened the editor on an empty blueprint ('frobnicate: cannot open')."""
    monkeypatch.setattr("blueprint.ui.app.run_app", lambda argv: pytest.fail("editor opened"))
    code, _, err = run(capsys, word)
    assert code == 2 and f"invalid choice: '{word}'" in err


def test_a_file_named_without_its_extension_still_opens_when_it_exists(
    capsys, monkeypatch, tmp_path
):
    opened = []
    monkeypatch.setattr("blueprint.ui.app.run_app", lambda argv: opened.append(argv) or 0)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "journey").write_bytes(Path(SAMPLES[0]).read_bytes())
    assert run(capsys, "journey")[0] == 0
    assert opened == [["blueprint", "journey"]]


def test_module_and_console_script_run(tmp_path):
    module = subprocess.run(
        [sys.executable, "-m", "blueprint", "--version"], capture_output=True, text=True
    )
    assert module.returncode == 0 and module.stdout.startswith("blueprint ")


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_new_creates_a_valid_file_from_each_template(capsys, tmp_path, template):
    path = tmp_path / f"{template}.blueprint"
    code, out, _ = run(capsys, "new", path, "--template", template, "--title", "Café")
    assert code == 0 and path.name in out
    bp = load_blueprint(path)
    assert bp.title == "Café" and bp.channels


def test_new_refuses_to_overwrite_without_force(capsys, tmp_path):
    path = tmp_path / "x.blueprint"
    path.write_text("precious")
    code, _, err = run(capsys, "new", path)
    assert code == 2 and "already exists" in err and path.read_text() == "precious"
    assert run(capsys, "new", path, "--force")[0] == 0
    assert load_blueprint(path).stages


def test_unknown_template_is_a_usage_error(capsys, tmp_path):
    code, _, err = run(capsys, "new", tmp_path / "x.blueprint", "--template", "nope")
    assert code == 2 and "invalid choice: 'nope'" in err


def test_templates_lists_every_template(capsys):
    code, out, _ = run(capsys, "templates")
    assert code == 0 and all(name in out for name in TEMPLATES)


def test_validate_samples(capsys):
    code, out, err = run(capsys, "validate", *SAMPLES)
    assert code == 0 and err == "" and out.count(": valid") == len(SAMPLES)


def test_validate_reports_one_line_per_problem_and_exits_1(capsys, tmp_path):
    doc = json.loads(SAMPLES[0].read_bytes())
    doc["touchpoints"][0]["stage_id"] = "gone"
    doc["frictions"][0]["touchpoint_id"] = "lost"
    broken = tmp_path / "broken.blueprint"
    broken.write_text(json.dumps(doc))
    empty = tmp_path / "empty.blueprint"
    empty.write_text("")
    code, out, err = run(capsys, "validate", SAMPLES[0], broken, empty)
    lines = err.splitlines()
    assert code == 1
    assert f"{SAMPLES[0]}: valid" in out
    assert len(lines) == 3
    assert lines[0].startswith(f"{broken}: touchpoint") and 'stage id "gone"' in lines[0]
    assert lines[1].startswith(f"{broken}: friction point") and 'id "lost"' in lines[1]
    assert lines[2] == f"{empty}: is empty: there is no blueprint in it"


def test_validate_reports_field_errors_by_entity(capsys, tmp_path):
    doc = json.loads(SAMPLES[0].read_bytes())
    doc["frictions"][0]["severity"] = 9
    doc["touchpoints"][1]["emotion"] = "happy"
    broken = tmp_path / "broken.blueprint"
    broken.write_text(json.dumps(doc))
    code, _, err = run(capsys, "validate", "-q", broken)
    assert code == 1
    assert [line.split(", field ")[1] for line in err.splitlines()] == [
        "'emotion': must be a whole number",
        "'severity': must be at most 4",
    ]


def test_validate_needs_a_file(capsys):
    code, _, err = run(capsys, "validate")
    assert code == 2 and err.startswith("blueprint: error:") and len(err.splitlines()) == 1


def test_info_counts_what_the_sample_holds(capsys):
    path = SAMPLES[0]
    bp = load_blueprint(path)
    code, out, _ = run(capsys, "info", path, "--json")
    info = json.loads(out)
    assert code == 0
    assert info["touchpoints"] == len(bp.touchpoints)
    assert info["frictions"] == len(bp.frictions)
    assert info["flows"] == len(bp.flows)
    channel_of = {t.id: t.channel_id for t in bp.touchpoints}
    switches = sum(channel_of[f.from_id] != channel_of[f.to_id] for f in bp.flows)
    assert info["channel_switches"] == switches > 0


def test_info_counts_the_channel_switches_of_todays_journey(capsys):
    from blueprint.analysis import build_plan

    path = next(p for p in SAMPLES if p.stem == "broadband-installation")  # draws a future
    code, out, _ = run(capsys, "info", path, "--json")
    plan = build_plan(load_blueprint(path))
    assert code == 0
    assert json.loads(out)["channel_switches"] == len(plan.channel_switches)


def test_info_in_words(capsys):
    code, out, _ = run(capsys, "info", SAMPLES[0])
    assert code == 0 and "channel switches:" in out and "touchpoints:" in out


def test_info_says_how_well_the_journey_fits_each_personas_channels(capsys, tmp_path):
    path = tmp_path / "prefs.blueprint"
    save_blueprint(preferences_blueprint(), path)
    code, out, _ = run(capsys, "info", path)
    assert code == 0
    assert "A: channel fit 50%" in out and "B: channel fit 50%" in out
    assert "S2: prefers App; fit 0%; uses Phone; pushed off 0 a month MISMATCH" in out
    assert "S3: prefers Phone; fit none; uses no touchpoint for this persona" in out
    assert "S1: prefers Web; fit 100%; uses Web; pushed off 109 a month" in out
    code, out, _ = run(capsys, "info", path, "--json")
    (a, b) = json.loads(out)["persona_channels"]
    assert a["channel_fit"] == 0.5 and b["stages"][0]["fit"] == 0.5


def test_info_on_a_newer_file_explains(capsys, tmp_path):
    doc = json.loads(SAMPLES[0].read_bytes())
    doc["schema_version"] = 42
    path = tmp_path / "future.blueprint"
    path.write_text(json.dumps(doc))
    code, _, err = run(capsys, "info", path)
    assert code == 1 and "made by a newer version of Blueprint" in err
    assert "Traceback" not in err


def test_schema_describes_the_file(capsys, tmp_path):
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0
    assert set(schema["required"]) >= {"format", "schema_version"}
    assert "touchpoints" in schema["properties"]
    assert schema["$defs"]["Friction"]["properties"]["severity"]["maximum"] == 4
    target = tmp_path / "schema.json"
    assert run(capsys, "schema", "-o", target)[0] == 0
    assert json.loads(target.read_text()) == schema


def test_csv_round_trip_through_the_command_line(capsys, tmp_path):
    folder = tmp_path / "csv"
    code, out, _ = run(capsys, "export-csv", SAMPLES[0], folder)
    names = {p.name for p in folder.iterdir()}
    assert code == 0 and out.count("Wrote") == len(names) == 14
    assert {"frictions.csv", "improvements.csv", "touchpoints.csv"} <= names
    target = tmp_path / "from-sheet.blueprint"
    code, out, _ = run(
        capsys, "import-csv", folder / "touchpoints.csv", folder / "frictions.csv", "-o", target
    )
    original, imported = load_blueprint(SAMPLES[0]), load_blueprint(target)
    assert code == 0 and f"{len(original.touchpoints)} touchpoints" in out
    assert {t.id for t in imported.touchpoints} == {t.id for t in original.touchpoints}
    assert {f.id for f in imported.frictions} == {f.id for f in original.frictions}
    assert imported.title == "from sheet"


def test_import_of_bad_rows_creates_nothing(capsys, tmp_path):
    sheet = tmp_path / "t.csv"
    sheet.write_text("title,stage,channel,emotion\nA,S,Web,5\n,S,Web,\n")
    target = tmp_path / "out.blueprint"
    code, _, err = run(capsys, "import-csv", sheet, "-o", target)
    assert code == 1 and not target.exists()
    assert err.splitlines() == [
        "t.csv row 2, column 'emotion': must be a whole number from -2 to 2 (got '5')",
        "t.csv row 3, column 'title': is empty; every touchpoint needs a title, a stage and a "
        "channel",
    ]


def test_import_needs_an_output(capsys, tmp_path):
    code, _, err = run(capsys, "import-csv", tmp_path / "t.csv")
    assert code == 2 and "-o/--output" in err


def test_an_internal_error_is_one_line_not_a_traceback(capsys, monkeypatch, tmp_path):
    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr("blueprint.cli.load_blueprint", broken)
    code, _, err = run(capsys, "info", SAMPLES[0])
    assert code == 3 and "internal error: RuntimeError: boom" in err
    assert len(err.splitlines()) == 1 and "Traceback" not in err


def test_terminal_control_characters_from_a_file_are_shown_escaped(capsys, tmp_path):
    bp = load_blueprint(SAMPLES[0])
    bp.title = "Evil \x1b[31mred\x1b[0m title\x07"
    path = tmp_path / "evil.blueprint"
    save_blueprint(bp, path)
    code, out, _ = run(capsys, "info", path)
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert out.splitlines()[0] == "Evil \\x1b[31mred\\x1b[0m title\\x07"


def test_console_script_and_a_closed_pipe(tmp_path):
    script = Path(sys.executable).with_name("blueprint")
    shell = f"'{script}' validate '{SAMPLES[0]}' | head -c 0; echo done"
    result = subprocess.run(["sh", "-c", shell], capture_output=True, text=True)
    assert result.stdout.strip() == "done" and "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    help_text = subprocess.run([script, "--help"], capture_output=True, text=True)
    assert help_text.returncode == 0 and "usage: blueprint" in help_text.stdout
