"""The docstring under each key of a model, read from the source when first asked for.

The models keep a docstring under every field (the description of the key), but
pydantic's `use_attribute_docstrings` reads and tokenizes the source of every class
at import, a cost every start of `presence` would pay. Only the JSON Schema and
help texts need the descriptions, so they are read here, once, with `ast`.
"""

from __future__ import annotations

import ast
import inspect
import sys
from functools import cache

from pydantic import BaseModel


@cache
def _module_docstrings(module_name: str) -> dict[str, dict[str, str]]:
    """Class name → key → docstring, for every top-level class of a module."""
    module = sys.modules[module_name]
    tree = ast.parse(inspect.getsource(module))
    found: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            found[node.name] = _class_docstrings(node)
    return found


def _class_docstrings(node: ast.ClassDef) -> dict[str, str]:
    """Key → docstring: a string expression right below an annotated assignment."""
    docs: dict[str, str] = {}
    for previous, statement in zip(node.body, node.body[1:], strict=False):
        if (
            isinstance(previous, ast.AnnAssign)
            and isinstance(previous.target, ast.Name)
            and isinstance(statement, ast.Expr)
            and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str)
        ):
            docs[previous.target.id] = inspect.cleandoc(statement.value.value)
    return docs


def field_docstrings(model: type[BaseModel]) -> dict[str, str]:
    """The docstring of each key of `model` (inherited keys included), by key name."""
    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls is not BaseModel:
            docs.update(_module_docstrings(cls.__module__).get(cls.__qualname__, {}))
    return docs


def field_description(model: type[BaseModel], name: str) -> str:
    """The description of one key: its `Field(description=...)`, else its docstring."""
    info = model.model_fields.get(name)
    if info is not None and info.description:
        return info.description
    return field_docstrings(model).get(name, "")
