"""What the commands that write a file refuse to write over: the file they read, a blueprint
replaced by something that is not one, a file the user may not change; and where ``plan``
writes the ranked plan. Each refusal is one line, and the files on disk stay as they were."""

import csv
import io
import json
import os
import shutil
import stat
import subprocess
import sys

import pytest

from blueprint.cli import main
from blueprint.storage import load_blueprint, save_blueprint
from tests.conftest import SAMPLES


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sample(tmp_path):
    """A copy of a sample in a folder of its own, so the user's files are what is at stake."""
    path = tmp_path / "v.blueprint"
    shutil.copyfile(SAMPLES[0], path)
    return path


def files_in(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.is_symlink()}


# --- the file being read ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "command, what",
    [
        (["plan", "{in}", "-o", "{in}"], "plan"),
        (["plan", "{in}", "-o", "{in}", "--format", "pdf"], "plan"),
        (["plan", "{in}", "-o", "{in}", "--format", "json"], "plan"),
        (["export-xlsx", "{in}", "{in}"], "workbook"),
        (["import-xlsx", "{in}", "-o", "{in}", "--force"], "blueprint"),
        (["import-csv", "{in}", "-o", "{in}", "--force"], "blueprint"),
    ],
    ids=["plan", "plan-pdf", "plan-json", "export-xlsx", "import-xlsx", "import-csv"],
)
def test_the_file_being_read_is_never_the_output(capsys, sample, command, what):
    before = files_in(sample.parent)
    code, out, err = run(capsys, *[str(sample) if a == "{in}" else a for a in command])
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"blueprint: error: {sample} is the file being read: write the {what} to another file"
    ]
    assert files_in(sample.parent) == before


def test_the_file_being_read_is_recognised_through_a_link_and_another_path(
    capsys, sample, monkeypatch
):
    link = sample.parent / "plan.pdf"
    link.symlink_to(sample)
    hard = sample.parent / "also.pdf"
    os.link(sample, hard)
    before = sample.read_bytes()
    for output in (link, hard, f"../{sample.parent.name}/{sample.name}"):
        monkeypatch.chdir(sample.parent)
        code, _, err = run(capsys, "plan", sample, "-o", output, "--format", "pdf")
        assert code == 2 and "the file being read" in err and len(err.splitlines()) == 1
    assert sample.read_bytes() == before and link.is_symlink()


def test_a_picture_is_not_drawn_over_the_file_being_read(capsys, tmp_path):
    named_like_a_picture = tmp_path / "canvas.png"
    shutil.copyfile(SAMPLES[0], named_like_a_picture)
    code, _, err = run(capsys, "render", named_like_a_picture, "-o", named_like_a_picture)
    assert code == 2 and "the file being read" in err and len(err.splitlines()) == 1
    assert named_like_a_picture.read_bytes() == SAMPLES[0].read_bytes()


# --- a blueprint replaced by something else -----------------------------------------------------


@pytest.mark.parametrize(
    "command, what",
    [
        (["plan", "{in}", "-o", "{other}", "--format", "pdf"], "plan"),
        (["plan", "{in}", "-o", "{other}", "--format", "csv"], "plan"),
        (["export-xlsx", "{in}", "{other}"], "workbook"),
        (["schema", "-o", "{other}"], "schema"),
    ],
    ids=["plan-pdf", "plan-csv", "export-xlsx", "schema"],
)
def test_another_blueprint_is_not_replaced_by_an_output(capsys, sample, command, what):
    other = sample.parent / "other.blueprint"
    shutil.copyfile(SAMPLES[1], other)
    before = files_in(sample.parent)
    args = [{"{in}": str(sample), "{other}": str(other)}.get(a, a) for a in command]
    code, _, err = run(capsys, *args)
    assert code == 2 and len(err.splitlines()) == 1
    assert f"{other} is a blueprint, and the {what} would replace it" in err
    assert files_in(sample.parent) == before


def test_a_blueprint_behind_a_link_is_not_replaced(capsys, sample):
    other = sample.parent / "other.blueprint"
    shutil.copyfile(SAMPLES[1], other)
    link = sample.parent / "plan.json"
    link.symlink_to(other)
    code, _, err = run(capsys, "plan", sample, "-o", link)
    assert code == 2 and "is a blueprint" in err and len(err.splitlines()) == 1
    assert other.read_bytes() == SAMPLES[1].read_bytes()


def test_outputs_still_replace_their_own_earlier_files(capsys, sample):
    out = sample.parent / "schema.json"
    for _ in range(2):
        assert run(capsys, "schema", "-o", out)[0] == 0
    for _ in range(2):
        assert run(capsys, "plan", sample, "-o", sample.parent / "plan.json")[0] == 0


# --- which plan -o writes ----------------------------------------------------------------------


def test_a_plan_name_that_says_no_format_is_refused_naming_those_it_writes(capsys, sample):
    code, out, err = run(capsys, "plan", sample, "-o", sample.parent / "plan.docx")
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"blueprint: error: cannot tell what to write to {sample.parent / 'plan.docx'}: name "
        "it .pdf, .pptx, .csv or .json, or say which with --format"
    ]
    assert [p.name for p in sample.parent.iterdir()] == [sample.name]


def test_with_format_a_plan_may_have_any_other_name(capsys, sample):
    out = sample.parent / "plan.txt"
    code, stdout, _ = run(capsys, "plan", sample, "-o", out, "--format", "json")
    assert code == 0 and stdout.startswith(f"Wrote {out}")
    assert json.loads(out.read_text())["improvements"]


def test_a_plan_named_as_another_format_is_refused(capsys, sample):
    out = sample.parent / "plan.csv"
    code, _, err = run(capsys, "plan", sample, "-o", out, "--format", "json")
    assert code == 2 and "is named as a CSV table but --format is json" in err
    assert not out.exists()


