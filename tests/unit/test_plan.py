"""The content plan's engine (`exports.plan`): slots from the rubrics' cadence, on the
policy's data as `tomllib` gives it."""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from exports.plan import (
    DEFAULT_TIMES,
    OTHER_TIME,
    Cadence,
    Period,
    Plan,
    build_plan,
    local_zone,
    month_from,
    month_period,
    next_monday,
    next_month,
    read_cadence,
    weeks_period,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "wizard" / "data" / "example-policy.toml"
FIXTURES = ROOT / "tests" / "fixtures" / "plan"
KYIV = ZoneInfo("Europe/Kyiv")

FOUR_WEEKS = weeks_period(dt.date(2026, 3, 2), 4)
"""Monday 2 March to Sunday 29 March 2026: four whole weeks."""


def load(path: Path) -> dict[str, Any]:
    with path.open("rb") as file:
        return tomllib.load(file)


def example(**cadences: dict[str, Any]) -> dict[str, Any]:
    """The example policy with its rubrics' cadence as given, by rubric name (a rubric
    not named has none)."""
    data = load(EXAMPLE)
    for rubric in data["content"]["rubrics"]:
        for key in ("times", "per", "days", "time"):
            rubric.pop(key, None)
        rubric.update(cadences.get(rubric["name"], {}))
    return data


def counts(plan: Plan) -> Counter[tuple[str, str]]:
    """Slots per (rubric, platform)."""
    return Counter((slot.rubric.name, slot.platform.name) for slot in plan.slots)


def test_the_fixture_policies_plan_their_cadence_for_a_month() -> None:
    plan = build_plan(load(FIXTURES / "cadence-policy.toml"), month_period(2026, 3))
    assert counts(plan) == {
        ("Behind the ovens", "Instagram"): 9,  # Tuesdays and Fridays of March 2026
        ("Fresh today", "Instagram"): 31,
        ("Saturday class", "Instagram"): 2,
    }
    assert plan.zone_name == "Europe/Kyiv"
    assert [(u.rubric.name, u.reason) for u in plan.unscheduled] == [
        ("Baker's notes", "no_cadence")
    ]
    assert [(p.name, p.status) for p in plan.inactive] == [
        ("Telegram", "planned"),
        ("Facebook", "paused"),
    ]


@pytest.mark.parametrize(
    ("cadence", "expected"),
    [
        ({"times": 2, "per": "week"}, 8),
        ({"times": 3, "per": "week", "days": ["mon", "wed", "sat"]}, 12),
        ({"times": 10, "per": "week"}, 40),
        ({"times": 1, "per": "day"}, 28),
        ({"times": 4, "per": "day"}, 112),
        ({"times": 7, "per": "day"}, 196),
        ({"times": 31, "per": "week"}, 124),
    ],
)
def test_slot_counts_equal_the_cadence_over_whole_weeks(
    cadence: dict[str, Any], expected: int
) -> None:
    plan = build_plan(example(**{"Behind the ovens": cadence}), FOUR_WEEKS)
    assert counts(plan)[("Behind the ovens", "Instagram")] == expected


@pytest.mark.parametrize("times", [1, 2, 3, 7, 28, 31])
@pytest.mark.parametrize("month", [(2026, 2), (2026, 3), (2028, 2)])
def test_a_monthly_cadence_gives_times_slots_in_each_month(
    times: int, month: tuple[int, int]
) -> None:
    data = example(**{"Behind the ovens": {"times": times, "per": "month"}})
    plan = build_plan(data, month_period(*month))
    slots = plan.slots
    assert len(slots) == times
    assert all(slot.date.month == month[1] for slot in slots)
    spread = Counter(slot.date for slot in slots)
    assert max(spread.values()) == -(-times // month_period(*month).days)  # as even as it goes


def test_a_monthly_cadence_is_spread_over_the_month() -> None:
    data = example(**{"Behind the ovens": {"times": 2, "per": "month"}})
    days = [slot.date.day for slot in build_plan(data, month_period(2026, 4)).slots]
    assert days == [8, 23]
    one = example(**{"Behind the ovens": {"times": 1, "per": "month"}})
    assert [s.date.day for s in build_plan(one, month_period(2026, 4)).slots] == [16]


@pytest.mark.parametrize(
    ("times", "weekdays"),
    [
        (1, {"Wed"}),
        (2, {"Tue", "Fri"}),
        (3, {"Mon", "Wed", "Fri"}),
        (4, {"Mon", "Wed", "Fri", "Sun"}),
        (5, {"Mon", "Tue", "Wed", "Thu", "Fri"}),
        (7, {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}),
    ],
)
def test_a_weekly_cadence_without_days_is_spread_over_the_week(
    times: int, weekdays: set[str]
) -> None:
    data = example(**{"Behind the ovens": {"times": times, "per": "week"}})
    plan = build_plan(data, FOUR_WEEKS)
    assert {slot.start.strftime("%a") for slot in plan.slots} == weekdays
    per_week = Counter(slot.date.isocalendar().week for slot in plan.slots)
    assert set(per_week.values()) == {times}


def test_more_than_seven_a_week_put_the_extra_slots_three_hours_later() -> None:
    data = example(**{"Behind the ovens": {"times": 9, "per": "week", "time": dt.time(10)}})
    plan = build_plan(data, weeks_period(dt.date(2026, 3, 2), 1))
    by_day = Counter(slot.start.strftime("%a %H:%M") for slot in plan.slots)
    assert by_day["Tue 10:00"] == by_day["Tue 13:00"] == 1  # 9 = 7 + the spread of 2
    assert by_day["Fri 13:00"] == 1
    assert len(plan.slots) == 9


def test_days_and_time_are_as_given() -> None:
    cadence = {"times": 2, "per": "week", "days": ["thu", "tue"], "time": dt.time(10, 15)}
    plan = build_plan(example(**{"Behind the ovens": cadence}), month_period(2026, 3))
    assert {slot.start.strftime("%a %H:%M") for slot in plan.slots} == {"Tue 10:15", "Thu 10:15"}
    assert len(plan.slots) == 9  # Tuesdays 3, 10, 17, 24, 31; Thursdays 5, 12, 19, 26


def test_without_a_time_each_platform_has_its_default() -> None:
    data = example(**{"Fresh today": {"times": 1, "per": "day"}})
    for platform in data["platforms"]:
        platform["status"] = "active"
    data["platforms"].append({"name": "Mastodon", "status": "active", "owner": "x"})
    data["content"]["rubrics"][1]["platforms"] = ["Instagram", "Telegram", "Mastodon"]
    plan = build_plan(data, weeks_period(dt.date(2026, 3, 2), 1))
    times = {slot.platform.name: slot.start.time() for slot in plan.slots}
    assert times == {
        "Instagram": DEFAULT_TIMES["instagram"],
        "Telegram": DEFAULT_TIMES["telegram"],
        "Mastodon": OTHER_TIME,
    }


def test_several_a_day_start_at_nine_and_follow_every_three_hours() -> None:
    data = example(**{"Fresh today": {"times": 3, "per": "day"}})
    plan = build_plan(data, Period(dt.date(2026, 3, 3), dt.date(2026, 3, 3)))
    assert [slot.start.strftime("%H:%M") for slot in plan.slots] == ["09:00", "12:00", "15:00"]
    at = example(**{"Fresh today": {"times": 2, "per": "day", "time": dt.time(7, 30)}})
    plan = build_plan(at, Period(dt.date(2026, 3, 3), dt.date(2026, 3, 3)))
    assert [slot.start.strftime("%H:%M") for slot in plan.slots] == ["07:30", "10:30"]


def test_slots_past_midnight_fall_on_the_next_morning_and_every_day_keeps_its_count() -> None:
    data = example(**{"Fresh today": {"times": 6, "per": "day"}})
    plan = build_plan(data, weeks_period(dt.date(2026, 3, 2), 1))
    per_day = Counter(slot.date for slot in plan.slots)
    assert set(per_day.values()) == {6}
    first_day = [slot.start.strftime("%H:%M") for slot in plan.slots if slot.date.day == 2]
    assert first_day == ["00:00", "09:00", "12:00", "15:00", "18:00", "21:00"]


def test_no_slot_on_a_paused_or_planned_platform() -> None:
    data = load(FIXTURES / "cadence-policy.toml")
    plan = build_plan(data, month_period(2026, 3))
    assert {slot.platform.name for slot in plan.slots} == {"Instagram"}
    data["platforms"][0]["status"] = "paused"
    plan = build_plan(data, month_period(2026, 3))
    assert plan.slots == ()
    assert {(u.rubric.name, u.reason) for u in plan.unscheduled} == {
        ("Behind the ovens", "not_active"),
        ("Fresh today", "not_active"),
        ("Saturday class", "not_active"),
        ("Baker's notes", "no_cadence"),
    }
    assert [p.name for p in plan.inactive] == ["Instagram", "Telegram", "Facebook"]


def test_an_absent_status_is_active() -> None:
    data = example(**{"Fresh today": {"times": 1, "per": "day"}})
    del data["platforms"][1]["status"]
    plan = build_plan(data, month_period(2026, 3))
    assert counts(plan)[("Fresh today", "Telegram")] == 31


def test_rubrics_that_cannot_be_scheduled_say_why() -> None:
    data = example(
        **{
            "Behind the ovens": {"times": 2, "per": "month", "days": ["mon", "tue"]},
            "Fresh today": {"times": 1, "per": "day"},
        }
    )
    data["content"]["rubrics"][1]["platforms"] = []
    data["content"]["rubrics"].append({"name": "Ghost", "times": 1, "per": "week"})
    data["content"]["rubrics"].append({"name": "Half", "times": 1})
    plan = build_plan(data, month_period(2026, 3))
    assert plan.slots == ()
    assert [(u.rubric.name, u.reason) for u in plan.unscheduled] == [
        ("Behind the ovens", "bad_cadence"),
        ("Fresh today", "no_platforms"),
        ("Ghost", "no_platforms"),
        ("Half", "bad_cadence"),
    ]


@pytest.mark.parametrize(
    "keys",
    [
        {"times": 0, "per": "week"},
        {"times": 32, "per": "week"},
        {"times": True, "per": "week"},
        {"times": "2", "per": "week"},
        {"times": 2, "per": "fortnight"},
        {"times": 2, "per": "week", "days": ["tue"]},
        {"times": 2, "per": "week", "days": ["tue", "tue"]},
        {"times": 2, "per": "week", "days": ["tue", "friday"]},
        {"times": 2, "per": "day", "days": ["tue", "fri"]},
        {"times": 2, "per": "week", "time": "10:00"},
        {"per": "week"},
        {"days": ["mon"]},
        {"time": dt.time(10)},
    ],
)
def test_a_cadence_that_is_not_valid_schedules_nothing(keys: dict[str, Any]) -> None:
    assert read_cadence(keys) == "invalid"


def test_a_cadence_is_read_from_the_four_keys() -> None:
    assert read_cadence({}) == "none"
    keys = {"times": 2, "per": "week", "days": ["fri", "tue"], "time": dt.time(10)}
    assert read_cadence(keys) == Cadence(2, "week", (1, 4), dt.time(10))


class TestSummerTime:
    """Slots keep their wall-clock time in Europe/Kyiv across the changes of 2026
    (summer time from 03:00 on Sunday 29 March, back at 04:00 on Sunday 25 October)."""

    def _plan(self, period: Period, at: dt.time) -> Plan:
        data = example(**{"Fresh today": {"times": 1, "per": "day", "time": at}})
        return build_plan(data, period)

    def test_march(self) -> None:
        plan = self._plan(Period(dt.date(2026, 3, 27), dt.date(2026, 3, 31)), dt.time(10))
        assert [s.start.strftime("%d %H:%M %z") for s in plan.slots] == [
            "27 10:00 +0200",
            "28 10:00 +0200",
            "29 10:00 +0300",
            "30 10:00 +0300",
            "31 10:00 +0300",
        ]
        utc = [slot.start.astimezone(dt.UTC).hour for slot in plan.slots]
        assert utc == [8, 8, 7, 7, 7]

    def test_october(self) -> None:
        plan = self._plan(Period(dt.date(2026, 10, 24), dt.date(2026, 10, 26)), dt.time(10))
        assert [s.start.strftime("%d %H:%M %z") for s in plan.slots] == [
            "24 10:00 +0300",
            "25 10:00 +0200",
            "26 10:00 +0200",
        ]

    def test_a_time_the_change_skips_moves_forward_by_the_gap(self) -> None:
        plan = self._plan(Period(dt.date(2026, 3, 28), dt.date(2026, 3, 30)), dt.time(3, 30))
        assert [s.start.strftime("%d %H:%M %z") for s in plan.slots] == [
            "28 03:30 +0200",
            "29 04:30 +0300",
            "30 03:30 +0300",
        ]

    def test_a_time_that_happens_twice_is_planned_once_at_its_first(self) -> None:
        plan = self._plan(Period(dt.date(2026, 10, 25), dt.date(2026, 10, 25)), dt.time(3, 30))
        assert [s.start.isoformat() for s in plan.slots] == ["2026-10-25T03:30:00+03:00"]


def test_the_time_zone_is_the_policys_else_the_local_one(monkeypatch: pytest.MonkeyPatch) -> None:
    data = example(**{"Fresh today": {"times": 1, "per": "day", "time": dt.time(10)}})
    plan = build_plan(data, Period(dt.date(2026, 7, 1), dt.date(2026, 7, 1)))
    assert (plan.zone_name, plan.zone_source) == ("Europe/Kyiv", "policy")
    monkeypatch.setenv("TZ", "America/New_York")
    for zone in ("Mars/Olympus_Mons", "", 3, None):
        changed = copy.deepcopy(data)
        changed["communication"]["response_time"]["timezone"] = zone
        plan = build_plan(changed, Period(dt.date(2026, 7, 1), dt.date(2026, 7, 1)))
        assert (plan.zone_name, plan.zone_source) == ("America/New_York", "local")
        assert plan.slots[0].start.isoformat() == "2026-07-01T10:00:00-04:00"
    assert local_zone().key == "America/New_York"


def test_hashtags_are_space_separated_within_the_platforms_limit() -> None:
    data = example(**{"Behind the ovens": {"times": 1, "per": "week"}})
    tags = [f"#Tag{n}" for n in range(1, 8)]
    data["content"]["rubrics"][0]["hashtags"] = tags
    data["platforms"] = [
        {"name": "Instagram", "owner": "x"},
        {"name": "threads", "owner": "x"},
        {"name": "Facebook", "owner": "x"},
    ]
    data["content"]["rubrics"][0]["platforms"] = ["Instagram", "Threads", "Facebook"]
    plan = build_plan(data, weeks_period(dt.date(2026, 3, 2), 1))
    shown = {slot.platform.name: slot.hashtags for slot in plan.slots}
    assert shown == {
        "Instagram": " ".join(tags[:5]),
        "threads": "#Tag1",
        "Facebook": " ".join(tags),
    }
    assert [(t.platform.name, t.limit) for t in plan.trimmed] == [("Instagram", 5), ("threads", 1)]


def test_totals_per_platform_and_goal() -> None:
    data = load(FIXTURES / "uk-cadence-policy.toml")
    plan = build_plan(data, FOUR_WEEKS)
    assert [(p.name, n) for p, n in plan.by_platform()] == [("Instagram", 16), ("Telegram", 8)]
    assert plan.by_goal() == [("sales", 8), ("trust", 8), ("informing", 8)]
    assert plan.goal_notes() == []  # trust and informing, the policy's goals, are served


def test_a_plan_dominated_by_another_goal_gets_a_note() -> None:
    data = example(
        **{
            "Behind the ovens": {"times": 1, "per": "week"},
            "Fresh today": {"times": 1, "per": "day"},
        }
    )
    data["communication"]["goals"] = ["trust", "informing"]
    notes = build_plan(data, FOUR_WEEKS).goal_notes()
    assert [(n.kind, n.goal, round(n.share, 2), n.first) for n in notes] == [
        ("dominant", "sales", 0.88, "trust"),
        ("unserved", "informing", 0.0, ""),
    ]
    data["communication"]["goals"] = ["sales", "trust"]
    assert build_plan(data, FOUR_WEEKS).goal_notes() == []


def test_uids_are_stable_unique_and_made_of_company_rubric_platform_day_and_time() -> None:
    data = load(FIXTURES / "cadence-policy.toml")
    plan = build_plan(data, month_period(2026, 3))
    uids = [plan.uid(slot) for slot in plan.slots]
    assert len(set(uids)) == len(uids)
    assert all(uid.endswith("@brand-presence") and len(uid) == 32 + 15 for uid in uids)
    again = build_plan(copy.deepcopy(data), weeks_period(dt.date(2026, 3, 2), 2))
    assert {again.uid(s) for s in again.slots} <= set(uids)  # another period, same slots
    renamed = copy.deepcopy(data)
    renamed["document"]["company"] = "NORTHWIND BAKERY "  # case and spaces do not count
    same = build_plan(renamed, month_period(2026, 3))
    assert [same.uid(s) for s in same.slots] == uids
    moved = copy.deepcopy(data)
    moved["content"]["rubrics"][1]["time"] = dt.time(8, 5)
    later = build_plan(moved, month_period(2026, 3))
    fresh = [later.uid(s) for s in later.slots if s.rubric.name == "Fresh today"]
    assert not set(fresh) & set(uids)


def test_slots_come_in_time_order_then_by_platform_and_rubric() -> None:
    data = load(FIXTURES / "uk-cadence-policy.toml")
    plan = build_plan(data, FOUR_WEEKS)
    keys = [(s.start, s.platform.number, s.rubric.number) for s in plan.slots]
    assert keys == sorted(keys)
    monday = [(s.platform.name, s.rubric.name) for s in plan.slots if s.date.day == 2]
    assert monday == [("Instagram", "Свіже обсмаження"), ("Telegram", "Свіже обсмаження")]


@pytest.mark.parametrize(
    "broken",
    [
        {"content": "rubrics"},
        {"content": {"rubrics": ["not a table", 3]}},
        {"content": {"rubrics": [{"name": 3, "times": 1, "per": "day", "platforms": "Instagram"}]}},
        {"platforms": [{"name": ["Instagram"], "status": 7}]},
        {"communication": {"response_time": {"timezone": ["Europe/Kyiv"]}, "goals": "trust"}},
        {"document": "Northwind"},
    ],
)
def test_values_of_the_wrong_type_are_skipped_never_a_crash(broken: dict[str, Any]) -> None:
    data = example(**{"Fresh today": {"times": 1, "per": "day"}})
    data.update(broken)
    plan = build_plan(data, month_period(2026, 3))
    assert isinstance(plan, Plan)


def test_the_periods() -> None:
    assert next_month(dt.date(2026, 12, 15)) == Period(dt.date(2027, 1, 1), dt.date(2027, 1, 31))
    assert next_month(dt.date(2026, 1, 31)) == Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert month_from(dt.date(2026, 3, 10)) == Period(dt.date(2026, 3, 10), dt.date(2026, 4, 9))
    assert month_from(dt.date(2026, 1, 31)) == Period(dt.date(2026, 1, 31), dt.date(2026, 2, 27))
    assert weeks_period(dt.date(2026, 3, 4), 2) == Period(dt.date(2026, 3, 4), dt.date(2026, 3, 17))
    assert next_monday(dt.date(2026, 3, 2)) == dt.date(2026, 3, 9)
    assert next_monday(dt.date(2026, 3, 8)) == dt.date(2026, 3, 9)
    assert Period(dt.date(2026, 11, 20), dt.date(2027, 2, 1)).months() == [
        (2026, 11),
        (2026, 12),
        (2027, 1),
        (2027, 2),
    ]
    with pytest.raises(ValueError, match="ends"):
        Period(dt.date(2026, 3, 2), dt.date(2026, 3, 1))
    with pytest.raises(ValueError, match="at most"):
        build_plan({}, weeks_period(dt.date(2026, 1, 5), 200))


def test_a_draft_plan_knows_it() -> None:
    plan = build_plan(load(EXAMPLE), month_period(2026, 3), missing=2)
    assert plan.draft and plan.missing == 2
    assert not build_plan(load(EXAMPLE), month_period(2026, 3)).draft


def test_a_plan_is_in_the_documents_language_unless_asked() -> None:
    data = load(FIXTURES / "uk-cadence-policy.toml")
    assert build_plan(data, FOUR_WEEKS).language == "uk"
    assert build_plan(data, FOUR_WEEKS, language="en").language == "en"
    assert build_plan(load(EXAMPLE), FOUR_WEEKS).language == "en"
    assert build_plan(data, FOUR_WEEKS, zone=KYIV).zone_source == "policy"
