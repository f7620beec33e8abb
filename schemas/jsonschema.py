"""A JSON Schema (draft 2020-12) of the policy file, for editors such as Taplo / Even Better TOML.

Built from the models' shape (`schemas.fields`): descriptions are the field
docstrings (`schemas.docstrings`). TOML local dates are `"type": "string",
"format": "date"`, as Taplo expects. Keys a *finished* policy needs are not
`required` here (a draft is a valid file); their descriptions say so. Only
`schema_version` is required.
"""

from __future__ import annotations

from typing import Any

from schemas.docstrings import field_description
from schemas.fields import FieldSpec, TableSpec, root
from schemas.formats import HASHTAG_MAX_CHARS
from schemas.model import SCHEMA_VERSION
from schemas.sections import SECTIONS

SCHEMA_ID = f"urn:presence:policy:{SCHEMA_VERSION}"
"""The schema's `$id`."""

_NEEDED: frozenset[str] = frozenset(
    {
        "document.company",
        "document.approved_by",
        "mission.statement",
        "mission.objectives",
        "mission.values",
        "mission.values[].name",
        "platforms",
        "platforms[].name",
        "tools[].name",
        "communication.goals",
        "communication.style",
        "communication.response_time.first_reply_max_minutes",
        "communication.templates[].title",
        "communication.templates[].text",
        "communication.negative.approach",
        "communication.negative.moderator_autonomy",
        "communication.negative.escalation",
        "communication.negative.escalation[].topic",
        "communication.negative.escalation[].contact",
        "content.rubrics",
        "content.rubrics[].name",
        "revisions[].date",
        "revisions[].sections",
    }
)
"""Key paths (`[]` for any item) that a finished policy needs."""

HASHTAG_NOT_WORD = (
    r"\x00-\x2F\x3A-\x40\x5B-\x5E\x60\x7B-\xA0\u1680\u2000-\u200B\u200E\u200F"
    r"\u2028-\u202F\u205F\u2060\u3000\uFEFF"
)
"""A regex class body of characters that are never in a hashtag: ASCII punctuation
but `_`, white space and invisible format characters (the joiners U+200C and U+200D
stay allowed)."""

_HASHTAG_PATTERN = f"^#[^{HASHTAG_NOT_WORD}]+$"
"""The hashtag rule as far as a portable pattern can say it: `\\p{L}` (letters of any
script) is not understood by every validator (Python's `re`, ECMA-262 without the `u`
flag), so the pattern lets through every letter, digit, mark and `_` of any script and
rejects what can never be in a hashtag; the program's own check is exact
(`schemas.formats.is_hashtag`)."""
_URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+"


def policy_json_schema() -> dict[str, Any]:
    """The JSON Schema of the policy file, format version `SCHEMA_VERSION`."""
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Brand presence policy",
    }
    schema.update(_table(root(), ""))
    schema["properties"]["schema_version"] = {
        "type": "integer",
        "const": SCHEMA_VERSION,
        "description": _description(root(), "schema_version"),
    }
    schema["required"] = ["schema_version"]
    return schema


def _description(table: TableSpec, key: str) -> str:
    return field_description(table.model, key) if table.model is not None else ""


def _table(table: TableSpec, path: str) -> dict[str, Any]:
    properties = {
        name: _field(field, f"{path}.{name}" if path else name, _description(table, name))
        for name, field in table.fields.items()
    }
    return {
        "type": "object",
        "description": table.description,
        "properties": properties,
        "additionalProperties": False,
    }


def _field(field: FieldSpec, path: str, description: str) -> dict[str, Any]:
    schema: dict[str, Any] = _shape(field, path)
    if path in _NEEDED:
        description += " Required for a finished policy."
    schema["description"] = description
    return schema


def _shape(field: FieldSpec, path: str) -> dict[str, Any]:
    """The schema of a key's value, without its description."""
    name = path.rsplit(".", 1)[-1]
    if field.kind == "string":
        schema: dict[str, Any] = {"type": "string"}
        if field.max_length is not None:
            schema["maxLength"] = field.max_length
        if name == "url":
            schema.update(format="uri", pattern=_URL_PATTERN)
        return schema
    if field.kind == "integer":
        schema = {"type": "integer"}
        if field.minimum is not None:
            schema["minimum"] = field.minimum
        if field.maximum is not None:
            schema["maximum"] = field.maximum
        return schema
    if field.kind == "boolean":
        return {"type": "boolean"}
    if field.kind == "date":
        return {"type": "string", "format": "date"}
    if field.kind == "enum":
        return {"type": "string", "enum": list(field.choices)}
    if field.kind == "table" and field.table is not None:
        return _table(field.table, path)
    if field.kind == "array" and field.item is not None:
        return _array(field.item, path, name)
    raise ValueError(f"no schema for {path}")  # pragma: no cover - every kind is handled


def _array(item: FieldSpec, path: str, name: str) -> dict[str, Any]:
    items = _shape(item, f"{path}[]")
    if item.table is not None:
        items["description"] = item.table.description
    if name == "hashtags":
        items.update(pattern=_HASHTAG_PATTERN, maxLength=HASHTAG_MAX_CHARS)
    elif name == "sections":
        items.update(enum=list(SECTIONS))
    schema: dict[str, Any] = {"type": "array", "items": items}
    if name in ("goals", "hashtags"):
        schema["uniqueItems"] = True
    return schema
