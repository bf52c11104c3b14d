"""export-xlsx, import-xlsx, import-csv of a folder and import-metrics: what a user types,
what they see, and that a failed import writes nothing."""

import openpyxl
import pytest

from blueprint.cli import main
from blueprint.storage import load_blueprint, save_blueprint
from tests.conftest import SAMPLES
from tests.factories import future_blueprint


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def blueprint_file(tmp_path):
    path = tmp_path / "broadband.blueprint"
    save_blueprint(future_blueprint(), path)
    return path


def test_a_blueprint_goes_to_excel_and_back(capsys, tmp_path):
    workbook = tmp_path / "plan.xlsx"
    code, out, _ = run(capsys, "export-xlsx", SAMPLES[0], workbook)
    assert code == 0 and out.startswith(f"Wrote {workbook}: one sheet per kind of entity")
    target = tmp_path / "back.blueprint"
    code, out, _ = run(capsys, "import-xlsx", workbook, "-o", target)
    assert code == 0 and out.startswith(f"Created {target}:")
    assert load_blueprint(target) == load_blueprint(SAMPLES[0])
    code, _, err = run(capsys, "import-xlsx", workbook, "-o", target)
    assert code == 2 and "already exists; use --force" in err


def test_a_workbook_is_not_written_over_a_file_or_under_another_kinds_name(capsys, tmp_path):
    """export-xlsx replaced a PDF with a workbook, and a workbook a colleague was editing."""
    pdf, workbook = tmp_path / "plan.pdf", tmp_path / "plan.xlsx"
    pdf.write_bytes(b"%PDF-1.4 the plan")
    for force in ([], ["--force"]):  # never invited to replace it
        code, _, err = run(capsys, "export-xlsx", SAMPLES[0], pdf, *force)
        assert code == 2 and err.strip().endswith("an Excel workbook's name ends in .xlsx")
    assert pdf.read_bytes() == b"%PDF-1.4 the plan"
    assert run(capsys, "export-xlsx", SAMPLES[0], workbook)[0] == 0
    edited = workbook.read_bytes()
    code, _, err = run(capsys, "export-xlsx", SAMPLES[1], workbook)
    assert code == 2 and "already exists; use --force" in err
    assert workbook.read_bytes() == edited
    assert run(capsys, "export-xlsx", SAMPLES[1], workbook, "--force")[0] == 0
    assert workbook.read_bytes() != edited


def test_a_folder_of_csv_files_goes_back_to_the_same_blueprint(capsys, tmp_path):
    folder = tmp_path / "sheets"
    assert run(capsys, "export-csv", SAMPLES[1], folder)[0] == 0
    target = tmp_path / "back.blueprint"
    code, out, _ = run(capsys, "import-csv", folder, "-o", target, "--title", "Again")
    assert code == 0 and out.startswith(f"Created {target}:")
    back, original = load_blueprint(target), load_blueprint(SAMPLES[1])
    assert back.title == "Again" and back.model_copy(update={"title": original.title}) == original


@pytest.mark.parametrize("form", ["%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y"])
def test_a_folder_saved_by_excel_with_its_dates_in_the_computers_form_goes_back(
    capsys, tmp_path, form
):
    """Excel saving a CSV file writes its dates in the computer's short form (30/09/2026 in
    Europe, 9/30/2026 in America): every dated row of the broadband sample was refused."""
    import datetime
    import re

    folder = tmp_path / "sheets"
    assert run(capsys, "export-csv", SAMPLES[1], folder)[0] == 0
    rewritten = 0
    for path in folder.glob("*.csv"):
        text = path.read_text(encoding="utf-8")

        def local(match):
            nonlocal rewritten
            rewritten += 1
            return datetime.date.fromisoformat(match.group()).strftime(form)

        path.write_text(re.sub(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])", local, text), "utf-8")
    assert rewritten >= 20
    target = tmp_path / "back.blueprint"
    code, _, err = run(capsys, "import-csv", folder, "-o", target)
    assert code == 0, err
    assert load_blueprint(target).model_copy(update={"title": "x"}) == load_blueprint(
        SAMPLES[1]
    ).model_copy(update={"title": "x"})


