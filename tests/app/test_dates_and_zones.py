"""Dates and time zones in the wizard as people write them: `15.12.2026` is a date,
«Київ» and "Lviv" are time zones; the file keeps TOML dates and IANA names, the fields
show them as the interface's language writes them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input

from tests.app.conftest import (
    SIZE,
    at_step,
    field_problem,
    focus,
    open_app,
    send_keys,
    shows,
    state_of,
    type_text,
    wait_for,
)

ZONE = "#communication-response_time-timezone"
ZONE_PATH = "communication.response_time.timezone"


async def test_a_date_typed_day_first_is_stored_as_a_date(tmp_path: Path) -> None:
    data = {"schema_version": 1, "document": {"review_by": dt.date(2027, 12, 1)}}
    app = open_app(tmp_path, data, section="document", lang="uk")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "document")
        review = app.screen.query_one("#document-review_by", Input)
        assert review.value == "01.12.2027"  # as Ukrainians write dates
        await type_text(pilot, "#document-effective_on", "15.12.2026")
        state = state_of(app)
        await wait_for(pilot, lambda: state.get("document.effective_on") == dt.date(2026, 12, 15))
        line = field_problem(app, "document-effective_on")
        await wait_for(pilot, lambda: "15 грудня 2026" in str(line.render()), "said in words")


async def test_time_zones_by_city_in_either_language(tmp_path: Path) -> None:
    app = open_app(tmp_path, section="communication-response", lang="uk")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "communication-response")
        state = state_of(app)
        line = field_problem(app, ZONE[1:])
        for typed in ("Київ", "Kyiv", "Львів", "Lviv", "Одеса", "Харків", "Дніпро"):
            await type_text(pilot, ZONE, typed)
            await wait_for(pilot, lambda: state.get(ZONE_PATH) == "Europe/Kyiv", typed)
            await wait_for(pilot, lambda: "Europe/Kyiv" in str(line.render()), "the zone said")
        await type_text(pilot, ZONE, "Варшава")
        await wait_for(pilot, lambda: state.get(ZONE_PATH) == "Europe/Warsaw", "Warsaw")


async def test_the_field_shows_the_city_and_suggests_kyiv_first(tmp_path: Path) -> None:
    times = {"response_time": {"first_reply_max_minutes": 30, "timezone": "Europe/Kyiv"}}
    data = {"schema_version": 1, "communication": times}
    app = open_app(tmp_path, data, section="communication-response", lang="uk")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, "communication-response")
        zone = app.screen.query_one(ZONE, Input)
        assert zone.value == "Київ"  # the file keeps Europe/Kyiv
        await type_text(pilot, zone, "")
        send_keys(pilot, *"Europe/K")
        await wait_for(
            pilot,
            lambda: zone.value == "Europe/K" and shows(zone, "Europe/Kyiv"),
            "Europe/Kyiv suggested",
        )
        send_keys(pilot, "end")  # takes the suggestion
        await wait_for(pilot, lambda: zone.value == "Europe/Kyiv")
        await focus(pilot, "#communication-response_time-working_hours")
        assert state_of(app).get(ZONE_PATH) == "Europe/Kyiv"
