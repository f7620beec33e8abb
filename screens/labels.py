"""Human names of key paths, values and problems in the interface language.

`communication.templates[1].text` reads "Answer templates 2 › Text": each list entry
is named by its list's label and its number, each key by its field label
(`field.<path>` in the catalogue). A path the catalogue does not know is shown as
written, so an unknown key in a hand-edited file is still named exactly.

A value is named as the screens show it (`value_label`): an enumerated value by its
choice's name («Активний», not `active`), a boolean as yes / no, minutes as a
duration, a table as its fields' labels with their values; the author's own text as
written (quoted).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from schemas.controls import stand_in
from schemas.keypath import parse_path
from schemas.problems import Problem
from wizard.core.completeness import Gap
from wizard.core.i18n import has, problem_message, t
from wizard.core.minutes import format_minutes

CHOICE_KEYS: dict[str, str] = {
    "document.language": "language",
    "platforms.status": "status",
    "tools.category": "category",
    "communication.goals": "goal",
    "communication.style": "style",
    "communication.address": "address",
    "communication.emoji": "emoji",
    "communication.negative.moderator_autonomy": "autonomy",
    "content.rubrics.goal": "goal",
}
"""Each enumerated field (its key path without indexes) and its family of choice
names (`choice.<family>.<value>`), as the screens' `FieldSpec.choice_key` give them
(tests/app/test_change_list.py checks the two agree)."""

PATH_PARAMS: tuple[str, ...] = ("first", "other")
"""Problem params that hold a key path (where a name was first used): shown in words."""

_INDEX = re.compile(r"\[\d+\]")


def generic(path: str) -> str:
    """A key path without its indexes: `platforms[2].status` -> `platforms.status`."""
    return _INDEX.sub("", path)


def path_label(path: str) -> str:
    """The fields along `path`, in words; the path itself (control characters as
    stand-ins) when a key has no label."""
    try:
        parts = parse_path(path)
    except ValueError:
        return stand_in(path)
    named: list[str] = []
    words: list[str] = []
    for position, part in enumerate(parts):
        if isinstance(part, int):
            if words:
                words[-1] = f"{words[-1]} {part + 1}"
            continue
        named.append(part)
        key = "field." + ".".join(named)
        if has(key):
            words.append(t(key))
        elif position == len(parts) - 1:
            return stand_in(path)
    return " › ".join(words) if words else stand_in(path)


def problem_text(problem: Problem) -> str:
    """A problem's message in the interface language, key paths in it named in words."""
    paths = {
        name: path_label(value)
        for name in PATH_PARAMS
        if isinstance(value := problem.params.get(name), str)
    }
    return problem_message(problem, paths)


def gap_line(gap: Gap) -> str:
    """ "<field>" for a gap a reader would find (what to add, for an empty list)."""
    label = path_label(gap.path)
    key = f"thin.{gap.code}"
    return f"{label}: {t(key)}" if has(key) else label


def problem_line(problem: Problem) -> str:
    """ "<field>: <message>" for a problem (a missing item reads as the field alone)."""
    label = path_label(problem.path)
    if problem.level == "missing":
        return label
    return f"{label}: {problem_text(problem)}"


def value_label(path: str, value: object) -> str:
    """A value at `path` as the screens name it, in the interface language."""
    field = generic(path)
    family = CHOICE_KEYS.get(field)
    if family is not None and isinstance(value, str) and has(f"choice.{family}.{value}"):
        return t(f"choice.{family}.{value}")
    if isinstance(value, bool):
        return t("value.true" if value else "value.false")
    if isinstance(value, int) and field.endswith("_minutes") and value > 0:
        return format_minutes(value)
    if isinstance(value, list):
        return ", ".join(value_label(f"{path}[{i}]", item) for i, item in enumerate(value))
    if isinstance(value, Mapping):
        shown = []
        for key, item in value.items():
            inner = f"{path}.{key}"
            label_key = f"field.{generic(inner)}"
            label = t(label_key) if has(label_key) else stand_in(str(key))
            shown.append(f"{label}: {value_label(inner, item)}")
        return "; ".join(shown)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    from exports.diff import render_value

    return stand_in(render_value(value))
