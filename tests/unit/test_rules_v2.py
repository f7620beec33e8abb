"""The rules of format version 2: every key it adds at each level it can be wrong at
(error, missing, warning), and the versions (a key of version 2 needs
`schema_version = 2`; version 1 stays valid)."""

from __future__ import annotations

import copy
import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas import Problem, check_policy
from schemas.keypath import format_path
from schemas.lint import add_months, camel_case_needed
from schemas.model import WEEKDAYS
from schemas.versions import needed_version, version_to_write, version_two_keys

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_V2 = ROOT / "wizard" / "data" / "example-policy.toml"
EXAMPLE_UK = ROOT / "wizard" / "data" / "example-policy-uk.toml"
EXAMPLE_V1 = ROOT / "tests" / "fixtures" / "rules" / "example-policy.toml"
TODAY = dt.date(2026, 11, 28)


def load(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


V2 = load(EXAMPLE_V2)
V1 = load(EXAMPLE_V1)


def example() -> dict[str, Any]:
    return copy.deepcopy(V2)


def check(data: Any) -> list[Problem]:
    return check_policy(data, today=TODAY)


def found(data: Any) -> set[tuple[str, str, str]]:
    """(level, path, code) of every problem."""
    return {(p.level, p.path, p.code) for p in check(data)}


def only(data: Any) -> Problem:
    problems = check(data)
    assert len(problems) == 1, [(p.level, p.path, p.message) for p in problems]
    return problems[0]


def with_section(name: str, value: Any) -> dict[str, Any]:
    data = example()
    data[name] = value
    return data


def rubric(**keys: Any) -> dict[str, Any]:
    """The example with its first rubric's cadence replaced by `keys`."""
    data = example()
    entry = data["content"]["rubrics"][0]
    for key in ("times", "per", "days", "time"):
        entry.pop(key, None)
    entry.update(keys)
    return data


# --- versions ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", [EXAMPLE_V2, EXAMPLE_UK, EXAMPLE_V1])
def test_the_examples_have_no_problem(path: Path) -> None:
    assert check(load(path)) == []


def test_a_version_2_file_without_version_2_keys_is_valid() -> None:
    data = copy.deepcopy(V1)
    data["schema_version"] = 2
    assert check(data) == []


V2_KEYS = [
    "document.scope",
    "document.approver_title",
    "document.approved_on",
    "platforms[0].admins",
    "platforms[0].account_email",
    "communication.traits",
    "communication.tones",
    "content.rubrics[0].times",
    "content.rubrics[0].per",
    "content.rubrics[0].days",
    "content.rubrics[0].time",
    "content.rubrics[1].times",
    "content.rubrics[1].per",
    "content.rubrics[1].time",
    "security",
    "roles",
    "crisis",
    "legal",
    "accessibility",
    "results",
    "acknowledgements",
]


def test_every_version_2_key_under_version_1_is_an_error_at_that_key() -> None:
    data = example()
    data["schema_version"] = 1
    problems = check(data)
    assert [(p.level, p.path) for p in problems] == [("error", path) for path in V2_KEYS]
    assert {p.message for p in problems} == {"needs schema_version = 2"}
    assert [format_path(key) for key in version_two_keys(data)] == V2_KEYS


@pytest.mark.parametrize("section", ["security", "legal", "acknowledgements"])
def test_an_empty_section_under_version_1_needs_version_2(section: str) -> None:
    data = copy.deepcopy(V1)
    data[section] = [] if section == "acknowledgements" else {}
    assert ("error", section, "needs_version_2") in found(data)


def test_a_blank_version_2_value_counts_as_absent() -> None:
    data = copy.deepcopy(V1)
    data["document"]["scope"] = "  "
    data["platforms"][0]["account_email"] = ""
    assert check(data) == []
    assert needed_version(data) == 1


def test_without_a_version_the_message_names_the_version_the_file_needs() -> None:
    data = example()
    del data["schema_version"]
    problem = only(data)
    assert problem.message == "the file has no schema_version; write schema_version = 2"
    v1 = copy.deepcopy(V1)
    del v1["schema_version"]
    assert only(v1).message == "the file has no schema_version; write schema_version = 1"


@pytest.mark.parametrize(
    ("data", "saved", "written"),
    [
        ({"schema_version": 1}, {"schema_version": 1}, 1),
        ({"schema_version": 1, "legal": {}}, {"schema_version": 1}, 2),
        ({"schema_version": 2}, {"schema_version": 1}, 1),  # raised in the session only
        ({"schema_version": 2}, {"schema_version": 2}, 2),  # never downgraded
        ({"schema_version": 2, "legal": {}}, {"schema_version": 1}, 2),
        ({"schema_version": "1", "legal": {}}, {"schema_version": 1}, "1"),  # the author's
        ({"legal": {}}, {}, None),
        ({"schema_version": True, "legal": {}}, {"schema_version": True}, True),
    ],
)
def test_the_version_to_write(data: dict[str, Any], saved: dict[str, Any], written: Any) -> None:
    assert version_to_write(data, saved) == written


# --- additions to the tables of version 1 -------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value", "code", "message"),
    [
        ("scope", 5, "wrong_type", "expected a string, got an integer 5"),
        ("approver_title", ["x"], "wrong_type", "expected a string, got an array"),
        (
            "approved_on",
            "2026-11-28",
            "wrong_type",
            'expected a date such as 2026-12-01 (without quotes), got a string "2026-11-28"',
        ),
    ],
)
def test_document_errors(path: str, value: Any, code: str, message: str) -> None:
    data = example()
    data["document"][path] = value
    problem = only(data)
    assert (problem.level, problem.path, problem.code, problem.message) == (
        "error",
        f"document.{path}",
        code,
        message,
    )


