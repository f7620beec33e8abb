"""The review's Plan tab: a month of the content plan drawn as a calendar.

A grid of weeks × days (Monday first); each day lists its slots, each as a goal's
mark and the time, then the platform's code and the rubric's number (the rubric's
name too when the column is wide). Slots are coloured by goal and marked by it
(● sales, ◆ trust, ▲ informing, ○ none), so the grid reads without colour too; the
legend under it names the goals, the platforms' codes and the rubrics. Above the
grid: the month with ◀ ▶ (or ← → in the calendar) to move, the Export button, and
notes (errors, a draft, rubrics not scheduled, platforms without slots, goals the
slots do not serve). The plan is `exports.plan`'s, as `presence plan` writes it;
the policy's errors do not hide it (the preview shows a policy with errors too), but
a plan with errors is not exported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ClassVar

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Static

from exports.plan import Plan, PlanPlatform, Slot, month_period, next_month, slots_by_day
from exports.plan_words import GOAL_MARKS, share_text
from schemas.controls import stand_in
from wizard.core.cadence import WEEKDAY_KEYS
from wizard.core.i18n import t
from wizard.core.planning import make_plan, plan_errors
from wizard.core.settings import DEFAULT_SETTINGS, Settings
from wizard.core.state import PolicyState

MONTH_KEYS = (
    "month.january",
    "month.february",
    "month.march",
    "month.april",
    "month.may",
    "month.june",
    "month.july",
    "month.august",
    "month.september",
    "month.october",
    "month.november",
    "month.december",
)
"""The catalogue keys of the months' names, January first."""

GOAL_KEYS: dict[str | None, str] = {
    "sales": "choice.goal.sales",
    "trust": "choice.goal.trust",
    "informing": "choice.goal.informing",
    None: "plan.no_goal",
}

GOAL_STYLES: dict[str | None, str] = {
    "sales": "bold green",
    "trust": "bold cyan",
    "informing": "bold magenta",
    None: "dim",
}
"""Each goal's colour (its mark says it without colour)."""

PLATFORM_CODES: dict[str, str] = {
    "instagram": "IG",
    "facebook": "FB",
    "telegram": "TG",
    "viber": "VB",
    "whatsapp": "WA",
    "tiktok": "TT",
    "youtube": "YT",
    "linkedin": "LI",
    "x": "X",
    "threads": "TH",
    "pinterest": "PI",
}
"""Two letters for the platforms of the wizard's catalogue; others get their first two."""

MAX_SLOTS_SHOWN = 6
"""A day lists at most this many slots, then how many more it has."""

WIDE_CELL = 16
"""From this many columns a day's slot shows the rubric's name, not only its number."""

REASON_KEYS = {
    "no_cadence": "plan.reason.no_cadence",
    "bad_cadence": "plan.reason.bad_cadence",
    "no_platforms": "plan.reason.no_platforms",
    "not_active": "plan.reason.not_active",
}

STATUS_KEYS = {"planned": "choice.status.planned", "paused": "choice.status.paused"}


def month_name(year: int, month: int) -> str:
    """The month as the interface names it: "March 2026", «Березень 2026»."""
    return f"{t(MONTH_KEYS[month - 1])} {year}"


def platform_codes(platforms: Sequence[PlanPlatform]) -> dict[int, str]:
    """A short code for each platform (by its number), unique within the policy."""
    codes: dict[int, str] = {}
    used: set[str] = set()
    for platform in platforms:
        name = platform.name.strip()
        code = PLATFORM_CODES.get(name.casefold()) or (name[:2].upper() or "?")
        base, n = code, 2
        while code in used:
            code, n = f"{base}{n}", n + 1
        used.add(code)
        codes[platform.number] = code
    return codes


