"""Any blueprint goes through its tables and back exactly: as an Excel workbook, and as a
folder of CSV files (one per sheet), in both directions."""

import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings

from blueprint.model import document_problems
from blueprint.storage import dumps_blueprint
from blueprint.storage.tables import (
    export_csv_folder,
    export_xlsx,
    import_csv_folder,
    import_xlsx,
)
from tests.storage.table_strategies import full_blueprints

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def cells(path) -> dict[str, list[list]]:
    workbook = openpyxl.load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in workbook}


@SETTINGS
@given(full_blueprints())
def test_any_blueprint_goes_through_a_workbook_and_back_exactly(bp):
    assert document_problems(bp) == []
    with tempfile.TemporaryDirectory() as folder:
        first, second = Path(folder) / "a.xlsx", Path(folder) / "b.xlsx"
        export_xlsx(bp, first)
        back = import_xlsx(first)
        assert back == bp
        export_xlsx(back, second)
        assert cells(second) == cells(first)


@SETTINGS
@given(full_blueprints())
def test_any_blueprint_goes_through_a_folder_of_csv_files_and_back_exactly(bp):
    # A text holding the NUL character is the one thing the CSV files cannot carry: a file
    # with NUL bytes is refused as binary.
    if b"\\u0000" in dumps_blueprint(bp):
        return
    with tempfile.TemporaryDirectory() as folder:
        first, second = Path(folder) / "a", Path(folder) / "b"
        export_csv_folder(bp, first)
        back = import_csv_folder(first)
        assert back == bp
        export_csv_folder(back, second)
        for path in sorted(first.iterdir()):
            assert (second / path.name).read_bytes() == path.read_bytes(), path.name
