"""Suggested starting lists for the optional sections: the usual offboarding steps,
hacked-account steps, crisis levels (with examples), first steps in a crisis, and the
usual items that need an approval or need none.

They are offered, never written unasked: the wizard shows a button under each of these
lists, and only a press adds the suggestions the list does not hold yet (in the
interface language), at its end, for the author to edit or remove. The words live in
the interface catalogues (`SUGGESTIONS` in `wizard/core/i18n/en.py`, `uk.py`), each
language holding the same lists with the same number of items.
"""

from __future__ import annotations

import copy
from importlib import import_module
from typing import Any

from wizard.core.i18n import LANGUAGES, get_language
from wizard.core.state import PolicyState

SUGGESTED: tuple[str, ...] = (
    "security.offboarding",
    "security.hacked_account",
    "roles.approvals",
    "roles.without_approval",
    "crisis.levels",
    "crisis.first_steps",
)
"""The key paths of the lists that have suggestions."""

IDENTITY: dict[str, str] = {"roles.approvals": "content", "crisis.levels": "name"}
"""For a list of tables, the key that tells its entries apart: a suggestion whose value
there the list holds already is not offered again."""


def suggestions(path: str, lang: str | None = None) -> list[Any]:
    """The suggested items of the list at `path` in `lang` (default: the interface
    language), a fresh copy each time."""
    if path not in SUGGESTED:
        raise KeyError(path)
    code = lang if lang in LANGUAGES else get_language()
    catalogue: dict[str, list[Any]] = import_module(f"wizard.core.i18n.{code}").SUGGESTIONS
    return copy.deepcopy(catalogue[path])


def _words(value: object) -> str:
    """How an item is compared: its words, case and spacing aside."""
    return " ".join(str(value).split()).casefold()


def _name(path: str, item: object) -> str:
    key = IDENTITY.get(path)
    if key is not None:
        return _words(item.get(key, "")) if isinstance(item, dict) else ""
    return _words(item)


def missing(path: str, current: object, lang: str | None = None) -> list[Any]:
    """The suggestions for `path` that the list `current` does not hold yet."""
    held = {_name(path, item) for item in current} if isinstance(current, list) else set()
    return [item for item in suggestions(path, lang) if _name(path, item) not in held]


def add(state: PolicyState, path: str, lang: str | None = None) -> int | None:
    """Append to the list at `path` the suggestions it does not hold yet, as one
    change; how many were added, or None when the value there is not a list (a hand
    edit gave it another type: nothing is touched)."""
    current = state.get(path)
    if current is not None and not isinstance(current, list):
        return None
    new = missing(path, current, lang)
    if new and not state.set(path, [*(current or []), *new]):
        return 0  # opened read-only
    return len(new)