def test_a_broken_workbook_is_refused_by_row_and_column_and_nothing_is_written(capsys, tmp_path):
    workbook = tmp_path / "plan.xlsx"
    run(capsys, "export-xlsx", SAMPLES[0], workbook)
    book = openpyxl.load_workbook(workbook)
    book["Touchpoints"]["J2"] = "=1+1"  # emotion
    book["Touchpoints"].merge_cells("L3:L4")
    book.save(workbook)
    target = tmp_path / "back.blueprint"
    code, _, err = run(capsys, "import-xlsx", workbook, "-o", target)
    assert code == 1 and not target.exists()
    assert err.splitlines() == [
        f"{workbook}: Touchpoints: cells L3:L4 are merged; unmerge them and fill in every row "
        "(a merged cell holds its value in its first row only)"
    ]


def test_metrics_are_imported_into_the_blueprint_with_a_report(capsys, tmp_path, blueprint_file):
    sheet = tmp_path / "contacts.csv"
    sheet.write_text(
        "Touchpoint,Metric,Value,Date\n"
        "Call for the date,Calls,420,2026-10-31\n"
        "Status form,Visits,9000,2026-10-31\n"
        "Nowhere,Calls,1,2026-10-31\n"
        "Status form,Visits,many,2026-11-30\n"
    )
    code, out, err = run(
        capsys, "import-metrics", sheet, "--into", blueprint_file, "--match", "title"
    )
    assert code == 0 and err == ""
    assert out.splitlines() == [
        "Imported 2 of 4 rows of contacts.csv: 2 measures added, 0 measures updated; "
        "2 rows not placed.",
        "Not placed:",
        "  row 4: no touchpoint is titled 'Nowhere'",
        "  row 5: the value (column 'Value') must be a number (got 'many')",
    ]
    measures = load_blueprint(blueprint_file).measures
    assert [(m.touchpoint_id, m.name, m.value) for m in measures] == [
        ("t3", "Calls", 420.0),
        ("t2", "Visits", 9000.0),
    ]


def test_an_export_excel_saved_as_plain_csv_is_read_and_said_so(capsys, tmp_path, blueprint_file):
    """A contact centre's export saved by Excel as plain 'CSV' (Windows-1252 in Europe) was
    refused: "is not UTF-8 text"."""
    sheet = tmp_path / "appels.csv"
    sheet.write_bytes(
        "Touchpoint;Metric;Value\nCall for the date;Appels reçus;420\n".encode("cp1252")
    )
    code, out, _ = run(
        capsys, "import-metrics", sheet, "--into", blueprint_file, "--match", "title"
    )
    assert code == 0
    assert out == (
        "Imported 1 row of appels.csv (read as Windows-1252: it is not UTF-8): 1 measure "
        "added, 0 measures updated.\n"
    )
    assert [m.name for m in load_blueprint(blueprint_file).measures] == ["Appels reçus"]


def test_a_folder_re_saved_by_excel_as_plain_csv_is_imported_with_a_note(capsys, tmp_path):
    folder, target = tmp_path / "csv", tmp_path / "back.blueprint"
    assert run(capsys, "export-csv", SAMPLES[0], folder)[0] == 0
    stages = folder / "stages.csv"
    stages.write_bytes(
        stages.read_text(encoding="utf-8-sig")
        .replace("Dreaming about a trip", "Rêver d'un voyage")
        .encode("cp1252")
    )
    code, out, _ = run(capsys, "import-csv", folder, "-o", target)
    assert code == 0
    assert out.splitlines()[1] == (
        "Note: stages.csv is not UTF-8; it was read as Windows-1252 (Excel's plain 'CSV'): "
        "check that accented names came out as typed."
    )
    assert load_blueprint(target).stages[0].description.startswith("Rêver d'un voyage")
    # A file of the folder that is not one of its sheets is not read (it failed the import
    # after the blueprint was written).
    (folder / "notes.csv").write_bytes("x".encode("utf-16"))
    code, out, err = run(capsys, "import-csv", folder, "-o", target, "--force")
    assert code == 0 and err == ""


def test_a_dry_run_says_what_would_change_and_changes_nothing(capsys, tmp_path, blueprint_file):
    sheet = tmp_path / "m.csv"
    sheet.write_text("touchpoint_id,value\nt1,3\n")
    before = blueprint_file.read_bytes()
    code, out, _ = run(
        capsys, "import-metrics", sheet, "--into", blueprint_file, "--name", "NPS", "--dry-run"
    )
    assert (
        code == 0 and out == "Would import 1 row of m.csv: 1 measure added, 0 measures updated.\n"
    )
    assert blueprint_file.read_bytes() == before


