"""The content plan as CSV: one row per slot (RFC 4180: comma-separated, fields quoted
where needed, lines ending in CRLF, UTF-8).

The columns (`COLUMNS`, named in docs/content-plan.md): `date` (YYYY-MM-DD), `time`
(HH:MM, local to the plan's time zone), `utc_offset` (+02:00), `platform`, `rubric`,
`goal` (the policy's value: sales, trust or informing), `format`, `hashtags`
(space-separated, within the platform's limit), `description`, `example`, `draft`
(`yes` when the policy is a draft), `uid` (the slot's identity, as in the calendar).

`excel=True` writes what Excel opens as it is in Ukrainian (and most European)
locales: a byte-order mark, then `;` between fields. A cell that Excel would read as a
formula (beginning with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a `'`
before it there, as spreadsheet guidance advises; the plain CSV keeps every value as
written. Control characters other than line breaks and tabs are written as visible
escapes (`\\u001b`), as in the documents.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from exports.escape import clean_text
from exports.plan import Plan, Slot

COLUMNS: tuple[str, ...] = (
    "date",
    "time",
    "utc_offset",
    "platform",
    "rubric",
    "goal",
    "format",
    "hashtags",
    "description",
    "example",
    "draft",
    "uid",
)
"""The header row."""

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _offset(slot: Slot) -> str:
    """The slot's offset from UTC: "+02:00"."""
    offset = slot.start.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def plan_csv(plan: Plan, *, excel: bool = False) -> str:
    """The plan's slots as CSV text (with `excel`: a BOM and `;` separators)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    draft = "yes" if plan.draft else "no"
    tails: dict[tuple[int, int], list[str]] = {}
    heads: dict[dt.datetime, list[str]] = {}  # date, time and offset: rubrics share moments
    for slot in plan.slots:
        key = (slot.rubric.number, slot.platform.number)
        tail = tails.get(key)
        if tail is None:
            rubric = slot.rubric
            cells = [
                slot.platform.name,
                rubric.name,
                rubric.goal or "",
                rubric.format,
                slot.hashtags,
                rubric.description,
                rubric.example,
            ]
            tail = tails[key] = [_cell(cell, excel) for cell in cells]
        moment = slot.start
        head = heads.get(moment)
        if head is None:
            head = heads[moment] = [
                f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}",
                f"{moment.hour:02d}:{moment.minute:02d}",
                _offset(slot),
            ]
        writer.writerow([*head, *tail, draft, plan.uid(slot)])
    text = buffer.getvalue()
    return BOM + text if excel else text


def _cell(value: str, excel: bool) -> str:
    text = clean_text(value)
    if excel and text.startswith(_FORMULA_START):
        return "'" + text
    return text
