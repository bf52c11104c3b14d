"""Whatever the bytes, loading gives a blueprint or one typed error with a clear message."""

import errno
import json
import os

import pytest

from blueprint.model.templates import new_blueprint
from blueprint.storage import (
    BinaryFileError,
    DuplicateKeyError,
    EmptyFileError,
    EncodingError,
    FileTooLargeError,
    InvalidBlueprintError,
    LoadError,
    MalformedJSONError,
    NestingTooDeepError,
    NewerVersionError,
    NotABlueprintError,
    UnsupportedNumberError,
    dumps_blueprint,
    jsonfile,
    load_blueprint,
    loads_blueprint,
)
from blueprint.storage import atomic as atomic_module
from tests.factories import small_blueprint

VALID = dumps_blueprint(small_blueprint())


def document() -> dict:
    return json.loads(VALID)


def encode(doc: dict) -> bytes:
    return json.dumps(doc).encode()


def load_error(data: bytes, tmp_path) -> LoadError:
    path = tmp_path / "x.blueprint"
    path.write_bytes(data)
    with pytest.raises(LoadError) as caught:
        load_blueprint(path)
    assert str(path) in str(caught.value), "the message names the file"
    return caught.value


def test_empty_file(tmp_path):
    error = load_error(b"", tmp_path)
    assert isinstance(error, EmptyFileError) and "is empty" in str(error)


def test_whitespace_only_file_is_empty(tmp_path):
    assert isinstance(load_error(b"  \n\t\n", tmp_path), EmptyFileError)


def test_nul_bytes(tmp_path):
    error = load_error(VALID[:40] + b"\x00\x00" + VALID[40:], tmp_path)
    assert isinstance(error, BinaryFileError) and "binary" in str(error)


