"""The shape of the policy file read from the models: each table's keys, kinds and limits.

The rules, the lint and the JSON Schema walk this tree instead of the pydantic
internals, so the models stay the one place where a key, its type and its
description are written. The descriptions of the keys (docstrings under them) are not
part of the tree: the rules never need them; `schemas.docstrings` gives them on demand.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

import annotated_types
from pydantic import BaseModel

from schemas.docstrings import table_description
from schemas.keypath import PathPart
from schemas.model import Policy, file_keys

Kind = Literal["string", "integer", "boolean", "date", "time", "enum", "array", "table"]


@dataclass(frozen=True)
class FieldSpec:
    """One key of a table (or the items of an array): its kind and limits."""

    kind: Kind
    choices: tuple[str, ...] = ()
    """The allowed values of an enum."""
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    item: FieldSpec | None = None
    """The items of an array."""
    table: TableSpec | None = None
    """The table of a table, or of each item of an array of tables."""


@dataclass(frozen=True)
class TableSpec:
    """A table: its keys in the order the format lists them."""

    title: str
    description: str
    fields: dict[str, FieldSpec] = field(default_factory=dict)
    model: type[BaseModel] | None = field(default=None, compare=False, repr=False)
    """The model the table comes from (the keys' descriptions are read from it)."""

    def order(self, key: str) -> int:
        """The position of a key among the table's keys; unknown keys come last."""
        try:
            return list(self.fields).index(key)
        except ValueError:
            return len(self.fields)


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """The type under `X | None` and `Annotated[X, ...]`, with the collected metadata."""
    metadata: list[Any] = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *extra = typing.get_args(annotation)
            for item in extra:
                metadata.extend(getattr(item, "metadata", [item]))
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation, metadata


def _field_spec(annotation: Any, metadata: Sequence[Any]) -> FieldSpec:
    """The spec of one annotated key."""
    annotation, more = _unwrap(annotation)
    metadata = [*metadata, *more]
    limits: dict[str, Any] = {}
    for item in metadata:
        if isinstance(item, annotated_types.MaxLen):
            limits["max_length"] = item.max_length
        elif isinstance(item, annotated_types.Ge):
            limits["minimum"] = item.ge
        elif isinstance(item, annotated_types.Le):
            limits["maximum"] = item.le
    origin = typing.get_origin(annotation)
    if origin is Literal:
        choices = tuple(str(arg) for arg in typing.get_args(annotation))
        return FieldSpec("enum", choices=choices)
    if origin is list:
        (item_type,) = typing.get_args(annotation)
        item = _field_spec(item_type, ())
        return FieldSpec("array", item=item, table=item.table)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return FieldSpec("table", table=table_spec(annotation))
    kinds: dict[Any, Kind] = {str: "string", int: "integer", bool: "boolean"}
    if annotation in kinds:
        return FieldSpec(kinds[annotation], **limits)
    if annotation is dt.date:
        return FieldSpec("date")
    if annotation is dt.time:
        return FieldSpec("time")
    raise TypeError(f"no field kind for {annotation!r}")


@cache
def table_spec(model: type[BaseModel]) -> TableSpec:
    """The spec of a model's table."""
    fields = {
        key: _field_spec(model.model_fields[name].annotation, model.model_fields[name].metadata)
        for key, name in file_keys(model).items()
    }
    return TableSpec(model.__name__, table_description(model), fields, model)


def root() -> TableSpec:
    """The spec of the whole file."""
    return table_spec(Policy)


def table_at(parts: Sequence[PathPart]) -> TableSpec | None:
    """The table that holds the last part of a key path (the parent of a key), if known."""
    spec = spec_at(parts[:-1])
    if isinstance(spec, TableSpec):
        return spec
    if isinstance(spec, FieldSpec):
        return spec.table if spec.kind == "table" else None
    return None


def spec_at(parts: Sequence[PathPart]) -> TableSpec | FieldSpec | None:
    """What a key path names: the root table, a key's spec, an array's item spec."""
    current: TableSpec | FieldSpec | None = root()
    for part in parts:
        if isinstance(current, TableSpec):
            current = current.fields.get(part) if isinstance(part, str) else None
        elif isinstance(current, FieldSpec):
            if isinstance(part, int) and current.kind == "array":
                current = current.item
            elif isinstance(part, str) and current.kind == "table" and current.table:
                current = current.table.fields.get(part)
            else:
                return None
        else:
            return None
    return current


def sort_key(parts: Sequence[PathPart]) -> tuple[tuple[int, str], ...]:
    """Orders key paths as the format lists the keys, array items by index."""
    key: list[tuple[int, str]] = []
    table: TableSpec | None = root()
    spec: FieldSpec | None = None
    for part in parts:
        if isinstance(part, int) and not isinstance(part, bool):
            key.append((part, ""))
            spec = spec.item if spec is not None else None
            continue
        name = str(part)
        if spec is not None and spec.kind in ("table", "array"):
            table = spec.table
        key.append((table.order(name), name) if table else (0, name))
        spec = table.fields.get(name) if table else None
        table = None
    return tuple(key)
