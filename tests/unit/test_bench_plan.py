"""Figure 7's policy: the x100 policy with each rubric's cadence, and the slots it makes."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from bench.plan import FACTOR, FIRST, SLOTS, WEEKS, planned_policy
from exports.plan import build_plan, weeks_period
from schemas import check_policy


def test_the_planned_policy_has_only_the_cadence_keys_to_add() -> None:
    policy = planned_policy(2)
    rubrics = policy["content"]["rubrics"]
    assert [(r["times"], r["per"]) for r in rubrics] == [(2, "week"), (1, "day")] * 2
    cadence = ("times", "per", "days", "time")
    errors = [p for p in check_policy(policy) if p.level == "error"]
    assert all(p.path.rsplit(".", 1)[-1] in cadence for p in errors)


def test_a_year_of_the_x100_policy_makes_the_slots_the_figure_names() -> None:
    plan = build_plan(planned_policy(), weeks_period(FIRST, WEEKS))
    assert len(plan.slots) == SLOTS == 46_800
    per_rubric = Counter(slot.rubric.name.split(" ")[0] for slot in plan.slots)
    assert per_rubric == {"Behind": FACTOR * 2 * WEEKS, "Fresh": FACTOR * 7 * WEEKS}
    assert plan.period.last == dt.date(2028, 1, 2)
