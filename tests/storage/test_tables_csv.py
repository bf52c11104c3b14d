"""The blueprint as a folder of CSV files, one per sheet: the same columns as the workbook,
read back exactly, and the spreadsheet's own re-save (semicolons, decimal commas) read too."""

import csv

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blueprint.storage import CsvError, load_blueprint
from blueprint.storage.tables import export_csv_folder, import_csv_folder
from blueprint.storage.tables.cells import is_formula_like, neutralise, restore
from tests.factories import future_blueprint


def test_every_sample_comes_back_exactly_from_its_folder(sample_path, tmp_path):
    original = load_blueprint(sample_path)
    written = export_csv_folder(original, tmp_path)
    assert len(written) == 14 and written[0].name == "touchpoints.csv"
    assert import_csv_folder(tmp_path) == original


def test_the_future_state_is_in_the_touchpoints_and_frictions_files(tmp_path):
    export_csv_folder(future_blueprint(), tmp_path)
    with open(tmp_path / "touchpoints.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert rows["t2"]["future_emotion"] == "1"
    assert rows["t2"]["future_epic_easy"] == "4" and rows["t2"]["future_epic_contextual"] == "none"
    assert rows["t1"]["future_epic_easy"] == ""  # no future values: today's hold


def test_a_folder_re_saved_with_semicolons_and_decimal_commas_is_read(tmp_path):
    bp = future_blueprint()
    bp.channels[0].cost_per_contact = 0.45
    export_csv_folder(bp, tmp_path)
    path = tmp_path / "channels.csv"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerows([cell.replace("0.45", "0,45") for cell in row] for row in rows)
    assert import_csv_folder(tmp_path).channels[0].cost_per_contact == 0.45


def test_a_missing_file_is_named(tmp_path):
    export_csv_folder(future_blueprint(), tmp_path)
    (tmp_path / "flows.csv").unlink()
    with pytest.raises(CsvError) as caught:
        import_csv_folder(tmp_path)
    assert "has no flows.csv" in str(caught.value)
    assert "give the files instead of the folder" in str(caught.value)  # the two-sheet import


def test_a_bad_cell_is_named_by_file_row_and_column(tmp_path):
    export_csv_folder(future_blueprint(), tmp_path)
    path = tmp_path / "frictions.csv"
    path.write_text(path.read_text(encoding="utf-8-sig").replace(",month,", ",fortnight,", 1))
    with pytest.raises(CsvError) as caught:
        import_csv_folder(tmp_path)
    assert caught.value.problems == [
        "frictions.csv row 2, column 'frequency_per': must be one of day, week, month, "
        "quarter, year (got 'fortnight')"
    ]


def test_a_missing_column_is_named_once_not_again_in_every_row_naming_its_file(tmp_path):
    export_csv_folder(future_blueprint(), tmp_path)
    path = tmp_path / "touchpoints.csv"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    gone = rows[0].index("channel")
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(row[:gone] + row[gone + 1 :] for row in rows)
    with pytest.raises(CsvError) as caught:
        import_csv_folder(tmp_path)
    assert caught.value.problems == [
        "touchpoints.csv: has no column 'channel' (the header is its first row)"
    ]


# --- the formula-safe rule -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [" =1+1", "  =2+2", "\n=cmd|' /C calc'!A0", " @SUM(A1)", "\r\n+1", " -1+2"],
)
def test_a_formula_behind_blanks_is_guarded_too(text):
    # LibreOffice's CSV import with "Trim spaces" on runs " =1+1" as a formula.
    assert neutralise(text) == "'" + text and restore(neutralise(text)) == text


@pytest.mark.parametrize("text", ["O'Brien", "a = b", "e-mail", "", "  ", "1-2", "'plain"])
def test_ordinary_text_is_left_alone_or_comes_back(text):
    assert restore(neutralise(text)) == text
    assert neutralise(text) == text or is_formula_like(text)


@given(st.text())
def test_restore_undoes_neutralise_for_any_text(text):
    cell = neutralise(text)
    assert restore(cell) == text
    # What a spreadsheet reads first is a quote, or no formula sign even after blanks.
    assert cell.startswith("'") or (
        cell[:1] not in ("\t", "\r", "\n")
        and cell.lstrip(" \t\r\n")[:1] not in ("=", "+", "-", "@")
    )


def test_an_export_that_fails_half_way_leaves_the_earlier_export_whole(tmp_path, monkeypatch):
    """The disk full at the sixth file: five files were new and the rest old, and an import
    took that folder as one blueprint (an old cost per contact came back)."""
    import errno
    import os

    from blueprint.storage import SaveError
    from blueprint.storage import atomic as atomic_module
    from tests.factories import small_blueprint

    export_csv_folder(small_blueprint(), tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    changed = future_blueprint()
    calls = []
    real_fsync = os.fsync

    def full_at_the_sixth(fd):
        calls.append(fd)
        if len(calls) == 6:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(atomic_module.os, "fsync", full_at_the_sixth)
    with pytest.raises(SaveError, match="the disk is full"):
        export_csv_folder(changed, tmp_path)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # no temporary left
    assert import_csv_folder(tmp_path) == small_blueprint()


def test_a_rename_refused_half_way_puts_back_the_files_already_replaced(tmp_path, monkeypatch):
    """A file held open elsewhere (Excel, on Windows) refuses its rename: the files renamed
    before it were new, the rest old."""
    import errno
    import os

    from blueprint.storage import SaveError
    from blueprint.storage import atomic as atomic_module
    from tests.factories import small_blueprint

    export_csv_folder(small_blueprint(), tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    renames = []
    real_replace = os.replace

    def held_open_at_the_fourth(source, target):
        if str(source).endswith(".tmp") and ".kept" not in str(source):
            renames.append(target)
            if len(renames) == 4:
                raise OSError(errno.EACCES, "held open by another program")
        real_replace(source, target)

    monkeypatch.setattr(atomic_module.os, "replace", held_open_at_the_fourth)
    with pytest.raises(SaveError) as refused:
        export_csv_folder(future_blueprint(), tmp_path)
    monkeypatch.undo()
    assert len(renames) == 4
    assert refused.value.path == renames[3]  # the file held open, not one put back
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # nothing left