class CalendarGrid(Widget):
    """A month as a grid of weeks × days; each day lists its slots."""

    DEFAULT_CSS = """
    CalendarGrid { height: auto; width: 1fr; }
    """

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.plan: Plan | None = None
        self.year = 1
        self.month = 1

    def show(self, plan: Plan, year: int, month: int) -> None:
        """Draw the slots of `plan` in the month `year`-`month`."""
        self.plan, self.year, self.month = plan, year, month
        self.refresh(layout=True)

    def render(self) -> RenderableType:
        plan = self.plan
        if plan is None:
            return ""
        width = max(self.size.width, 7 * 4 + 8)
        cell = (width - 8) // 7
        table = Table(
            box=box.SQUARE,
            show_lines=True,
            expand=True,
            padding=(0, 0),
            header_style="bold",
            border_style="dim",
        )
        for key in WEEKDAY_KEYS:
            table.add_column(t(key), ratio=1, overflow="fold", no_wrap=False)
        codes = platform_codes(plan.platforms)
        days = slots_by_day(plan.slots)
        period = month_period(self.year, self.month)
        first = period.first - dt.timedelta(days=period.first.weekday())
        day = first
        while day <= period.last:
            row = []
            for _ in range(7):
                row.append(self._cell(day, days.get(day, []), codes, cell, day in period))
                day += dt.timedelta(days=1)
            table.add_row(*row)
        return table

    def _cell(
        self, day: dt.date, slots: list[Slot], codes: dict[int, str], width: int, inside: bool
    ) -> Text:
        text = Text(str(day.day), style="bold" if inside else "dim")
        if not inside:
            return text
        for slot in slots[:MAX_SLOTS_SHOWN]:
            style = GOAL_STYLES[slot.rubric.goal]
            time = f"{slot.start.hour:02d}:{slot.start.minute:02d}"
            code = codes[slot.platform.number]
            text.append("\n")
            if width >= WIDE_CELL:
                text.append(f"{GOAL_MARKS[slot.rubric.goal]} {time} {code}", style=style)
                name = stand_in(slot.rubric.name)
                label = f"{slot.rubric.number}. {name}"
                if len(label) > width:
                    label = label[: width - 1] + "…"
                text.append("\n" + label, style=style)
            else:
                text.append(f"{GOAL_MARKS[slot.rubric.goal]}{time}", style=style)
                text.append(f"\n{code} {slot.rubric.number}", style=style)
        if len(slots) > MAX_SLOTS_SHOWN:
            text.append("\n" + t("plan.more", n=len(slots) - MAX_SLOTS_SHOWN), style="italic")
        return text


