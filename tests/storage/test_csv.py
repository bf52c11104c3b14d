"""Spreadsheet round trip: export, import, injection-safe cells, row-and-column errors."""

import csv
import os

import pytest

from blueprint.model import ChannelKind
from blueprint.storage import CsvError, load_blueprint
from blueprint.storage.csvio import export_csv, import_csv, neutralise, restore
from tests.factories import small_blueprint


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path, header, rows, delimiter=","):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def names(bp, collection, ref_ids):
    by_id = {e.id: e.name for e in getattr(bp, collection)}
    return [by_id.get(i) for i in ref_ids]


#: The sheets hold today's values of every entity; the future state is not in them (yet).
NOT_IN_SHEETS = {"state", "future"}


def comparable_touchpoints(bp):
    stages = {s.id: s.name for s in bp.stages}
    channels = {c.id: c.name for c in bp.channels}
    personas = {p.id: p.name for p in bp.personas}
    return {
        t.id: {
            **t.model_dump(exclude={"stage_id", "channel_id", "persona_ids", *NOT_IN_SHEETS}),
            "stage": stages[t.stage_id],
            "channel": channels[t.channel_id],
            "personas": [personas[p] for p in t.persona_ids],
        }
        for t in bp.touchpoints
    }


def comparable_frictions(bp):
    channels = {c.id: c.name for c in bp.channels}
    reasons = {r.id: r for r in bp.contact_reasons}

    def reason_path(rid):
        if rid is None:
            return None
        reason = reasons[rid]
        parent = reasons.get(reason.parent_id) if reason.parent_id else None
        return (parent.name if parent else None, reason.name, reason.demand)

    # The sheets carry no measures, so no frequency taken from one: its count, period and
    # source are in them, the measure it follows is not.
    left_out = {"leads_to_channel_id": True, "contact_reason_id": True, "frequency": {"measure_id"}}
    return {
        f.id: {
            **f.model_dump(exclude=left_out | dict.fromkeys(NOT_IN_SHEETS, True)),
            "leads_to": channels.get(f.leads_to_channel_id),
            "reason": reason_path(f.contact_reason_id),
        }
        for f in bp.frictions
    }


def test_export_then_import_keeps_every_touchpoint_and_friction(sample_path, tmp_path):
    original = load_blueprint(sample_path)
    export_csv(original, tmp_path)
    imported = import_csv(tmp_path / "touchpoints.csv", tmp_path / "frictions.csv")
    assert comparable_touchpoints(imported) == comparable_touchpoints(original)
    assert comparable_frictions(imported) == comparable_frictions(original)
    used_stages = {t.stage_id for t in original.touchpoints}
    assert [s.name for s in imported.stages] == [
        s.name for s in original.stages if s.id in used_stages
    ]


def test_export_writes_the_three_sheets_first_with_headers(tmp_path):
    paths = export_csv(small_blueprint(), tmp_path)
    # Then one file for each other kind of entity: the folder holds the whole blueprint.
    assert [p.name for p in paths[:3]] == ["touchpoints.csv", "frictions.csv", "improvements.csv"]
    improvements = read_csv(tmp_path / "improvements.csv")
    assert improvements[0]["title"] == "Faster page"
    assert improvements[0]["friction_ids"] == "x1"
    frictions = read_csv(tmp_path / "frictions.csv")
    assert frictions[0]["leads_to_channel"] == "Phone"
    assert frictions[0]["contact_reason"] == "Orders > Where is my order"


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "'=x", "'"]
)
def test_formula_like_cells_are_neutralised_and_restored(text, tmp_path):
    assert neutralise(text).startswith("'")
    assert restore(neutralise(text)) == text
    bp = small_blueprint()
    bp.touchpoints[0].title = text
    bp.touchpoints[0].notes = text
    export_csv(bp, tmp_path)
    row = read_csv(tmp_path / "touchpoints.csv")[0]
    assert row["title"].startswith("'") and row["notes"].startswith("'")
    imported = import_csv(tmp_path / "touchpoints.csv")
    assert imported.touchpoints[0].title == text


