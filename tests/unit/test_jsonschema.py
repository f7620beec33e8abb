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
from jsonschema import Draft202012Validator

from schemas import SECTIONS, policy_json_schema
from schemas.formats import is_hashtag
from schemas.jsonschema import HASHTAG_NOT_WORD

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


def validate(schema: dict[str, Any], value: Any) -> list[str]:
    """What a JSON Schema validator (`jsonschema`, draft 2020-12, formats checked) finds:
    `path: keyword` for each failure, the path as `.a.b[0]`."""
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    failures = []
    for error in validator.iter_errors(value):
        path = "".join(
            f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path
        )
        failures.append(f"{path}: {error.validator}")
    return sorted(failures)


def test_the_schema_is_json_with_its_identity() -> None:
    schema = policy_json_schema()
    Draft202012Validator.check_schema(schema)  # a valid schema, its patterns compile
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
        (lambda d: d["document"].update(compnay="x"), ".document: additionalProperties"),
        (lambda d: d["platforms"][0].update(url="ftp://x"), ".platforms[0].url: pattern"),
        (lambda d: d["content"].update(hashtags=["no-hash"]), ".content.hashtags[0]: pattern"),
        (lambda d: d["content"].update(hashtags=["#два слова"]), ".content.hashtags[0]: pattern"),
        (
            lambda d: d["communication"]["response_time"].update(first_reply_max_minutes=0),
            ".communication.response_time.first_reply_max_minutes: minimum",
        ),
        (lambda d: d["document"].update(review_by="soon"), ".document.review_by: format"),
        (lambda d: d["document"].update(company=5), ".document.company: type"),
        (lambda d: d.pop("schema_version"), ": required"),
    ],
)
def test_the_schema_rejects_what_the_format_forbids(change: Any, failure: str) -> None:
    data = example_as_json()
    change(data)
    assert validate(policy_json_schema(), data) == [failure]


HASHTAGS = [
    "#кава",
    "#Київ2026",
    "#northwind_bakery",
    "#_",
    "#7",
    "#पुस्तकालय",  # Devanagari: combining marks
    "#日本語",
    "#قهوة",
    "#καφές",
    "#ক্\u200dষ",  # a joiner inside
    "#a" + "b" * 98,
]
NOT_HASHTAGS = [
    "#",
    "no-hash",
    "#two words",
    "#a-b",
    "#a.b",
    "##a",
    "#a#b",
    "#a\u00a0b",
    "#a\u2009b",
]


def test_the_hashtag_pattern_takes_every_hashtag_of_the_format() -> None:
    items = dict(properties(policy_json_schema()))["content.hashtags"]["items"]
    pattern = re.compile(items["pattern"])
    for tag in HASHTAGS:
        assert is_hashtag(tag) and pattern.search(tag), tag
    for tag in NOT_HASHTAGS:
        assert not is_hashtag(tag) and not pattern.search(tag), tag


def test_the_characters_the_pattern_refuses_are_never_in_a_hashtag() -> None:
    refused = re.compile(f"[{HASHTAG_NOT_WORD}]")
    for code in range(0x10000):
        char = chr(code)
        if refused.match(char):
            assert not is_hashtag("#" + char) and not is_hashtag("#a" + char), hex(code)
