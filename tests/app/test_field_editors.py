"""The field editors, one kind at a time: each shows a stored value, reads it back,
notices the author's change, and (where the kind parses text) reports a parse error.
Then `FieldRow` around an editor: the value loaded, a change written, a parse error
shown with the text kept as typed."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input, RadioButton, Static

from schemas.model import GOALS, LANGUAGES, STYLES
from screens.widgets.editors import EDITORS, FieldEditor, editor_for
from screens.widgets.editors.base import ParseError
from screens.widgets.fields import FieldRow, FieldSpec
from screens.widgets.messages import Edited
from screens.widgets.string_list import StringItems
from wizard.core.i18n import t
from wizard.core.state import PolicyState

PLATFORMS = {
    "platforms": [{"name": "Instagram"}, {"name": "Telegram"}],
    "content": {"rubrics": [{"name": "News", "platforms": ["instagram", "Vine"]}]},
}


@dataclass
class Row:
    """What an editor sees of its row (a `FieldContext`)."""

    state: PolicyState
    data_path: str | None


class Host(App[None]):
    """An app holding one editor's widgets, or one field row."""

    def __init__(self, *widgets_of: Callable[[], ComposeResult]) -> None:
        super().__init__()
        self._widgets_of = widgets_of
        self.edited: list[str] = []

    def compose(self) -> ComposeResult:
        for widgets in self._widgets_of:
            yield from widgets()

    def on_edited(self, event: Edited) -> None:
        self.edited.append(event.path)


async def until(pilot: Pilot[Any], condition: Callable[[], bool], what: str) -> None:
    """Wait (letting the app run) until `condition` holds."""
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await pilot.pause(0.02)


@asynccontextmanager
async def editing(
    spec: FieldSpec, data: dict[str, Any] | None = None, path: str | None = None
) -> AsyncIterator[tuple[FieldEditor[Any, Any], Pilot[Any]]]:
    """An editor of `spec` in a running app; its row edits `path` of `data`."""
    editor = editor_for(spec, Row(PolicyState(data), path or spec.path))
    async with Host(editor.compose).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        yield editor, pilot


@dataclass(frozen=True)
class RoundTrip:
    """A stored value shown and read back, then changed in the widget as the author would."""

    spec: FieldSpec
    stored: Any
    shows: Callable[[Any], Any]
    """What the widget shows (of the widget)."""
    shown: Any
    change: Callable[[Any], Any]
    """The author's change (to the widget)."""
    changed: Any
    """What the editor reads after the change."""
    data: dict[str, Any] = field(default_factory=dict)
    path: str | None = None

    @property
    def read(self) -> Any:
        return self.stored


