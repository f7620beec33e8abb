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
]


def error_types(model: type[BaseModel], data: dict[str, Any]) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data, strict=True)
    return [error["type"] for error in caught.value.errors()]


def test_the_example_validates() -> None:
    with (FIXTURES / "example-policy.toml").open("rb") as file:
        policy = schemas.Policy.model_validate(tomllib.load(file), strict=True)
    assert policy.schema_version == schemas.SCHEMA_VERSION == 1
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
        "revisions",
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
