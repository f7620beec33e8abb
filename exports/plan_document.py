"""The content plan as a document: Markdown (CommonMark with tables) or a standalone
HTML page, in the plan's language.

The document: the title with the company, a draft's mark, the period and the time
zone, the notes on goals; then each month with a table per week (Monday to Sunday,
cut to the month and the period: date, time, platform, rubric, goal, format,
hashtags); the totals per platform and per goal (per month too when the plan spans
several); the rubrics not scheduled and why; the platforms without slots; and the
brief of each scheduled rubric (its cadence, platforms, hashtags, description and
example). The author's text is always text (`exports.escape` for Markdown,
`html.escape` for HTML, control characters as visible escapes).

A year of a large policy has tens of thousands of rows: a row's cells are escaped
once per day, time and rubric on a platform, and joined for each slot.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator, Sequence
from typing import Protocol

from exports.escape import clean_text, escape_inline, escape_lines
from exports.mdwriter import MarkdownWriter
from exports.plan import Plan, PlanPlatform, PlanRubric, Slot
from exports.plan_words import (
    GOAL_MARKS,
    PlanLanguage,
    cadence_text,
    day_range,
    goal_name,
    month_title,
    period_text,
    share_text,
    short_date,
    status_name,
    time_text,
    words,
)

__all__ = ["plan_html", "plan_markdown", "plan_title"]

_PLAIN_HASHTAG = re.compile(r"#[^\W_]+")
"""A hashtag Markdown shows as it is written (nothing in it is markup)."""

_MARKUP = re.compile(r"[\\`*_\[\]<>|&#]")


class Ours(str):
    """Text the program writes (dates, times, counts, its own words), as opposed to the
    author's: Markdown shows it nearly as it is, escaping only the few characters that
    could be markup in it (the author's text has every punctuation character escaped)."""

    __slots__ = ()


class Hashtags(str):
    """The author's hashtags, space-separated: Markdown shows a valid one as written."""

    __slots__ = ()


def _md_hashtags(text: str) -> str:
    return " ".join(
        tag if _PLAIN_HASHTAG.fullmatch(tag) else escape_inline(tag) for tag in text.split()
    )


def _md(text: str) -> str:
    """Text as literal inline Markdown: ours lightly, the author's fully escaped."""
    if isinstance(text, Hashtags):
        return _md_hashtags(text)
    if isinstance(text, Ours):
        return _MARKUP.sub(lambda m: "\\" + m.group(), text.replace("\n", " "))
    return escape_inline(text)


def _md_lines(text: str) -> str:
    if isinstance(text, (Ours, Hashtags)):
        return _md(text)
    return escape_lines(text)


def plan_title(plan: Plan) -> str:
    """The plan's title with the company: "Content plan — Northwind Bakery"."""
    title = words(plan.language)("title")
    company = _company(plan)
    return f"{title} — {company}" if company else title


def _company(plan: Plan) -> str:
    return " ".join(clean_text(plan.company).split())


class _Writer(Protocol):
    """What the document is written through: Markdown or HTML."""

    def title(self, title: str, company: str) -> None: ...
    def draft(self, label: str, text: str) -> None: ...
    def facts(self, facts: Sequence[tuple[str, str]]) -> None: ...
    def heading(self, level: int, text: str) -> None: ...
    def paragraph(self, text: str) -> None: ...
    def paragraph_with(self, *parts: str) -> None: ...
    def note(self, text: str) -> None: ...
    def bullets(self, items: Sequence[tuple[str, str]]) -> None: ...
    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None: ...
    def slots(self, header: Sequence[str], slots: Sequence[Slot]) -> None: ...
    def text(self) -> str: ...


def _weeks_of(first: dt.date, last: dt.date) -> Iterator[tuple[dt.date, dt.date]]:
    """The weeks (Monday to Sunday) from `first` to `last`, each cut to them."""
    start = first
    while start <= last:
        end = min(start + dt.timedelta(days=6 - start.weekday()), last)
        yield start, end
        start = end + dt.timedelta(days=1)


def _write(plan: Plan, out: _Writer) -> None:
    lang = plan.language
    w = words(lang)
    out.title(Ours(w("title")), _company(plan))
    if plan.draft:
        text = w("draft", n=plan.missing)
        out.draft(Ours(w("draft_short")), Ours(text))
    zone_key = "zone_policy" if plan.zone_source == "policy" else "zone_local"
    out.facts(
        [
            (Ours(w("period")), Ours(period_text(plan.period.first, plan.period.last, lang))),
            (Ours(w("zone")), Ours(w(zone_key, zone=plan.zone_name))),
            (Ours(w("slots")), Ours(str(len(plan.slots)))),
        ]
    )
    for note in _goal_notes(plan):
        out.note(Ours(note))
    header = [
        Ours(w(key)) for key in ("date", "time", "platform", "rubric", "goal", "format", "hashtags")
    ]
    months = plan.period.months()
    by_month: dict[tuple[int, int], list[Slot]] = {}
    for slot in plan.slots:
        by_month.setdefault((slot.start.year, slot.start.month), []).append(slot)
    for year, month in months if plan.slots else ():
        out.heading(2, Ours(month_title(year, month, lang)))
        in_month = by_month.get((year, month), [])
        first = max(plan.period.first, dt.date(year, month, 1))
        last = min(plan.period.last, _month_end(year, month))
        weeks: dict[dt.date, list[Slot]] = {}
        for slot in in_month:
            day = slot.date
            weeks.setdefault(day - dt.timedelta(days=day.weekday()), []).append(slot)
        for start, end in _weeks_of(first, last):
            out.heading(3, Ours(day_range(start, end, lang)))
            week = weeks.get(start - dt.timedelta(days=start.weekday()), [])
            if week:
                out.slots(header, week)
            else:
                out.paragraph(Ours(w("no_slots_week")))
        if len(months) > 1:
            title = w("totals_month", month=month_title(year, month, lang))
            out.heading(3, Ours(title))
            _write_totals(plan, in_month, out)
    out.heading(2, Ours(w("totals")))
    if plan.slots:
        _write_totals(plan, list(plan.slots), out)
    else:
        out.paragraph(Ours(w("no_slots")))
    if plan.unscheduled:
        out.heading(2, Ours(w("unscheduled")))
        out.bullets([(u.rubric.name, Ours(w(f"reason_{u.reason}"))) for u in plan.unscheduled])
    if plan.inactive:
        out.heading(2, Ours(w("inactive")))
        out.bullets([(p.name, Ours(status_name(p.status, lang))) for p in plan.inactive])
    on: dict[int, dict[int, PlanPlatform]] = {}
    for slot in plan.slots:
        on.setdefault(slot.rubric.number, {})[slot.platform.number] = slot.platform
    scheduled = [rubric for rubric in plan.rubrics if rubric.number in on]
    if scheduled:
        out.heading(2, Ours(w("briefs")))
        for rubric in scheduled:
            platforms = on[rubric.number]
            _write_brief(plan, rubric, [platforms[n] for n in sorted(platforms)], out)


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return following - dt.timedelta(days=1)


def _goal_notes(plan: Plan) -> list[str]:
    w = words(plan.language)
    notes = []
    for note in plan.goal_notes():
        goal = goal_name(note.goal, plan.language)
        if note.kind == "dominant":
            first = goal_name(note.first, plan.language)
            share = share_text(note.share, plan.language)
            notes.append(w("note_dominant", share=share, goal=goal, first=first))
        else:
            notes.append(w("note_unserved", goal=goal))
    return notes


def _write_totals(plan: Plan, slots: list[Slot], out: _Writer) -> None:
    lang = plan.language
    w = words(lang)
    total = len(slots)
    counts: dict[int, int] = {}
    goals: dict[str | None, int] = {}
    for slot in slots:
        counts[slot.platform.number] = counts.get(slot.platform.number, 0) + 1
        goals[slot.rubric.goal] = goals.get(slot.rubric.goal, 0) + 1
    out.table(
        [Ours(w("platform")), Ours(w("slots")), Ours(w("share"))],
        [
            [
                p.name,
                Ours(str(counts[p.number])),
                Ours(share_text(counts[p.number] / total, lang)),
            ]
            for p in plan.platforms
            if p.number in counts
        ],
    )
    order: list[str | None] = ["sales", "trust", "informing", None]
    out.table(
        [Ours(w("goal")), Ours(w("slots")), Ours(w("share")), Ours(w("policy_goal"))],
        [
            [
                Ours(_goal_label(goal, lang)),
                Ours(str(goals[goal])),
                Ours(share_text(goals[goal] / total, lang)),
                Ours(w("yes") if goal in plan.goals else w("no")),
            ]
            for goal in order
            if goal in goals
        ],
    )


def _goal_label(goal: str | None, lang: PlanLanguage) -> str:
    """A goal with its mark: "◆ Brand trust"."""
    return f"{GOAL_MARKS[goal]} {goal_name(goal, lang)}"


def _write_brief(
    plan: Plan, rubric: PlanRubric, platforms: Sequence[PlanPlatform], out: _Writer
) -> None:
    lang = plan.language
    w = words(lang)
    out.heading(3, rubric.name)
    facts: list[tuple[str, str]] = [(Ours(w("goal")), Ours(_goal_label(rubric.goal, lang)))]
    if rubric.cadence is not None:
        facts.append((Ours(w("cadence")), Ours(cadence_text(rubric.cadence, lang))))
    facts.append((Ours(w("platforms")), ", ".join(p.name for p in platforms)))
    if rubric.format:
        facts.append((Ours(w("format")), rubric.format))
    if rubric.hashtags:
        facts.append((Ours(w("hashtags")), Hashtags(" ".join(rubric.hashtags))))
    out.facts(facts)
    for trim in plan.trimmed:
        if trim.rubric is rubric:
            text = w("trimmed", platform="{platform}", limit=trim.limit)
            before, _, after = text.partition("{platform}")
            out.paragraph_with(Ours(before), trim.platform.name, Ours(after))
    if rubric.description:
        out.facts([(Ours(w("description")), rubric.description)])
    if rubric.example:
        out.facts([(Ours(w("example")), rubric.example)])


# -- Markdown ---------------------------------------------------------------------------
class _Markdown:
    """The plan as Markdown blocks."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.out = MarkdownWriter()
        self._days: dict[dt.date, str] = {}
        self._tails: dict[tuple[int, int], str] = {}

    def title(self, title: str, company: str) -> None:
        self.out.heading(1, f"{_md(title)} — {_md(company)}" if company else _md(title))

    def draft(self, label: str, text: str) -> None:
        self.out.paragraph(f"**{_md(label)}** — {_md(text)}")

    def facts(self, facts: Sequence[tuple[str, str]]) -> None:
        self.out.paragraph(
            "\\\n".join(f"**{_md(label)}:** {_md_lines(value)}" for label, value in facts)
        )

    def heading(self, level: int, text: str) -> None:
        self.out.heading(level, _md(text))

    def paragraph(self, text: str) -> None:
        self.out.paragraph(_md_lines(text))

    def paragraph_with(self, *parts: str) -> None:
        self.out.paragraph("".join(_md(part) for part in parts))

    def note(self, text: str) -> None:
        self.out.quote(_md_lines(text))

    def bullets(self, items: Sequence[tuple[str, str]]) -> None:
        self.out.bullets([f"{_md(name)} — {_md(why)}" for name, why in items])

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.out.table(
            [_md(cell) for cell in header], [[_md(cell) for cell in row] for row in rows]
        )

    def slots(self, header: Sequence[str], slots: Sequence[Slot]) -> None:
        lines = ["| " + " | ".join(_md(cell) for cell in header) + " |"]
        lines.append("|" + "---|" * len(header))
        for slot in slots:
            lines.append(f"| {self._day(slot.date)} | {time_text(slot.start)} | {self._tail(slot)}")
        self.out.paragraph("\n".join(lines))

    def _day(self, day: dt.date) -> str:
        found = self._days.get(day)
        if found is None:
            found = self._days[day] = _md(Ours(short_date(day, self.plan.language)))
        return found

    def _tail(self, slot: Slot) -> str:
        key = (slot.rubric.number, slot.platform.number)
        found = self._tails.get(key)
        if found is None:
            rubric = slot.rubric
            cells = [
                escape_inline(slot.platform.name),
                escape_inline(rubric.name),
                _md(Ours(_goal_label(rubric.goal, self.plan.language))),
                escape_inline(rubric.format),
                _md_hashtags(slot.hashtags),
            ]
            found = self._tails[key] = " | ".join(cells) + " |"
        return found

    def text(self) -> str:
        return self.out.text()


def plan_markdown(plan: Plan) -> str:
    """The plan as a Markdown document."""
    writer = _Markdown(plan)
    _write(plan, writer)
    return writer.text()


# -- HTML -------------------------------------------------------------------------------
STYLE = """\
:root { color-scheme: light; }
body {
  margin: 2rem auto; padding: 0 1.25rem; max-width: 60rem;
  font: 0.95rem/1.5 "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
  color: #1d1d1f; background: #fff;
}
h1 { font-size: 1.7rem; margin: 0 0 0.6em; }
h2 { font-size: 1.35rem; border-bottom: 1px solid #c8c8cc; padding-bottom: 0.2em;
  margin: 1.6em 0 0.5em; }
h3 { font-size: 1.05rem; margin: 1.2em 0 0.4em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
th, td { border: 1px solid #b8b8be; padding: 0.25em 0.5em; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
th { background: #f1f1f4; }
td.time, td.date { white-space: nowrap; }
.goal-sales { background: #e6f4ea; }
.goal-trust { background: #e8f0fe; }
.goal-informing { background: #fef7e0; }
.draft { border: 2px solid #b3261e; padding: 0.4em 0.8em; }
.note { border-left: 4px solid #e37400; background: #fff4e5; padding: 0.4em 1em; }
@media print {
  @page { margin: 1.5cm; size: landscape; }
  body { margin: 0; padding: 0; max-width: none; font-size: 9pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
}
"""
"""The page's CSS: each goal's rows tinted (the goal's mark and name say it too)."""


def _h(text: str) -> str:
    return html.escape(clean_text(text), quote=False)


def _h_lines(text: str) -> str:
    return "<br>\n".join(_h(line) for line in clean_text(text).split("\n"))


class _Html:
    """The plan as the body of an HTML page."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.parts: list[str] = []
        self._days: dict[dt.date, str] = {}
        self._tails: dict[tuple[int, int], tuple[str, str]] = {}

    def title(self, title: str, company: str) -> None:
        text = f"{title} — {company}" if company else title
        self.parts.append(f"<h1>{_h(text)}</h1>\n")

    def draft(self, label: str, text: str) -> None:
        self.parts.append(f'<p class="draft"><strong>{_h(label)}</strong> — {_h(text)}</p>\n')

    def facts(self, facts: Sequence[tuple[str, str]]) -> None:
        lines = "<br>\n".join(
            f"<strong>{_h(label)}:</strong> {_h_lines(value)}" for label, value in facts
        )
        self.parts.append(f"<p>{lines}</p>\n")

    def heading(self, level: int, text: str) -> None:
        self.parts.append(f"<h{level}>{_h(text)}</h{level}>\n")

    def paragraph(self, text: str) -> None:
        self.parts.append(f"<p>{_h_lines(text)}</p>\n")

    def paragraph_with(self, *parts: str) -> None:
        self.parts.append(f"<p>{''.join(_h(part) for part in parts)}</p>\n")

    def note(self, text: str) -> None:
        self.parts.append(f'<p class="note">{_h_lines(text)}</p>\n')

    def bullets(self, items: Sequence[tuple[str, str]]) -> None:
        rows = "".join(f"<li>{_h(name)} — {_h(why)}</li>\n" for name, why in items)
        self.parts.append(f"<ul>\n{rows}</ul>\n")

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        head = "".join(f"<th>{_h(cell)}</th>" for cell in header)
        body = "".join(
            "<tr>" + "".join(f"<td>{_h(cell)}</td>" for cell in row) + "</tr>\n" for row in rows
        )
        self.parts.append(
            f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n"
        )

    def slots(self, header: Sequence[str], slots: Sequence[Slot]) -> None:
        head = "".join(f"<th>{_h(cell)}</th>" for cell in header)
        rows = [f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"]
        for slot in slots:
            css, tail = self._tail(slot)
            rows.append(
                f'<tr class="{css}"><td class="date">{self._day(slot.date)}</td>'
                f'<td class="time">{time_text(slot.start)}</td>{tail}</tr>\n'
            )
        rows.append("</tbody>\n</table>\n")
        self.parts.append("".join(rows))

    def _day(self, day: dt.date) -> str:
        found = self._days.get(day)
        if found is None:
            found = self._days[day] = _h(short_date(day, self.plan.language))
        return found

    def _tail(self, slot: Slot) -> tuple[str, str]:
        key = (slot.rubric.number, slot.platform.number)
        found = self._tails.get(key)
        if found is None:
            rubric = slot.rubric
            cells = (
                slot.platform.name,
                rubric.name,
                _goal_label(rubric.goal, self.plan.language),
                rubric.format,
                slot.hashtags,
            )
            css = f"goal-{rubric.goal}" if rubric.goal else "goal-none"
            found = self._tails[key] = (css, "".join(f"<td>{_h(c)}</td>" for c in cells))
        return found

    def text(self) -> str:
        return "".join(self.parts)


def plan_html(plan: Plan) -> str:
    """The plan as a standalone HTML page (no scripts, fonts or images to fetch)."""
    writer = _Html(plan)
    _write(plan, writer)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{plan.language}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_h(plan_title(plan))}</title>\n"
        f"<style>\n{STYLE}</style>\n"
        "</head>\n"
        "<body>\n"
        f"<main>\n{writer.text()}</main>\n"
        "</body>\n"
        "</html>\n"
    )
