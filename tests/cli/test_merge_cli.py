"""`blueprint diff`, `show`, `git-diff` and `merge` as commands: output, exit codes, files
that are refused."""

import json

import pytest

from blueprint.cli import main
from blueprint.model import Stage
from blueprint.storage import dumps_blueprint, load_blueprint, save_blueprint
from tests.changes.edits import remove_with_attached
from tests.conftest import ROOT
from tests.factories import small_blueprint


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def saved(folder, bp, name):
    path = folder / name
    save_blueprint(bp, path)
    return path


@pytest.fixture
def versions(tmp_path):
    base = small_blueprint()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.touchpoints[0].title = "Pay online"
    theirs.frictions[1].severity = 4
    return tuple(
        saved(tmp_path, bp, f"{n}.blueprint")
        for n, bp in (("base", base), ("ours", ours), ("theirs", theirs))
    )


def test_diff_lists_changes_in_words_and_as_json(capsys, versions):
    base, ours, _ = versions
    code, out, err = run(capsys, "diff", base, ours)
    assert (code, err) == (0, "")
    assert out == "Touchpoint 'Pay online': title 'Checkout' -> 'Pay online'\n"
    code, out, _ = run(capsys, "diff", base, ours, "--format", "json")
    document = json.loads(out)
    assert code == 0 and document["changes"][0]["fields"][0]["after"] == "Pay online"
    code, out, _ = run(capsys, "diff", base, base)
    assert (code, out) == (0, "No differences.\n")


def test_show_prints_a_blueprint_as_lines(capsys, versions):
    code, out, _ = run(capsys, "show", versions[0])
    assert code == 0 and out.startswith("Blueprint 'Small'\n")
    assert "Friction point 'Long hold' (id x2)\n  touchpoint: Call about order\n" in out


def test_show_as_textconv_prints_a_broken_file_as_it_is(capsys, tmp_path):
    broken = tmp_path / "broken.blueprint"
    broken.write_text('{"format": "blueprint",\n<<<<<<< HEAD\n', encoding="utf-8")
    code, _, err = run(capsys, "show", broken)
    assert code == 1 and "merge conflict markers" in err
    code, out, _ = run(capsys, "show", "--textconv", broken)
    assert code == 0
    assert out.splitlines()[0].startswith("(not a readable blueprint: contains merge conflict")
    assert out.endswith("<<<<<<< HEAD\n")


def test_git_diff_takes_gits_seven_arguments(capsys, versions):
    base, ours, _ = versions
    code, out, _ = run(
        capsys, "git-diff", "plan.blueprint", base, "1" * 40, "100644", ours, "2" * 40, "100644"
    )
    assert code == 0
    assert out.splitlines() == [
        "diff --blueprint a/plan.blueprint b/plan.blueprint",
        "Touchpoint 'Pay online': title 'Checkout' -> 'Pay online'",
    ]
    code, out, _ = run(
        capsys, "git-diff", "plan.blueprint", "/dev/null", ".", ".", ours, "1", "100644"
    )
    assert out.splitlines()[1] == "New blueprint 'Small'"
    code, _, err = run(capsys, "git-diff", "a", "b")
    assert code == 2 and "7 arguments" in err


def test_merge_clean(capsys, versions, tmp_path):
    out_path = tmp_path / "merged.blueprint"
    code, out, err = run(capsys, "merge", *versions, "-o", out_path)
    assert (code, err) == (0, "")
    assert out == f"Merged {out_path}: no conflicts.\n"
    merged = load_blueprint(out_path)
    assert (merged.touchpoints[0].title, merged.frictions[1].severity) == ("Pay online", 4)


