"""The distribution as the package index sees it: its name, commands, licence, extras."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_distribution_is_brand_presence() -> None:
    # `presence` on the package index is another author's project with its own
    # `presence` command: installing by that name would install a stranger's tool.
    assert PROJECT["name"] == "brand-presence"


def test_both_command_names_run_the_same_entry_point() -> None:
    scripts = PROJECT["scripts"]
    assert scripts["presence"] == "wizard.cli:main"
    assert scripts["brand-presence"] == "wizard.cli:main"


def test_the_licence_file_exists_and_is_shipped() -> None:
    assert PROJECT["license"] == "MIT"
    assert PROJECT["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "WITHOUT WARRANTY OF ANY KIND" in text


def test_test_tools_are_extras_not_runtime_dependencies() -> None:
    runtime = " ".join(PROJECT["dependencies"])
    for tool in (
        "pytest",
        "ruff",
        "mypy",
        "hypothesis",
        "import-linter",
        "jsonschema",
        "pypdf",
        "markdown-it-py",
    ):
        assert tool not in runtime
        assert any(tool in requirement for requirement in PROJECT["optional-dependencies"]["test"])


def test_installed_metadata_matches() -> None:
    try:
        installed = distribution("brand-presence")
    except PackageNotFoundError:  # pragma: no cover - run from a tree that is not installed
        pytest.skip("brand-presence is not installed in this environment")
    assert installed.version == PROJECT["version"]
    entry_points = {
        ep.name: ep.value for ep in installed.entry_points if ep.group == "console_scripts"
    }
    assert entry_points == {"presence": "wizard.cli:main", "brand-presence": "wizard.cli:main"}


PROGRAM = ("wizard", "screens", "schemas", "exports")
"""The packages the wheel ships."""
IMPORTED_AS = {
    "textual": "textual",
    "pydantic": "pydantic",
    "platformdirs": "platformdirs",
    "tzdata": "tzdata",
    "typst": "typst",
    "python-docx": "docx",
    "icalendar": "icalendar",
}
"""The module each runtime dependency is imported as."""


def _requirement_name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower()


def _modules_the_program_imports() -> set[str]:
    found: set[str] = set()
    for package in PROGRAM:
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    found.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    found.add(node.module.split(".")[0])
                elif (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "find_spec"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    found.add(str(node.args[0].value))  # tzdata: found, then read as data
    return found


def test_every_runtime_dependency_is_used_by_the_program() -> None:
    imported = _modules_the_program_imports()
    names = [_requirement_name(r) for r in PROJECT["dependencies"]]
    assert sorted(names) == sorted(IMPORTED_AS), "a new dependency: say what it is imported as"
    unused = [name for name in names if IMPORTED_AS[name] not in imported]
    assert not unused, f"runtime dependencies the program never imports: {unused}"


def test_tomlkit_is_a_test_tool() -> None:
    """The program writes TOML itself (docs/ARCHITECTURE.md says why not with tomlkit);
    the tests use tomlkit as a second reader of what it writes."""
    assert "tomlkit" not in [_requirement_name(r) for r in PROJECT["dependencies"]]
    test_extra = [_requirement_name(r) for r in PROJECT["optional-dependencies"]["test"]]
    assert "tomlkit" in test_extra
    assert "tomlkit" not in _modules_the_program_imports()


def test_every_catalogue_ships_in_the_wheel(tmp_path: Path) -> None:
    """The wheel, built as a release is, holds the module of every catalogue of the text
    system in both languages (they are modules of the program's packages, so the
    packages' own listing ships them; a catalogue kept as data would need package-data)."""
    import zipfile

    import exports.texts
    import schemas.texts
    import wizard.cli.texts
    import wizard.core.i18n

    assert exports.texts and wizard.cli.texts and wizard.core.i18n  # registered
    done = subprocess.run(
        [
            *(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"),
            *("-w", str(tmp_path), str(ROOT)),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    (wheel,) = tmp_path.glob("brand_presence-*.whl")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    modules = {
        module.replace(".", "/") + ".py"
        for registered in schemas.texts.domains()
        for module in registered.modules.values()
    }
    assert len(modules) == 2 * len(schemas.texts.domains()) >= 12
    assert sorted(modules - shipped) == []