def test_approved_after_effective_is_a_warning() -> None:
    data = example()
    data["document"]["approved_on"] = dt.date(2026, 12, 2)
    problem = only(data)
    assert (problem.level, problem.path, problem.code) == (
        "warning",
        "document.approved_on",
        "approved_after_effective",
    )
    assert problem.message == "2026-12-02 is after effective_on (2026-12-01)"
    data["document"]["approved_on"] = dt.date(2026, 12, 1)  # the same day is fine
    assert check(data) == []


@pytest.mark.parametrize(
    ("value", "path", "code"),
    [
        ("SMM manager", "platforms[0].admins", "wrong_type"),
        (["SMM manager", ""], "platforms[0].admins[1]", "empty_item"),
        ([1, "x"], "platforms[0].admins[0]", "wrong_type"),
    ],
)
def test_admins_errors(value: Any, path: str, code: str) -> None:
    data = example()
    data["platforms"][0]["admins"] = value
    assert ("error", path, code) in found(data)


def test_account_email_of_the_wrong_type() -> None:
    data = example()
    data["platforms"][0]["account_email"] = ["a@b.c"]
    assert only(data).code == "wrong_type"


@pytest.mark.parametrize(
    "email",
    [
        "northwind.bakery@gmail.com",
        "bakery@UKR.NET",
        "x@i.ua",
        "x@meta.ua",
        "x@proton.me",
        "x@icloud.com",
        "x@yahoo.com",
        "x@hotmail.com",
        "x@outlook.com",
    ],
)
def test_a_public_mailbox_is_a_warning(email: str) -> None:
    data = example()
    data["platforms"][0]["account_email"] = email
    problem = only(data)
    assert (problem.level, problem.path, problem.code) == (
        "warning",
        "platforms[0].account_email",
        "public_mailbox",
    )
    assert problem.params["domain"] == email.rpartition("@")[2].lower()


@pytest.mark.parametrize("email", ["social@northwind.example", "x@gmail.com.ua", "gmail.com"])
def test_an_organisation_mailbox_is_fine(email: str) -> None:
    data = example()
    data["platforms"][0]["account_email"] = email
    assert check(data) == []


def test_traits_and_tones() -> None:
    data = example()
    data["communication"]["traits"].append({"example": "x"})
    data["communication"]["traits"][0]["is"] = 5
    data["communication"]["traits"][1]["is_"] = "x"
    data["communication"]["tones"].append({"situation": "a COMPLAINT "})
    data["communication"]["tones"].append({"tone": "calm"})
    assert found(data) == {
        ("error", "communication.traits[0].is", "wrong_type"),
        ("error", "communication.traits[1].is_", "unknown_key_hint"),
        ("missing", "communication.traits[2].is", "required"),
        ("missing", "communication.traits[2].is_not", "required"),
        ("error", "communication.tones[2].situation", "duplicate_name"),
        ("missing", "communication.tones[2].tone", "required"),
        ("missing", "communication.tones[3].situation", "required"),
    }