@pytest.mark.parametrize(
    "name, options",
    [
        ("plan.csv", ["--format", "csv"]),
        ("plan.json", ["--format", "json"]),
        ("plan.csv", []),
        ("plan.json", []),
    ],
    ids=["csv", "json", "csv-by-name", "json-by-name"],
)
def test_the_ranked_plan_is_written_to_o(capsys, sample, name, options):
    kind = name.rsplit(".", 1)[1]
    printed = run(capsys, "plan", sample, "--format", kind)[1]
    out = sample.parent / name
    code, stdout, err = run(capsys, "plan", sample, "-o", out, *options)
    improvements = len(load_blueprint(sample).improvements)
    assert code == 0 and err == ""
    assert stdout == f"Wrote {out}: {improvements} improvements.\n"
    # A CSV file starts with a BOM, as Excel reads UTF-8 by it ("CrÃ©dit" without).
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") == (kind == "csv")
    assert out.read_text(encoding="utf-8-sig") == printed
    assert [p.name for p in sample.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_plan_csv_on_standard_output_has_no_bom_redirected_or_piped(sample, tmp_path):
    """Scripts read standard output: a BOM there made the first column '\ufeffrank' after
    `> plan.csv`, and not after `| cat > plan.csv`. The file for a spreadsheet is -o's."""
    command = [sys.executable, "-m", "blueprint", "plan", str(sample), "--format", "csv"]
    out = tmp_path / "plan.csv"
    with out.open("wb") as handle:
        subprocess.run(command, stdout=handle, check=True, timeout=120)
    piped = subprocess.run(command, capture_output=True, check=True, timeout=120).stdout
    assert out.read_bytes() == piped and piped.startswith(b"rank,")


def test_a_huge_amount_in_the_plan_csv_keeps_every_digit_and_no_exponent(capsys, sample):
    """Cut to 12 significant digits, 2,214,844,413,876 read 2.21484441388e+12."""
    bp = load_blueprint(sample)
    channels = [
        c.model_copy(update={"cost_per_contact": c.cost_per_contact * 12_345_678.9})
        if c.cost_per_contact
        else c
        for c in bp.channels
    ]
    huge = sample.parent / "huge.blueprint"
    save_blueprint(bp.model_copy(update={"channels": channels}), huge)
    rows = list(csv.DictReader(io.StringIO(run(capsys, "plan", huge, "--format", "csv")[1])))
    document = json.loads(run(capsys, "plan", huge, "--format", "json")[1])
    costs = [r["avoidable_cost"] for r in rows]
    assert all("e" not in c.lower() for c in costs)
    expected = [i["avoidable_cost"] for i in document["improvements"]]
    assert [float(c) for c in costs] == pytest.approx(expected, rel=1e-12)
    assert max(len(c.split(".")[0]) for c in costs) >= 13


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_o_dash_is_standard_output(capsys, sample, kind, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    printed = run(capsys, "plan", sample, "--format", kind)[1]
    code, stdout, _err = run(capsys, "plan", sample, "--format", kind, "-o", "-")
    assert code == 0 and stdout == printed
    assert not (tmp_path / "-").exists()


# --- a file the user may not change -------------------------------------------------------------


@pytest.fixture
def read_only(tmp_path):
    """A blueprint made read-only (chmod 444) in a folder the user may write to. Root may
    write it all the same, but the file says it is to be kept, and blueprint keeps it."""
    path = tmp_path / "shared.blueprint"
    shutil.copyfile(SAMPLES[0], path)
    path.chmod(0o444)
    yield path
    path.chmod(0o644)


def test_import_metrics_does_not_replace_a_read_only_blueprint(capsys, tmp_path, read_only):
    touchpoint = load_blueprint(read_only).touchpoints[0].id
    sheet = tmp_path / "m.csv"
    sheet.write_text(f"touchpoint,measure,value\n{touchpoint},NPS,12\n")
    code, out, err = run(capsys, "import-metrics", sheet, "--into", read_only)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"{read_only}: cannot save: permission denied (the file is read-only for you)"
    ]
    assert read_only.read_bytes() == SAMPLES[0].read_bytes()
    assert stat.S_IMODE(read_only.stat().st_mode) == 0o444


def test_merge_does_not_write_onto_a_read_only_blueprint(capsys, sample, read_only):
    code, _, err = run(capsys, "merge", sample, sample, sample, "-o", read_only)
    assert code == 2 and "read-only" in err and len(err.splitlines()) == 1
    assert read_only.read_bytes() == SAMPLES[0].read_bytes()


def test_new_with_force_does_not_replace_a_read_only_blueprint(capsys, read_only):
    code, _, err = run(capsys, "new", read_only, "--force")
    assert code == 1 and "read-only" in err and len(err.splitlines()) == 1
    assert read_only.read_bytes() == SAMPLES[0].read_bytes()


def test_a_plan_is_not_written_over_a_read_only_file(capsys, sample):
    out = sample.parent / "plan.json"
    out.write_text("kept")
    out.chmod(0o444)
    code, _, err = run(capsys, "plan", sample, "-o", out)
    assert code == 1 and "read-only" in err and out.read_text() == "kept"


# --- a file the user may not read ---------------------------------------------------------------


def test_a_file_that_cannot_be_read_is_not_called_read_only(capsys, sample, monkeypatch):
    # Simulated: the tests may run as root, who can read any file.
    import errno

    real_open = os.open

    def denied(path, *args, **kwargs):
        if os.fspath(path) == str(sample):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    code, _, err = run(capsys, "info", sample)
    assert code == 1
    assert err.splitlines() == [
        f"{sample}: cannot open: permission denied (you may not read the file, or open its folder)"
    ]
