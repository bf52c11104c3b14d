"""Output redirected by a shell whose code page cannot write every character (a Windows
shell's ``blueprint plan --format json > plan.json`` is cp1252): what programs read (JSON,
CSV, a schema) is UTF-8 all the same, and text for people shows what it cannot write as
escapes; never an internal error."""

import json
import os
import subprocess
import sys

import pytest

from blueprint.storage import load_blueprint, save_blueprint
from tests.conftest import SAMPLES

TITLE = "宽带安装 — Café 🚀"
IMPROVEMENT = "服务 خطة"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A blueprint whose title and first improvement are in scripts cp1252 has no letters
    for, and a copy of it with the improvement renamed again (for diff)."""
    folder = tmp_path_factory.mktemp("code-page")
    bp = load_blueprint(SAMPLES[0])
    bp.title = TITLE
    bp.improvements[0].title = IMPROVEMENT
    save_blueprint(bp, folder / "a.blueprint")
    bp.improvements[0].title = IMPROVEMENT + " 2"
    save_blueprint(bp, folder / "b.blueprint")
    return folder / "a.blueprint", folder / "b.blueprint"


def run_in_code_page(*args, encoding: str = "utf-8") -> str:
    environment = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    result = subprocess.run(
        [sys.executable, "-m", "blueprint", *map(str, args)], capture_output=True, env=environment
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return result.stdout.decode(encoding)


def test_the_plan_as_json_is_utf8(files):
    document = json.loads(run_in_code_page("plan", files[0], "--format", "json"))
    assert document["blueprint"] == TITLE
    assert document["improvements"][
        [i["title"] for i in document["improvements"]].index(IMPROVEMENT)
    ]


def test_the_plan_as_csv_is_utf8(files):
    assert IMPROVEMENT in run_in_code_page("plan", files[0], "--format", "csv")


def test_counts_comparison_and_diff_as_json_are_utf8(files):
    assert json.loads(run_in_code_page("info", files[0], "--json"))["title"] == TITLE
    diff = run_in_code_page("diff", files[0], files[1], "--format", "json")
    assert IMPROVEMENT + " 2" in json.dumps(json.loads(diff), ensure_ascii=False)
    comparison = json.loads(run_in_code_page("compare", files[0], files[1], "--format", "json"))
    assert comparison["before"].endswith("a.blueprint")


def test_text_for_people_shows_what_the_code_page_cannot_write(files):
    out = run_in_code_page("info", files[0], encoding="cp1252")
    assert out.splitlines()[0] == "\\u5bbd\\u5e26\\u5b89\\u88c5 — Café \\U0001f680"


def test_what_git_reads_is_utf8(files):
    """``show`` is git's textconv: in a cp1252 pipe an accented title reached git as a byte
    it takes for broken text, and a Chinese one as escapes."""
    shown = run_in_code_page("show", files[0])
    assert TITLE in shown
    diff = run_in_code_page("diff", files[0], files[1])
    assert IMPROVEMENT in diff
