"""Measures taken from an analytics or contact-centre export: rows placed on touchpoints by id
or title, measures added or updated in place, frequencies that follow them re-followed, the
rows that cannot be placed reported, and files that cannot be read refused whole."""

import datetime

import openpyxl
import pytest

from blueprint.model import Frequency, FrequencySource, Measure, Period
from blueprint.storage import CsvError, XlsxError
from blueprint.storage.tables.metrics import (
    BY_TITLE,
    MetricsMapping,
    apply_metrics,
    guess_mapping,
    preview,
    read_metrics,
)
from tests.factories import future_blueprint

BY_ID_MAPPING = MetricsMapping(touchpoint="touchpoint", measure="metric", value="value")


def write_csv(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def write_xlsx(path, rows, sheet="Export", more=()):
    workbook = openpyxl.Workbook()
    workbook.active.title = sheet
    for row in rows:
        workbook.active.append(row)
    for name, extra in more:
        ws = workbook.create_sheet(name)
        for row in extra:
            ws.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def bp():
    """Touchpoints t1 'Order online', t2 'Status form', t3 'Call for the date'."""
    return future_blueprint()


def test_rows_become_measures_of_their_touchpoints(bp, tmp_path):
    path = write_csv(
        tmp_path / "calls.csv",
        "touchpoint,metric,value,date,unit\n"
        "t3,Calls,4200,2026-10-31,calls\n"
        "t1,Visits,18000.5,2026-10-31,\n",
    )
    mapping = MetricsMapping(
        touchpoint="touchpoint", measure="metric", value="value", date="date", unit="unit"
    )
    result = read_metrics(bp, path, mapping)
    assert not bp.measures  # nothing changes until it is applied
    assert result.unplaced == [] and result.rows == 2
    calls, visits = result.added
    assert (calls.touchpoint_id, calls.name, calls.value, calls.date, calls.unit) == (
        "t3",
        "Calls",
        4200.0,
        "2026-10-31",
        "calls",
    )
    assert (visits.touchpoint_id, visits.value, visits.unit) == ("t1", 18000.5, "")
    assert calls.origin == "calls.csv" and calls.source == FrequencySource.MEASURED
    assert result.summary() == "2 rows of calls.csv: 2 measures added, 0 measures updated"
    apply_metrics(bp, result)
    assert [m.name for m in bp.measures] == ["Calls", "Visits"]


def test_touchpoints_found_by_title_and_ambiguous_titles_reported(bp, tmp_path):
    bp.touchpoints[1].title = "Order online"  # two touchpoints of one title
    path = write_csv(
        tmp_path / "m.csv",
        "step,value\nCall for the date,12\ncall for the DATE,13\nOrder online,5\nNowhere,1\n",
    )
    mapping = MetricsMapping(touchpoint="step", value="value", match=BY_TITLE, name="Calls")
    result = read_metrics(bp, path, mapping)
    assert [str(u) for u in result.unplaced] == [
        "row 2: row 3 gives the same touchpoint, measure and date, and is used instead",
        "row 4: 2 touchpoints are titled 'Order online'; name it by its id instead",
        "row 5: no touchpoint is titled 'Nowhere'",
    ]
    assert [(m.touchpoint_id, m.value) for m in result.added] == [("t3", 13.0)]


def test_a_title_read_as_an_id_or_misspelt_says_what_was_meant(bp, tmp_path):
    """A sheet of titles read by id placed nothing, nine times "no touchpoint has the id",
    with no word of matching by title; a misspelt title got no suggestion."""
    path = write_csv(tmp_path / "m.csv", "step,value\nStatus form,12\nCall for a date,3\n")
    by_id = MetricsMapping(touchpoint="step", value="value", name="Calls")
    assert [str(u) for u in read_metrics(bp, path, by_id).unplaced] == [
        "row 2: no touchpoint has the id 'Status form'; that is a touchpoint's title: match "
        "the touchpoints by title",
        "row 3: no touchpoint has the id 'Call for a date'",
    ]
    by_title = MetricsMapping(touchpoint="step", value="value", match=BY_TITLE, name="Calls")
    result = read_metrics(bp, path, by_title)
    assert [str(u) for u in result.unplaced] == [
        "row 3: no touchpoint is titled 'Call for a date'; did you mean 'Call for the date'?"
    ]
    assert [(m.touchpoint_id, m.value) for m in result.added] == [("t2", 12.0)]


def test_a_measure_already_there_is_updated_and_its_frequencies_follow_it(bp, tmp_path):
    bp.measures = [
        Measure(id="m1", touchpoint_id="t3", name="Calls", value=100, unit="calls", period="week")
    ]
    friction = bp.frictions[0]
    friction.frequency = Frequency(count=100, per="week", source="measured", measure_id="m1")
    path = write_csv(tmp_path / "m.csv", "touchpoint,metric,value\nt3,calls,250\nt3,Hold,3\n")
    result = read_metrics(bp, path, BY_ID_MAPPING)
    assert [m.name for m in result.added] == ["Hold"]
    ((old, new),) = result.updated
    assert (old.value, new.value, new.id, new.unit, new.period) == (
        100.0,
        250.0,
        "m1",
        "calls",
        Period.WEEK,
    )
    (refollow,) = result.refollowed
    assert refollow.friction_id == friction.id and refollow.new.count == 250.0
    assert result.summary() == (
        "2 rows of m.csv: 1 measure added, 1 measure updated, 1 friction point follows them"
    )
    apply_metrics(bp, result)
    assert bp.measures[0].value == 250.0 and bp.frictions[0].frequency.count == 250.0


def test_rows_that_cannot_be_placed_say_why(bp, tmp_path):
    path = write_csv(
        tmp_path / "m.csv",
        "touchpoint,metric,value,date,period\n"
        "t404,Calls,1,,\n"
        ",Calls,1,,\n"
        "t1,,1,,\n"
        "t1,Calls,,,\n"
        "t1,Calls,lots,,\n"
        "t1,Calls,1,03/04/2026,\n"
        "t1,Calls,1,,fortnight\n"
        "t1,Calls,45%,2026-01-01,week\n",
    )
    mapping = MetricsMapping(
        touchpoint="touchpoint", measure="metric", value="value", date="date", period="period"
    )
    result = read_metrics(bp, path, mapping)
    assert [str(u) for u in result.unplaced] == [
        "row 2: no touchpoint has the id 't404'",
        "row 3: no touchpoint given (column 'touchpoint' is empty)",
        "row 4: the measure's name (column 'metric') is empty",
        "row 5: the value (column 'value') is empty",
        "row 6: the value (column 'value') must be a number (got 'lots')",
        "row 7: column 'date' must be a date written YYYY-MM-DD: '03/04/2026' could be "
        "2026-04-03 or 2026-03-04 (a spreadsheet saving a CSV file writes dates in the "
        "computer's own form: set the column's format to yyyy-mm-dd before saving)",
        "row 8: column 'period' must be one of day, week, month, quarter, year (got 'fortnight')",
    ]
    (percent,) = result.added
    assert (percent.value, percent.unit, percent.period) == (45.0, "%", Period.WEEK)


def test_a_workbook_is_read_from_the_chosen_sheet_with_date_cells(bp, tmp_path):
    path = write_xlsx(
        tmp_path / "export.xlsx",
        [["notes"], ["not this sheet"]],
        sheet="About",
        more=[
            (
                "Contacts",
                [
                    ["Touchpoint ID", "KPI", "Volume", "Day"],
                    ["t3", "Calls", 310, datetime.datetime(2026, 11, 2)],
                    [None, None, None, None],
                    ["t2", "Visits", 12.5, datetime.date(2026, 11, 3)],
                ],
            )
        ],
    )
    header, rows, sheets = preview(path, "Contacts")
    assert sheets == ["About", "Contacts"] and header == ["Touchpoint ID", "KPI", "Volume", "Day"]
    assert rows == [
        (2, ["t3", "Calls", "310", "2026-11-02"]),
        (4, ["t2", "Visits", "12.5", "2026-11-03"]),
    ]
    guessed = guess_mapping(header)
    assert guessed == {
        "touchpoint": "Touchpoint ID",
        "measure": "KPI",
        "value": "Volume",
        "date": "Day",
    }
    result = read_metrics(bp, path, MetricsMapping(**guessed), sheet="Contacts")
    assert [(m.touchpoint_id, m.value, m.date) for m in result.added] == [
        ("t3", 310.0, "2026-11-02"),
        ("t2", 12.5, "2026-11-03"),
    ]
    assert result.source == "export.xlsx, sheet 'Contacts'"


def test_a_number_shown_as_a_percentage_is_read_as_shown(bp, tmp_path):
    """Excel keeps a cell typed as 12% as 0.12: it became the value 0.12 with no unit, where
    the text '12%' becomes 12 %."""
    path = write_xlsx(tmp_path / "rates.xlsx", [["touchpoint", "metric", "value"]])
    workbook = openpyxl.load_workbook(path)
    ws = workbook.active
    ws.append(["t1", "Completion rate", 0.12])
    ws.cell(2, 3).number_format = "0%"
    workbook.save(path)
    _, rows, _ = preview(path, None)
    assert rows == [(2, ["t1", "Completion rate", "12%"])]
    mapping = MetricsMapping(touchpoint="touchpoint", measure="metric", value="value")
    (measure,) = read_metrics(bp, path, mapping).added
    assert (measure.value, measure.unit) == (12.0, "%")


def test_a_semicolon_file_with_decimal_commas_is_read(bp, tmp_path):
    path = write_csv(tmp_path / "m.csv", "touchpoint;metric;value\nt1;NPS;-12,5\n")
    (nps,) = read_metrics(bp, path, BY_ID_MAPPING).added
    assert nps.value == -12.5


def test_a_file_with_decimal_commas_reads_a_dot_as_grouping_thousands(bp, tmp_path):
    """'1.200' in such a file is 1,200: it was read as 1.2, a thousand times too small, and
    '1.200,5' was refused for not writing decimals with a dot."""
    rows = "touchpoint;metric;value\nt1;Calls;1.200\nt1;Minutes;1.200,5\nt1;Rate;2.5\n"
    path = write_csv(tmp_path / "m.csv", rows)
    values = [m.value for m in read_metrics(bp, path, BY_ID_MAPPING).added]
    assert values == [1200.0, 1200.5, 2.5]


# --- files refused whole ---------------------------------------------------------------------


def refused(bp, path, mapping=BY_ID_MAPPING, sheet=None, error=XlsxError):
    with pytest.raises(error) as caught:
        read_metrics(bp, path, mapping, sheet)
    assert str(caught.value).startswith(str(path))
    return caught.value.problems


def test_formulas_in_a_mapped_column_refuse_the_file_by_row_and_column(bp, tmp_path):
    path = write_xlsx(
        tmp_path / "m.xlsx",
        [
            ["touchpoint", "metric", "value", "note"],
            ["t1", "Visits", 10, "=1+1"],  # a column not mapped: no matter
            ["t1", "Calls", "=C2*2", None],
            ["t2", "Calls", "=SUM(C2:C3)", None],
        ],
    )
    assert refused(bp, path) == [
        "row 3, column 'value': holds a formula (=C2*2); blueprint reads values, not formulas: "
        "copy the column and paste it back as values only",
        "row 4, column 'value': holds a formula (=SUM(C2:C3)); blueprint reads values, not "
        "formulas: copy the column and paste it back as values only",
    ]


def test_merged_cells_refuse_the_file(bp, tmp_path):
    path = write_xlsx(
        tmp_path / "m.xlsx",
        [["touchpoint", "metric", "value"], ["t1", "Calls", 1], [None, "Calls", 2]],
    )
    workbook = openpyxl.load_workbook(path)
    workbook.active.merge_cells("A2:A3")
    workbook.save(path)
    assert refused(bp, path) == [
        "Export: cells A2:A3 are merged; unmerge them and fill in every row (a merged cell "
        "holds its value in its first row only)"
    ]


def test_a_sheet_or_a_column_that_is_not_there_is_named(bp, tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", [["touchpoint", "metric", "amount"], ["t1", "x", 1]])
    assert refused(bp, path, sheet="Calls") == ["has no sheet 'Calls' (its sheets: 'Export')"]
    assert refused(bp, path) == [
        "sheet 'Export' has no column 'value' (its columns: 'touchpoint', 'metric', 'amount')"
    ]


@pytest.mark.parametrize(
    ("name", "data", "error", "words"),
    [
        ("m.xlsx", b"touchpoint,value\n", XlsxError, "is not an Excel workbook"),
        ("m.csv", b"\x00\x01binary", CsvError, "is a binary file"),
        ("m.csv", "touchpoint,value\nt1,1\n".encode("utf-16"), CsvError, "is encoded as UTF-16"),
    ],
)
def test_files_that_are_not_spreadsheets_are_refused(bp, tmp_path, name, data, error, words):
    path = tmp_path / name
    path.write_bytes(data)
    assert words in refused(bp, path, error=error)[0]


@pytest.mark.slow
def test_100000_rows_are_read_in_one_pass(bp, tmp_path):
    """Daily contact volumes: three touchpoints, a row per day for 91 years or so."""
    path = tmp_path / "daily.xlsx"
    workbook = openpyxl.Workbook(write_only=True)
    ws = workbook.create_sheet("Daily")
    ws.append(["touchpoint", "metric", "value", "date"])
    start = datetime.date(1950, 1, 1)
    for i in range(100_000):
        day = start + datetime.timedelta(days=i // 3)
        ws.append([f"t{i % 3 + 1}", "Contacts", i, day])
    workbook.save(path)
    mapping = MetricsMapping(touchpoint="touchpoint", measure="metric", value="value", date="date")
    result = read_metrics(bp, path, mapping)
    assert result.rows == 100_000 and len(result.added) == 100_000 and not result.unplaced
    assert result.added[-1].value == 99_999.0 and result.added[-1].touchpoint_id == "t1"


def test_next_months_figure_becomes_the_one_a_frequency_follows(bp, tmp_path):
    """Importing November beside October added November as a measure of its own, and the
    friction point went on following October, unsaid."""
    bp.measures = [
        Measure(
            id="m-oct",
            touchpoint_id="t3",
            name="Calls",
            value=700,
            period="month",
            date="2026-10-31",
        )
    ]
    friction = bp.frictions[0]
    friction.frequency = Frequency(count=700, per="month", source="measured", measure_id="m-oct")
    path = write_csv(
        tmp_path / "m.csv",
        "touchpoint,metric,value,date\nt3,Calls,650,2026-11-30\nt3,Calls,610,2026-09-30\n",
    )
    mapping = MetricsMapping(touchpoint="touchpoint", measure="metric", value="value", date="date")
    result = read_metrics(bp, path, mapping)
    assert sorted(m.date for m in result.added) == ["2026-09-30", "2026-11-30"]
    (refollow,) = result.refollowed
    november = next(m for m in result.added if m.date == "2026-11-30")
    assert refollow.new.measure_id == november.id and refollow.new.count == 650
    assert result.summary() == (
        "2 rows of m.csv: 2 measures added, 0 measures updated, 1 friction point follows them"
    )
    apply_metrics(bp, result)
    assert bp.frictions[0].frequency.count == 650


def test_the_order_of_day_and_month_is_read_from_the_date_column_alone(bp, tmp_path):
    """A note typed "13/5/2026" decided how the date column's 3/4/2026 was read, unsaid."""
    mapping = MetricsMapping(touchpoint="touchpoint", measure="metric", value="value", date="date")
    ambiguous = write_csv(
        tmp_path / "m.csv",
        "touchpoint,metric,value,date,note\n"
        "t1,Calls,1,3/4/2026,seen 13/5/2026\n"
        "t1,Calls,2,3/11/2026,13/5/2026\n",
    )
    result = read_metrics(bp, ambiguous, mapping)
    assert not result.added and len(result.unplaced) == 2
    assert "could be 2026-04-03 or 2026-03-04" in str(result.unplaced[0])
    shown = write_csv(
        tmp_path / "n.csv",
        "touchpoint,metric,value,date\nt1,Calls,1,3/4/2026\nt1,Calls,2,3/13/2026\n",
    )
    dates = sorted(m.date for m in read_metrics(bp, shown, mapping).added)
    assert dates == ["2026-03-04", "2026-03-13"]  # the month first, as 3/13 shows
