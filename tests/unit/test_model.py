"""The pydantic models: strict types on plain data, no unknown keys, a description per key."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

import schemas
from schemas.docstrings import field_description, field_docstrings, table_description
from schemas.fields import FieldSpec, TableSpec, root, spec_at, table_at

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
MODELS: list[type[BaseModel]] = [
    schemas.Policy,
    schemas.Document,
    schemas.Mission,
    schemas.Value,
    schemas.Platform,
    schemas.Tool,
    schemas.Communication,
    schemas.ResponseTime,
    schemas.Template,
    schemas.Negative,
    schemas.EscalationContact,
    schemas.Content,
    schemas.Rubric,
    schemas.Revision,
    schemas.Trait,
    schemas.Tone,
    schemas.Security,
    schemas.Roles,
    schemas.Person,
    schemas.Approval,
    schemas.Crisis,
    schemas.CrisisLevel,
    schemas.Statement,
    schemas.CrisisContact,
    schemas.Legal,
    schemas.Accessibility,
    schemas.Results,
    schemas.Metric,
    schemas.Acknowledgement,
]


def error_types(model: type[BaseModel], data: dict[str, Any]) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data, strict=True)
    return [error["type"] for error in caught.value.errors()]


def test_the_example_validates() -> None:
    with (FIXTURES / "example-policy.toml").open("rb") as file:
        policy = schemas.Policy.model_validate(tomllib.load(file), strict=True)
    assert policy.schema_version == 1
    assert schemas.SCHEMA_VERSION == 2
    assert schemas.SCHEMA_VERSIONS == (1, 2)
    assert policy.communication is not None
    assert policy.communication.response_time is not None
    assert policy.communication.response_time.first_reply_max_minutes == 30


@pytest.mark.parametrize("value", [30.0, True, "30"])
def test_an_integer_is_only_an_integer(value: Any) -> None:
    data = {"first_reply_max_minutes": value}
    assert error_types(schemas.ResponseTime, data) == ["int_type"]


@pytest.mark.parametrize("value", [dt.datetime(2026, 12, 1, 9, 0), "2026-12-01", dt.time(9)])
def test_a_date_is_only_a_local_date(value: Any) -> None:
    assert error_types(schemas.Document, {"effective_on": value}) == ["date_type"]


@pytest.mark.parametrize("value", ["yes", 1, "true"])
def test_a_boolean_is_only_a_boolean(value: Any) -> None:
    assert error_types(schemas.Platform, {"two_factor": value}) == ["bool_type"]


def test_unknown_keys_are_forbidden() -> None:
    assert error_types(schemas.Policy, {"wat": 1}) == ["extra_forbidden"]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_key_has_a_description(model: type[BaseModel]) -> None:
    assert model.__doc__
    assert table_description(model) == model.__doc__.strip()
    docs = field_docstrings(model)
    for name in model.model_fields:
        assert docs.get(name), f"{model.__name__}.{name}"
        assert field_description(model, name) == docs[name]


def test_descriptions_are_the_docstrings_under_the_keys() -> None:
    docs = field_docstrings(schemas.Rubric)
    assert docs["description"] == "What the rubric is about."
    assert docs["format"] == 'The post format, such as "Reel or story".'
    assert set(docs) == set(schemas.Rubric.model_fields)


def test_the_shape_tree_follows_the_models() -> None:
    assert list(root().fields) == [
        "schema_version",
        "document",
        "mission",
        "platforms",
        "tools",
        "communication",
        "content",
        "security",
        "roles",
        "crisis",
        "legal",
        "accessibility",
        "results",
        "revisions",
        "acknowledgements",
    ]
    company = spec_at(["document", "company"])
    assert isinstance(company, FieldSpec)
    assert (company.kind, company.max_length) == ("string", 200)
    minutes = spec_at(["communication", "negative", "escalation", 3, "within_minutes"])
    assert isinstance(minutes, FieldSpec)
    assert (minutes.kind, minutes.minimum, minutes.maximum) == ("integer", 1, 10080)
    goal = spec_at(["communication", "goals", 0])
    assert isinstance(goal, FieldSpec)
    assert goal.choices == ("sales", "trust", "informing")
    platform = table_at(["platforms", 0, "nmae"])
    assert isinstance(platform, TableSpec)
    assert "two_factor" in platform.fields
    assert spec_at(["document", "nope"]) is None
    assert spec_at(["platforms", "x"]) is None


def test_a_key_that_is_a_python_keyword_is_written_as_the_file_writes_it() -> None:
    trait = schemas.Trait.model_validate({"is": "Warm", "is_not": "Familiar"}, strict=True)
    assert (trait.is_, trait.is_not) == ("Warm", "Familiar")
    assert error_types(schemas.Trait, {"is_": "Warm"}) == ["extra_forbidden"]
    traits = spec_at(["communication", "traits", 0])
    assert isinstance(traits, FieldSpec) and traits.table is not None
    assert list(traits.table.fields) == ["is", "is_not", "example"]
    assert field_description(schemas.Trait, "is") == ('What the brand\'s voice is, such as "warm".')


@pytest.mark.parametrize("value", ["10:00:00", dt.datetime(2026, 1, 1, 10), 10])
def test_a_time_is_only_a_local_time(value: Any) -> None:
    assert error_types(schemas.Rubric, {"time": value}) == ["time_type"]
    assert schemas.Rubric.model_validate({"time": dt.time(10)}, strict=True).time == dt.time(10)
    time = spec_at(["content", "rubrics", 0, "time"])
    assert isinstance(time, FieldSpec) and time.kind == "time"


def test_the_limits_of_version_2() -> None:
    limits = {
        ("content", "rubrics", 0, "times"): (1, 31),
        ("security", "min_admins"): (1, 10),
        ("security", "access_review_every_months"): (1, 24),
        ("roles", "approvals", 0, "within_hours"): (1, 720),
        ("crisis", "levels", 0, "respond_within_minutes"): (1, 10080),
        ("accessibility", "max_emoji"): (0, 20),
    }
    for path, (low, high) in limits.items():
        spec = spec_at(list(path))
        assert isinstance(spec, FieldSpec)
        assert (spec.kind, spec.minimum, spec.maximum) == ("integer", low, high), path
    days = spec_at(["content", "rubrics", 0, "days", 0])
    assert isinstance(days, FieldSpec)
    assert days.choices == ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    per = spec_at(["content", "rubrics", 0, "per"])
    assert isinstance(per, FieldSpec) and per.choices == ("day", "week", "month")