ROUND_TRIPS: dict[str, RoundTrip] = {
    "text": RoundTrip(
        FieldSpec("document.company"),
        "Кав'ярня «Зерно»",
        lambda w: w.value,
        "Кав'ярня «Зерно»",
        lambda w: setattr(w, "value", "Zerno"),
        "Zerno",
    ),
    "long": RoundTrip(
        FieldSpec("mission.statement", "long"),
        "We bake.\n\nHonest bread.",
        lambda w: w.text,
        "We bake.\n\nHonest bread.",
        lambda w: w.load_text("We bake."),
        "We bake.",
    ),
    "date": RoundTrip(
        FieldSpec("document.effective_on", "date"),
        dt.date(2026, 12, 1),
        lambda w: w.value,
        "2026-12-01",
        lambda w: setattr(w, "value", " 2027-01-31 "),
        dt.date(2027, 1, 31),
    ),
    "integer": RoundTrip(
        FieldSpec("security.min_admins", "integer"),
        3,
        lambda w: w.value,
        "3",
        lambda w: setattr(w, "value", " 4 "),
        4,
    ),
    "timezone": RoundTrip(
        FieldSpec("communication.response_time.timezone", "timezone"),
        "Europe/Kyiv",
        lambda w: w.value,
        "Kyiv",  # the file keeps the zone, the field shows its city
        lambda w: setattr(w, "value", "Варшава"),
        "Europe/Warsaw",
    ),
    "minutes": RoundTrip(
        FieldSpec("communication.response_time.first_reply_max_minutes", "minutes"),
        90,
        lambda w: w.value,
        "1 h 30 min",  # as the author would write it, in the interface language
        lambda w: setattr(w, "value", "2 h 15 min"),
        135,
    ),
    "choice": RoundTrip(
        FieldSpec("document.language", "choice", choices=LANGUAGES, choice_key="language"),
        "uk",
        lambda w: w.value,
        "uk",
        lambda w: setattr(w, "value", "en"),
        "en",
    ),
    "radio": RoundTrip(
        FieldSpec("communication.style", "radio", choices=STYLES, choice_key="style"),
        "direct",
        lambda w: [b.value for b in w.query(RadioButton)],
        [False, False, True, False],
        lambda w: setattr(w.query(RadioButton)[0], "value", True),
        "official",
    ),
    "multi": RoundTrip(
        FieldSpec("communication.goals", "multi", choices=GOALS, choice_key="goal"),
        ["trust", "sales"],
        lambda w: sorted(w.selected),
        ["sales", "trust"],
        lambda w: w.deselect("sales"),
        ["trust"],
    ),
    "bool": RoundTrip(
        FieldSpec("platforms.two_factor", "bool"),
        True,
        lambda w: w.value,
        True,
        lambda w: setattr(w, "value", False),
        False,
    ),
    "strings": RoundTrip(
        FieldSpec("mission.objectives", "strings"),
        ["Fill the workshops", "Answer within a day"],
        lambda w: w.items,
        ["Fill the workshops", "Answer within a day"],
        lambda w: w.add_item("Post daily"),
        ["Fill the workshops", "Answer within a day", "Post daily"],
    ),
    "platforms": RoundTrip(
        FieldSpec("content.rubrics.platforms", "platforms"),
        ["instagram", "Vine"],
        lambda w: (
            [str(w.get_option_at_index(i).prompt) for i in range(w.option_count)] + w.selected
        ),
        ["Instagram", "Telegram", "Vine (not in section 2)", "Instagram", "Vine"],
        lambda w: w.select("Telegram"),
        ["instagram", "Vine", "Telegram"],  # the references kept as written, the tick added
        PLATFORMS,
        "content.rubrics[0].platforms",
    ),
    "cadence": RoundTrip(
        FieldSpec("content.rubrics.cadence", "cadence"),
        {"times": 2, "per": "week", "days": ["tue", "thu"], "time": dt.time(10)},
        lambda w: w.value,
        "2 per week, Tue Thu, 10:00",
        lambda w: setattr(w, "value", "1 на день"),
        {"times": 1, "per": "day", "days": None, "time": None},
        PLATFORMS,
        "content.rubrics[0].cadence",
    ),
}


def test_every_kind_has_a_round_trip() -> None:
    assert sorted(ROUND_TRIPS) == sorted(EDITORS)


@pytest.mark.parametrize("kind", sorted(ROUND_TRIPS))
async def test_shows_a_value_reads_it_back_and_notices_a_change(kind: str) -> None:
    case = ROUND_TRIPS[kind]
    async with editing(case.spec, case.data, case.path) as (editor, pilot):
        assert editor.widget.id == case.spec.widget_id
        editor.show(case.stored)
        await until(pilot, lambda: editor.read() == case.read, f"{kind} reads {case.read!r}")
        assert case.shows(editor.widget) == case.shown
        assert not editor.take_change(), "showing a value is no change"
        case.change(editor.widget)
        await until(pilot, lambda: editor.read() == case.changed, f"{kind} reads the change")
        assert editor.take_change()
        assert not editor.take_change(), "a change is reported once"


