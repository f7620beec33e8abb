"""Every field the screens declare has an editor of its kind, and that editor stores
what the policy's schema holds at the field's key path (`schemas.fields`)."""

from __future__ import annotations

import ast
import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from schemas.fields import FieldSpec as SchemaSpec
from schemas.fields import TableSpec, root
from screens.widgets.editors import (
    CHANGE_MESSAGES,
    EDITORS,
    KINDS,
    UnknownFieldKind,
    editor_for,
)
from screens.widgets.fields import FieldSpec
from wizard.core.state import PolicyState

ROOT = Path(__file__).resolve().parents[2]

STORED_KINDS = {
    "string",
    "integer",
    "boolean",
    "date",
    "time",
    "enum",
    "array of string",
    "array of enum",
}
SEVERAL_KEYS = "keys"
"""What an editor of several keys of one table stores (`FieldEditor.KEYS`)."""


@dataclass(frozen=True)
class Declared:
    """A `FieldSpec(...)` written in a screen module."""

    where: str
    path: str
    kind: str
    choices: tuple[str, ...]


def _value(node: ast.expr, module: ModuleType, where: str) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return getattr(module, node.id)
    raise AssertionError(f"{where}: write this argument as a literal or a module-level name")


def declared_fields() -> list[Declared]:
    """Every `FieldSpec(...)` call in screens/, its path, kind and choices evaluated."""
    found = []
    for file in sorted((ROOT / "screens").rglob("*.py")):
        tree = ast.parse(file.read_text("utf-8"))
        calls = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "FieldSpec"
        ]
        if not calls:
            continue
        parts = file.relative_to(ROOT).with_suffix("").parts
        module = importlib.import_module(".".join(parts))
        for call in calls:
            where = f"{file.relative_to(ROOT)}:{call.lineno}"
            args = {index: arg for index, arg in enumerate(call.args)}
            keywords = {k.arg: k.value for k in call.keywords if k.arg}
            path = _value(args.get(0) or keywords["path"], module, where)
            kind_node = args.get(1) or keywords.get("kind")
            kind = "text" if kind_node is None else _value(kind_node, module, where)
            choices_node = keywords.get("choices")
            choices = () if choices_node is None else _value(choices_node, module, where)
            found.append(Declared(where, path, kind, tuple(choices)))
    return found


DECLARED = declared_fields()


def schema_spec(path: str) -> SchemaSpec:
    """The schema's spec of a key path without list indices ("mission.values.name")."""
    node: TableSpec | SchemaSpec = root()
    for key in path.split("."):
        table = node if isinstance(node, TableSpec) else node.table
        assert table is not None, f"{path}: {key} is not under a table"
        node = table.fields[key]
    assert isinstance(node, SchemaSpec), path
    return node


def schema_table(path: str) -> TableSpec:
    """The schema's table at a key path without list indices ("content.rubrics")."""
    node: TableSpec | SchemaSpec = root()
    for key in path.split("."):
        table = node if isinstance(node, TableSpec) else node.table
        assert table is not None, f"{path}: {key} is not under a table"
        node = table.fields[key]
    table = node if isinstance(node, TableSpec) else node.table
    if table is None and isinstance(node, SchemaSpec) and node.item is not None:
        table = node.item if isinstance(node.item, TableSpec) else node.item.table
    assert table is not None, path
    return table


def stored_kind(spec: SchemaSpec) -> str:
    """A schema spec's kind as editors name what they store: "array of enum" for a list."""
    if spec.kind == "array":
        assert spec.item is not None
        return f"array of {spec.item.kind}"
    return spec.kind


def test_the_walk_finds_the_forms_fields() -> None:
    paths = {field.path for field in DECLARED}
    assert {"document.company", "content.rubrics.platforms", "platforms.two_factor"} <= paths
    assert len(DECLARED) > 50


@pytest.mark.parametrize("field", DECLARED, ids=lambda field: field.path)
def test_every_declared_kind_has_an_editor(field: Declared) -> None:
    assert field.kind in EDITORS, f"{field.where}: no editor for the kind {field.kind!r}"


@pytest.mark.parametrize("field", DECLARED, ids=lambda field: field.path)
def test_each_editor_stores_what_the_schema_holds(field: Declared) -> None:
    editor = EDITORS[field.kind]
    if editor.KEYS:
        assert editor.STORES == SEVERAL_KEYS, field.where
        table = field.path.rsplit(".", 1)[0]
        assert field.path.rsplit(".", 1)[1] not in schema_table(table).fields, field.where
        missing = [key for key in editor.KEYS if key not in schema_table(table).fields]
        if missing:  # the cadence keys of format version 2
            pytest.skip(f"{table}: the schema has no {', '.join(missing)} yet")
        return
    schema = schema_spec(field.path)
    assert stored_kind(schema) == EDITORS[field.kind].STORES, field.where
    if field.choices:
        allowed = schema.choices if schema.kind == "enum" else schema.item and schema.item.choices
        assert set(field.choices) == set(allowed or ()), f"{field.where}: not the schema's choices"


def test_one_editor_per_kind() -> None:
    assert len(EDITORS) == len(KINDS), "two editors name the same KIND"
    for editor in KINDS:
        assert editor.STORES in (STORED_KINDS if not editor.KEYS else {SEVERAL_KEYS}), editor
        assert editor.CHANGED in CHANGE_MESSAGES, editor.__name__
        assert editor.__doc__ and importlib.import_module(editor.__module__).__doc__


def test_every_kind_is_used_by_a_form() -> None:
    assert sorted({field.kind for field in DECLARED}) == sorted(EDITORS)


def test_an_unknown_kind_is_a_programming_error_naming_the_field() -> None:
    class Row:
        state = PolicyState({})
        data_path = "document.company"

    with pytest.raises(UnknownFieldKind, match=r"document\.company: .*'colour'"):
        editor_for(FieldSpec("document.company", "colour"), Row())