# --- a rubric's cadence ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ({"times": 2, "per": "week", "days": ["mon", "thu"], "time": dt.time(10)}, set()),
        ({"times": 3, "per": "day"}, set()),
        ({"times": 1, "per": "month", "time": dt.time(18, 30)}, set()),
        ({}, set()),
        ({"times": 2}, {("content.rubrics[0].times", "cadence_without_per")}),
        ({"per": "week"}, {("content.rubrics[0].per", "cadence_without_times")}),
        (
            {"days": ["mon"]},
            {("content.rubrics[0].days", "cadence_incomplete")},
        ),
        (
            {"time": dt.time(9), "times": 1},
            {
                ("content.rubrics[0].times", "cadence_without_per"),
                ("content.rubrics[0].time", "cadence_incomplete"),
            },
        ),
        (
            {"times": 1, "per": "day", "days": ["mon"]},
            {("content.rubrics[0].days", "days_without_week")},
        ),
        (
            {"times": 3, "per": "week", "days": ["mon", "wed"]},
            {("content.rubrics[0].days", "days_count")},
        ),
        (
            {"times": 2, "per": "week", "days": ["mon", "mon"]},
            {("content.rubrics[0].days[1]", "repeated_item")},
        ),
        ({"times": 0, "per": "week"}, {("content.rubrics[0].times", "too_small")}),
        ({"times": 32, "per": "month"}, {("content.rubrics[0].times", "too_large")}),
        ({"times": "2", "per": "week"}, {("content.rubrics[0].times", "wrong_type")}),
        ({"times": 2, "per": "year"}, {("content.rubrics[0].per", "not_one_of")}),
        (
            {"times": 1, "per": "week", "days": ["monday"]},
            {("content.rubrics[0].days[0]", "not_one_of")},
        ),
        (
            {"times": 1, "per": "day", "time": "10:00:00"},
            {("content.rubrics[0].time", "wrong_type")},
        ),
        (
            {"times": 1, "per": "week", "days": "mon"},
            {("content.rubrics[0].days", "wrong_type")},
        ),
    ],
)
def test_cadence(keys: dict[str, Any], expected: set[tuple[str, str]]) -> None:
    assert {(p.path, p.code) for p in check(rubric(**keys))} == expected


def test_cadence_messages() -> None:
    messages = {
        p.code: p.message
        for data in (
            rubric(times=2),
            rubric(per="week"),
            rubric(days=["mon"]),
            rubric(times=1, per="day", days=["mon"]),
            rubric(times=3, per="week", days=["mon", "wed"]),
            rubric(times=1, per="day", time="10:00"),
        )
        for p in check(data)
    }
    assert messages == {
        "cadence_without_per": 'times needs per: "day", "week" or "month"',
        "cadence_without_times": "per needs times: how many posts in each period",
        "cadence_incomplete": "days needs times and per: the cadence comes first",
        "days_without_week": 'days go with per = "week" only; here per = "day"',
        "days_count": "2 days for times = 3: list one day for each post",
        "wrong_type": 'expected a time such as 10:00:00 (without quotes), got a string "10:00"',
    }


CADENCE = st.fixed_dictionaries(
    {},
    optional={
        "times": st.integers(min_value=-2, max_value=40) | st.text(max_size=3),
        "per": st.sampled_from(["day", "week", "month", "year", ""]),
        "days": st.lists(st.sampled_from([*WEEKDAYS, "x", ""]), max_size=9),
        "time": st.times() | st.text(max_size=5),
    },
)


@settings(max_examples=200, deadline=None)
@given(CADENCE)
def test_any_cadence_gives_problems_at_its_own_keys_only(keys: dict[str, Any]) -> None:
    problems = check(rubric(**keys))
    assert all(p.path.startswith("content.rubrics[0].") for p in problems), problems
    assert all(p.level == "error" for p in problems)


@settings(max_examples=100, deadline=None)
@given(
    days=st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True),
    time=st.times(),
)
def test_a_weekly_cadence_with_one_day_a_post_is_valid(days: list[str], time: dt.time) -> None:
    assert check(rubric(times=len(days), per="week", days=days, time=time)) == []


# --- the optional sections: missing only when included ------------------------------------


