"""policy_json_schema(): a JSON Schema that editors can use, that the example satisfies,
and whose differences from `presence validate` are all listed (`validate_only()`)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from exports.store import parse_policy, render_policy
from schemas import SECTIONS, Problem, check_policy, policy_json_schema
from schemas.formats import is_hashtag
from schemas.jsonschema import HASHTAG_NOT_WORD, validate_only
from schemas.keypath import format_path
from tests.unit.conftest import Run

ROOT = Path(__file__).resolve().parents[2]
ALL_FIXTURES = ROOT / "tests" / "fixtures"
FIXTURES = ALL_FIXTURES / "rules"
VALIDATE_ONLY = ALL_FIXTURES / "schema" / "validate-only.toml"
VALIDATE_ONLY_V2 = ALL_FIXTURES / "schema" / "validate-only-v2.toml"
TODAY = dt.date(2026, 1, 1)


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
    assert schema["properties"]["schema_version"]["enum"] == [1, 2]
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
        (lambda d: d.update(schema_version=3), ".schema_version: enum"),
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


def as_json(data: Any) -> Any:
    """TOML data as an editor hands it to a JSON Schema: dates and times as ISO strings."""
    return json.loads(json.dumps(data, default=lambda value: value.isoformat()))


def refused_by_schema(data: Any) -> set[str]:
    """The key paths (as `presence validate` writes them) that the schema refuses: for
    an unknown key or a required one, that key itself."""
    validator = Draft202012Validator(
        policy_json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    paths: set[str] = set()
    for error in validator.iter_errors(as_json(data)):
        parts = list(error.absolute_path)
        if error.validator == "additionalProperties":
            known = error.schema.get("properties", {})
            paths |= {format_path([*parts, key]) for key in error.instance if key not in known}
        elif error.validator == "required":
            paths |= {format_path([*parts, key]) for key in error.validator_value}
        else:
            paths.add(format_path(parts))
    return paths


def passed_by_schema(data: Any) -> list[Problem]:
    """What `presence validate` finds (errors, missing parts, warnings) at keys where the
    schema finds nothing, neither at the key nor at a table or array holding it."""
    refused = refused_by_schema(data)
    return [
        problem
        for problem in check_policy(data, today=TODAY)
        if not any(
            problem.path == path or problem.path.startswith((f"{path}.", f"{path}["))
            for path in refused
        )
    ]


def readable_fixtures() -> list[Path]:
    found = []
    for path in sorted(ALL_FIXTURES.rglob("*.toml")):
        try:
            tomllib.loads(path.read_bytes().decode("utf-8-sig"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        found.append(path)
    return found


@pytest.mark.parametrize(
    "path", readable_fixtures(), ids=lambda p: str(p.relative_to(ALL_FIXTURES))
)
def test_everything_only_validate_refuses_in_a_fixture_is_a_listed_difference(path: Path) -> None:
    data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    unlisted = [
        f"{problem.level} {problem.path}: {problem.message}"
        for problem in passed_by_schema(data)
        if not any(difference.covers(problem) for difference in validate_only())
    ]
    assert not unlisted, "list these in schemas.jsonschema.validate_only(): " + "; ".join(unlisted)


def test_the_schema_accepts_a_file_with_every_listed_difference() -> None:
    """tests/fixtures/schema/validate-only.toml (version 1) and validate-only-v2.toml
    pass the schema whole and hold between them one case of each difference: the list
    holds nothing that is not true."""
    shown: set[object] = set()
    for path in (VALIDATE_ONLY, VALIDATE_ONLY_V2):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert refused_by_schema(data) == set(), path.name
        shown |= {
            difference
            for problem in passed_by_schema(data)
            for difference in validate_only()
            if difference.covers(problem)
        }
    missing = [d.summary for d in validate_only() if d not in shown]
    assert not missing, f"no case of these in the validate-only fixtures: {missing}"


def test_validate_refuses_that_file(cli: Run) -> None:
    code, out, _ = cli("validate", str(VALIDATE_ONLY))
    assert code == 1
    assert f"{VALIDATE_ONLY}:50:8: error: revisions[0].date: expected a date" in out
    assert "got a float 60.0" in out


def test_each_key_concerned_says_what_only_validate_checks() -> None:
    described = dict(properties(policy_json_schema()))
    for difference in validate_only():
        for key in difference.keys:
            assert difference.note in described[key]["description"], key
    dates = (
        "document.effective_on",
        "document.review_by",
        "document.approved_on",
        "security.last_access_review",
        "revisions[].date",
        "acknowledgements[].date",
    )
    for key in dates:
        assert "Must be a TOML date (2026-12-01), not a string" in described[key]["description"]
    minutes = described["communication.response_time.first_reply_max_minutes"]["description"]
    assert "Must be a TOML integer (30), not a float (30.0)" in minutes
    assert (
        "Only `presence validate` checks that it is later than effective_on."
        in (described["document.review_by"]["description"])
    )


def test_the_readme_lists_every_difference() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    for difference in validate_only():
        assert " ".join(difference.summary.split()) in readme, difference.summary


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["document"].update(language=""), "document.language"),
        (lambda d: d["document"].update(review_by=" "), "document.review_by"),
        (lambda d: d["platforms"][0].update(url=""), "platforms[0].url"),
        (lambda d: d["platforms"][0].update(status=""), "platforms[0].status"),
    ],
)
def test_a_blank_value_is_absent_for_validate_and_refused_by_the_schema(
    change: Any, path: str
) -> None:
    """The one way the schema is stricter (the README says so): a blank string counts
    as absent for `presence validate`, while the schema checks it against its choices,
    its date format or its URL pattern."""
    data = tomllib.loads((FIXTURES / "example-policy.toml").read_text(encoding="utf-8"))
    change(data)
    assert [p for p in check_policy(data, today=TODAY) if p.path == path] == []
    assert refused_by_schema(data) == {path}


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_schema_directive_is_valid_toml_and_survives_a_save(
    newline: str, tmp_path: Path, cli: Run
) -> None:
    """`#:schema ./policy.schema.json`, Taplo's directive, is a comment to everyone else:
    `validate` accepts the file and the wizard's save keeps the line where it is."""
    example = (FIXTURES / "example-policy.toml").read_text(encoding="utf-8")
    text = ("#:schema ./policy.schema.json\n" + example).replace("\n", newline)
    policy = tmp_path / "brand-policy.toml"
    policy.write_bytes(text.encode("utf-8"))
    assert cli("validate", str(policy))[0] == 0
    source = parse_policy(policy, policy.read_bytes())
    data = copy.deepcopy(source.data)
    data["document"]["company"] = "Northwind Bakery & Sons"
    data["content"]["rubrics"].pop()
    saved = render_policy(data, source)
    assert saved.startswith(f"#:schema ./policy.schema.json{newline}# ")
    assert 'company = "Northwind Bakery & Sons"' in saved