def test_ordinary_cells_and_numbers_are_left_alone(tmp_path):
    bp = small_blueprint()
    bp.touchpoints[0].emotion = -2
    bp.touchpoints[0].title = "O'Brien's checkout"
    export_csv(bp, tmp_path)
    row = read_csv(tmp_path / "touchpoints.csv")[0]
    assert row["emotion"] == "-2" and row["title"] == "O'Brien's checkout"


def test_import_creates_stages_and_channels_with_default_steps(tmp_path):
    path = write_csv(
        tmp_path / "t.csv",
        ["Title", "Stage", "Channel", "Emotion", "EPIC easy"],
        [
            ["See ad", "Awareness", "Social media", "1", "4"],
            ["Order", "Purchase", "Mobile app", "", ""],
            ["Ask", "Purchase", "Drone hotline", "-1", "2"],
            ["Track", "Fulfilment", "mobile app", "", ""],
        ],
    )
    bp = import_csv(path)
    assert [s.name for s in bp.stages] == ["Awareness", "Purchase", "Fulfilment"]
    steps = {c.name: (c.kind, c.step) for c in bp.channels}
    assert steps == {
        "Mobile app": (ChannelKind.SELF_SERVICE, 4),
        "Social media": (ChannelKind.ASSISTED_DIGITAL, 2),
        "Drone hotline": (ChannelKind.ASSISTED_DIGITAL, 2),
    }
    assert bp.channels[0].name == "Mobile app", "best stairway step on top"
    assert bp.touchpoints[0].emotion == 1 and bp.touchpoints[0].epic.easy == 4


def test_semicolon_separated_spreadsheets_are_read(tmp_path):
    path = write_csv(
        tmp_path / "t.csv",
        ["title", "stage", "channel", "duration_minutes"],
        [["Pay", "Purchase", "Website", "2,5"]],
        delimiter=";",
    )
    assert import_csv(path).touchpoints[0].duration_minutes == 2.5


def test_frictions_find_their_touchpoint_by_title(tmp_path):
    tps = write_csv(
        tmp_path / "t.csv", ["title", "stage", "channel"], [["Pay", "Purchase", "Website"]]
    )
    frs = write_csv(
        tmp_path / "f.csv",
        [
            "title",
            "touchpoint",
            "kind",
            "severity",
            "frequency_count",
            "frequency_per",
            "frequency_source",
            "leads_to_channel",
            "gives_up",
        ],
        [["Card declined", "pay", "failure", "4", "30", "week", "measured", "Phone", "yes"]],
    )
    bp = import_csv(tps, frs)
    (friction,) = bp.frictions
    assert friction.touchpoint_id == bp.touchpoints[0].id
    assert friction.frequency.count == 30 and friction.frequency.per == "week"
    assert friction.gives_up is True
    assert next(c for c in bp.channels if c.id == friction.leads_to_channel_id).step == 1


def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_imported(tmp_path):
    tps = write_csv(
        tmp_path / "t.csv",
        ["title", "stage", "channel", "emotion", "epic_easy"],
        [
            ["Pay", "Purchase", "Website", "3", ""],
            ["", "Purchase", "Website", "", ""],
            ["Track", "Delivery", "App", "", "nine"],
        ],
    )
    frs = write_csv(
        tmp_path / "f.csv",
        ["title", "touchpoint", "severity", "kind"],
        [["Slow", "Pay", "5", "annoying"], ["Lost", "Nowhere", "2", "failure"]],
    )
    with pytest.raises(CsvError) as caught:
        import_csv(tps, frs)
    problems = caught.value.problems
    assert "t.csv row 2, column 'emotion': must be a whole number from -2 to 2 (got '3')" in (
        problems
    )
    assert any(p.startswith("t.csv row 3, column 'title': is empty") for p in problems)
    assert "t.csv row 4, column 'epic_easy': must be a number (got 'nine')" in problems
    assert any(p.startswith("f.csv row 2, column 'severity'") for p in problems)
    assert any(p.startswith("f.csv row 2, column 'kind': must be one of") for p in problems)
    assert any(p.startswith("f.csv row 3, column 'touchpoint'") for p in problems)
    assert len(problems) == 6