@pytest.mark.parametrize(
    ("section", "missing"),
    [
        (
            "security",
            [
                "security.password_manager",
                "security.two_factor_required",
                "security.access_review_every_months",
                "security.offboarding",
            ],
        ),
        ("roles", ["roles.people"]),
        ("crisis", ["crisis.levels"]),
        ("legal", ["legal"]),
        ("accessibility", ["accessibility"]),
        ("results", ["results.metrics"]),
    ],
)
def test_an_included_empty_section_lacks_its_required_keys(
    section: str, missing: list[str]
) -> None:
    data = with_section(section, {})
    if section == "security":
        data["platforms"][0].pop("admins")  # without [security], no admins warning
    problems = [p for p in check(data) if p.level != "warning"]
    assert [(p.level, p.path) for p in problems] == [("missing", path) for path in missing]


@pytest.mark.parametrize("section", ["security", "roles", "crisis", "legal", "accessibility"])
def test_a_section_left_out_lacks_nothing(section: str) -> None:
    data = example()
    del data[section]
    assert [p for p in check(data) if p.level != "warning"] == []


def test_legal_and_accessibility_need_one_key_whichever() -> None:
    problem = only(with_section("legal", {"ad_label": " "}))
    assert (problem.level, problem.path, problem.code) == ("missing", "legal", "required_any")
    assert problem.message == (
        "not defined yet: write at least one of ad_label, user_content, copyright, "
        "personal_data, ai_content, employee_accounts, consequences"
    )
    assert check(with_section("legal", {"consequences": "A talk with the director."})) == []
    assert check(with_section("accessibility", {"alt_text": False})) == []
    assert check(with_section("accessibility", {"max_emoji": 0})) == []


def test_security_errors() -> None:
    data = example()
    data["security"].update(
        two_factor_required="yes",
        min_admins=0,
        access_review_every_months=25,
        last_access_review="2026-11-20",
        offboarding=["Remove admin rights", ""],
        hacked_account="Call support",
        password_manager=1,
    )
    assert found(data) == {
        ("error", "security.password_manager", "wrong_type"),
        ("error", "security.two_factor_required", "wrong_type"),
        ("error", "security.min_admins", "too_small"),
        ("error", "security.access_review_every_months", "too_large"),
        ("error", "security.last_access_review", "wrong_type"),
        ("error", "security.offboarding[1]", "empty_item"),
        ("error", "security.hacked_account", "wrong_type"),
    }


def test_security_ranges() -> None:
    data = example()
    data["security"].update(min_admins=11, access_review_every_months=0)
    assert found(data) == {
        ("error", "security.min_admins", "too_large"),
        ("error", "security.access_review_every_months", "too_small"),
    }
    data["security"].update(min_admins=10, access_review_every_months=24)
    data["platforms"][0]["admins"] = [f"admin {n}" for n in range(10)]
    assert check(data) == []


def test_two_factor_required_false_is_a_value() -> None:
    data = example()
    data["security"]["two_factor_required"] = False
    assert check(data) == []


def test_a_password_in_the_password_manager_key_is_a_warning() -> None:
    data = example()
    data["security"]["password_manager"] = "password: Kyiv2024!"
    assert ("warning", "security.password_manager", "secret_value") in found(data)


def test_roles() -> None:
    data = example()
    people = data["roles"]["people"]
    people.append({"name": " oksana melnyk", "role": "Intern"})
    people.append({"role": "Designer", "backup": "Jane Do"})
    people.append({"name": "Ivan", "role": "Photographer", "backup": "ivan"})
    people.append({"name": "Taras", "backup": "Nobody Atall"})
    data["roles"]["approvals"].append({"approver": "Oksana"})
    data["roles"]["approvals"].append({"content": "Ads", "approver": "Jane Doe", "within_hours": 0})
    data["roles"]["approvals"][0]["within_hours"] = 721
    assert found(data) == {
        ("error", "roles.people[2].name", "duplicate_name"),
        ("missing", "roles.people[3].name", "required"),
        ("error", "roles.people[3].backup", "unknown_person_hint"),
        ("error", "roles.people[4].backup", "backup_is_self"),
        ("missing", "roles.people[5].role", "required"),
        ("error", "roles.people[5].backup", "unknown_person"),
        ("error", "roles.approvals[0].within_hours", "too_large"),
        ("missing", "roles.approvals[2].content", "required"),
        ("error", "roles.approvals[2].approver", "unknown_person_hint"),
        ("error", "roles.approvals[3].within_hours", "too_small"),
    }
    messages = {p.path: p.message for p in check(data)}
    assert messages["roles.people[3].backup"] == (
        '"Jane Do" is not the name of any [[roles.people]] entry; did you mean "Jane Doe"?'
    )
    assert messages["roles.people[4].backup"] == (
        '"ivan" is this person\'s own name; a backup is someone else'
    )


