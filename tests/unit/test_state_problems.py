"""PolicyState's problems: checked once per change; an entry checked on its own."""

from __future__ import annotations

from schemas.problems import Problem
from wizard.core.state import PolicyState, count_values


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


def test_an_entry_checked_alone_has_the_problems_the_whole_check_gives_it() -> None:
    state = PolicyState(
        {
            "schema_version": 1,
            "platforms": [{"name": "Instagram", "status": "active"}],
            "communication": {"templates": [{"title": "Thanks", "text": "Thank you!"}]},
        }
    )
    state.append("platforms", {"status": "paused", "url": "not a web address"})
    state.append("communication.templates", {"title": "Thanks"})

    def found(problems: list[Problem]) -> list[tuple[str, str, str]]:
        return [(p.path, p.level, p.code) for p in problems]

    new_platform = state.entry_problems("platforms", 1)
    assert found(new_platform) == found(list(state.problems_under("platforms[1]")))
    assert ("platforms[1].name", "missing", "required") in found(new_platform)
    assert ("platforms[1].url", "error", "bad_url") in found(new_platform)
    # A rule across entries (a repeated title) waits for the whole check.
    whole = found(list(state.problems_under("communication.templates[1]")))
    assert ("communication.templates[1].title", "error", "duplicate_name") in whole
    alone = found(state.entry_problems("communication.templates", 1))
    assert alone == [item for item in whole if item[2] != "duplicate_name"]
    assert state.entry_problems("platforms", 5) == []


def test_a_check_counts_the_values_it_saw() -> None:
    assert count_values({"a": [1, {"b": "x"}], "c": {}}) == 6
    state = PolicyState({"schema_version": 1, "document": {"company": "Acme"}})
    assert state.checked_values == 0  # nothing checked yet
    state.problems()
    assert state.checked_values == 4
    state.set("document.title", "Policy")
    assert state.checked_values == 4  # as of the last check
    state.problems()
    assert state.checked_values == 5


def test_several_keys_set_as_one_change() -> None:
    state = PolicyState({"content": {"rubrics": [{"name": "News", "times": 3, "days": ["mon"]}]}})
    heard: list[str] = []
    state.add_listener(heard.append)
    before = state.revision
    changed = state.set_keys(
        {
            "content.rubrics[0].times": 2,
            "content.rubrics[0].per": "week",
            "content.rubrics[0].days": None,
            "content.rubrics[0].time": None,
        }
    )
    assert changed
    assert state.get("content.rubrics[0]") == {"name": "News", "times": 2, "per": "week"}
    assert (state.revision, heard) == (before + 1, ["content.rubrics[0].times"])
    assert not state.set_keys({"content.rubrics[0].times": 2, "content.rubrics[0].time": None})
    assert (state.revision, heard) == (before + 1, ["content.rubrics[0].times"])