def test_missing_required_columns(tmp_path):
    path = write_csv(tmp_path / "t.csv", ["name", "stage"], [["x", "y"]])
    with pytest.raises(CsvError, match="has no column 'title', 'channel'"):
        import_csv(path)


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "no header row"),
        (b"title,stage\x00", "binary"),
        (b"title,stage,channel\nCaf\x81,a,b\n", "not UTF-8"),  # nor Windows-1252
        # UTF-8 with one stray byte: read as Windows-1252, every accent would garble
        ("title,stage,channel\nCafé,a,b\n".encode() + b"\xe9\n", "not UTF-8 text .line 3"),
        ("title,stage,channel\nCafé,a,b\n".encode("utf-16"), "is encoded as UTF-16"),
    ],
)
def test_unreadable_spreadsheets(tmp_path, data, words):
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    with pytest.raises(CsvError, match=words):
        import_csv(path)


def test_a_file_excel_saved_as_plain_csv_is_read_as_windows_1252(tmp_path):
    """Excel's "CSV (Comma delimited)" writes the ANSI code page, not UTF-8: such a file,
    a contact centre's export in Europe, was refused."""
    path = tmp_path / "t.csv"
    path.write_bytes("title;stage;channel\nCafé à 5 €;Achat;Téléphone\n".encode("cp1252"))
    bp = import_csv(path)
    assert [t.title for t in bp.touchpoints] == ["Café à 5 €"]
    assert [c.name for c in bp.channels] == ["Téléphone"]


def test_duplicate_ids_in_rows_are_reported(tmp_path):
    path = write_csv(
        tmp_path / "t.csv",
        ["id", "title", "stage", "channel"],
        [["a1", "One", "S", "C"], ["a1", "Two", "S", "C"]],
    )
    with pytest.raises(CsvError, match="row 3, column 'id'"):
        import_csv(path)


def test_names_over_the_length_limit_are_reported_by_row(tmp_path):
    path = write_csv(
        tmp_path / "t.csv",
        ["title", "stage", "channel"],
        [["Pay", "S" * 600, "Web"], ["Ok", "Purchase", "Web"]],
    )
    with pytest.raises(CsvError) as caught:
        import_csv(path)
    assert caught.value.problems == [
        "t.csv row 2, column 'stage': is too long (at most 500 characters)"
    ]


def test_a_thousands_separator_is_refused_not_read_as_a_decimal(tmp_path):
    tps = write_csv(tmp_path / "t.csv", ["title", "stage", "channel"], [["Pay", "P", "Web"]])
    frs = write_csv(
        tmp_path / "f.csv",
        ["title", "touchpoint", "frequency_count"],
        [["Declined", "Pay", "1,200"]],
    )
    with pytest.raises(CsvError, match="column 'frequency_count': must be a number written"):
        import_csv(tps, frs)


def test_huge_cells_survive_the_round_trip(tmp_path):
    bp = small_blueprint()
    bp.touchpoints[0].notes = "word " * 50_000  # 250,000 characters in one cell
    export_csv(bp, tmp_path)
    assert import_csv(tmp_path / "touchpoints.csv").touchpoints[0].notes == bp.touchpoints[0].notes


