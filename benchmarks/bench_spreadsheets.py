"""Spreadsheet benchmarks: the generated blueprint exported to an Excel workbook, that
workbook read back, and 100,000 rows of metrics imported, each against openpyxl doing the
same work plainly (the floor).

Floors: openpyxl's write-only mode appending the very cell values of every sheet, without
the header style, widths, drop-downs and formula-safe text (export); openpyxl's read-only
mode reading every cell value of the same workbook (import, metrics). Targets: the export
and the metrics import within 3x their floor, the workbook import within 5x (it builds and
checks every entity of the blueprint). CPU time of this process (``time.process_time``):
the runs take seconds, and other work on a shared machine disturbs wall-clock time most.
"""

from __future__ import annotations

import datetime
import io
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook

from blueprint.storage.tables.metrics import MetricsMapping, read_metrics
from blueprint.storage.tables.sheets import WRITING_ORDER
from blueprint.storage.tables.workbook import BlueprintNames, header, sheet_rows
from blueprint.storage.tables.xlsx_codec import import_xlsx, xlsx_bytes

from .common import Config, Row, measure_interleaved, paired_ratio, timing_row
from .generate import generate_blueprint

GROUP = "spreadsheets"
METRIC_ROWS = 100_000
EXPORT_RATIO_LIMIT = 3.0
IMPORT_RATIO_LIMIT = 5.0
METRICS_RATIO_LIMIT = 3.0
#: Each run takes seconds: fewer repeats than the suite's default.
MAX_REPEATS = 5


def _plain_workbook(bp) -> bytes:
    """The floor of the export: the same values, appended as they are."""
    workbook = Workbook(write_only=True)
    names = BlueprintNames(bp)
    for sheet in WRITING_ORDER:
        worksheet = workbook.create_sheet(sheet.title)
        worksheet.append(header(sheet))
        for row in sheet_rows(sheet, bp, names):
            worksheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _read_plainly(path: Path, sheets: list[str] | None = None) -> int:
    """The floor of an import: every cell value of the sheets, read by openpyxl."""
    workbook = load_workbook(path, read_only=True)
    count = 0
    for worksheet in workbook:
        if sheets is None or worksheet.title in sheets:
            for row in worksheet.iter_rows(values_only=True):
                count += len(row)
    workbook.close()
    return count


def _metrics_file(path: Path, touchpoint_ids: list[str]) -> None:
    """Daily contacts of every touchpoint: 100,000 rows of id, metric, value and date."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet("Contacts")
    worksheet.append(["touchpoint_id", "metric", "value", "date"])
    start = datetime.date(2020, 1, 1)
    for i in range(METRIC_ROWS):
        day = start + datetime.timedelta(days=i // len(touchpoint_ids))
        worksheet.append([touchpoint_ids[i % len(touchpoint_ids)], "Contacts", i % 997, day])
    workbook.save(path)


def run(config: Config) -> list[Row]:
    repeats = min(config.repeats, MAX_REPEATS)
    bp = generate_blueprint(**config.blueprint)
    counts = f"{len(bp.touchpoints)} touchpoints, {len(bp.frictions)} frictions"
    mapping = MetricsMapping(
        touchpoint="touchpoint_id", measure="metric", value="value", date="date"
    )
    with tempfile.TemporaryDirectory(prefix="blueprint-bench-") as folder:
        workbook = Path(folder) / "large.xlsx"
        workbook.write_bytes(xlsx_bytes(bp))
        metrics = Path(folder) / "contacts.xlsx"
        _metrics_file(metrics, [t.id for t in bp.touchpoints])
        timings = measure_interleaved(
            {
                "floor_write": lambda: _plain_workbook(bp),
                "export": lambda: xlsx_bytes(bp),
                "floor_read": lambda: _read_plainly(workbook),
                "import": lambda: import_xlsx(workbook),
                "floor_read_metrics": lambda: _read_plainly(metrics),
                "import_metrics": lambda: read_metrics(bp, metrics, mapping),
            },
            repeats,
            clock=time.process_time,
        )
        size = workbook.stat().st_size / 2**20
    rows = [Row(GROUP, "workbook size", size, "MiB", note=counts)]
    for name, floor, limit, what in (
        ("export", "floor_write", EXPORT_RATIO_LIMIT, "xlsx_bytes(bp): styled, drop-downs"),
        ("import", "floor_read", IMPORT_RATIO_LIMIT, "import_xlsx: every entity built, checked"),
        (
            "import_metrics",
            "floor_read_metrics",
            METRICS_RATIO_LIMIT,
            f"read_metrics: {METRIC_ROWS:,} rows placed on the touchpoints by id",
        ),
    ):
        rows.append(timing_row(GROUP, floor, timings[floor], note="openpyxl alone, plainly"))
        rows.append(timing_row(GROUP, name, timings[name], note=what))
        ratio = paired_ratio(timings[name], timings[floor])
        rows.append(
            Row(
                GROUP,
                f"  {name} / {floor}",
                ratio,
                "x",
                target=f"< {limit:g}x",
                passed=ratio < limit,
            )
        )
    return rows