def test_merge_with_conflicts_exits_1_and_names_each(capsys, tmp_path):
    base = small_blueprint()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.touchpoints[1].title, theirs.touchpoints[1].title = "Call us", "Phone us"
    remove_with_attached(ours, {"t3"})
    theirs.touchpoints[2].emotion = -2
    paths = [
        saved(tmp_path, bp, f"{n}.blueprint")
        for n, bp in (("base", base), ("ours", ours), ("theirs", theirs))
    ]
    code, out, err = run(capsys, "merge", *paths, "-o", paths[1], "--name", "plan.blueprint")
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "Merged plan.blueprint with 2 conflicts recorded in the file (open it in blueprint to "
        "decide each):",
        "  Touchpoint 'Call us': title kept 'Call us' (ours.blueprint); theirs.blueprint "
        "wanted 'Phone us'",
        "  Touchpoint 'Complain': deleted by ours.blueprint, kept as theirs.blueprint has it "
        "(it changed emotion)",
    ]
    merged = load_blueprint(paths[1])
    assert len(merged.conflicts) == 2


def test_merge_to_standard_output(capsys, versions):
    code, out, err = run(capsys, "merge", *versions)
    assert code == 0 and err == "Merged standard output: no conflicts.\n"
    assert load_blueprint(versions[1]).touchpoints[0].title == "Pay online"  # untouched
    assert out.startswith('{\n  "format": "blueprint"')


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"format": "blueprint", "schema_version": 99}', "made by a newer version of Blueprint"),
        ('{"name": "a list of things"}', "not a blueprint"),
        ('{"format": "blueprint", "schema_', "cut short"),
        (None, "there is no such file"),
    ],
    ids=["newer", "not a blueprint", "broken", "missing"],
)
def test_a_merge_with_an_input_that_is_not_a_blueprint_is_refused(
    capsys, versions, tmp_path, content, reason
):
    base, ours, _ = versions
    theirs = tmp_path / "refused.blueprint"
    if content is not None:
        theirs.write_text(content, encoding="utf-8")
    before = ours.read_bytes()
    code, out, err = run(
        capsys, "merge", base, ours, theirs, "-o", ours, "--name", "plan.blueprint"
    )
    assert code == 2 and out == ""
    assert err.startswith("blueprint: error: cannot merge: plan.blueprint (theirs): ")
    assert reason in err and err.endswith("; plan.blueprint is left as it was\n")
    assert len(err.splitlines()) == 1
    assert ours.read_bytes() == before


def test_an_empty_base_is_two_files_added_on_both_sides(capsys, tmp_path, versions):
    empty = tmp_path / "empty.blueprint"
    empty.write_bytes(b"")
    _, ours, theirs = versions
    out_path = tmp_path / "merged.blueprint"
    code, _, _ = run(capsys, "merge", empty, ours, theirs, "-o", out_path)
    merged = load_blueprint(out_path)
    assert code == 1  # both added the same entities, some differently
    assert {c.field for c in merged.conflicts} == {"title", "severity"}
    assert dumps_blueprint(merged).count(b'"id": "t1"') == 1


def test_a_merge_that_cannot_be_made_valid_writes_nothing(capsys, tmp_path, monkeypatch):
    # Without its repairs, two stages added with one name cannot be merged into a valid file.
    monkeypatch.setattr("blueprint.changes.merge_repairs.repair", lambda merge: None)
    base = small_blueprint()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.stages.append(Stage(id="s-ours", name="Install"))
    theirs.stages.append(Stage(id="s-theirs", name="Install"))
    paths = [
        saved(tmp_path, bp, f"{n}.blueprint")
        for n, bp in (("base", base), ("ours", ours), ("theirs", theirs))
    ]
    before = paths[1].read_bytes()
    code, out, err = run(capsys, "merge", *paths, "-o", paths[1], "--name", "plan.blueprint")
    assert (code, out) == (2, "")
    assert err.startswith(
        "blueprint: error: cannot merge: plan.blueprint: the two versions could not be merged "
        "into a valid blueprint: stage \"Install\" (id s-theirs), field 'name': has the same name"
    )
    assert paths[1].read_bytes() == before


