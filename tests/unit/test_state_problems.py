"""PolicyState's problems: checked once per change, and whether a check would be slow."""

from __future__ import annotations

import pytest

import wizard.state
from wizard.state import PolicyState


def test_problems_are_checked_once_per_revision() -> None:
    state = PolicyState({"schema_version": 1, "document": {"company": "Acme"}})
    assert not state.problems_known
    first = state.problems()
    assert state.problems_known
    assert state.problems() is first
    state.set("document.company", "Acme Ltd")
    assert not state.problems_known
    assert state.problems() is not first
    assert state.problems_known


def test_a_check_is_slow_only_when_one_is_due_and_the_last_was_slow(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    state = PolicyState({"schema_version": 1})
    assert not state.check_is_slow()  # nothing checked yet: nothing known to be slow
    state.problems()
    monkeypatch.setattr(wizard.state, "SLOW_CHECK", -1.0)  # every check counts as slow
    assert not state.check_is_slow()  # the problems are known: no check is due
    state.set("document.company", "Acme")
    assert state.check_is_slow()
    state.problems()
    assert not state.check_is_slow()
    monkeypatch.setattr(wizard.state, "SLOW_CHECK", 60.0)
    state.set("document.company", "Acme Ltd")
    assert not state.check_is_slow()