def test_columns_it_cannot_guess_are_asked_for_by_name(capsys, tmp_path, blueprint_file):
    sheet = tmp_path / "m.csv"
    sheet.write_text("where,how many\nt1,3\n")
    code, _, err = run(capsys, "import-metrics", sheet, "--into", blueprint_file)
    assert (
        code == 2
        and "cannot tell which column holds the touchpoint (its columns: 'where', 'how many'); "
        "say it with --touchpoint COLUMN"
        in err
    )
    code, _, err = run(
        capsys,
        "import-metrics",
        sheet,
        "--into",
        blueprint_file,
        "--touchpoint",
        "where",
        "--value",
        "how many",
    )
    assert code == 2 and "--measure COLUMN, or give every row one name with --name NAME" in err


def test_a_workbook_with_a_formula_is_refused_whole(capsys, tmp_path, blueprint_file):
    sheet = tmp_path / "m.xlsx"
    book = openpyxl.Workbook()
    for row in (["touchpoint", "metric", "value"], ["t1", "NPS", 20], ["t2", "NPS", "=B2*2"]):
        book.active.append(row)
    book.save(sheet)
    before = blueprint_file.read_bytes()
    code, _, err = run(capsys, "import-metrics", sheet, "--into", blueprint_file)
    assert code == 1 and blueprint_file.read_bytes() == before
    assert err.startswith(f"{sheet}: row 3, column 'value': holds a formula (=B2*2)")


def test_a_utf16_file_of_metrics_is_named_as_such(capsys, tmp_path, blueprint_file):
    sheet = tmp_path / "m.csv"
    sheet.write_text("touchpoint_id,metric,value\nt1,NPS,20\n", encoding="utf-16")
    before = blueprint_file.read_bytes()
    code, _, err = run(capsys, "import-metrics", sheet, "--into", blueprint_file)
    assert code == 1 and blueprint_file.read_bytes() == before
    assert err.splitlines() == [
        f"{sheet}: is encoded as UTF-16 or UTF-32, not UTF-8; save it from the spreadsheet as "
        "'CSV UTF-8'"
    ]


def test_a_misspelt_header_of_a_csv_file_gets_the_name_it_may_mean(capsys, tmp_path):
    sheet = tmp_path / "touchpoints.csv"
    sheet.write_text("titel,stage,channel\nPay,Purchase,Web\n")
    target = tmp_path / "new.blueprint"
    code, _, err = run(capsys, "import-csv", sheet, "-o", target)
    assert code == 1 and not target.exists()
    assert (
        "touchpoints.csv: column 'titel' is not one blueprint reads; did you mean 'title'?" in err
    )


@pytest.mark.parametrize(
    ("parts", "said"),
    [
        ({"ppt/presentation.xml": "<p/>"}, "it is a PowerPoint deck (a plan?)"),
        ({"word/document.xml": "<w/>"}, "it is a Word document"),
        ({"notes.txt": "hello"}, "it is a zip archive with no workbook in it"),
        (  # an OpenDocument spreadsheet has no [Content_Types].xml: openpyxl's KeyError
            {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<o/>"},
            "it is an OpenDocument file; save it from its program as .xlsx",
        ),
    ],
)
def test_a_zip_that_is_not_a_workbook_is_named_not_an_internal_error(
    capsys, tmp_path, blueprint_file, parts, said
):
    """A deck or a document picked as a workbook ended in "internal error: OSError: File
    contains no valid workbook part. This is a bug"."""
    import zipfile

    path = tmp_path / "picked.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        if "mimetype" not in parts:
            archive.writestr("[Content_Types].xml", "<Types/>")
        for name, text in parts.items():
            archive.writestr(name, text)
    before = blueprint_file.read_bytes()
    for args in (
        ("import-xlsx", path, "-o", tmp_path / "x.blueprint"),
        ("import-metrics", path, "--into", blueprint_file),
    ):
        code, _, err = run(capsys, *args)
        assert code == 1
        assert err.strip().endswith(f"is not an Excel workbook (.xlsx): {said}"), err
    assert blueprint_file.read_bytes() == before and not (tmp_path / "x.blueprint").exists()


def test_a_designers_own_columns_and_sheets_are_said_not_dropped_unseen(capsys, tmp_path):
    """A 'Workshop comments' column and a 'My notes' sheet were imported in silence, and the
    next export had neither."""
    workbook = tmp_path / "plan.xlsx"
    run(capsys, "export-xlsx", SAMPLES[1], workbook)
    book = openpyxl.load_workbook(workbook)
    sheet = book["Touchpoints"]
    column = sheet.max_column + 1
    sheet.cell(1, column, "Workshop comments")
    sheet.cell(2, column, "ask Ben")
    sheet.cell(3, column, "<b>check</b>")
    sheet.cell(1, column + 1, "Empty one")  # nothing in it: nothing lost
    book.create_sheet("My notes")["B2"] = "remember the SLA"
    book.create_sheet("Blank")
    book.save(workbook)
    code, out, _ = run(capsys, "import-xlsx", workbook, "-o", tmp_path / "back.blueprint")
    assert code == 0
    assert out.splitlines()[-1] == (
        "Note: not read, as a blueprint has no place for it (an export leaves it out, so keep "
        "the workbook or the files): Touchpoints column 'Workshop comments' (2 filled cells); "
        "sheet 'My notes'."
    )
    folder = tmp_path / "sheets"
    run(capsys, "export-csv", SAMPLES[1], folder)
    frictions = folder / "frictions.csv"
    lines = frictions.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",owner", lines[1] + ",Ana", *lines[2:]]
    frictions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "import-csv", folder, "-o", tmp_path / "again.blueprint")
    assert code == 0
    assert out.splitlines()[-1].endswith(": frictions.csv column 'owner' (1 filled cell).")