@pytest.mark.parametrize(
    ("kind", "stored", "read"),
    [
        ("text", dt.date(2026, 1, 2), "2026-01-02"),
        ("text", None, ""),
        ("long", 42, "42"),
        ("date", "soon", ParseError(t("field.date_invalid"), "soon")),
        ("minutes", None, None),
        ("integer", "3", 3),  # a string in the file shows as its text
        ("integer", None, None),
        ("choice", "bogus", None),
        ("radio", "bogus", None),
        ("radio", None, None),
        ("multi", ["sales", "bogus"], ["sales"]),
        ("multi", "sales", []),
        ("bool", "yes", False),
        ("bool", None, False),
        ("strings", ["a", 2], ["a", "2"]),
        ("strings", "a", []),
    ],
)
async def test_a_value_the_widget_cannot_show(kind: str, stored: Any, read: Any) -> None:
    """Files are edited by hand: any stored value shows as well as the kind can."""
    case = ROUND_TRIPS[kind]
    async with editing(case.spec, case.data, case.path) as (editor, pilot):
        editor.show(stored)
        await until(pilot, lambda: editor.read() == read, f"{kind} reads {read!r}")
        assert not editor.take_change()


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("2026-12-01", dt.date(2026, 12, 1)),
        ("", None),
        ("   ", None),
        ("2026-13-01", ParseError(t("field.date_no_such_day"), "2026-13-01")),
        ("1.12.2026", dt.date(2026, 12, 1)),
        ("15.12.2026", dt.date(2026, 12, 15)),
        ("2026-1-1", dt.date(2026, 1, 1)),
        ("31.02.2026", ParseError(t("field.date_no_such_day"), "31.02.2026")),
        ("12/15/2026", ParseError(t("field.date_invalid"), "12/15/2026")),
        ("tomorrow", ParseError(t("field.date_invalid"), "tomorrow")),
    ],
)
async def test_date_reads_day_first_and_iso_dates(typed: str, read: Any) -> None:
    async with editing(ROUND_TRIPS["date"].spec) as (editor, _):
        assert isinstance(editor.widget, Input)
        assert editor.widget.placeholder == t("field.date_placeholder")
        editor.widget.value = typed
        assert editor.read() == read
        said = editor.understood(editor.read())
        if isinstance(read, dt.date):  # said back in words: day and month never mistaken
            months = "January February March April May June July August September October"
            months += " November December"
            assert said == f"= {read.day} {months.split()[read.month - 1]} {read.year}"
        else:
            assert said is None


@pytest.mark.parametrize(
    ("typed", "read", "understood"),
    [
        ("45", 45, "= 45 min"),
        ("1 h 30 min", 90, "= 1 h 30 min"),
        ("", None, None),
        ("soon", ParseError(t("minutes.invalid"), "soon"), None),
        ("1.5 min", ParseError(t("minutes.fraction"), "1.5 min"), None),
    ],
)
async def test_minutes_parse_durations_and_say_what_they_understood(
    typed: str, read: Any, understood: str | None
) -> None:
    async with editing(ROUND_TRIPS["minutes"].spec) as (editor, _):
        assert isinstance(editor.widget, Input)
        assert editor.widget.placeholder == t("field.minutes_placeholder")
        editor.widget.value = typed
        assert editor.read() == read
        if not isinstance(read, ParseError):
            assert editor.understood(read) == understood


async def test_text_offers_the_specs_suggestions() -> None:
    spec = FieldSpec("platforms.name", suggestions=("Instagram", "Telegram"))
    async with editing(spec, path="platforms[0].name") as (editor, pilot):
        assert isinstance(editor.widget, Input)
        editor.widget.focus()
        await pilot.press("t", "e")
        deadline = time.monotonic() + 10
        while editor.read() != "Telegram":  # End takes the suggestion once it is shown
            assert time.monotonic() < deadline, f"no suggestion: {editor.read()!r}"
            await pilot.press("end")


async def test_a_list_of_strings_focuses_the_item_of_a_jump() -> None:
    async with editing(ROUND_TRIPS["strings"].spec) as (editor, pilot):
        assert isinstance(editor.focus_target(None), Input)  # empty: the new item's input
        editor.show(["a", "b", "c"])
        await pilot.pause()
        target = editor.focus_target(1)
        assert isinstance(target, StringItems) and target.highlighted == 1
        assert editor.focus_target(7) is target


async def test_the_platform_picker_says_when_section_2_is_empty() -> None:
    case = ROUND_TRIPS["platforms"]
    data = {"content": {"rubrics": [{"name": "News"}]}}
    async with editing(case.spec, data, case.path) as (editor, pilot):
        editor.show(None)
        await pilot.pause()
        empty = pilot.app.query_one(".picker-empty", Static)
        assert empty.display and editor.widget.option_count == 0


# -- the row around an editor ----------------------------------------------------
@dataclass
class Mounted:
    """A field row in a running app."""

    row: FieldRow
    state: PolicyState
    host: Host
    pilot: Pilot[Any]


@asynccontextmanager
async def row_of(spec: FieldSpec, data: dict[str, Any]) -> AsyncIterator[Mounted]:
    """A row editing `spec.path` of `data`, in a running app."""
    state = PolicyState(data)
    row = FieldRow(spec, state)
    host = Host(lambda: iter([row]))
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        yield Mounted(row, state, host, pilot)