def test_excel_separator_line_and_leading_blank_lines(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("\n\nsep=;\ntitle;stage;channel;wait_minutes\nPay;Purchase;Web;1,5\n")
    bp = import_csv(path)
    assert bp.touchpoints[0].title == "Pay" and bp.touchpoints[0].wait_minutes == 1.5


def test_a_misspelt_column_is_reported_not_silently_dropped(tmp_path):
    path = write_csv(
        tmp_path / "t.csv",
        ["title", "stage", "channel", "custmer_action", "mine"],
        [["Pay", "P", "Web", "Taps pay", "my own column"]],
    )
    with pytest.raises(CsvError) as caught:
        import_csv(path)
    assert caught.value.problems == [
        "t.csv: column 'custmer_action' is not one blueprint reads; did you mean 'customer_action'?"
    ]


def test_a_misspelt_required_column_is_named_with_the_one_it_may_mean(tmp_path):
    path = write_csv(tmp_path / "t.csv", ["titel", "stage", "channel"], [["Pay", "P", "Web"]])
    with pytest.raises(CsvError) as caught:
        import_csv(path)
    assert caught.value.problems == [
        "t.csv: column 'titel' is not one blueprint reads; did you mean 'title'?",
        "t.csv: has no column 'title' (the header is its first row)",
    ]


def test_a_title_shared_by_two_touchpoints_is_named_with_its_rows(tmp_path):
    tps = write_csv(
        tmp_path / "t.csv",
        ["title", "stage", "channel"],
        [["Pay", "P", "Web"], ["Pay", "P", "App"]],
    )
    frs = write_csv(
        tmp_path / "f.csv",
        ["title", "touchpoint", "frequency_per"],
        [["Declined", "Pay", "weekly"]],
    )
    with pytest.raises(CsvError) as caught:
        import_csv(tps, frs)
    assert caught.value.problems == [
        "f.csv row 2, column 'touchpoint': 2 touchpoints are titled 'Pay' (touchpoint rows 2, "
        "3); give the one you mean in touchpoint_id",
        "f.csv row 2, column 'frequency_per': must be one of day, week, month, quarter, year "
        "(got 'weekly')",
    ]


def test_an_unknown_touchpoint_id_falls_back_to_the_title(tmp_path):
    tps = write_csv(tmp_path / "t.csv", ["title", "stage", "channel"], [["Pay", "P", "Web"]])
    frs = write_csv(
        tmp_path / "f.csv",
        ["title", "touchpoint_id", "touchpoint"],
        [["Declined", "old-id-7", "Pay"]],
    )
    bp = import_csv(tps, frs)
    assert bp.frictions[0].touchpoint_id == bp.touchpoints[0].id


def test_a_pipe_is_refused_without_waiting(tmp_path):
    path = tmp_path / "t.csv"
    os.mkfifo(path)
    with pytest.raises(CsvError, match="not a regular file"):
        import_csv(path)


def test_a_missing_sheet_says_so(tmp_path):
    with pytest.raises(CsvError, match="there is no such file"):
        import_csv(tmp_path / "nope.csv")


def test_a_frequency_range_goes_out_and_comes_back(tmp_path):
    bp = small_blueprint()
    bp.frictions[0].frequency.low = 2.5
    bp.frictions[0].frequency.high = 40
    export_csv(bp, tmp_path)
    row = read_csv(tmp_path / "frictions.csv")[0]
    assert (row["frequency_low"], row["frequency_high"]) == ("2.5", "40")
    assert read_csv(tmp_path / "frictions.csv")[1]["frequency_low"] == ""
    back = import_csv(tmp_path / "touchpoints.csv", tmp_path / "frictions.csv")
    assert (back.frictions[0].frequency.low, back.frictions[0].frequency.high) == (2.5, 40)
    assert back.frictions[1].frequency.low is None


def test_a_low_count_above_the_high_is_reported_by_row(tmp_path):
    tps = write_csv(
        tmp_path / "t.csv", ["title", "stage", "channel"], [["Pay", "Purchase", "Website"]]
    )
    frs = write_csv(
        tmp_path / "f.csv",
        ["title", "touchpoint", "frequency_count", "frequency_low", "frequency_high"],
        [["Card declined", "Pay", "30", "50", "20"]],
    )
    with pytest.raises(CsvError) as caught:
        import_csv(tps, frs)
    assert caught.value.problems == [
        "f.csv row 2, column 'frequency_high': is 20, below frequency_low (50); "
        "the low count must be at most the high"
    ]


def test_a_sheet_made_by_hand_with_ids_and_a_few_columns_is_read(tmp_path):
    """Only an export's sheet must keep every column: one typed by hand with an id and
    four columns is read, the rest at their defaults."""
    path = write_csv(
        tmp_path / "t.csv",
        ["id", "title", "stage", "channel"],
        [["a1", "One", "Purchase", "Web"], ["a2", "Two", "Purchase", "Phone"]],
    )
    bp = import_csv(path)
    assert [(t.id, t.title) for t in bp.touchpoints] == [("a1", "One"), ("a2", "Two")]