def test_a_backup_and_an_approver_match_names_ignoring_case() -> None:
    data = example()
    data["roles"]["people"][0]["backup"] = "  JANE DOE "
    data["roles"]["approvals"][0]["approver"] = "jane doe"
    assert check(data) == []


def test_crisis() -> None:
    data = example()
    crisis = data["crisis"]
    crisis["levels"].append({"name": "low", "respond_within_minutes": 0})
    crisis["levels"][0]["respond_within_minutes"] = 10081
    crisis["levels"][1]["actions"] = [""]
    crisis["statements"].append({"title": "WE ARE LOOKING INTO IT"})
    crisis["contacts"].append({"hours": "9-18"})
    crisis["first_steps"] = "Pause"
    assert found(data) == {
        ("error", "crisis.levels[0].respond_within_minutes", "too_large"),
        ("error", "crisis.levels[1].actions[0]", "empty_item"),
        ("error", "crisis.levels[2].name", "duplicate_name"),
        ("missing", "crisis.levels[2].decides", "required"),
        ("error", "crisis.levels[2].respond_within_minutes", "too_small"),
        ("error", "crisis.first_steps", "wrong_type"),
        ("error", "crisis.statements[1].title", "duplicate_name"),
        ("missing", "crisis.statements[1].text", "required"),
        ("missing", "crisis.contacts[1].name", "required"),
        ("missing", "crisis.contacts[1].contact", "required"),
    }


def test_a_crisis_contact_backup_is_free_text() -> None:
    data = example()
    data["crisis"]["contacts"][0]["backup"] = "Anyone on the night shift"
    assert check(data) == []


def test_legal_and_accessibility_types() -> None:
    data = example()
    data["legal"]["ad_label"] = 1
    data["legal"]["ad_lable"] = "x"
    data["accessibility"].update(alt_text="yes", max_emoji=21)
    assert found(data) == {
        ("error", "legal.ad_label", "wrong_type"),
        ("error", "legal.ad_lable", "unknown_key_hint"),
        ("error", "accessibility.alt_text", "wrong_type"),
        ("error", "accessibility.max_emoji", "too_large"),
    }
    data = example()
    data["accessibility"]["max_emoji"] = -1
    assert only(data).code == "too_small"


def test_results() -> None:
    data = example()
    metrics = data["results"]["metrics"]
    metrics.append({"name": "REPLY TIME", "goal": "fun"})
    metrics.append({"goal": "trust", "source": "Google Analytics"})
    assert found(data) == {
        ("error", "results.metrics[2].name", "duplicate_name"),
        ("error", "results.metrics[2].goal", "not_one_of"),
        ("missing", "results.metrics[3].name", "required"),
        ("warning", "results.metrics[3].source", "unknown_tool"),
    }


def test_a_metric_source_matches_a_tool_ignoring_case() -> None:
    data = example()
    data["results"]["metrics"][0]["source"] = " buffer"
    assert check(data) == []


def test_acknowledgements() -> None:
    data = example()
    data["acknowledgements"].append({"organisation": "Agency", "date": "2026-12-01"})
    data["acknowledgements"].append(
        {"name": "Ivan", "date": dt.date(2026, 12, 2), "version": "1.0"}
    )
    assert found(data) == {
        ("missing", "acknowledgements[1].name", "required"),
        ("error", "acknowledgements[1].date", "wrong_type"),
        ("warning", "acknowledgements[2].version", "acknowledged_other_version"),
    }
    problem = next(p for p in check(data) if p.level == "warning")
    assert problem.message == (
        'accepted version "1.0", not the current "1.1": a new signature is needed'
    )


def test_an_acknowledgement_without_a_version_or_a_document_version_warns_of_nothing() -> None:
    data = example()
    data["acknowledgements"][0].pop("version")
    assert check(data) == []
    data = example()
    data["document"].pop("version")
    assert check(data) == []


# --- the lint of version 2 --------------------------------------------------------------------