def _problem(row: FieldRow) -> tuple[str, set[str]]:
    line = row.query_one(".field-problem", Static)
    return (str(line.render()) if line.display else ""), set(line.classes) - {"field-problem"}


async def test_a_row_loads_writes_and_shows_a_parse_error() -> None:
    spec = ROUND_TRIPS["minutes"].spec
    async with row_of(spec, {"communication": {"response_time": {}}}) as mounted:
        row, state, pilot = mounted.row, mounted.state, mounted.pilot
        assert row.editor is row.field_editor.widget
        # the label, then its help, above the field; the problem line under it
        heading = row.query_one(".field-label", Static)
        label, help_text = str(heading.render()).split("\n", 1)
        assert (label, help_text) == (t(spec.label_key), t(spec.help_key))
        assert list(row.children).index(heading) < list(row.children).index(row.editor)
        problem = row.query_one(".field-problem", Static)
        assert list(row.children).index(problem) == list(row.children).index(row.editor) + 1
        editor = row.query_one(Input)
        editor.value = "1 h"
        await until(pilot, lambda: state.get(spec.path) == 60, "60 minutes stored")
        assert mounted.host.edited == [spec.path]
        row.show_problems([])
        assert _problem(row) == ("= 1 h", {"-info"})
        editor.value = "an hour or so"
        await until(pilot, lambda: state.get(spec.path) == "an hour or so", "the text kept")
        row.show_problems(list(state.problems_under(spec.path)))
        assert _problem(row) == (t("minutes.invalid"), {"-error"})
        assert editor.has_class("-invalid")
        state.set(spec.path, 30)
        row.load()  # a change made elsewhere (a revert): shown, not written back
        assert editor.value == "30 min"
        row.show_problems([])
        assert _problem(row) == ("= 30 min", {"-info"})
        assert not editor.has_class("-invalid")


async def test_a_checkbox_row_shows_its_label_once() -> None:
    async with row_of(ROUND_TRIPS["bool"].spec, {"platforms": [{}]}) as mounted:
        assert not mounted.row.query(".field-label")
        assert t("field.platforms.two_factor") in str(mounted.row.editor.render())


async def test_a_disabled_row_writes_nothing() -> None:
    spec = ROUND_TRIPS["text"].spec
    async with row_of(spec, {"document": {"company": "Zerno"}}) as mounted:
        row, state, pilot = mounted.row, mounted.state, mounted.pilot
        row.bind(None)
        assert row.query_one(Input).value == ""
        row.query_one(Input).value = "Other"
        await pilot.pause()
        assert state.get(spec.path) == "Zerno"
        row.bind(spec.path)
        assert row.query_one(Input).value == "Zerno"


async def test_a_row_bound_before_it_is_composed_shows_the_value_when_it_mounts() -> None:
    # A list form binds its rows from the list's on_mount; on a loaded machine a row
    # may not have composed its editor yet. Binding then must not fail: the row shows
    # the value when it mounts.
    state = PolicyState({"tools": [{"name": "Buffer"}]})
    row = FieldRow(FieldSpec("tools.name"), state)
    assert not row.field_editor.composed
    row.bind("tools[0].name")  # before compose: remembered, not shown yet
    host = Host(lambda: iter([row]))
    async with host.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: row.field_editor.composed, "the row composed")
        await until(pilot, lambda: row.query_one(Input).value == "Buffer", "the value shown")
        assert state.get("tools[0].name") == "Buffer"


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("2", 2),
        (" 12 ", 12),
        ("", None),
        ("0", 0),
        ("-1", -1),  # the rules say it is out of range
        ("two", ParseError(t("field.integer_invalid"), "two")),
        ("2.5", ParseError(t("field.integer_invalid"), "2.5")),
        ("٣", ParseError(t("field.integer_invalid"), "٣")),
        ("9999999999", ParseError(t("field.integer_invalid"), "9999999999")),
    ],
)
async def test_a_whole_number_as_typed(typed: str, read: Any) -> None:
    async with editing(FieldSpec("security.min_admins", "integer")) as (editor, pilot):
        editor.widget.value = typed
        await until(pilot, lambda: editor.read() == read, f"{typed!r} reads {read!r}")
