"""The benchmark's scaled policies: valid, sized as stated, written as TOML that reads back."""

from __future__ import annotations

import importlib
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bench.scale import (
    RENAMED,
    example_policy,
    renamed_entries,
    renamed_policy,
    scaled_policy,
    write_renamed_policy,
    write_scaled_policy,
)

HASHTAG = re.compile(r"^#[\w]{1,100}$")
FACTORS = (1, 10, 100)


def _check_policy() -> Callable[[dict[str, Any]], list[Any]] | None:
    """`check_policy` from schemas when it is there, else None."""
    for module_name in ("schemas", "schemas.rules"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        check = getattr(module, "check_policy", None)
        if check is not None:
            return check  # type: ignore[no-any-return]
    return None


@pytest.mark.parametrize("factor", FACTORS)
def test_sizes(factor: int) -> None:
    policy = scaled_policy(factor)
    assert len(policy["platforms"]) == 3 * factor
    assert len(policy["tools"]) == factor
    assert len(policy["communication"]["templates"]) == 2 * factor
    assert len(policy["communication"]["negative"]["escalation"]) == 2 * factor
    assert len(policy["content"]["rubrics"]) == 2 * factor
    assert len(policy["content"]["hashtags"]) == 2 * factor
    assert len(policy["communication"]["traits"]) == 2 * factor
    assert len(policy["communication"]["tones"]) == 2 * factor
    assert len(policy["roles"]["people"]) == 2 * factor
    assert len(policy["roles"]["approvals"]) == 2 * factor
    assert len(policy["crisis"]["levels"]) == 2 * factor
    assert len(policy["crisis"]["statements"]) == factor
    assert len(policy["crisis"]["contacts"]) == factor
    assert len(policy["results"]["metrics"]) == 2 * factor
    assert len(policy["acknowledgements"]) == factor


def test_x100_matches_the_stated_scale() -> None:
    policy = scaled_policy(100)
    assert len(policy["platforms"]) == 300
    assert len(policy["communication"]["templates"]) == 200
    assert len(policy["content"]["rubrics"]) == 200
    assert {p["name"] for p in policy["platforms"]} >= {"Instagram", "Instagram 17", "Facebook 100"}


@pytest.mark.parametrize("factor", FACTORS)
def test_names_unique_and_references_hold(factor: int) -> None:
    policy = scaled_policy(factor)
    for entries, key in (
        (policy["platforms"], "name"),
        (policy["tools"], "name"),
        (policy["communication"]["templates"], "title"),
        (policy["content"]["rubrics"], "name"),
    ):
        names = [entry[key].casefold() for entry in entries]
        assert len(names) == len(set(names))
    platform_names = {p["name"].casefold() for p in policy["platforms"]}
    for rubric in policy["content"]["rubrics"]:
        assert rubric["platforms"]
        assert {name.casefold() for name in rubric["platforms"]} <= platform_names
        assert all(HASHTAG.match(tag) for tag in rubric.get("hashtags", []))
    hashtags = [tag.casefold() for tag in policy["content"]["hashtags"]]
    assert all(HASHTAG.match(tag) for tag in hashtags)
    assert len(hashtags) == len(set(hashtags))


def test_factor_one_keeps_the_example_apart_from_the_added_platform() -> None:
    example = example_policy()
    policy = scaled_policy(1)
    assert policy["platforms"][:2] == example["platforms"]
    assert policy["platforms"][2]["name"] == "Facebook"
    assert {k: v for k, v in policy.items() if k != "platforms"} == {
        k: v for k, v in example.items() if k != "platforms"
    }


def test_factor_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        scaled_policy(0)


@pytest.mark.parametrize("factor", (1, 10))
def test_written_toml_reads_back_unchanged(tmp_path: Path, factor: int) -> None:
    path = write_scaled_policy(tmp_path, factor)
    assert path.name == f"policy-x{factor}.toml"
    text = path.read_text(encoding="utf-8")
    assert tomllib.loads(text) == scaled_policy(factor)
    assert 'voice = """' in text


@pytest.mark.parametrize("factor", FACTORS)
def test_scaled_policies_are_valid(factor: int) -> None:
    check = _check_policy()
    if check is None:
        pytest.skip("schemas.check_policy is not built yet")
    problems = check(scaled_policy(factor))
    blocking = [p for p in problems if p.level in ("error", "missing")]
    assert blocking == []


def test_the_renamed_policy_renames_every_entry_and_nothing_else() -> None:
    policy = scaled_policy(10)
    renamed = renamed_policy(policy)
    version_one = 3 * 10 + 10 + 2 * 10 + 2 * 10 + 2 * 10 + 2  # + 2 values
    version_two = (2 + 2 + 1 + 1 + 2 + 1) * 10  # people, levels, statements, contacts, ...
    assert renamed_entries(policy) == version_one + version_two
    assert renamed["platforms"][0]["name"] == f"Instagram{RENAMED}"
    assert renamed["communication"]["templates"][3]["title"].endswith(RENAMED)
    assert renamed["communication"]["negative"]["escalation"][5]["topic"].endswith(RENAMED)
    assert renamed["content"]["rubrics"][7]["platforms"][0].endswith(RENAMED)
    assert renamed["document"] == policy["document"]  # a title outside a list stays
    assert renamed["content"]["hashtags"] == policy["content"]["hashtags"]
    check = _check_policy()
    if check is not None:
        assert [p for p in check(renamed) if p.level in ("error", "missing")] == []


def test_the_renamed_policy_is_written_as_toml_that_reads_back(tmp_path: Path) -> None:
    path = write_renamed_policy(tmp_path, 2)
    assert path.name == "policy-x2-renamed.toml"
    assert tomllib.loads(path.read_text(encoding="utf-8")) == renamed_policy(scaled_policy(2))
