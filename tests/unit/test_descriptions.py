"""The descriptions of tables and keys need no source code: `schemas/descriptions.py`
holds them, copied from the docstrings of `schemas/model.py`, and the JSON Schema is the
same where the package runs from bytecode alone or under `python -OO`."""

from __future__ import annotations

import compileall
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import schemas
from schemas.docstrings import DATA_MODULE, MODEL_SOURCE, data_module, read_docstrings
from schemas.jsonschema import policy_json_schema

SCHEMAS = Path(schemas.__file__).parent
SCRIPT = (
    "import json, schemas.jsonschema as s\n"
    "print(json.dumps(s.policy_json_schema(), ensure_ascii=False))\n"
)


def test_the_data_module_holds_the_docstrings_of_the_models() -> None:
    expected = data_module(read_docstrings(MODEL_SOURCE.read_text(encoding="utf-8")))
    assert DATA_MODULE.read_text(encoding="utf-8") == expected, (
        "schemas/descriptions.py differs from the docstrings of schemas/model.py:"
        " run `python -m schemas.docstrings`"
    )


def test_a_docstring_below_an_annotated_key_is_its_description() -> None:
    source = (
        "class Thing:\n"
        '    """A thing."""\n'
        "\n"
        "    name: str\n"
        '    """Its name,\n'
        '       on two lines."""\n'
        "    size = 3\n"
        '    """Not an annotated key."""\n'
        "    colour: str\n"
    )
    tables, keys = read_docstrings(source)
    assert tables == {"Thing": "A thing."}
    assert keys == {"Thing": {"name": "Its name,\non two lines."}}
    text = data_module((tables, keys))
    namespace: dict[str, object] = {}
    exec(compile(text, "descriptions.py", "exec"), namespace)
    assert namespace["TABLES"] == tables
    assert namespace["KEYS"] == keys


def _schema_in_a_fresh_interpreter(folder: Path, *options: str) -> object:
    """The JSON Schema as `python OPTIONS` gives it with `folder` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(folder)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(
        [sys.executable, *options, "-c", SCRIPT],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _copy_of_schemas(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    shutil.copytree(SCHEMAS, folder / "schemas", ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def test_the_schema_is_the_same_from_bytecode_without_sources(tmp_path: Path) -> None:
    folder = _copy_of_schemas(tmp_path)
    assert compileall.compile_dir(folder / "schemas", legacy=True, quiet=1)
    for source in (folder / "schemas").glob("*.py"):
        source.unlink()
    loaded = _schema_in_a_fresh_interpreter(folder)
    assert loaded == policy_json_schema()


@pytest.mark.parametrize("option", ["-O", "-OO"])
def test_the_schema_is_the_same_when_docstrings_are_dropped(tmp_path: Path, option: str) -> None:
    folder = _copy_of_schemas(tmp_path)
    assert _schema_in_a_fresh_interpreter(folder, option) == policy_json_schema()
