"""The JSON Schema of the file format, generated from the model.

The model's own schema describes what the model accepts from code; a file must say a
little more: its marker and version, and an id on every entity. Whole-document rules
(unique ids, references that resolve) are beyond JSON Schema and are documented in
docs/file-format.md.
"""

from __future__ import annotations

from ..model import SCHEMA_VERSION, Blueprint

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def file_schema() -> dict:
    schema = Blueprint.model_json_schema()
    schema.pop("title", None)
    schema["required"] = sorted({*schema.get("required", ()), "format", "schema_version"})
    for definition in schema.get("$defs", {}).values():
        if "id" in definition.get("properties", {}):
            definition["required"] = ["id", *definition.get("required", [])]
    return {
        "$schema": SCHEMA_DIALECT,
        "title": f"blueprint file, schema version {SCHEMA_VERSION}",
        "description": "A service blueprint: stages x channels, touchpoints, friction, EPIC "
        "scores and an improvement plan. See docs/file-format.md.",
        **schema,
    }
