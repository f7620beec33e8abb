"""`schemas.Rechecker`: after a change, the sections it can alter are checked again and
the rest is kept, and the answer is always the one `check_policy` gives.

Every value of the examples (and of a policy whose sections refer to each other at
every place they can) is changed in every way that matters to a rule: removed,
blanked, given a value of another type, renamed to another entry's name, made older
or later, doubled, emptied. After each change, and after it is undone, the rechecker
must give exactly the problems of the whole check, params included: a section that
reads another (`schemas.rules.READS`) and is not listed there fails here.
"""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any

import pytest

from schemas import Rechecker, check_policy
from schemas.keypath import PathPart
from schemas.problems import Problem
from schemas.rules import READS
from wizard.core.state import PolicyState

TODAY = dt.date(2027, 3, 1)

Path = tuple[PathPart, ...]


def _example(name: str) -> dict[str, Any]:
    text = resources.files("wizard.data").joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def _linked() -> dict[str, Any]:
    """A policy whose sections refer to each other at every place they can, each
    reference both kept and broken, under `[security]` and CamelCase hashtags."""
    data = _example("example-policy.toml")
    data["security"] = {**data.get("security", {}), "min_admins": 2}
    data["platforms"][0]["admins"] = ["Olena"]
    data["platforms"][1].pop("admins", None)
    data["accessibility"] = {**data.get("accessibility", {}), "camel_case_hashtags": True}
    data["content"]["hashtags"] = ["#brandpresenceeveryday", "#Short"]
    rubric = data["content"]["rubrics"][0]
    rubric["platforms"] = [data["platforms"][0]["name"], "Instagrm", "Nowhere"]
    rubric["hashtags"] = ["#a", "#b", "#c", "#d", "#e", "#f", "#longlowercasehashtag"]
    data["results"] = {
        "metrics": [
            {"name": "Reach", "source": data["tools"][0]["name"]},
            {"name": "Sales", "source": "A tool nobody named"},
        ]
    }
    data["acknowledgements"] = [
        {"name": "Ivan", "date": dt.date(2027, 1, 5), "version": "0.9"},
        {"name": "Olena", "date": dt.date(2027, 1, 6), "version": data["document"]["version"]},
    ]
    data["document"]["review_by"] = dt.date(2027, 2, 1)
    return data


def _version_one(data: dict[str, Any]) -> dict[str, Any]:
    """The same policy saying `schema_version = 1` (its version-2 keys are errors)."""
    return {**copy.deepcopy(data), "schema_version": 1}


POLICIES: dict[str, Callable[[], dict[str, Any]]] = {
    "example": lambda: _example("example-policy.toml"),
    "example-uk": lambda: _example("example-policy-uk.toml"),
    "linked": _linked,
    "linked, version 1": lambda: _version_one(_linked()),
}


def _paths(value: Any, parts: Path = ()) -> Iterator[tuple[Path, Any]]:
    """Every key path of the data with its value, tables and arrays included."""
    if parts:
        yield parts, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*parts, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*parts, index))


REMOVE = object()


def _changes(value: Any, names: list[str]) -> Iterator[Any]:
    """What a value is changed to: REMOVE, or a new value."""
    yield REMOVE
    yield ""
    if isinstance(value, bool):
        yield not value
        yield "yes"
    elif isinstance(value, int):
        yield value + 1
        yield 1
        yield 0
        yield str(value)
    elif isinstance(value, str):
        yield value + " 2"
        yield value.upper()
        yield from names[:3]
        yield 5
        yield "1.0"
    elif isinstance(value, dt.date):
        yield dt.date(2020, 1, 1)
        yield dt.date(2030, 1, 1)
        yield value.isoformat()
    elif isinstance(value, list):
        yield []
        if value:
            yield [*value, copy.deepcopy(value[0])]
            yield value[:1]
        yield "not an array"
    elif isinstance(value, dict):
        yield {}
        yield ["not a table"]


def _changed(data: dict[str, Any], parts: Path, new: Any) -> dict[str, Any]:
    result = copy.deepcopy(data)
    node: Any = result
    for part in parts[:-1]:
        node = node[part]
    if new is REMOVE:
        del node[parts[-1]]
    else:
        node[parts[-1]] = copy.deepcopy(new)
    return result


def _found(problems: list[Problem]) -> list[tuple[str, str, str, dict[str, Any]]]:
    return [(p.path, p.level, p.code, p.params) for p in problems]


def _names(data: dict[str, Any]) -> list[str]:
    """Names the policy uses (a change to one of them makes a duplicate or a reference)."""
    found = [str(p.get("name", "")) for p in data.get("platforms", [])]
    found += [str(t.get("name", "")) for t in data.get("tools", [])]
    found += [str(p.get("name", "")) for p in data.get("roles", {}).get("people", [])]
    found.append(str(data.get("document", {}).get("version", "")))
    return [name for name in found if name]