def test_too_few_admins_when_security_is_included() -> None:
    data = example()
    data["platforms"][0]["admins"] = ["SMM manager"]
    problem = only(data)
    assert (problem.level, problem.path, problem.code) == (
        "warning",
        "platforms[0].admins",
        "too_few_admins",
    )
    assert problem.message == (
        "1 admin, fewer than 2: one person's absence would lock the brand out"
    )
    data["security"]["min_admins"] = 1
    assert check(data) == []
    data["security"]["min_admins"] = 3
    data["platforms"][0]["admins"] = ["a", "b", ""]  # a blank admin is no admin
    assert found(data) == {
        ("error", "platforms[0].admins[2]", "empty_item"),
        ("warning", "platforms[0].admins", "too_few_admins"),
    }


def test_a_platform_without_admins_is_warned_at_the_entry() -> None:
    data = example()
    del data["platforms"][0]["admins"]
    problem = only(data)
    assert (problem.path, problem.code, problem.params) == (
        "platforms[0]",
        "too_few_admins",
        {"count": 0, "min": 2},
    )


def test_admins_are_not_counted_without_security_or_on_an_inactive_platform() -> None:
    data = example()
    del data["platforms"][0]["admins"]
    data["platforms"][0]["status"] = "paused"
    assert check(data) == []
    data = example()
    del data["platforms"][0]["admins"]
    del data["security"]
    assert check(data) == []


def test_an_overdue_access_review() -> None:
    data = example()
    data["security"]["last_access_review"] = dt.date(2026, 5, 27)
    problem = only(data)
    assert (problem.level, problem.path, problem.code) == (
        "warning",
        "security.last_access_review",
        "access_review_overdue",
    )
    assert problem.message == (
        "the last access review (2026-05-27) is more than 6 months ago: access is due for review"
    )
    data["security"]["last_access_review"] = dt.date(2026, 5, 28)  # due today: not overdue
    assert check(data) == []


@pytest.mark.parametrize(
    ("day", "months", "later"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
        (dt.date(2026, 6, 15), 24, dt.date(2028, 6, 15)),
        (dt.date(2026, 12, 1), 12, dt.date(2027, 12, 1)),
    ],
)
def test_add_months(day: dt.date, months: int, later: dt.date) -> None:
    assert add_months(day, months) == later


@pytest.mark.parametrize(
    ("tag", "needed"),
    [
        ("#northwindbakery", True),
        ("#NorthwindBakery", False),
        ("#northwind_bakery_2026", True),
        ("#breadofthe", False),  # 10 letters
        ("#abcdefghijkl", False),  # 12 letters: not more than 12
        ("#abcdefghijklm", True),
        ("#свіжийхлібщоранку", True),
        ("#СвіжийХліб", False),
        ("#日本語日本語日本語日本語日本語", False),  # a script without capitals
    ],
)
def test_camel_case_needed(tag: str, needed: bool) -> None:
    assert camel_case_needed(tag) is needed


def test_a_long_lowercase_hashtag_is_a_warning_when_camel_case_is_asked_for() -> None:
    data = example()
    data["content"]["hashtags"].append("#northwindbakeryoldtown")
    data["content"]["rubrics"][0]["hashtags"].append("#bakedatdawneveryday")
    assert found(data) == {
        ("warning", "content.hashtags[2]", "hashtag_not_camel_case"),
        ("warning", "content.rubrics[0].hashtags[1]", "hashtag_not_camel_case"),
    }
    data["accessibility"]["camel_case_hashtags"] = False
    assert check(data) == []
    del data["accessibility"]
    assert check(data) == []


def test_no_warning_where_the_key_has_an_error() -> None:
    data = example()
    data["schema_version"] = 1
    data["platforms"][0]["account_email"] = "x@gmail.com"
    assert ("warning", "platforms[0].account_email", "public_mailbox") not in found(data)


def every_v2_code_policy() -> dict[str, Any]:
    """The version-2 example broken in every way the rules of version 2 know."""
    data = example()
    data["document"]["approved_on"] = dt.date(2027, 1, 1)
    data["platforms"][0].update(admins=["one"], account_email="x@gmail.com")
    rubrics = data["content"]["rubrics"]
    rubrics[0].update(times=3)  # days_count
    rubrics[1].update(days=["mon"])  # days_without_week
    rubrics.append({"name": "A", "times": 1})  # cadence_without_per
    rubrics.append({"name": "B", "per": "week", "time": dt.time(9)})  # without times, incomplete
    data["content"]["hashtags"].append("#northwindbakeryoldtown")
    data["security"]["last_access_review"] = dt.date(2020, 1, 1)
    data["roles"]["people"][0]["backup"] = "Oksana Melnyk"
    data["roles"]["people"][1]["backup"] = "Jane Do"
    data["roles"]["approvals"][0]["approver"] = "Nobody Atall"
    data["legal"] = {}
    data["results"]["metrics"][1]["source"] = "Excel"
    data["acknowledgements"][0]["version"] = "1.0"
    return data