def test_truncated_json(tmp_path):
    error = load_error(VALID[: len(VALID) // 2], tmp_path)
    assert isinstance(error, MalformedJSONError) and "cut short" in str(error)


def test_cut_inside_a_text_says_where_in_plain_words(tmp_path):
    text = VALID.decode()
    cut = text.index('"stages"') + 3  # in the middle of a key
    error = load_error(text[:cut].encode(), tmp_path)
    assert isinstance(error, MalformedJSONError) and "cut short" in str(error)
    assert "Unterminated string starting at line " in str(error)
    assert " at at " not in str(error)


def test_truncated_between_values(tmp_path):
    text = VALID.decode()
    cut = text.index('"stages"')
    error = load_error(text[:cut].encode(), tmp_path)
    assert isinstance(error, MalformedJSONError) and "cut short" in str(error)


def test_csv_is_not_json(tmp_path):
    error = load_error(b"title,stage,channel\nCheckout,Purchase,Web\n", tmp_path)
    assert isinstance(error, MalformedJSONError)
    assert "not a blueprint file: it is not JSON" in str(error)
    assert "line 1, column 1" in str(error)


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        (
            "plan.xlsx",
            b"PK\x03\x04\x00\x00",
            "is an Excel workbook, not a blueprint: import it "
            "with File › Import from Excel… (blueprint import-xlsx)",
        ),
        (
            "calls.csv",
            b"a,b\n1,2\n",
            "is a CSV file, not a blueprint: import it with blueprint "
            "import-csv, or as metrics with File › Import Metrics…",
        ),
        (
            "plan.ods",
            b"PK\x03\x04\x00\x00",
            "is an OpenDocument spreadsheet, not a blueprint: save it from its program as an "
            "Excel workbook (.xlsx), then import that with File › Import from Excel… "
            "(blueprint import-xlsx)",
        ),
        (
            "plan.pdf",
            b"%PDF-1.4\n\x00",
            "is a PDF (a plan?), not a blueprint: open the .blueprint file it was made from",
        ),
    ],
)
def test_a_workbook_or_a_plan_opened_as_a_blueprint_says_what_to_do(tmp_path, name, data, said):
    """Opening the workbook one exported said "is a binary file (it contains NUL bytes)",
    pointing nowhere."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError) as caught:
        load_blueprint(path)
    assert str(caught.value) == f"{path}: {said}"


def test_broken_json_says_where(tmp_path):
    error = load_error(b'{"format": "blueprint",\n "title": "a" "b"}', tmp_path)
    assert isinstance(error, MalformedJSONError) and "line 2" in str(error)


@pytest.mark.parametrize(
    "root, words", [(b"[]", "a list"), (b'"x"', "a string"), (b"42", "a number"), (b"null", "null")]
)
def test_wrong_root_type(tmp_path, root, words):
    error = load_error(root, tmp_path)
    assert isinstance(error, NotABlueprintError) and f"top level is {words}" in str(error)


def test_json_object_without_the_marker(tmp_path):
    error = load_error(b'{"name": "package.json"}', tmp_path)
    assert isinstance(error, NotABlueprintError) and '"format": "blueprint"' in str(error)


def test_latin1_file_is_a_wrong_encoding(tmp_path):
    doc = document()
    doc["title"] = "Café crème"
    error = load_error(json.dumps(doc, ensure_ascii=False).encode("latin-1"), tmp_path)
    assert isinstance(error, EncodingError) and "not valid UTF-8" in str(error)


def test_utf16_file_is_a_wrong_encoding(tmp_path):
    error = load_error(VALID.decode().encode("utf-16"), tmp_path)
    assert isinstance(error, EncodingError) and "UTF-16" in str(error)


def test_utf8_bom_is_accepted():
    assert loads_blueprint(b"\xef\xbb\xbf" + VALID) == small_blueprint()


def test_lone_surrogate_escape(tmp_path):
    doc = document()
    doc["title"] = "PLACEHOLDER"
    data = encode(doc).replace(b"PLACEHOLDER", b"\\ud800")
    assert isinstance(load_error(data, tmp_path), EncodingError)


def test_escaped_emoji_pairs_are_fine():
    doc = document()
    doc["title"] = "PLACEHOLDER"
    data = encode(doc).replace(b"PLACEHOLDER", b"\\ud83d\\ude00 ok")
    assert loads_blueprint(data).title == "\U0001f600 ok"


def test_absurd_nesting(tmp_path):
    data = b'{"format": "blueprint", "schema_version": 1, "title": ' + b"[" * 200_000
    data += b"]" * 200_000 + b"}"
    error = load_error(data, tmp_path)
    assert isinstance(error, NestingTooDeepError) and "nested" in str(error)


def test_six_thousand_digit_number(tmp_path):
    data = VALID.replace(b'"severity": 3', b'"severity": ' + b"7" * 6000)
    assert data != VALID
    error = load_error(data, tmp_path)
    assert isinstance(error, UnsupportedNumberError) and "digits" in str(error)


@pytest.mark.parametrize("constant", [b"NaN", b"Infinity", b"-Infinity"])
def test_nan_and_infinity(tmp_path, constant):
    data = VALID.replace(b'"count": 20.0', b'"count": ' + constant)
    assert data != VALID
    error = load_error(data, tmp_path)
    assert isinstance(error, UnsupportedNumberError) and constant.decode() in str(error)


def test_float_overflowing_to_infinity(tmp_path):
    data = VALID.replace(b'"count": 20.0', b'"count": 1e999')
    error = load_error(data, tmp_path)
    assert isinstance(error, InvalidBlueprintError) and "finite" in str(error)


def test_a_1_gb_file_is_refused_from_its_size_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.blueprint"
    with open(path, "wb") as handle:  # sparse: 1 GiB on paper, nothing on disk
        handle.truncate(2**30)
    read = []
    real_fdopen = atomic_module.os.fdopen

    def spying_fdopen(*args, **kwargs):
        handle = real_fdopen(*args, **kwargs)
        real_read = handle.read
        handle.read = lambda *a: read.append(a) or real_read(*a)
        return handle

    monkeypatch.setattr(atomic_module.os, "fdopen", spying_fdopen)
    with pytest.raises(FileTooLargeError) as caught:
        load_blueprint(path)
    assert read == [], "the file was read"
    assert str(caught.value) == (
        f"{path}: is too large to be a blueprint (1024.0 MiB; the limit is 256 MiB)"
    )


def test_reading_stops_at_the_limit_if_the_file_grows(tmp_path, monkeypatch):
    path = tmp_path / "growing.blueprint"
    path.write_bytes(VALID)
    monkeypatch.setattr(jsonfile, "MAX_FILE_BYTES", 100)
    with pytest.raises(FileTooLargeError):
        load_blueprint(path)


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    path = tmp_path / "pipe.blueprint"
    os.mkfifo(path)
    with pytest.raises(LoadError, match="not a regular file"):
        load_blueprint(path)


def test_a_device_is_refused_without_reading_it():
    with pytest.raises(LoadError, match="not a regular file"):
        load_blueprint("/dev/zero")


def test_a_key_repeated_in_one_object_is_refused(tmp_path):
    text = VALID.decode().replace('  "title": "Small",\n', '  "title": "A",\n  "title": "B",\n')
    error = load_error(text.encode(), tmp_path)
    assert isinstance(error, DuplicateKeyError) and 'repeats the key "title"' in str(error)


def test_git_merge_conflicts_are_named(tmp_path):
    text = VALID.decode().replace(
        '  "title": "Small",\n',
        '<<<<<<< HEAD\n  "title": "Small",\n=======\n  "title": "Tiny",\n>>>>>>> branch\n',
    )
    error = load_error(text.encode(), tmp_path)
    assert isinstance(error, MalformedJSONError) and "merge conflict markers" in str(error)


def test_newer_schema_version(tmp_path):
    doc = document()
    doc["schema_version"] = 99
    doc["hologram"] = {"new": "feature"}
    error = load_error(encode(doc), tmp_path)
    assert isinstance(error, NewerVersionError)
    assert "made by a newer version of Blueprint" in str(error)


@pytest.mark.parametrize("version", ["1", True, None, 1.5])
def test_schema_version_must_be_a_whole_number(tmp_path, version):
    doc = document()
    doc["schema_version"] = version
    assert isinstance(load_error(encode(doc), tmp_path), NotABlueprintError)


def test_impossible_schema_version(tmp_path):
    doc = document()
    doc["schema_version"] = 0
    assert isinstance(load_error(encode(doc), tmp_path), NotABlueprintError)


def test_unknown_fields(tmp_path):
    doc = document()
    doc["touchpoints"][0]["colour"] = "red"
    error = load_error(encode(doc), tmp_path)
    assert isinstance(error, InvalidBlueprintError)
    assert "touchpoint \"Checkout\" (id t1), field 'colour': is not a field" in str(error)


def test_duplicate_ids(tmp_path):
    doc = document()
    doc["frictions"][1]["id"] = doc["frictions"][0]["id"]
    error = load_error(encode(doc), tmp_path)
    assert isinstance(error, InvalidBlueprintError) and "same id" in str(error)
    assert len(error.problems) == 1


def test_dangling_references(tmp_path):
    doc = document()
    doc["improvements"][0]["friction_ids"] = ["gone"]
    doc["flows"][0]["to_id"] = "nowhere"
    error = load_error(encode(doc), tmp_path)
    assert isinstance(error, InvalidBlueprintError) and len(error.problems) == 2
    assert 'friction point id "gone"' in str(error) and 'touchpoint id "nowhere"' in str(error)


@pytest.mark.parametrize(
    "path, value, words",
    [
        (("frictions", 0, "severity"), "high", "must be a whole number"),
        (("frictions", 0, "gives_up"), "yes", "must be true or false"),
        (("touchpoints", 0, "title"), 42, "must be text"),
        (("stages",), {"a": 1}, "must be a list"),
        (("channels", 0, "kind"), "pigeon", "must be one of"),
        (("personas", 0, "value_weight"), 9, "must be at most 2"),
    ],
)
def test_values_of_the_wrong_type(tmp_path, path, value, words):
    doc = document()
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    error = load_error(encode(doc), tmp_path)
    assert isinstance(error, InvalidBlueprintError) and words in str(error)


def test_many_problems_are_summarised_but_all_kept(tmp_path):
    doc = document()
    doc["touchpoints"] = [
        {"id": f"t{i}", "title": "T", "stage_id": "nope", "channel_id": "web"} for i in range(50)
    ]
    doc["flows"], doc["frictions"], doc["improvements"] = [], [], []
    error = load_error(encode(doc), tmp_path)
    assert len(error.problems) == 50 and "and 30 more problems" in str(error)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_blueprint(tmp_path / "absent.blueprint")
    with pytest.raises(LoadError, match="folder"):
        load_blueprint(tmp_path)


def test_unreadable_file(tmp_path, monkeypatch):
    # Simulated: the tests may run as root, who can read any file.
    path = tmp_path / "locked.blueprint"
    path.write_bytes(VALID)

    def denied(*args):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(atomic_module.os, "open", denied)
    with pytest.raises(LoadError) as caught:
        load_blueprint(path)
    # Not "read-only": that is what a file one may read but not change is.
    assert str(caught.value) == (
        f"{path}: cannot open: permission denied (you may not read the file, or open its folder)"
    )


def test_entities_in_a_file_must_carry_their_id(tmp_path):
    doc = document()
    del doc["touchpoints"][1]["id"]
    error = load_error(encode(doc), tmp_path)
    assert "touchpoint \"Call about order\", field 'id': is required" in str(error)


def test_blank_names_are_refused(tmp_path):
    doc = document()
    doc["stages"][0]["name"] = "   "
    error = load_error(encode(doc), tmp_path)
    assert "field 'name': must not be blank" in str(error)


@pytest.mark.parametrize("effort", [5.0, True, "5"])
def test_effort_is_a_whole_number_of_points(tmp_path, effort):
    doc = document()
    doc["improvements"][0]["effort"] = effort
    assert isinstance(load_error(encode(doc), tmp_path), InvalidBlueprintError)


def test_bytes_over_the_size_limit_are_refused(monkeypatch):
    monkeypatch.setattr(jsonfile, "MAX_FILE_BYTES", 1000)
    with pytest.raises(FileTooLargeError):
        loads_blueprint(VALID)


def test_a_valid_template_loads():
    assert loads_blueprint(dumps_blueprint(new_blueprint())) == new_blueprint()


def test_a_frequency_range_is_kept_and_a_low_above_the_high_is_refused_by_name():
    doc = document()
    doc["frictions"][0]["frequency"].update(low=5.0, high=40.0)
    bp = loads_blueprint(encode(doc))
    assert (bp.frictions[0].frequency.low, bp.frictions[0].frequency.high) == (5, 40)
    assert loads_blueprint(dumps_blueprint(bp)) == bp
    doc["frictions"][0]["frequency"].update(low=50.0, high=40.0, count=45.0)
    doc["frictions"][1]["frequency"] = {"count": 3.0, "low": -1.0}
    with pytest.raises(InvalidBlueprintError) as caught:
        loads_blueprint(encode(doc))
    messages = [str(p) for p in caught.value.problems]
    assert messages == [
        "friction point \"Slow page\" (id x1), field 'frequency': must have its low count (50) "
        "at most its high count (40)",
        "friction point \"Long hold\" (id x2), field 'frequency.low': must be at least 0.0",
    ]