class PlanScroll(VerticalScroll):
    """The calendar's scrolling area; ← and → move to the previous and next month."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "month(-1)", "key.plan_previous"),
        Binding("right", "month(1)", "key.plan_next"),
    ]

    class Move(Message):
        """Show the month `by` months away from the one shown."""

        def __init__(self, by: int) -> None:
            super().__init__()
            self.by = by

    def action_month(self, by: int) -> None:
        """Ask for another month."""
        self.post_message(self.Move(by))


class PlanView(Vertical):
    """The month's plan: ◀ month ▶ and Export, notes, the calendar and its legend."""

    class ExportAsked(Message):
        """The author asked to export the plan of the month shown."""

        def __init__(self, year: int, month: int) -> None:
            super().__init__()
            self.year = year
            self.month = month

    def __init__(
        self, state: PolicyState, settings: Settings = DEFAULT_SETTINGS, *, id: str
    ) -> None:
        super().__init__(id=id)
        self.state = state
        self.settings = settings
        self.year: int | None = None
        self.month: int | None = None
        self._shown: tuple[int, int, int] | None = None
        """The state revision and month the calendar shows."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="plan-bar"):
            yield Button(t("plan.previous"), id="plan-previous", compact=True)
            yield Static("", id="plan-month", markup=False)
            yield Button(t("plan.next"), id="plan-next", compact=True)
            yield Static("", id="plan-gap")
            yield Button(t("plan.export"), id="plan-export", compact=True)
        with PlanScroll(id="plan-scroll"):
            yield Static("", id="plan-alert", markup=False)
            yield CalendarGrid(id="plan-grid")
            yield Static("", id="plan-legend", markup=False)
            yield Static("", id="plan-notes", markup=False)

    @property
    def shown_month(self) -> tuple[int, int]:
        """The month shown (the next one after today's until the author moves)."""
        if self.year is None or self.month is None:
            period = next_month(self.settings.today())
            self.year, self.month = period.first.year, period.first.month
        return self.year, self.month

    def show(self, *, force: bool = False) -> None:
        """Draw the plan of the month shown (again only when the policy changed)."""
        year, month = self.shown_month
        key = (self.state.revision, year, month)
        if key == self._shown and not force:
            return
        self._shown = key
        problems = self.state.problems()
        plan = make_plan(self.state.data, problems, month_period(year, month))
        self.query_one("#plan-month", Static).update(month_name(year, month))
        alert = self.query_one("#plan-alert", Static)
        alert.update(self._alert(plan, len(plan_errors(problems))))
        alert.display = bool(alert.visual)
        self.query_one("#plan-notes", Static).update(self._notes(plan))
        self.query_one("#plan-grid", CalendarGrid).show(plan, year, month)
        self.query_one("#plan-legend", Static).update(self._legend(plan))

    def move(self, by: int) -> None:
        """Show the month `by` months away."""
        year, month = self.shown_month
        index = year * 12 + month - 1 + by
        self.year, self.month = divmod(index, 12)[0], index % 12 + 1
        self.show()

    # -- words -------------------------------------------------------------------
    def _alert(self, plan: Plan, errors: int) -> Text:
        """What stands above the calendar: errors (no export), a draft, no cadence yet."""
        lines: list[Text] = []
        if errors:
            lines.append(Text(t("plan.has_errors", n=errors), style="bold red"))
        elif plan.draft:
            lines.append(Text(t("plan.draft", n=plan.missing), style="yellow"))
        if not any(rubric.cadence for rubric in plan.rubrics):
            lines.append(Text(t("plan.no_cadence"), style="italic"))
        return Text("\n").join(lines)

    def _notes(self, plan: Plan) -> Text:
        """What follows the legend: rubrics and platforms without slots, the goals."""
        lines: list[Text] = []
        if any(rubric.cadence for rubric in plan.rubrics):
            unscheduled = [
                t("plan.named", name=stand_in(u.rubric.name), why=t(REASON_KEYS[u.reason]))
                for u in plan.unscheduled
            ]
            if unscheduled:
                lines.append(Text(t("plan.unscheduled", names="; ".join(unscheduled))))
        inactive = [
            t("plan.named", name=stand_in(p.name), why=t(STATUS_KEYS[p.status]))
            for p in plan.inactive
        ]
        if inactive:
            lines.append(Text(t("plan.inactive", names="; ".join(inactive))))
        for note in plan.goal_notes():
            goal = t(GOAL_KEYS[note.goal])
            if note.kind == "dominant":
                share = share_text(note.share, plan.language)
                first = t(GOAL_KEYS[note.first])
                text = t("plan.note_dominant", share=share, goal=goal, first=first)
            else:
                text = t("plan.note_unserved", goal=goal)
            lines.append(Text("⚠ " + text, style="yellow"))
        zone = "plan.zone" if plan.zone_source == "policy" else "plan.zone_local"
        lines.append(Text(t(zone, zone=plan.zone_name), style="dim"))
        return Text("\n").join(lines)

    def _legend(self, plan: Plan) -> Text:
        legend = Text()
        legend.append(t("plan.legend_goals") + " ", style="bold")
        counts = dict(plan.by_goal())
        for index, goal in enumerate(("sales", "trust", "informing", None)):
            if goal is None and not counts.get(None):
                continue
            if index:
                legend.append("  ")
            label = f"{GOAL_MARKS[goal]} {t(GOAL_KEYS[goal])} {counts.get(goal, 0)}"
            legend.append(label, style=GOAL_STYLES[goal])
        legend.append("\n" + t("plan.slots", n=len(plan.slots)), style="bold")
        codes = platform_codes(plan.platforms)
        by_platform = plan.by_platform()
        if by_platform:
            legend.append("\n" + t("plan.legend_platforms") + " ", style="bold")
            legend.append(
                " · ".join(f"{codes[p.number]} {stand_in(p.name)} {n}" for p, n in by_platform)
            )
        scheduled = plan.scheduled
        if scheduled:
            legend.append("\n" + t("plan.legend_rubrics") + " ", style="bold")
            legend.append(" · ".join(f"{r.number}. {stand_in(r.name)}" for r in scheduled))
        return legend

    # -- events ------------------------------------------------------------------
    @on(Button.Pressed, "#plan-previous")
    def _previous(self, event: Button.Pressed) -> None:
        event.stop()
        self.move(-1)

    @on(Button.Pressed, "#plan-next")
    def _next(self, event: Button.Pressed) -> None:
        event.stop()
        self.move(1)

    @on(PlanScroll.Move)
    def _moved(self, event: PlanScroll.Move) -> None:
        event.stop()
        self.move(event.by)

    @on(Button.Pressed, "#plan-export")
    def _export(self, event: Button.Pressed) -> None:
        event.stop()
        year, month = self.shown_month
        self.post_message(self.ExportAsked(year, month))