@pytest.mark.parametrize("name", list(POLICIES))
def test_every_change_is_checked_as_the_whole_check_does(name: str) -> None:
    base = POLICIES[name]()
    names = _names(base)
    expected_base = _found(check_policy(base, today=TODAY))
    rechecker = Rechecker()
    assert _found(rechecker.check(base, today=TODAY)) == expected_base
    tried = 0
    for parts, value in list(_paths(base)):
        for new in _changes(value, names):
            changed = _changed(base, parts, new)
            key = str(parts[0])
            got = rechecker.check(changed, {key}, today=TODAY)
            assert _found(got) == _found(check_policy(changed, today=TODAY)), (parts, new)
            back = rechecker.check(base, {key}, today=TODAY)
            assert _found(back) == expected_base, ("undone", parts, new)
            tried += 1
    assert tried > 1000


def test_changes_one_after_another_keep_the_checked_sections_right() -> None:
    """Changes pile up (none undone), in several sections between two checks too."""
    data = _linked()
    rechecker = Rechecker()
    rechecker.check(data, today=TODAY)
    steps: list[tuple[Path, Any]] = [
        (("tools", 0, "name"), "Renamed tool"),
        (("platforms", 0, "name"), "Renamed platform"),
        (("document", "version"), "0.9"),
        (("security",), REMOVE),
        (("accessibility", "camel_case_hashtags"), False),
        (("crisis",), {}),
        (("acknowledgements", 1, "version"), "0.9"),
        (("results", "metrics", 1, "source"), "Renamed tool"),
        (("schema_version",), 1),
        (("document", "scope"), REMOVE),
        (("schema_version",), 2),
        (("platforms",), REMOVE),
        (("unknown_key",), {"a": 1}),
        (("unknown_key",), REMOVE),
    ]
    pending: set[str] = set()
    for number, (parts, new) in enumerate(steps):
        data = _changed(data, parts, new)
        pending.add(str(parts[0]))
        if number % 3 == 1:
            continue  # two changes before the next check
        got = rechecker.check(data, pending, today=TODAY)
        assert _found(got) == _found(check_policy(data, today=TODAY)), parts
        pending = set()


def test_a_new_day_and_an_unknown_change_check_the_whole_policy() -> None:
    data = _linked()
    rechecker = Rechecker()
    rechecker.check(data, today=TODAY)
    data["document"]["review_by"] = TODAY  # overdue from the next day on
    later = TODAY + dt.timedelta(days=1)
    # Nothing said changed, but the day did: the review is overdue now.
    codes = [p.code for p in rechecker.check(data, set(), today=later)]
    assert "review_overdue" in codes
    data["tools"][0]["name"] = "Another"
    assert _found(rechecker.check(data, None, today=later)) == _found(
        check_policy(data, today=later)
    )


def test_a_check_of_one_section_leaves_out_the_sections_it_does_not_read() -> None:
    """The point of it: a change in one section does not check the rest."""
    data = _linked()
    rechecker = Rechecker()
    rechecker.check(data, today=TODAY)
    seen: list[set[str]] = []
    import schemas.rules as rules

    checked = rules._checked

    def spy(part: Any, today: dt.date, needed: int | None = None) -> Any:
        seen.append(set(part))
        return checked(part, today, needed)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rules, "_checked", spy)
        rechecker.check(data, {"communication"}, today=TODAY)
        rechecker.check(data, {"tools"}, today=TODAY)
    assert seen == [{"schema_version", "communication"}, {"schema_version", "tools", "results"}]
    assert READS["results"] == {"tools"}


def test_the_state_checks_again_only_what_changed_and_agrees_with_the_whole_check() -> None:
    state = PolicyState(_linked())
    assert _found(state.problems()) == _found(check_policy(state.data))
    values = state.checked_values
    state.set("communication.response_time.first_reply_max_minutes", 0)
    assert _found(state.problems()) == _found(check_policy(state.data))
    assert state.checked_values == values
    state.set("tools[0].name", "Renamed")  # a metric's source no longer names a tool
    state.append("platforms", {"name": "New", "status": "active"})
    assert _found(state.problems()) == _found(check_policy(state.data))
    assert state.checked_values == values + 3
    state.set_keys({"security.min_admins": 3, "content.rubrics[0].times": 2})
    assert _found(state.problems()) == _found(check_policy(state.data))
    state.remove("acknowledgements", 0)
    state.set("document.version", "0.9")
    assert _found(state.problems()) == _found(check_policy(state.data))
    state.replace(_linked())
    assert _found(state.problems()) == _found(check_policy(state.data))
