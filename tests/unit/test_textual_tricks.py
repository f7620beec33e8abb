"""Textual's private parts are used in one module only, and only with the Textual version
they were measured with (`screens/textual_tricks.py`)."""

from __future__ import annotations

import ast
import inspect
import io
from pathlib import Path

import textual
from textual.drivers._writer_thread import WriterThread
from textual.screen import Screen

from screens import textual_tricks
from screens.textual_tricks import CHECKED_WITH, PRIVATE_INSTANCE_NAMES, PRIVATE_NAMES

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("wizard", "screens", "schemas", "exports")
TRICKS = Path(textual_tricks.__file__).resolve()


def test_textual_is_the_version_the_tricks_were_checked_with() -> None:
    assert textual.__version__ == CHECKED_WITH, (
        f"Textual {textual.__version__} is installed; screens/textual_tricks.py was"
        f" checked with {CHECKED_WITH}. Measure each trick with and without it"
        " (bench/README.md, 'Tricks'), keep those a target still needs, then set"
        " CHECKED_WITH."
    )


def test_the_private_names_the_tricks_use_are_there() -> None:
    screen = Screen[None]()  # some are set by the constructor
    missing = [
        f"{cls.__name__}.{name}"
        for cls, name in PRIVATE_NAMES
        if not hasattr(cls, name) and not (cls is Screen and hasattr(screen, name))
    ]
    assert not missing, f"Textual no longer has {missing}: re-check screens/textual_tricks.py"


def _private_textual_uses(path: Path, names: set[str]) -> list[str]:
    """Where the module at `path` reads, sets or defines one of `names`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in names:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}")
        elif isinstance(node, ast.FunctionDef) and node.name in names:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} def {node.name}")
    return found


def test_the_private_attributes_the_tricks_use_are_set_by_their_constructors() -> None:
    writer = WriterThread(io.StringIO())  # not started
    missing = [
        f"{cls.__name__}.{name}"
        for cls, name in PRIVATE_INSTANCE_NAMES
        if not (hasattr(writer, name) if cls is WriterThread else _sets(cls, name))
    ]
    assert not missing, f"Textual no longer sets {missing}: re-check screens/textual_tricks.py"


def _sets(cls: type[object], name: str) -> bool:
    """Whether the constructor of `cls` sets `self.<name>` (for a class that cannot be
    made in a test: a driver takes over the terminal's signals)."""
    return f"self.{name} =" in inspect.getsource(vars(cls)["__init__"])


def test_no_other_module_uses_them() -> None:
    names = {name for _, name in (*PRIVATE_NAMES, *PRIVATE_INSTANCE_NAMES)}
    found = [
        use
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if path.resolve() != TRICKS
        for use in _private_textual_uses(path, names)
    ]
    assert not found, f"Textual's private names outside screens/textual_tricks.py: {found}"
