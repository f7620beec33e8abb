"""The distribution as the package index sees it: its name, commands, licence, extras."""

from __future__ import annotations

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
    for tool in ("pytest", "ruff", "mypy", "hypothesis", "import-linter", "jsonschema"):
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
