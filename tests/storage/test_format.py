"""The file on disk: canonical bytes, so that saving an unchanged file changes nothing."""

import json
from pathlib import Path

from blueprint.model import SCHEMA_VERSION, Stage
from blueprint.model.templates import new_blueprint
from blueprint.storage import dumps_blueprint, load_blueprint, loads_blueprint, save_blueprint
from tests.factories import small_blueprint


def test_sample_opens_and_saves_to_identical_bytes(sample_path, tmp_path):
    original = sample_path.read_bytes()
    copy = tmp_path / sample_path.name
    save_blueprint(load_blueprint(sample_path), copy)
    assert copy.read_bytes() == original


def test_layout_is_two_space_indented_with_a_final_newline():
    text = dumps_blueprint(small_blueprint()).decode()
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text.splitlines()[1] == '  "format": "blueprint",'
    assert text.splitlines()[2] == f'  "schema_version": {SCHEMA_VERSION},'


def test_keys_come_in_a_fixed_order_whatever_order_the_file_had():
    data = dumps_blueprint(small_blueprint())
    shuffled = json.dumps(dict(reversed(list(json.loads(data).items())))).encode()
    assert dumps_blueprint(loads_blueprint(shuffled)) == data


def test_entities_keep_document_order():
    bp = small_blueprint()
    bp.stages.insert(0, Stage(id="s0", name="Awareness"))
    names = [s["name"] for s in json.loads(dumps_blueprint(bp))["stages"]]
    assert names == ["Awareness", "Purchase", "Support"]


def test_text_in_any_script_is_stored_as_readable_utf8():
    bp = small_blueprint()
    bp.title = "Ωmega — Привет 你好 مرحبا 🙂 <b>&amp;</b>"
    data = dumps_blueprint(bp)
    assert bp.title.encode() in data
    assert loads_blueprint(data).title == bp.title


def test_one_edit_changes_only_the_lines_of_that_field():
    bp = new_blueprint()
    before = dumps_blueprint(bp).decode().splitlines()
    bp.stages[2].name = "Consideration"
    after = dumps_blueprint(bp).decode().splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [('      "name": "Intent"', '      "name": "Consideration"')]


def test_the_example_in_the_format_documentation_is_what_blueprint_writes():
    page = (Path(__file__).resolve().parents[2] / "docs" / "file-format.md").read_text("utf-8")
    section = page[page.index("## 8. A complete example") :]
    example = section[section.index("```json\n") + 8 : section.index("```\n")].encode()
    assert dumps_blueprint(loads_blueprint(example)) == example
