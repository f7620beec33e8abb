"""policy_json_schema(): a JSON Schema that editors can use, and that the example satisfies."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from schemas import SECTIONS, policy_json_schema

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"


def example_as_json() -> Any:
    """The example policy with its dates as ISO strings, as an editor sees TOML dates."""
    with (FIXTURES / "example-policy.toml").open("rb") as file:
        data = tomllib.load(file)
    return json.loads(json.dumps(data, default=dt.date.isoformat))


def objects(schema: dict[str, Any], path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object schema in the tree, with its path."""
    if schema.get("type") == "object":
        yield path, schema
        for name, sub in schema["properties"].items():
            yield from objects(sub, f"{path}.{name}" if path else name)
    elif schema.get("type") == "array":
        yield from objects(schema["items"], f"{path}[]")


def properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, table in objects(schema):
        for name, sub in table["properties"].items():
            yield f"{path}.{name}" if path else name, sub


def validate(schema: dict[str, Any], value: Any, path: str = "") -> list[str]:
    """The keywords this schema uses, checked the JSON Schema way; the failures' paths."""
    failures: list[str] = []
    kind = schema.get("type")
    types = {
        "object": dict,
        "array": list,
        "string": str,
        "integer": int,
        "boolean": bool,
    }
    if kind and (
        not isinstance(value, types[kind]) or (kind == "integer" and isinstance(value, bool))
    ):
        return [f"{path}: type"]
    if "const" in schema and value != schema["const"]:
        failures.append(f"{path}: const")
    if "enum" in schema and value not in schema["enum"]:
        failures.append(f"{path}: enum")
    if isinstance(value, str):
        if len(value) > schema.get("maxLength", len(value)):
            failures.append(f"{path}: maxLength")
        if schema.get("format") == "date":
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                failures.append(f"{path}: format")
        pattern = schema.get("pattern")
        if pattern:
            # Python's re has no \p{...}: letters, marks and digits are what \w covers here
            simple = re.sub(r"\\p\{[LMN]\}", r"\\w", pattern)
            if not re.search(simple, value):
                failures.append(f"{path}: pattern")
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and not schema.get("minimum", value) <= value <= schema.get("maximum", value)
    ):
        failures.append(f"{path}: range")
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                failures.append(f"{path}.{name}: required")
        for name, item in value.items():
            sub = schema["properties"].get(name)
            if sub is None:
                if schema.get("additionalProperties") is False:
                    failures.append(f"{path}.{name}: additionalProperties")
                continue
            failures += validate(sub, item, f"{path}.{name}")
    if isinstance(value, list):
        for i, item in enumerate(value):
            failures += validate(schema["items"], item, f"{path}[{i}]")
        if schema.get("uniqueItems") and len(set(map(json.dumps, value))) < len(value):
            failures.append(f"{path}: uniqueItems")
    return failures


def test_the_schema_is_json_with_its_identity() -> None:
    schema = policy_json_schema()
    assert json.loads(json.dumps(schema)) == schema
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"]
    assert schema["title"] == "Brand presence policy"
    assert schema["required"] == ["schema_version"]
    assert schema["properties"]["schema_version"]["const"] == 1
    assert schema["properties"]["schema_version"]["type"] == "integer"


def test_every_table_is_closed_and_every_key_described() -> None:
    schema = policy_json_schema()
    tables = dict(objects(schema))
    assert {"", "document", "platforms[]", "communication.negative.escalation[]"} <= set(tables)
    for path, table in tables.items():
        assert table["additionalProperties"] is False, path
    described = dict(properties(schema))
    assert len(described) > 80
    for path, sub in described.items():
        assert sub.get("description"), path


def test_enums_ranges_and_dates() -> None:
    keys = dict(properties(policy_json_schema()))
    assert keys["document.language"]["enum"] == ["en", "uk"]
    assert keys["platforms[].status"]["enum"] == ["active", "planned", "paused"]
    assert keys["communication.style"]["enum"] == [
        "official",
        "business",
        "direct",
        "conversational",
    ]
    assert keys["communication.goals"]["items"]["enum"] == ["sales", "trust", "informing"]
    assert keys["communication.goals"]["uniqueItems"] is True
    assert keys["tools[].category"]["enum"][-1] == "other"
    assert keys["revisions[].sections"]["items"]["enum"] == list(SECTIONS)
    minutes = keys["communication.response_time.first_reply_max_minutes"]
    assert (minutes["type"], minutes["minimum"], minutes["maximum"]) == ("integer", 1, 10080)
    assert keys["document.company"]["maxLength"] == 200
    for date_key in ("document.effective_on", "document.review_by", "revisions[].date"):
        assert (keys[date_key]["type"], keys[date_key]["format"]) == ("string", "date")
    assert "Required for a finished policy." in keys["mission.statement"]["description"]
    assert "Required" not in keys["mission.positioning"]["description"]


def test_the_example_satisfies_the_schema() -> None:
    assert validate(policy_json_schema(), example_as_json()) == []


@pytest.mark.parametrize(
    ("change", "failure"),
    [
        (lambda d: d.update(schema_version=2), ".schema_version: const"),
        (lambda d: d["document"].update(language="fr"), ".document.language: enum"),
        (lambda d: d["document"].update(compnay="x"), ".document.compnay: additionalProperties"),
        (lambda d: d["platforms"][0].update(url="ftp://x"), ".platforms[0].url: pattern"),
        (lambda d: d["content"].update(hashtags=["no-hash"]), ".content.hashtags[0]: pattern"),
        (
            lambda d: d["communication"]["response_time"].update(first_reply_max_minutes=0),
            ".communication.response_time.first_reply_max_minutes: range",
        ),
        (lambda d: d["document"].update(review_by="soon"), ".document.review_by: format"),
        (lambda d: d.pop("schema_version"), ".schema_version: required"),
    ],
)
def test_the_schema_rejects_what_the_format_forbids(change: Any, failure: str) -> None:
    data = example_as_json()
    change(data)
    assert validate(policy_json_schema(), data) == [failure]