# --- the review's cases, as a user makes them: JSON edited by hand, then the command ---------

BROADBAND = ROOT / "samples" / "broadband-installation.blueprint"


def edited_copy(folder, name, edit):
    data = json.loads(BROADBAND.read_text(encoding="utf-8"))
    edit(data)
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_card_moved_to_another_column_and_another_row_is_one_conflict(capsys, tmp_path):
    ours = edited_copy(
        tmp_path, "o4.blueprint", lambda d: d["touchpoints"][3].update(stage_id="stage-purchase")
    )
    theirs = edited_copy(
        tmp_path, "t4.blueprint", lambda d: d["touchpoints"][3].update(channel_id="ch-mobile-app")
    )
    out_path = tmp_path / "r4.blueprint"
    code, out, _ = run(capsys, "merge", BROADBAND, ours, theirs, "-o", out_path)
    assert code == 1
    assert out.splitlines() == [
        f"Merged {out_path} with 1 conflict recorded in the file (open it in blueprint to "
        "decide each):",
        "  Touchpoint 'Asks Nova about router, landline and contract': cell kept Purchase / "
        "Chatbot / virtual agent (o4.blueprint); t4.blueprint wanted Interest / Mobile app",
    ]
    [conflict] = load_blueprint(out_path).conflicts
    assert conflict.other == {"stage_id": "stage-interest", "channel_id": "ch-mobile-app"}


def test_a_count_changed_with_its_period_on_both_sides_is_one_conflict(capsys, tmp_path):
    def per(count, period):
        return lambda d: d["frictions"][0]["frequency"].update(count=count, per=period)

    ours = edited_copy(tmp_path, "of.blueprint", per(10, "week"))
    theirs = edited_copy(tmp_path, "tf.blueprint", per(99, "year"))
    out_path = tmp_path / "rf.blueprint"
    code, out, _ = run(capsys, "merge", BROADBAND, ours, theirs, "-o", out_path)
    assert code == 1
    assert out.splitlines()[1:] == [
        "  Friction point 'Address missing from the coverage list': frequency kept 10 a week, "
        "estimated (of.blueprint); tf.blueprint wanted 99 a year, estimated",
    ]


def test_diff_shows_how_values_that_look_alike_differ(capsys, tmp_path):
    def before(d):
        d["channels"][0]["cost_per_contact"] = 1.2345678
        d["touchpoints"][0]["notes"] = "a\r\nb"

    def after(d):
        d["channels"][0]["cost_per_contact"] = 1.2345679
        d["touchpoints"][0]["notes"] = "a\nb"

    a = edited_copy(tmp_path, "d1.blueprint", before)
    b = edited_copy(tmp_path, "d2.blueprint", after)
    code, out, _ = run(capsys, "diff", a, b)
    assert code == 0
    assert out.splitlines() == [
        "Channel 'Website / account': cost per contact 1.2345678 -> 1.2345679",
        "Touchpoint 'Sees 'full fibre now in your street' ad': notes line endings CRLF -> LF",
    ]


def test_a_side_named_alone_by_hand_leaves_the_other_its_files_name(capsys, tmp_path, monkeypatch):
    """--theirs-name alone named ours after the git branch of the folder the command was
    run in (or "ours"); --help promises the file's name."""
    monkeypatch.delenv("GIT_EXEC_PATH", raising=False)
    base = small_blueprint()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.touchpoints[1].title, theirs.touchpoints[1].title = "Call us", "Phone us"
    paths = [
        saved(tmp_path, bp, f"{n}.blueprint")
        for n, bp in (("base", base), ("ana", ours), ("bo", theirs))
    ]
    code, out, _ = run(
        capsys, "merge", *paths, "-o", tmp_path / "out.blueprint", "--theirs-name", "Bo"
    )
    assert code == 1
    assert "title kept 'Call us' (ana.blueprint); Bo wanted 'Phone us'" in out
