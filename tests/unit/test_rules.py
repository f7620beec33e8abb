"""check_policy: every problem of plain policy data, with its path, level and message."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas import MESSAGES, SECTIONS, Problem, check_policy, check_section, is_blank
from schemas.sections import TOP_LEVEL_ORDER

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
TODAY = dt.date(2026, 11, 28)
"""A fixed day, so that `review_by` of the example is in the future."""


def load(name: str) -> dict[str, Any]:
    with (FIXTURES / name).open("rb") as file:
        return tomllib.load(file)


def example() -> dict[str, Any]:
    return load("example-policy.toml")


def check(data: Any) -> list[Problem]:
    return check_policy(data, today=TODAY)


def found(data: Any) -> set[tuple[str, str, str]]:
    """(level, path, code) of every problem."""
    return {(p.level, p.path, p.code) for p in check(data)}


def errors(data: Any) -> dict[str, str]:
    """Error path -> message."""
    return {p.path: p.message for p in check(data) if p.level == "error"}


def changed(path: str, value: Any) -> dict[str, Any]:
    """The example with one value set at a key path (`a.b[0].c`)."""
    data = example()
    node: Any = data
    parts = path.replace("[", ".[").split(".")
    for part in parts[:-1]:
        node = node[int(part[1:-1])] if part.startswith("[") else node.setdefault(part, {})
    last = parts[-1]
    if last.startswith("["):
        node[int(last[1:-1])] = value
    else:
        node[last] = value
    return data


def only(data: Any) -> Problem:
    problems = check(data)
    assert len(problems) == 1, [(p.path, p.message) for p in problems]
    return problems[0]


# --- the example and the empty file -------------------------------------------------


def test_the_example_policy_has_no_problem_at_all() -> None:
    assert check(example()) == []


def test_the_example_of_the_spec_has_no_problem() -> None:
    spec = FIXTURES.parent / "spec" / "example-policy.toml"
    assert check(tomllib.loads(spec.read_text(encoding="utf-8"))) == []


EMPTY_MISSING = (
    "document.company",
    "document.approved_by",
    "mission.statement",
    "mission.objectives",
    "mission.values",
    "platforms",
    "communication.goals",
    "communication.style",
    "communication.response_time.first_reply_max_minutes",
    "communication.negative.approach",
    "communication.negative.moderator_autonomy",
    "communication.negative.escalation",
    "content.rubrics",
)
"""What an empty policy lacks, in the order the problems come (section, then key)."""


def test_an_empty_policy_lacks_the_version_and_every_required_key() -> None:
    problems = check({})
    assert [(p.level, p.path) for p in problems if p.level != "missing"] == [
        ("error", "schema_version")
    ]
    assert problems[0].code == "schema_version_absent"
    assert problems[0].message == "the file has no schema_version; write schema_version = 1"
    missing = [p.path for p in problems if p.level == "missing"]
    assert set(missing) == set(EMPTY_MISSING)
    assert len(missing) == len(EMPTY_MISSING)


def test_problems_come_by_section_then_key_order() -> None:
    paths = [p.path for p in check({})]
    assert paths == ["schema_version", *EMPTY_MISSING]


def test_a_missing_problem_has_a_message() -> None:
    data = example()
    del data["mission"]["statement"]
    problem = only(data)
    assert (problem.level, problem.path, problem.message) == (
        "missing",
        "mission.statement",
        "not defined yet",
    )


# --- the spec's own messages -------------------------------------------------------


def test_average_above_maximum_reads_as_the_spec_shows() -> None:
    problem = only(changed("communication.response_time.first_reply_avg_minutes", 45))
    assert (problem.level, problem.path) == (
        "error",
        "communication.response_time.first_reply_avg_minutes",
    )
    assert problem.message == "45 is more than first_reply_max_minutes (30)"


def test_an_average_equal_to_the_maximum_is_fine() -> None:
    assert check(changed("communication.response_time.first_reply_avg_minutes", 30)) == []


# --- schema_version ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code", "message"),
    [
        (0, "schema_version_invalid", "must be 1; got 0"),
        (-3, "schema_version_invalid", "must be 1; got -3"),
        ("1", "wrong_type", 'expected an integer, got a string "1"'),
        (1.0, "wrong_type", "expected an integer, got a float 1.0"),
        (True, "wrong_type", "expected an integer, got a boolean true"),
        (
            3,
            "newer_schema_version",
            "the file is format version 3; this program reads version 2 at most",
        ),
        (" ", "schema_version_absent", "the file has no schema_version; write schema_version = 1"),
    ],
)
def test_schema_version(value: Any, code: str, message: str) -> None:
    problem = only(changed("schema_version", value))
    assert (problem.level, problem.path, problem.code, problem.message) == (
        "error",
        "schema_version",
        code,
        message,
    )


def test_a_bad_version_does_not_stop_the_rest_of_the_check() -> None:
    data = changed("schema_version", 0)
    data["communication"]["style"] = "casual"
    assert set(errors(data)) == {"schema_version", "communication.style"}


# --- pydantic error kinds, mapped to paths and messages ----------------------------


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            "communication.response_time.first_reply_max_minutes",
            "30",
            'expected an integer, got a string "30"',
        ),
        (
            "communication.response_time.first_reply_max_minutes",
            30.0,
            "expected an integer, got a float 30.0",
        ),
        (
            "communication.response_time.first_reply_max_minutes",
            True,
            "expected an integer, got a boolean true",
        ),
        (
            "platforms[0].two_factor",
            "yes",
            'expected a boolean (true or false), got a string "yes"',
        ),
        ("platforms[0].two_factor", 1, "expected a boolean (true or false), got an integer 1"),
        (
            "document.effective_on",
            "2026-12-01",
            'expected a date such as 2026-12-01 (without quotes), got a string "2026-12-01"',
        ),
        (
            "document.effective_on",
            dt.datetime(2026, 12, 1, 9, 30),
            "expected a date such as 2026-12-01 (without quotes), "
            "got a date-time 2026-12-01T09:30:00",
        ),
        (
            "document.effective_on",
            dt.time(9, 30),
            "expected a date such as 2026-12-01 (without quotes), got a time 09:30:00",
        ),
        ("document.company", 42, "expected a string, got an integer 42"),
        ("mission.objectives", "Be known", 'expected an array, got a string "Be known"'),
        ("mission.objectives[0]", 7, "expected a string, got an integer 7"),
        ("document", "Northwind", 'expected a table, got a string "Northwind"'),
        ("platforms[1]", "Telegram", 'expected a table, got a string "Telegram"'),
        ("communication.response_time", 5, "expected a table, got an integer 5"),
        ("platforms[0].status", "activ", 'must be one of: active, planned, paused; got "activ"'),
        ("communication.goals[0]", "fame", 'must be one of: sales, trust, informing; got "fame"'),
        ("communication.goals[0]", 3, "must be one of: sales, trust, informing; got 3"),
        ("document.language", "fr", 'must be one of: en, uk; got "fr"'),
        ("document.company", "x" * 201, "at most 200 characters; got 201"),
        ("communication.response_time.first_reply_max_minutes", 0, "must be at least 1; got 0"),
        (
            "communication.response_time.first_reply_max_minutes",
            10081,
            "must be at most 10080; got 10081",
        ),
        (
            "communication.negative.escalation[0].within_minutes",
            -5,
            "must be at least 1; got -5",
        ),
    ],
)
def test_a_wrong_value_is_an_error_at_its_path(path: str, value: Any, message: str) -> None:
    assert errors(changed(path, value)) == {path: message}


def test_the_longest_company_name_is_fine() -> None:
    assert check(changed("document.company", "й" * 200)) == []


def test_a_long_string_value_is_shortened_in_the_message() -> None:
    message = errors(changed("communication.style", "c" * 80))["communication.style"]
    assert message.endswith('got "' + "c" * 39 + '…"')


# --- unknown keys ------------------------------------------------------------------


def test_unknown_keys_at_every_level_with_a_suggestion() -> None:
    assert errors(load("typo.toml")) == {
        "platform": "unknown key `platform`; did you mean `platforms`?",
        "document.compnay": "unknown key `compnay`; did you mean `company`?",
        "platforms[0].nmae": "unknown key `nmae`; did you mean `name`?",
        "platforms[0].zzz": "unknown key `zzz`",
    }


def test_an_unknown_key_with_a_blank_value_is_still_unknown() -> None:
    assert errors(changed("document.compnay", "")) == {
        "document.compnay": "unknown key `compnay`; did you mean `company`?"
    }


def test_the_typo_file_also_lists_what_is_missing() -> None:
    missing = {p.path for p in check(load("typo.toml")) if p.level == "missing"}
    assert "document.company" in missing
    assert "platforms[0].name" in missing


# --- missing, and blank strings as absent ------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "document.company",
        "document.approved_by",
        "mission.statement",
        "mission.values[0].name",
        "tools[0].name",
        "communication.style",
        "communication.templates[0].title",
        "communication.templates[1].text",
        "communication.negative.approach",
        "communication.negative.escalation[1].topic",
        "communication.negative.escalation[0].contact",
        "content.rubrics[1].name",
        "revisions[0].date",
        "revisions[0].sections",
    ],
)
@pytest.mark.parametrize("blank", ["", " \t\n"])
def test_a_blank_required_value_is_missing(path: str, blank: str) -> None:
    problem = only(changed(path, blank))
    assert (problem.level, problem.path, problem.code) == ("missing", path, "required")


def test_a_blank_platform_name_is_missing_and_its_rubric_references_dangle() -> None:
    assert found(changed("platforms[0].name", " ")) == {
        ("missing", "platforms[0].name", "required"),
        ("error", "content.rubrics[0].platforms[0]", "unknown_platform"),
        ("error", "content.rubrics[1].platforms[0]", "unknown_platform"),
    }


def test_a_platform_name_of_a_wrong_type_does_not_hide_rubric_references() -> None:
    # "a type error in one table does not hide a rule broken in another"
    assert found(changed("platforms[0].name", 5)) == {
        ("error", "platforms[0].name", "wrong_type"),
        ("error", "content.rubrics[0].platforms[0]", "unknown_platform"),
        ("error", "content.rubrics[1].platforms[0]", "unknown_platform"),
    }


def test_a_platform_written_as_a_bare_string_still_names_it() -> None:
    data = changed("platforms[0]", "Instagram")
    assert found(data) == {("error", "platforms[0]", "wrong_type")}


@pytest.mark.parametrize(
    "path",
    [
        "platforms",
        "mission.values",
        "mission.objectives",
        "communication.goals",
        "communication.negative.escalation",
        "content.rubrics",
        "revisions[0].sections",
    ],
)
def test_an_empty_required_array_is_missing(path: str) -> None:
    data = changed(path, [])
    for rubric in data["content"]["rubrics"] if path == "platforms" else []:
        del rubric["platforms"]
    assert {(p.level, p.path) for p in check(data)} >= {("missing", path)}
    assert all(p.level != "error" for p in check(data))


def test_a_missing_table_reports_each_required_key() -> None:
    data = example()
    del data["communication"]
    assert found(data) == {
        ("missing", "communication.goals", "required"),
        ("missing", "communication.style", "required"),
        ("missing", "communication.response_time.first_reply_max_minutes", "required"),
        ("missing", "communication.negative.approach", "required"),
        ("missing", "communication.negative.moderator_autonomy", "required"),
        ("missing", "communication.negative.escalation", "required"),
    }


@pytest.mark.parametrize(
    "path",
    [
        "document.title",
        "document.language",
        "document.review_by",
        "platforms[0].status",
        "platforms[0].url",
        "tools[0].category",
        "communication.address",
        "communication.response_time.timezone",
        "communication.response_time.first_reply_avg_minutes",
    ],
)
def test_a_blank_optional_value_is_nothing(path: str) -> None:
    assert check(changed(path, "  ")) == []


def test_blank_strings_in_a_draft() -> None:
    assert found(load("draft-blank.toml")) >= {
        ("missing", "document.company", "required"),
        ("missing", "mission.statement", "required"),
        ("missing", "mission.objectives", "required"),
        ("error", "mission.objectives[0]", "empty_item"),
        ("error", "mission.objectives[1]", "empty_item"),
        ("error", "mission.principles[1]", "empty_item"),
    }
    paths = {p.path for p in check(load("draft-blank.toml"))}
    assert not paths & {"document.language", "document.review_by", "platforms[0].url"}
    assert "platforms[0].owner" not in paths  # status "" counts as absent: active, has owner


@pytest.mark.parametrize(
    "path",
    [
        "communication.goals[1]",
        "communication.avoided_words[0]",
        "content.hashtags[0]",
        "content.rubrics[0].platforms[0]",
        "communication.negative.never[1]",
    ],
)
def test_a_blank_item_in_an_array_of_strings_is_an_empty_item(path: str) -> None:
    problem = only(changed(path, " "))
    assert (problem.level, problem.path, problem.code) == ("error", path, "empty_item")
    assert problem.message == "empty item; write something or remove it"


def test_an_array_of_blank_items_is_missing_and_each_item_empty() -> None:
    assert found(changed("revisions[0].sections", ["", " "])) == {
        ("missing", "revisions[0].sections", "required"),
        ("error", "revisions[0].sections[0]", "empty_item"),
        ("error", "revisions[0].sections[1]", "empty_item"),
    }


# --- cross-field and format rules --------------------------------------------------


def test_rubric_platforms_must_name_a_platform_case_insensitively() -> None:
    assert check(changed("content.rubrics[1].platforms", ["instagram", " TELEGRAM "])) == []
    assert errors(changed("content.rubrics[1].platforms", ["Instagram", "Instgram", "TikTok"])) == {
        "content.rubrics[1].platforms[1]": (
            '"Instgram" is not the name of any [[platforms]] entry; did you mean "Instagram"?'
        ),
        "content.rubrics[1].platforms[2]": '"TikTok" is not the name of any [[platforms]] entry',
    }


def test_rubric_platforms_are_not_checked_against_a_platforms_value_of_a_wrong_type() -> None:
    assert set(errors(changed("platforms", "Instagram"))) == {"platforms"}


@pytest.mark.parametrize(
    ("path", "value", "dup_path", "first"),
    [
        ("mission.values[1].name", "HONESTY", "mission.values[1].name", "mission.values[0].name"),
        ("platforms[1].name", "instagram", "platforms[1].name", "platforms[0].name"),
        (
            "communication.templates[1].title",
            "Thanks for a review",
            "communication.templates[1].title",
            "communication.templates[0].title",
        ),
        (
            "content.rubrics[1].name",
            "behind the OVENS",
            "content.rubrics[1].name",
            "content.rubrics[0].name",
        ),
    ],
)
def test_names_are_unique_case_insensitively(
    path: str, value: str, dup_path: str, first: str
) -> None:
    data = changed(path, value)
    if path.startswith("platforms"):
        data["content"]["rubrics"][1]["platforms"] = ["Instagram"]
    problem = only(data)
    assert (problem.level, problem.path, problem.code) == ("error", dup_path, "duplicate_name")
    assert problem.message == f'"{value}" is already used at {first}; names must be unique'


def test_tool_names_are_unique() -> None:
    data = example()
    data["tools"].append({"name": "buffer "})
    assert errors(data) == {
        "tools[1].name": '"buffer " is already used at tools[0].name; names must be unique'
    }


def test_goals_do_not_repeat() -> None:
    assert errors(changed("communication.goals", ["trust", "sales", "trust"])) == {
        "communication.goals[2]": '"trust" is already listed at communication.goals[0]'
    }


@pytest.mark.parametrize(
    "tag",
    ["#NorthwindBakery", "#пекарня", "#Київ_2026", "#_x", "#2026", "#हिन्दी", "#ไทย", "#a"],
)
def test_good_hashtags(tag: str) -> None:
    assert check(changed("content.hashtags", [tag])) == []


@pytest.mark.parametrize(
    "tag", ["NorthwindBakery", "#", "##x", "#two words", "#a-b", "# x", "#x!", "#\u0301a", "#🍞"]
)
def test_bad_hashtags(tag: str) -> None:
    assert errors(changed("content.hashtags", [tag])) == {
        "content.hashtags[0]": f'"{tag}" is not a hashtag: # followed by letters, digits or _'
    }


def test_a_hashtag_is_at_most_100_characters() -> None:
    assert check(changed("content.hashtags", ["#" + "a" * 99])) == []
    assert errors(changed("content.hashtags", ["#" + "a" * 100])) == {
        "content.hashtags[0]": "a hashtag is at most 100 characters; this one has 101"
    }


def test_hashtags_do_not_repeat_case_insensitively_in_each_list() -> None:
    data = changed("content.hashtags", ["#Bread", "#x", "#BREAD"])
    data["content"]["rubrics"][0]["hashtags"] = ["#a", "#A"]
    assert errors(data) == {
        "content.hashtags[2]": '"#BREAD" is already listed at content.hashtags[0]',
        "content.rubrics[0].hashtags[1]": (
            '"#A" is already listed at content.rubrics[0].hashtags[0]'
        ),
    }


@pytest.mark.parametrize(
    "url",
    [
        "https://www.instagram.com/northwind.bakery",
        "http://example.com",
        "HTTPS://example.com/a?b=1#c",
        "https://пекарня.укр/",
        "https://example.com:8080/x",
    ],
)
def test_good_urls(url: str) -> None:
    assert check(changed("platforms[0].url", url)) == []
    assert check(changed("tools[0].url", url)) == []


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com",
        "javascript:alert(1)",
        "www.instagram.com/northwind",
        "/northwind",
        "https://",
        "https:// example.com",
        "https://example.com/a b",
        "https://example.com:port",
        "mailto:jane@northwind.example",
        "http://[::1",
    ],
)
def test_bad_urls(url: str) -> None:
    expected = f'"{url}" is not an absolute http or https URL'
    assert errors(changed("platforms[0].url", url)) == {"platforms[0].url": expected}
    assert errors(changed("tools[0].url", url)) == {"tools[0].url": expected}


@pytest.mark.parametrize("zone", ["Europe/Kyiv", "UTC", "America/New_York", "Asia/Kolkata"])
def test_good_time_zones(zone: str) -> None:
    assert check(changed("communication.response_time.timezone", zone)) == []


@pytest.mark.parametrize(
    "zone",
    [
        "Kyiv",
        "europe/kyiv",
        "/etc/passwd",
        "../../etc/passwd",
        "Mars/Olympus",
        "GMT+3 ",
        "localtime",
        "posixrules",
        "posix/Europe/Kyiv",
    ],
)
def test_bad_time_zones(zone: str) -> None:
    path = "communication.response_time.timezone"
    assert errors(changed(path, zone)) == {
        path: f'"{zone}" is not a time zone name such as Europe/Kyiv'
    }


def test_a_word_in_both_lists_is_an_error_at_the_avoided_word() -> None:
    data = changed("communication.avoided_words", ["product", "Fresh "])
    assert errors(data) == {
        "communication.avoided_words[1]": (
            '"Fresh " is also a preferred word (communication.preferred_words[1])'
        )
    }


@pytest.mark.parametrize("review_by", [dt.date(2026, 12, 1), dt.date(2026, 1, 1)])
def test_review_by_must_be_later_than_effective_on(review_by: dt.date) -> None:
    problem = only(changed("document.review_by", review_by))
    assert (problem.level, problem.path, problem.code) == (
        "error",
        "document.review_by",
        "review_not_later",
    )
    assert problem.message == f"{review_by.isoformat()} is not later than effective_on (2026-12-01)"


def test_revision_sections_must_be_section_names() -> None:
    assert check(changed("revisions[0].sections", list(SECTIONS))) == []
    assert errors(changed("revisions[0].sections", ["mission", "Mission", "revisions"])) == {
        "revisions[0].sections[1]": (
            '"Mission" is not a section name; one of: '
            "document, mission, platforms, tools, communication, content, security, roles, "
            "crisis, legal, accessibility, results"
        ),
        "revisions[0].sections[2]": (
            '"revisions" is not a section name; one of: '
            "document, mission, platforms, tools, communication, content, security, roles, "
            "crisis, legal, accessibility, results"
        ),
    }


# --- all problems together; wrong shapes ------------------------------------------


def test_every_problem_is_reported_together() -> None:
    assert {p.path: p.code for p in check(load("together.toml")) if p.level == "error"} == {
        "document.company": "wrong_type",
        "communication.response_time.first_reply_avg_minutes": "avg_over_max",
        "content.rubrics[0].platforms[0]": "unknown_platform",
    }


def test_wrong_shapes_are_errors_not_crashes() -> None:
    assert {p.path: p.code for p in check(load("wrong-shapes.toml")) if p.level == "error"} == {
        "schema_version": "wrong_type",
        "mission": "wrong_type",
        "platforms[0]": "wrong_type",
        "platforms[1]": "wrong_type",
        "tools": "wrong_type",
        "communication.response_time": "wrong_type",
        "communication.templates[0].title": "wrong_type",
        "communication.templates[0].text": "wrong_type",
        "content.hashtags[0]": "wrong_type",
        "content.hashtags[2]": "wrong_type",
        "content.rubrics": "wrong_type",
    }


@pytest.mark.parametrize(
    "data",
    [
        {"platforms": "x"},
        {"platforms": [1, 2]},
        {"mission": []},
        {"communication": {"response_time": 5}},
        {"communication": {"negative": {"escalation": "x"}}},
        {"content": {"rubrics": [{"platforms": 5, "hashtags": {"a": 1}}]}},
        {"document": {"effective_on": "x", "review_by": 5}},
        {1: 2, None: 3},
        {"document": {"company": None}},
        {"revisions": [{"sections": "mission", "date": "today"}]},
        {"schema_version": 10**40},
        {"communication": {"goals": [["sales"]], "preferred_words": "x", "avoided_words": [1]}},
    ],
)
def test_no_shape_raises(data: dict[Any, Any]) -> None:
    for problem in check(data):
        assert problem.message
        assert problem.level in ("error", "missing", "warning")


def test_a_value_that_is_not_a_table_at_all_is_one_error() -> None:
    problem = only([1, 2])
    assert (problem.level, problem.code) == ("error", "wrong_type")


TOML_SCALARS = (
    st.text(max_size=12)
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats()
    | st.booleans()
    | st.dates()
    | st.datetimes()
    | st.times()
)
KEYS = st.sampled_from(
    [
        *TOP_LEVEL_ORDER,
        "name",
        "title",
        "text",
        "url",
        "status",
        "goals",
        "hashtags",
        "rubrics",
        "response_time",
        "first_reply_max_minutes",
        "first_reply_avg_minutes",
        "timezone",
        "negative",
        "escalation",
        "sections",
        "values",
        "access",
        "effective_on",
        "review_by",
    ]
) | st.text(max_size=6)
JUNK = st.recursive(
    TOML_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=15,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(KEYS, JUNK, max_size=6))
def test_random_nested_junk_never_raises(data: dict[str, Any]) -> None:
    for problem in check(data):
        assert isinstance(problem.message, str)


JUNK_PATHS = sorted(
    set(EMPTY_MISSING)
    | {"schema_version", "platforms[0].url", "content.rubrics[0].platforms", "document.review_by"}
)


@settings(max_examples=80, deadline=None)
@given(path=st.sampled_from(JUNK_PATHS), junk=JUNK)
def test_junk_in_the_example_never_raises(path: str, junk: Any) -> None:
    for problem in check(changed(path, junk)):
        assert isinstance(problem.message, str)


# --- sections, is_blank, speed ----------------------------------------------------


def test_check_section_keeps_the_problems_of_one_section() -> None:
    data = load("together.toml")
    assert [p.path for p in check_section(data, "document", today=TODAY)] == ["document.company"]
    assert [p.path for p in check_section(data, "content", today=TODAY)] == [
        "content.rubrics[0].platforms[0]"
    ]
    assert check_section(data, "tools", today=TODAY) == []
    assert [p.path for p in check_section({}, "platforms")] == ["platforms"]


@pytest.mark.parametrize(
    ("value", "blank"),
    [(None, True), ("", True), ("  \t\n", True), ("\u3000", True), ("x", False), (0, False)],
)
def test_is_blank(value: Any, blank: bool) -> None:
    assert is_blank(value) is blank


def every_code_policy() -> dict[str, Any]:
    """The example broken in every way the rules know (besides a newer version)."""
    data = example()
    data["wat"] = 1
    data["document"].update(compnay="x", language="fr", company="x" * 201)
    data["document"]["review_by"] = dt.date(2026, 1, 1)
    data["mission"]["objectives"] = ["", 5]
    data["mission"]["positioning"] = "A neighbourhood bakery \x1b[2J"
    data["platforms"][0].update(url="ftp://x", access="password: Hunter22", two_factor=False)
    data["platforms"].append({"name": "instagram", "nmae": "x"})
    data["communication"]["goals"] = ["trust", "trust"]
    data["communication"]["avoided_words"] = ["bake"]
    data["communication"]["response_time"].update(
        first_reply_avg_minutes=45, timezone="Kyiv", working_hours=0
    )
    data["communication"]["negative"]["escalation"][0]["within_minutes"] = 0
    data["communication"]["negative"]["escalation"][1]["within_minutes"] = 99999
    data["communication"]["templates"][0].update(text="Hi {name")
    data["communication"]["templates"][1]["title"] = ""
    data["content"]["hashtags"] = ["bad", "#x", "#X", "#" + "a" * 100]
    rubric = data["content"]["rubrics"][0]
    rubric.update(platforms=["Instgram", "TikTok", "Threads"], hashtags=["#a", "#b"])
    data["revisions"][0]["sections"] = ["nope"]
    return data


def test_every_code_has_an_english_message_and_is_emitted() -> None:
    from tests.unit.test_rules_v2 import v2_samples

    samples = [
        every_code_policy(),
        *v2_samples(),
        {},
        changed("schema_version", 5),
        changed("schema_version", 0),
    ]
    codes: set[str] = set()
    for data in samples:
        for problem in check_policy(data, today=dt.date(2030, 1, 1)):
            assert problem.code in MESSAGES
            assert problem.message
            codes.add(problem.code)
    assert codes == set(MESSAGES) - {"invalid_value"}  # invalid_value: a fallback only


def test_the_code_table_of_messages_lists_every_code() -> None:
    from schemas import messages

    documented = set(
        re.findall(r"^\| (?:error|missing|warning) +\| (\w+) +\|", messages.__doc__ or "", re.M)
    )
    assert documented == set(MESSAGES)


def test_a_large_policy_is_checked_and_valid() -> None:
    from bench.scale import scaled_policy

    assert [p for p in check(scaled_policy(100)) if p.level != "warning"] == []