def test_a_workbook_with_a_chart_sheet_added_is_imported(capsys, tmp_path):
    """A chart sheet (a designer's chart of the Measures) ended the import in "internal
    error: AttributeError: 'Chartsheet' object has no attribute 'iter_rows'"."""
    from openpyxl.chart import BarChart, Reference

    workbook = tmp_path / "plan.xlsx"
    run(capsys, "export-xlsx", SAMPLES[1], workbook)
    book = openpyxl.load_workbook(workbook)
    chart = BarChart()
    measures = book["Measures"]
    chart.add_data(Reference(measures, min_col=5, min_row=1, max_row=5), titles_from_data=True)
    book.create_chartsheet("My chart").add_chart(chart)
    book.save(workbook)
    code, out, err = run(capsys, "import-xlsx", workbook, "-o", tmp_path / "back.blueprint")
    assert code == 0, err
    assert "Note:" not in out
    assert load_blueprint(tmp_path / "back.blueprint").model_copy(
        update={"title": "x"}
    ) == load_blueprint(SAMPLES[1]).model_copy(update={"title": "x"})


def test_a_file_of_dates_that_could_be_two_takes_the_order_another_file_shows(capsys, tmp_path):
    """Excel wrote every file of the folder alike: evidence.csv's 03/10/2026 was refused as
    "could be either" while measures.csv's 30/09/2026 showed the day comes first."""
    import datetime
    import re

    bp = load_blueprint(SAMPLES[1])
    for evidence in bp.evidence:
        evidence.date = "2026-10-03"  # the 3rd of October: 03/10/2026 could be two dates
    original = tmp_path / "original.blueprint"
    save_blueprint(bp, original)
    folder = tmp_path / "sheets"
    run(capsys, "export-csv", original, folder)
    for path in folder.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(
                r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])",
                lambda m: datetime.date.fromisoformat(m.group()).strftime("%d/%m/%Y"),
                text,
            ),
            encoding="utf-8",
        )
    evidence = (folder / "evidence.csv").read_text(encoding="utf-8")
    dated = re.findall(r"\b(\d\d)/\d\d/\d{4}\b", evidence)
    assert dated and all(int(day) <= 12 for day in dated)  # on its own, each could be two
    code, _, err = run(capsys, "import-csv", folder, "-o", tmp_path / "back.blueprint")
    assert code == 0, err
    back = load_blueprint(tmp_path / "back.blueprint")
    assert [e.date for e in back.evidence] == [e.date for e in bp.evidence]


def test_the_touchpoints_and_frictions_files_say_what_they_do_not_read(capsys, tmp_path):
    touchpoints = tmp_path / "tp.csv"
    touchpoints.write_text(
        "title,stage,channel,Workshop comments\n"
        "Search the site,Awareness,Web,people hate it\n"
        "Call us,Support,Phone,\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "import-csv", touchpoints, "-o", tmp_path / "tp.blueprint")
    assert code == 0
    assert out.splitlines()[-1].endswith(": tp.csv column 'Workshop comments' (1 filled cell).")


def test_a_long_list_of_what_was_not_read_names_ten_and_counts_the_rest():
    from blueprint.storage.tables import unread_sentence

    said = unread_sentence([f"Touchpoints column 'c{n}' (1 filled cell)" for n in range(14)])
    assert "'c9'" in said and "'c10'" not in said and said.endswith("; and 4 more.")