def v2_samples() -> list[dict[str, Any]]:
    """Policies that hold between them a case of every problem of version 2."""
    v1 = copy.deepcopy(V1)
    v1["legal"] = {}  # needs_version_2
    return [every_v2_code_policy(), v1]


def test_every_v2_code_is_emitted() -> None:
    codes = {p.code for data in v2_samples() for p in check(data)}
    assert codes >= {
        "needs_version_2",
        "cadence_without_per",
        "cadence_without_times",
        "cadence_incomplete",
        "days_without_week",
        "days_count",
        "unknown_person",
        "unknown_person_hint",
        "backup_is_self",
        "required_any",
        "too_few_admins",
        "public_mailbox",
        "access_review_overdue",
        "hashtag_not_camel_case",
        "approved_after_effective",
        "acknowledged_other_version",
        "unknown_tool",
    }


def _leaves(value: Any, parts: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The key path of every value of the data that is not a table or an array of
    tables (arrays of scalars count as one value)."""
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, (*parts, key))]
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        return [leaf for i, item in enumerate(value) for leaf in _leaves(item, (*parts, i))]
    return [parts]


def _version_two_leaves() -> list[tuple[Any, ...]]:
    v2_keys = {format_path(key) for key in version_two_keys(V2)}
    return [
        parts
        for parts in _leaves(V2)
        if any(
            format_path(parts) == key or format_path(parts).startswith((f"{key}.", f"{key}["))
            for key in v2_keys
        )
    ]


WRONG: dict[str, tuple[Any, str]] = {
    "string": (5, "wrong_type"),
    "integer": ("5", "wrong_type"),
    "boolean": ("yes", "wrong_type"),
    "date": ("2026-12-01", "wrong_type"),
    "time": ("10:00:00", "wrong_type"),
    "enum": ("nope", "not_one_of"),
    "array": ("one", "wrong_type"),
}
"""A value of the wrong type for each kind of key, and the error it gives."""


@pytest.mark.parametrize("parts", _version_two_leaves(), ids=format_path)
def test_every_version_2_value_of_the_wrong_type_is_an_error_at_its_key(
    parts: tuple[Any, ...],
) -> None:
    from schemas.fields import FieldSpec, spec_at

    spec = spec_at(parts)
    assert isinstance(spec, FieldSpec)
    value, code = WRONG[spec.kind]
    data = example()
    node: Any = data
    for part in parts[:-1]:
        node = node[part]
    node[parts[-1]] = value
    errors = {(p.path, p.code) for p in check(data) if p.level == "error"}
    assert (format_path(parts), code) in errors


def test_the_version_2_leaves_cover_every_key_of_version_2() -> None:
    """The example holds every key of version 2, so the test above tries each."""
    from schemas.fields import FieldSpec, TableSpec, root

    def keys(spec: TableSpec | FieldSpec, path: str) -> set[str]:
        table = spec if isinstance(spec, TableSpec) else spec.table
        if table is None:
            return {path}
        found: set[str] = set()
        for name, field in table.fields.items():
            found |= keys(field, f"{path}.{name}" if path else name)
        return found

    every = keys(root(), "")
    generic = {re.sub(r"\[\d+\]", "", format_path(parts)) for parts in _version_two_leaves()}
    version_two = {
        key
        for key in every
        if key.split(".")[0] in ("security", "roles", "crisis", "legal", "accessibility")
        or key.split(".")[0] in ("results", "acknowledgements")
        or key in {"document.scope", "document.approver_title", "document.approved_on"}
        or key in {"platforms.admins", "platforms.account_email"}
        or key.startswith(("communication.traits", "communication.tones"))
        or key in {f"content.rubrics.{k}" for k in ("times", "per", "days", "time")}
    }
    assert version_two <= generic, sorted(version_two - generic)
