"""The docstrings of the models' tables and keys, as data that needs no source code.

The models keep a docstring under every key (the description of the key) and one on
every table; the JSON Schema shows them. Python keeps neither where the program runs
from bytecode alone (a key's docstring is never compiled in; `python -OO` drops a
class's too), and reading them from the source fails where the package is installed
without its `.py` files. So they are copied from the source of `schemas/model.py`
into the data module `schemas/descriptions.py`, which the program reads:

    python -m schemas.docstrings        # after changing a docstring in model.py

`tests/unit/test_descriptions.py` fails while the data module differs from the source.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import BaseModel

MODEL_SOURCE = Path(__file__).with_name("model.py")
DATA_MODULE = Path(__file__).with_name("descriptions.py")

Docstrings = tuple[dict[str, str], dict[str, dict[str, str]]]
"""Table docstrings by class name, and key docstrings by class name and key."""


def table_description(model: type[BaseModel]) -> str:
    """The docstring of a model's table."""
    from schemas.descriptions import TABLES

    return TABLES.get(model.__qualname__, "")


def field_docstrings(model: type[BaseModel]) -> dict[str, str]:
    """The docstring of each key of `model` (inherited keys included), by key name."""
    from schemas.descriptions import KEYS

    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls is not BaseModel:
            docs.update(KEYS.get(cls.__qualname__, {}))
    return docs


def field_description(model: type[BaseModel], key: str) -> str:
    """The description of one key (as the file writes it): its `Field(description=...)`,
    else its docstring."""
    name = next((n for n, info in model.model_fields.items() if (info.alias or n) == key), key)
    info = model.model_fields.get(name)
    if info is not None and info.description:
        return info.description
    return field_docstrings(model).get(name, "")


# -- the data module, written from the source ------------------------------------------
def read_docstrings(source: str) -> Docstrings:
    """The docstrings of every top-level class of a module's source text and of its keys
    (a string expression right below an annotated assignment)."""
    import ast  # here: the program itself only reads the data module
    import inspect

    tables: dict[str, str] = {}
    keys: dict[str, dict[str, str]] = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.ClassDef):
            continue
        doc = ast.get_docstring(node)
        if doc:
            tables[node.name] = doc
        found: dict[str, str] = {}
        for previous, statement in zip(node.body, node.body[1:], strict=False):
            if (
                isinstance(previous, ast.AnnAssign)
                and isinstance(previous.target, ast.Name)
                and isinstance(statement, ast.Expr)
                and isinstance(statement.value, ast.Constant)
                and isinstance(statement.value.value, str)
            ):
                found[previous.target.id] = inspect.cleandoc(statement.value.value)
        if found:
            keys[node.name] = found
    return tables, keys


def _string(text: str) -> str:
    """A string literal as `ruff format` writes it: double quotes, unless the text holds
    more double quotes than single ones."""
    quote = "'" if text.count('"') > text.count("'") else '"'
    escapes = {"\\": "\\\\", quote: "\\" + quote, "\n": "\\n", "\t": "\\t"}
    body = "".join(
        escapes.get(char, char if char.isprintable() else repr(char)[1:-1]) for char in text
    )
    return quote + body + quote


def data_module(docstrings: Docstrings) -> str:
    """The text of `schemas/descriptions.py` holding `docstrings`."""
    tables, keys = docstrings
    lines = [
        '"""The docstrings of the tables and keys of `schemas/model.py`, copied by',
        "`python -m schemas.docstrings` (see `schemas.docstrings`): do not edit by hand.",
        '"""',
        "",
        "# ruff: noqa: E501",
        "",
        "TABLES: dict[str, str] = {",
        *(f"    {_string(name)}: {_string(doc)}," for name, doc in tables.items()),
        "}",
        "",
        "KEYS: dict[str, dict[str, str]] = {",
    ]
    for name, found in keys.items():
        lines.append(f"    {_string(name)}: {{")
        lines.extend(f"        {_string(key)}: {_string(doc)}," for key, doc in found.items())
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> int:
    """Write `schemas/descriptions.py` from the source of `schemas/model.py`."""
    text = data_module(read_docstrings(MODEL_SOURCE.read_text(encoding="utf-8")))
    if DATA_MODULE.is_file() and DATA_MODULE.read_text(encoding="utf-8") == text:
        print(f"{DATA_MODULE}: up to date")
        return 0
    DATA_MODULE.write_text(text, encoding="utf-8")
    print(f"{DATA_MODULE}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
