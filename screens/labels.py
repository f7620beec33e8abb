"""Human names of key paths and problems in the interface language, for lists of problems.

`communication.templates[1].text` reads "Answer templates 2 › Text": each list entry
is named by its list's label and its number, each key by its field label
(`field.<path>` in the catalogue). A path the catalogue does not know is shown as
written, so an unknown key in a hand-edited file is still named exactly.
"""

from __future__ import annotations

from schemas.controls import stand_in
from schemas.keypath import parse_path
from schemas.problems import Problem
from wizard.core.completeness import Gap
from wizard.core.i18n import has, problem_message, t


def path_label(path: str) -> str:
    """The fields along `path`, in words; the path itself (control characters as
    stand-ins) when a key has no label."""
    try:
        parts = parse_path(path)
    except ValueError:
        return stand_in(path)
    generic: list[str] = []
    words: list[str] = []
    for position, part in enumerate(parts):
        if isinstance(part, int):
            if words:
                words[-1] = f"{words[-1]} {part + 1}"
            continue
        generic.append(part)
        key = "field." + ".".join(generic)
        if has(key) or has(key, "en"):
            words.append(t(key))
        elif position == len(parts) - 1:
            return stand_in(path)
    return " › ".join(words) if words else stand_in(path)


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
    return f"{label}: {problem_message(problem)}"
